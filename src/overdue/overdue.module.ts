import { Module } from '@nestjs/common';
import { OverdueRepository } from './overdue.repository.js';

@Module({
  providers: [OverdueRepository],
  exports: [OverdueRepository],
})
export class OverdueModule {}
