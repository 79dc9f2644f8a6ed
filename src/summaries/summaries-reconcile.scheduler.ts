import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { registerOnEveryConnect } from '../jobs/schedule-on-connect.js';

const RECONCILE_EVERY_MS = 60_000;

/** Re-queues summaries whose rendering job never reached Redis (requested while it was away). */
@Injectable()
export class SummariesReconcileScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(SummariesReconcileScheduler.name);

  constructor(
    @InjectQueue(QueueName.Summaries) private readonly queue: Queue,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return registerOnEveryConnect(this.queue, this.logger, 'the summaries reconcile pass', async () => {
      await this.queue.upsertJobScheduler(
        JobName.ReconcileSummaries,
        { every: RECONCILE_EVERY_MS },
        { name: JobName.ReconcileSummaries, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
      await this.jobs.enqueue(JobName.ReconcileSummaries, {});
    });
  }
}
