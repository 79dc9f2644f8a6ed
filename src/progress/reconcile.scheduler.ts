import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';

const RECONCILE_EVERY_MS = 60_000;

/**
 * Finds work that never reached Redis: a job scheduler runs the reconcile pass every minute,
 * and every time this worker (re)connects to Redis it is re-registered and run at once — a
 * restarted Redis may have lost both the scheduler and the jobs.
 */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcileScheduler.name);

  constructor(
    @InjectQueue(QueueName.Aggregation) private readonly queue: Queue,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const client = await this.queue.getBackend().client;
    client.on('ready', () => void this.schedule());
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        JobName.ReconcileAggregations,
        { every: RECONCILE_EVERY_MS },
        { name: JobName.ReconcileAggregations, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
      await this.jobs.enqueue(JobName.ReconcileAggregations, {});
    } catch (error) {
      this.logger.warn(`Could not schedule the reconcile pass yet: ${(error as Error).message}`);
    }
  }
}
