import type {
  IndicatorDirection,
  PilotKind,
  ReportStatus,
  ReviewDecision,
  TaskCategory,
  TaskProgressStatus,
} from '../common/domain.js';

/**
 * Everything a summary PDF shows, as plain data. Built from the database by the summaries
 * feature; turned into PDF bytes by the renderer, which never touches the database.
 */
export type SummaryLanguage = 'zh' | 'en';

export interface SummaryData {
  summaryId: string;
  language: SummaryLanguage;
  /** ISO-8601 UTC instant. */
  generatedAt: string;
  /** The calendar date the overdue section is computed for (YYYY-MM-DD). */
  asOf: string;
  /** IANA zone the calendar dates are in; instants are shown in it. */
  timezone: string;
  period: { id: string; label: string; startDate: string; endDate: string; dueDate: string };
  scope: SummaryScope;
  overview: SummaryOverview;
  overdue: OverdueEntry[];
  pilots: PilotSection[];
  experiences: ExperienceEntry[];
}

export interface SummaryScope {
  /** The province asked for, as given, or null for every province. */
  province: string | null;
  /** True when the request named individual pilots. */
  selectedPilots: boolean;
  pilotCount: number;
}

export interface SummaryOverview {
  expected: number;
  received: number;
  accepted: number;
  returned: number;
  draft: number;
  missing: number;
  onTime: number;
  late: number;
  /** received / expected, 0..1 (0 when nothing is expected). */
  completeness: number;
  /** onTime / expected, 0..1. */
  timeliness: number;
  tasksByStatus: Record<TaskProgressStatus, number>;
  milestones: { due: number; completed: number };
  byProvince: ProvinceFigures[];
  byCategory: CategoryFigures[];
}

export interface ProvinceFigures {
  provinceZh: string;
  provinceEn: string;
  expected: number;
  received: number;
  onTime: number;
  completeness: number;
  timeliness: number;
}

export interface CategoryFigures {
  category: TaskCategory;
  /** Task lines of received reports in this category. */
  tasks: number;
  completed: number;
  avgPercentComplete: number | null;
  milestonesDue: number;
  milestonesCompleted: number;
}

export interface OverdueEntry {
  type: 'milestone' | 'task' | 'report';
  pilotCode: string;
  pilotNameZh: string;
  pilotNameEn: string;
  /** Milestone or task title, or the period label for a missing report. */
  title: string;
  taskCode: string | null;
  dueDate: string;
  daysOverdue: number;
}

export interface PilotSection {
  id: string;
  code: string;
  kind: PilotKind;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
  provinceEn: string;
  /** Null when the pilot has submitted nothing for the period (no report, or a draft only): "not submitted". */
  report: PilotReport | null;
  /** Every task of the pilot; progress fields are null unless a received (submitted or accepted) report covers it. */
  tasks: TaskRow[];
  indicators: IndicatorRow[];
  /** File names of the evidence attached to the report, if any. */
  attachments: string[];
}

export interface PilotReport {
  status: ReportStatus;
  revision: number;
  /** ISO-8601 UTC instant of the latest submission. */
  submittedAt: string | null;
  onTime: boolean;
  summary: string | null;
  reviews: { decision: ReviewDecision; note: string | null; at: string }[];
}

export interface TaskRow {
  code: string;
  title: string;
  category: TaskCategory;
  dueDate: string;
  status: TaskProgressStatus | null;
  percentComplete: number | null;
  narrative: string | null;
  milestonesCompleted: number;
  milestonesDue: number;
  milestonesTotal: number;
}

export interface IndicatorRow {
  taskCode: string;
  name: string;
  unit: string;
  baseline: number;
  baselineYear: number | null;
  /** The value of the latest received report up to this period, or null. */
  latestValue: number | null;
  target: number;
  targetYear: number;
  direction: IndicatorDirection;
  /** Share of the way from baseline to target, 0..1 (may exceed 1), or null without a value. */
  progress: number | null;
}

export interface ExperienceEntry {
  pilotCode: string;
  pilotNameZh: string;
  pilotNameEn: string;
  category: TaskCategory;
  title: string;
  summary: string;
  tags: string[];
  recommended: boolean;
}
