import type { JobsOptions } from 'bullmq';
import { createHash } from 'node:crypto';
import { JobName, type JobPayloads } from './job-catalogue.js';

const KEEP = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600, count: 5000 } };

/**
 * The one place that decides how each job is queued, so callers never pass BullMQ options.
 * Custom ids avoid ':' (BullMQ reserves it) and never look like integers.
 */
export function jobOptions<N extends JobName>(name: N, payload: JobPayloads[N]): JobsOptions {
  switch (name) {
    case JobName.AggregatePeriod:
    case JobName.AggregatePilot: {
      const { periodId, pilotId } = payload as Partial<JobPayloads[JobName.AggregatePeriod] & JobPayloads[JobName.AggregatePilot]>;
      return {
        ...KEEP,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        // One aggregation per period (or pilot) at a time; a change that arrives while one runs
        // queues exactly one follow-up, so the last submission is always reflected.
        deduplication: { id: `${name}.${periodId ?? pilotId}`, keepLastIfActive: true },
      };
    }
    case JobName.ReconcileAggregations:
    case JobName.ReconcileSummaries:
      return { ...KEEP, attempts: 1 };
    case JobName.AggregateAllPeriods:
      return { ...KEEP, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, deduplication: { id: name, keepLastIfActive: true } };
    case JobName.RenderSummary: {
      const { summaryId } = payload as JobPayloads[JobName.RenderSummary];
      return {
        ...KEEP,
        jobId: `render-summary.${summaryId}`,
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
      };
    }
    case JobName.RunReminders:
    case JobName.ReconcileDispatches:
      return { ...KEEP, attempts: 3, backoff: { type: 'exponential', delay: 5000 } };
    case JobName.DispatchNotification: {
      const { notificationId } = payload as JobPayloads[JobName.DispatchNotification];
      return { ...KEEP, jobId: `dispatch.${notificationId}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 } };
    }
    case JobName.DeliverWebhook: {
      const { notificationId, url } = payload as JobPayloads[JobName.DeliverWebhook];
      // One job per endpoint: a failing endpoint retries on its own and never holds up the others.
      const endpoint = createHash('sha256').update(url).digest('hex').slice(0, 16);
      return { ...KEEP, jobId: `webhook.${notificationId}.${endpoint}`, attempts: 8, backoff: { type: 'exponential', delay: 5000 } };
    }
    case JobName.SendEmail: {
      const { notificationId } = payload as JobPayloads[JobName.SendEmail];
      return { ...KEEP, jobId: `email.${notificationId}`, attempts: 6, backoff: { type: 'exponential', delay: 10_000 } };
    }
    default:
      throw new Error(`No job options for ${String(name)}`);
  }
}
