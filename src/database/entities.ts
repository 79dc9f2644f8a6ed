import { ReportAttachment } from '../attachments/report-attachment.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { ReportingPeriod } from '../periods/reporting-period.entity.js';
import { Notification } from '../notifications/entities/notification.entity.js';
import { ReminderLedgerEntry } from '../notifications/entities/reminder-ledger.entity.js';
import { Pilot } from '../pilots/pilot.entity.js';
import { PeriodAggregation } from '../progress/entities/period-aggregation.entity.js';
import { PeriodCategoryProgress } from '../progress/entities/period-category-progress.entity.js';
import { PeriodPilotProgress } from '../progress/entities/period-pilot-progress.entity.js';
import { Experience } from '../reports/entities/experience.entity.js';
import { MilestoneReport } from '../reports/entities/milestone-report.entity.js';
import { ReportIndicatorValue } from '../reports/entities/report-indicator-value.entity.js';
import { ReportMilestoneCompletion } from '../reports/entities/report-milestone-completion.entity.js';
import { ReportReview } from '../reports/entities/report-review.entity.js';
import { ReportRevision } from '../reports/entities/report-revision.entity.js';
import { ReportTaskLine } from '../reports/entities/report-task-line.entity.js';
import { SummaryFile } from '../summaries/entities/summary-file.entity.js';
import { SummaryReport } from '../summaries/entities/summary-report.entity.js';
import { Indicator } from '../tasks/indicator.entity.js';
import { Milestone } from '../tasks/milestone.entity.js';
import { Task } from '../tasks/task.entity.js';
import { User } from '../users/user.entity.js';

export const ENTITIES = [
  Pilot,
  User,
  Task,
  Milestone,
  Indicator,
  ReportingPeriod,
  MilestoneReport,
  ReportTaskLine,
  ReportMilestoneCompletion,
  ReportIndicatorValue,
  Experience,
  ReportReview,
  ReportRevision,
  ReportAttachment,
  AuditEvent,
  PeriodAggregation,
  PeriodPilotProgress,
  PeriodCategoryProgress,
  SummaryReport,
  SummaryFile,
  Notification,
  ReminderLedgerEntry,
];
