import { isReceived, type ReportStatus, type TaskProgressStatus } from '../common/domain.js';
import type { CategoryFiguresRow, PilotFigures } from './progress.repository.js';

/** The headline counts of DESIGN.md §2 over a set of pilots. */
export interface ProgressCounts {
  expected: number;
  received: number;
  accepted: number;
  returned: number;
  draft: number;
  missing: number;
  onTime: number;
  late: number;
  completeness: number;
  timeliness: number;
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

export function countProgress(pilots: Pick<PilotFigures, 'reportStatus' | 'onTime'>[]): ProgressCounts {
  const expected = pilots.length;
  const received = pilots.filter((p) => isReceived(p.reportStatus)).length;
  const onTime = pilots.filter((p) => isReceived(p.reportStatus) && p.onTime).length;
  const withStatus = (status: ReportStatus) => pilots.filter((p) => p.reportStatus === status).length;
  return {
    expected,
    received,
    accepted: withStatus('accepted'),
    returned: withStatus('returned'),
    draft: withStatus('draft'),
    missing: expected - received,
    onTime,
    late: received - onTime,
    completeness: ratio(received, expected),
    timeliness: ratio(onTime, expected),
  };
}

type StatusCounts = Pick<PilotFigures, 'notStarted' | 'onTrack' | 'atRisk' | 'delayed' | 'completed'>;

export function tasksByStatus(rows: StatusCounts[]): Record<TaskProgressStatus, number> {
  const sum = (key: keyof StatusCounts) => rows.reduce((total, row) => total + row[key], 0);
  return {
    not_started: sum('notStarted'),
    on_track: sum('onTrack'),
    at_risk: sum('atRisk'),
    delayed: sum('delayed'),
    completed: sum('completed'),
  };
}

export function taskLineCount(row: StatusCounts): number {
  return row.notStarted + row.onTrack + row.atRisk + row.delayed + row.completed;
}

export function averagePercent(percentSum: number, lines: number): number | null {
  return lines === 0 ? null : Math.round((percentSum / lines) * 100) / 100;
}

export interface ProvinceProgress extends ProgressCounts {
  provinceZh: string;
  provinceEn: string;
}

/** The same counts per province, in the order provinces first appear (pilots come ordered by code). */
export function progressByProvince(pilots: PilotFigures[]): ProvinceProgress[] {
  const groups = new Map<string, PilotFigures[]>();
  for (const pilot of pilots) {
    const key = `${pilot.provinceZh}\u0000${pilot.provinceEn}`;
    groups.set(key, [...(groups.get(key) ?? []), pilot]);
  }
  return [...groups.values()]
    .map((group) => ({ provinceZh: group[0]!.provinceZh, provinceEn: group[0]!.provinceEn, ...countProgress(group) }))
    .sort((a, b) => a.provinceEn.localeCompare(b.provinceEn));
}

export interface CategoryProgress {
  category: CategoryFiguresRow['category'];
  tasks: number;
  completed: number;
  tasksByStatus: Record<TaskProgressStatus, number>;
  avgPercentComplete: number | null;
  milestonesDue: number;
  milestonesCompleted: number;
}

export function progressByCategory(rows: CategoryFiguresRow[]): CategoryProgress[] {
  return rows.map((row) => {
    const tasks = taskLineCount(row);
    return {
      category: row.category,
      tasks,
      completed: row.completed,
      tasksByStatus: tasksByStatus([row]),
      avgPercentComplete: averagePercent(row.percentSum, tasks),
      milestonesDue: row.milestonesDue,
      milestonesCompleted: row.milestonesCompleted,
    };
  });
}

