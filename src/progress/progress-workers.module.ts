import { Module } from '@nestjs/common';
import { AggregationProcessor } from './aggregation.processor.js';
import { ProgressModule } from './progress.module.js';
import { ReconcileScheduler } from './reconcile.scheduler.js';

/** The aggregation worker and the reconcile scheduler, for processes that run workers. */
@Module({
  imports: [ProgressModule],
  providers: [AggregationProcessor, ReconcileScheduler],
})
export class ProgressWorkersModule {}
