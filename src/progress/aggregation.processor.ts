import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ProgressService } from './progress.service.js';

@Processor(QueueName.Aggregation)
export class AggregationProcessor extends WorkerHost {
  private readonly logger = new Logger(AggregationProcessor.name);

  constructor(
    private readonly progress: ProgressService,
    private readonly jobs: JobQueue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as JobName) {
      case JobName.AggregatePeriod: {
        const { periodId } = job.data as JobPayloads[JobName.AggregatePeriod];
        const aggregation = await this.progress.aggregate(periodId);
        return { periodId, aggregatedAt: aggregation?.aggregatedAt ?? null };
      }
      case JobName.ReconcileAggregations: {
        const stale = await this.progress.stalePeriodIds();
        for (const periodId of stale) await this.jobs.enqueue(JobName.AggregatePeriod, { periodId });
        if (stale.length) this.logger.log(`Reconcile: re-aggregating ${stale.length} period(s)`);
        return { stale: stale.length };
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Aggregation}`);
    }
  }
}
