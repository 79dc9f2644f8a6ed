import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { ProgressService } from './progress.service.js';

// Pilot passes of different pilots run side by side (they share the aggregation lock); a
// whole-period pass waits for them and runs alone.
@Processor(QueueName.Aggregation, { concurrency: 4 })
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
        return { periodId, aggregated: await this.progress.aggregate({ periodId }) };
      }
      case JobName.AggregatePilot: {
        const { pilotId } = job.data as JobPayloads[JobName.AggregatePilot];
        return { pilotId, aggregated: await this.progress.aggregate({ pilotId }) };
      }
      case JobName.AggregateAllPeriods: {
        const periodIds = await this.progress.periodIds();
        for (const periodId of periodIds) await this.jobs.enqueue(JobName.AggregatePeriod, { periodId });
        return { periods: periodIds.length };
      }
      case JobName.ReconcileAggregations: {
        const { pilotIds, periodIds } = await this.progress.stale();
        for (const periodId of periodIds) await this.jobs.enqueue(JobName.AggregatePeriod, { periodId });
        for (const pilotId of pilotIds) await this.jobs.enqueue(JobName.AggregatePilot, { pilotId });
        if (pilotIds.length || periodIds.length) {
          this.logger.log(`Reconcile: re-aggregating ${periodIds.length} period(s) and ${pilotIds.length} pilot(s)`);
        }
        return { periods: periodIds.length, pilots: pilotIds.length };
      }
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Aggregation}`);
    }
  }
}
