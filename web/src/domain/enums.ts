import type { OverdueType, ReportStatus, Role, TaskCategory, TaskProgressStatus } from '../api/types';

/**
 * Lists every value of a union in display order; leaving one out (e.g. after the API adds a
 * category) fails the build, naming the missing value.
 */
function everyValueOf<T>() {
  return <const Values extends readonly T[]>(
    values: Values & ([Exclude<T, Values[number]>] extends [never] ? unknown : { missing: Exclude<T, Values[number]> }),
  ): Values => values;
}

/** The domain's enumerations (DESIGN.md §2), in display order. */
export const TASK_CATEGORIES = everyValueOf<TaskCategory>()([
  'energy',
  'industry',
  'buildings',
  'transport',
  'circular_economy',
  'water',
  'carbon_sink',
  'innovation',
  'policy',
  'public_action',
  'planning',
]);

export const TASK_STATUSES = everyValueOf<TaskProgressStatus>()(['not_started', 'on_track', 'at_risk', 'delayed', 'completed']);

export const REPORT_STATUSES = everyValueOf<ReportStatus>()(['draft', 'submitted', 'returned', 'accepted']);

export const ROLES = everyValueOf<Role>()(['admin', 'reviewer', 'pilot']);

export const OVERDUE_TYPES = everyValueOf<OverdueType>()(['milestone', 'task', 'report']);
