import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QUEUE_OF, QueueName, type JobPayloads } from './job-catalogue.js';
import { jobOptions } from './job-options.js';

/** How long a request may wait for Redis before giving up on enqueueing. */
const ENQUEUE_TIMEOUT_MS = 1000;
/** After a failure, enqueueing is skipped at once for this long instead of waiting again. */
const BACKOFF_AFTER_FAILURE_MS = 5000;
/** Connection errors repeat many times a second while Redis is away; log one per interval. */
const ERROR_LOG_INTERVAL_MS = 30_000;

/**
 * Enqueues jobs from the catalogue. Redis being down never fails the caller's request:
 * PostgreSQL already holds the change, and the reconcile pass picks up what was not enqueued.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues: Record<QueueName, Queue>;
  private unavailableUntil = 0;
  private lastErrorLoggedAt = 0;

  constructor(
    @InjectQueue(QueueName.Aggregation) aggregation: Queue,
    @InjectQueue(QueueName.Summaries) summaries: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
  ) {
    this.queues = {
      [QueueName.Aggregation]: aggregation,
      [QueueName.Summaries]: summaries,
      [QueueName.Notifications]: notifications,
    };
    for (const queue of Object.values(this.queues)) queue.on('error', (error) => this.logRedisError(error));
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Adds the job and resolves true, or logs and resolves false when Redis does not answer in time. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<boolean> {
    if (Date.now() < this.unavailableUntil) return false;
    const queue = this.queues[QUEUE_OF[name]];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([queue.add(name, payload, jobOptions(name, payload)), timeout]);
      return true;
    } catch (error) {
      this.unavailableUntil = Date.now() + BACKOFF_AFTER_FAILURE_MS;
      this.logger.warn(`Could not enqueue ${name} ${JSON.stringify(payload)}, the reconcile pass will: ${(error as Error).message}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether Redis holds the job with this payload's id, in any state (for jobs with a deterministic id). */
  async holds<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<boolean> {
    const { jobId } = jobOptions(name, payload);
    if (!jobId) throw new Error(`${name} jobs have no deterministic id to look up`);
    return (await this.queues[QUEUE_OF[name]].getJob(jobId)) !== undefined;
  }

  private logRedisError(error: Error): void {
    if (Date.now() - this.lastErrorLoggedAt < ERROR_LOG_INTERVAL_MS) return;
    this.lastErrorLoggedAt = Date.now();
    this.logger.error(`Redis connection problem: ${error.message}`);
  }
}
