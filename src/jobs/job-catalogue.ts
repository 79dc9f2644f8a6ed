/**
 * The job catalogue: every queue, every job, and the payload each job carries. Payloads hold
 * ids only; handlers re-read the current state from PostgreSQL.
 */
export enum QueueName {
  Aggregation = 'aggregation',
  Summaries = 'summaries',
  Notifications = 'notifications',
}

export enum JobName {
  AggregatePeriod = 'aggregate-period',
  AggregatePilot = 'aggregate-pilot',
  AggregateAllPeriods = 'aggregate-all-periods',
  ReconcileAggregations = 'reconcile-aggregations',
  RenderSummary = 'render-summary',
  ReconcileSummaries = 'reconcile-summaries',
  RunReminders = 'run-reminders',
  DispatchNotification = 'dispatch-notification',
  DeliverWebhook = 'deliver-webhook',
  SendEmail = 'send-email',
  ReconcileDispatches = 'reconcile-dispatches',
}

export interface JobPayloads {
  /** Every pilot of one period: a new period, changed period dates, the reconcile pass. */
  [JobName.AggregatePeriod]: { periodId: string };
  /** Every period of one pilot: after its report or its plan changed. */
  [JobName.AggregatePilot]: { pilotId: string };
  /** Every period, one job each: after a change to many pilots' plans (an import). */
  [JobName.AggregateAllPeriods]: Record<string, never>;
  [JobName.ReconcileAggregations]: Record<string, never>;
  [JobName.RenderSummary]: { summaryId: string };
  [JobName.ReconcileSummaries]: Record<string, never>;
  /** Without asOf the scan runs as of today in APP_TIMEZONE. */
  [JobName.RunReminders]: { asOf?: string };
  [JobName.DispatchNotification]: { notificationId: string };
  [JobName.DeliverWebhook]: { notificationId: string; url: string };
  [JobName.SendEmail]: { notificationId: string };
  [JobName.ReconcileDispatches]: Record<string, never>;
}

export const QUEUE_OF: Record<JobName, QueueName> = {
  [JobName.AggregatePeriod]: QueueName.Aggregation,
  [JobName.AggregatePilot]: QueueName.Aggregation,
  [JobName.AggregateAllPeriods]: QueueName.Aggregation,
  [JobName.ReconcileAggregations]: QueueName.Aggregation,
  [JobName.RenderSummary]: QueueName.Summaries,
  [JobName.ReconcileSummaries]: QueueName.Summaries,
  [JobName.RunReminders]: QueueName.Notifications,
  [JobName.DispatchNotification]: QueueName.Notifications,
  [JobName.DeliverWebhook]: QueueName.Notifications,
  [JobName.SendEmail]: QueueName.Notifications,
  [JobName.ReconcileDispatches]: QueueName.Notifications,
};

export const ALL_QUEUES = Object.values(QueueName);
