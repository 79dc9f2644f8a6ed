import { Module } from '@nestjs/common';
import { NotificationsWorkersModule } from '../notifications/notifications-workers.module.js';
import { ProgressWorkersModule } from '../progress/progress-workers.module.js';
import { SummariesWorkersModule } from '../summaries/summaries-workers.module.js';

/** Every BullMQ worker. Imported only by processes that should consume jobs (APP_ROLE all or worker). */
@Module({
  imports: [ProgressWorkersModule, SummariesWorkersModule, NotificationsWorkersModule],
})
export class WorkersModule {}
