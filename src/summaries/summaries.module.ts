import { Module } from '@nestjs/common';
import { SummariesController } from './summaries.controller.js';
import { SummariesRepository } from './summaries.repository.js';
import { SummariesService } from './summaries.service.js';

@Module({
  controllers: [SummariesController],
  providers: [SummariesService, SummariesRepository],
  exports: [SummariesRepository],
})
export class SummariesModule {}
