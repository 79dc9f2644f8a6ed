/**
 * The job catalogue: every queue, every job, and the payload each job carries. Payloads hold
 * ids only; handlers re-read the current state from PostgreSQL.
 */
export enum QueueName {
  Aggregation = 'aggregation',
  Summaries = 'summaries',
}

export enum JobName {
  AggregatePeriod = 'aggregate-period',
  ReconcileAggregations = 'reconcile-aggregations',
  RenderSummary = 'render-summary',
}

export interface JobPayloads {
  [JobName.AggregatePeriod]: { periodId: string };
  [JobName.ReconcileAggregations]: Record<string, never>;
  [JobName.RenderSummary]: { summaryId: string };
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.AggregatePeriod]: QueueName.Aggregation,
  [JobName.ReconcileAggregations]: QueueName.Aggregation,
  [JobName.RenderSummary]: QueueName.Summaries,
};

export const ALL_QUEUES = Object.values(QueueName);
