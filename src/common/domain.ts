/** Enumerations of the domain (DESIGN.md §2); the database enums are generated from these. */

export const PILOT_KINDS = ['city', 'park'] as const;
export type PilotKind = (typeof PILOT_KINDS)[number];

export const USER_ROLES = ['admin', 'reviewer', 'pilot'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_LANGUAGES = ['zh', 'en'] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];

export const TASK_CATEGORIES = [
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
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export const INDICATOR_DIRECTIONS = ['increase', 'decrease'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** "Received" (DESIGN.md §2): submitted or accepted — what progress and the overdue rules count as evidence. */
export const isReceived = (status: ReportStatus | null): boolean => status === 'submitted' || status === 'accepted';

export const TASK_PROGRESS_STATUSES = ['not_started', 'on_track', 'at_risk', 'delayed', 'completed'] as const;
export type TaskProgressStatus = (typeof TASK_PROGRESS_STATUSES)[number];

export const REVIEW_DECISIONS = ['returned', 'accepted'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
