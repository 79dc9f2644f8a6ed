import { Module } from '@nestjs/common';
import { OverdueModule } from '../overdue/overdue.module.js';
import { ProgressModule } from '../progress/progress.module.js';
import { SummariesModule } from './summaries.module.js';
import { SummaryDataBuilder } from './summary-data.builder.js';
import { SummariesReconcileScheduler } from './summaries-reconcile.scheduler.js';
import { SummaryProcessor } from './summary.processor.js';
import { SummaryRendererService } from './summary-renderer.service.js';

/** The PDF rendering worker, for processes that run workers. */
@Module({
  imports: [SummariesModule, ProgressModule, OverdueModule],
  providers: [SummaryDataBuilder, SummaryRendererService, SummaryProcessor, SummariesReconcileScheduler],
})
export class SummariesWorkersModule {}
