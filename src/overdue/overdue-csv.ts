import { csvLine, UTF8_BOM } from '../common/csv.js';
import type { OverdueItem } from './overdue.repository.js';

const COLUMNS: { header: string; value: (item: OverdueItem) => unknown }[] = [
  { header: '类型 type', value: (i) => i.type },
  { header: '试点编码 pilot_code', value: (i) => i.pilotCode },
  { header: '试点 pilot', value: (i) => i.pilotName },
  { header: '试点英文名 pilot_name_en', value: (i) => i.pilotNameEn },
  { header: '任务编码 task_code', value: (i) => i.taskCode },
  { header: '事项 title', value: (i) => i.title },
  { header: '截止日期 due_date', value: (i) => i.dueDate },
  { header: '逾期天数 days_overdue', value: (i) => i.daysOverdue },
  { header: 'pilot_id', value: (i) => i.pilotId },
  { header: 'task_id', value: (i) => i.taskId },
  { header: 'milestone_id', value: (i) => i.milestoneId },
  { header: 'period_id', value: (i) => i.periodId },
];

/** The overdue list as CSV: UTF-8 with BOM (so Excel reads Chinese), a header row, CRLF lines. */
export function overdueCsv(items: OverdueItem[]): string {
  return UTF8_BOM + csvLine(COLUMNS.map((c) => c.header)) + items.map((item) => csvLine(COLUMNS.map((c) => c.value(item)))).join('');
}
