import type { TaskProgressStatus } from '../../common/domain.js';
import type { PeriodProgressView } from '../../progress/dto/progress.dto.js';
import type { PilotNameRow } from '../exports.repository.js';
import type { TableColumn, TableSheet } from '../table/table-file.js';
import { column } from './column.js';

type Progress = PeriodProgressView;
type Counts = Pick<Progress, 'expected' | 'received' | 'accepted' | 'returned' | 'draft' | 'missing' | 'onTime' | 'late' | 'completeness' | 'timeliness'>;
type Pilot = Progress['byPilot'][number] & { pilot?: PilotNameRow };

const STATUS_NAMES: Record<TaskProgressStatus, string> = {
  not_started: '未开始',
  on_track: '正常推进',
  at_risk: '存在风险',
  delayed: '滞后',
  completed: '已完成',
};

/** The headline counts of DESIGN.md §2, as columns of any row that carries them. */
function countColumns<R extends Counts>(): TableColumn<R>[] {
  return [
    column<R>('应报送', 'expected', 'number', 10, (r) => r.expected),
    column<R>('已报送', 'received', 'number', 10, (r) => r.received),
    column<R>('已通过', 'accepted', 'number', 10, (r) => r.accepted),
    column<R>('已退回', 'returned', 'number', 10, (r) => r.returned),
    column<R>('草稿', 'draft', 'number', 10, (r) => r.draft),
    column<R>('未报送', 'missing', 'number', 10, (r) => r.missing),
    column<R>('按时报送', 'on_time', 'number', 10, (r) => r.onTime),
    column<R>('逾期报送', 'late', 'number', 10, (r) => r.late),
    column<R>('报送率', 'completeness', 'ratio', 12, (r) => r.completeness),
    column<R>('及时率', 'timeliness', 'ratio', 12, (r) => r.timeliness),
  ];
}

function statusColumns<R>(counts: (record: R) => Record<TaskProgressStatus, number>): TableColumn<R>[] {
  return (Object.keys(STATUS_NAMES) as TaskProgressStatus[]).map((status) =>
    column<R>(STATUS_NAMES[status], `tasks_${status}`, 'number', 12, (r) => counts(r)[status]),
  );
}

function overview(label: string, progress: Progress): TableSheet<Progress> {
  return {
    name: 'overview',
    columns: [
      column<Progress>('报告期', 'period', 'text', 12, () => label),
      ...countColumns<Progress>(),
      ...statusColumns<Progress>((p) => p.tasksByStatus),
      column<Progress>('到期节点', 'milestones_due', 'number', 12, (p) => p.milestones.due),
      column<Progress>('已完成节点', 'milestones_completed', 'number', 12, (p) => p.milestones.completed),
      column<Progress>('统计时间', 'aggregated_at', 'instant', 20, (p) => new Date(p.aggregatedAt)),
    ],
    records: [progress],
  };
}

type Province = Progress['byProvince'][number];

function byProvince(progress: Progress): TableSheet<Province> {
  return {
    name: 'by province',
    columns: [
      column<Province>('省份', 'province_zh', 'text', 16, (p) => p.provinceZh),
      column<Province>('省份英文', 'province_en', 'text', 18, (p) => p.provinceEn),
      ...countColumns<Province>(),
    ],
    records: progress.byProvince,
  };
}

type Category = Progress['byCategory'][number];

function byCategory(progress: Progress): TableSheet<Category> {
  return {
    name: 'by category',
    columns: [
      column<Category>('类别', 'category', 'text', 18, (c) => c.category),
      column<Category>('任务数', 'tasks', 'number', 10, (c) => c.tasks),
      ...statusColumns<Category>((c) => c.tasksByStatus),
      column<Category>('平均完成进度', 'avg_percent_complete', 'percent', 14, (c) => c.avgPercentComplete),
      column<Category>('到期节点', 'milestones_due', 'number', 12, (c) => c.milestonesDue),
      column<Category>('已完成节点', 'milestones_completed', 'number', 12, (c) => c.milestonesCompleted),
    ],
    records: progress.byCategory,
  };
}

function byPilot(progress: Progress, pilots: PilotNameRow[]): TableSheet<Pilot> {
  const byId = new Map(pilots.map((p) => [p.id, p]));
  return {
    name: 'by pilot',
    columns: [
      column<Pilot>('试点编码', 'pilot_code', 'text', 16, (p) => p.pilot?.code),
      column<Pilot>('试点名称', 'pilot_name_zh', 'text', 24, (p) => p.pilot?.nameZh),
      column<Pilot>('试点英文名称', 'pilot_name_en', 'text', 28, (p) => p.pilot?.nameEn),
      column<Pilot>('省份', 'province_zh', 'text', 14, (p) => p.pilot?.provinceZh),
      column<Pilot>('报告状态', 'report_status', 'text', 12, (p) => p.reportStatus),
      column<Pilot>('提交时间', 'submitted_at', 'instant', 20, (p) => (p.submittedAt ? new Date(p.submittedAt) : null)),
      column<Pilot>('是否按时', 'on_time', 'text', 10, (p) => (p.onTime ? 'yes' : 'no')),
      column<Pilot>('任务数', 'tasks_total', 'number', 10, (p) => p.tasksTotal),
      column<Pilot>('已完成任务', 'tasks_completed', 'number', 12, (p) => p.tasksCompleted),
      column<Pilot>('平均完成进度', 'avg_percent_complete', 'percent', 14, (p) => p.avgPercentComplete),
    ],
    records: progress.byPilot.map((p) => ({ ...p, pilot: byId.get(p.pilotId) })),
  };
}

/** A period's progress as four sheets: overview, by province, by category, by pilot. */
export function progressSheets(label: string, progress: Progress, pilots: PilotNameRow[]): TableSheet<unknown>[] {
  return [overview(label, progress), byProvince(progress), byCategory(progress), byPilot(progress, pilots)];
}
