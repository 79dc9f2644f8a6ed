import { Module } from '@nestjs/common';
import { ProgressWorkersModule } from '../progress/progress-workers.module.js';

/** Every BullMQ worker. Imported only by processes that should consume jobs (APP_ROLE all or worker). */
@Module({
  imports: [ProgressWorkersModule],
})
export class WorkersModule {}
