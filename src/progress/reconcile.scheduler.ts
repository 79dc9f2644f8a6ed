import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { registerOnEveryConnect } from '../jobs/schedule-on-connect.js';

const RECONCILE_EVERY_MS = 60_000;

/**
 * Finds work that never reached Redis: a job scheduler runs the reconcile pass every minute,
 * and it runs at once whenever this worker (re)connects to Redis.
 */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcileScheduler.name);

  constructor(
    @InjectQueue(QueueName.Aggregation) private readonly queue: Queue,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return registerOnEveryConnect(this.queue, this.logger, 'the reconcile pass', async () => {
      await this.queue.upsertJobScheduler(
        JobName.ReconcileAggregations,
        { every: RECONCILE_EVERY_MS },
        { name: JobName.ReconcileAggregations, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
      await this.jobs.enqueue(JobName.ReconcileAggregations, {});
    });
  }
}
