import type { StreamableFile } from '@nestjs/common';
import type { OverdueItem } from '../overdue/overdue.repository.js';
import { column } from './sheets/column.js';
import { xlsxFile, type TableColumn } from './table/table-file.js';

const item = column<OverdueItem>;

/** The columns of the overdue CSV, in a workbook: due dates as dates, days as numbers. */
const OVERDUE_COLUMNS: TableColumn<OverdueItem>[] = [
  item('类型', 'type', 'text', 12, (i) => i.type),
  item('试点编码', 'pilot_code', 'text', 16, (i) => i.pilotCode),
  item('试点', 'pilot', 'text', 24, (i) => i.pilotName),
  item('试点英文名', 'pilot_name_en', 'text', 28, (i) => i.pilotNameEn),
  item('任务编码', 'task_code', 'text', 12, (i) => i.taskCode),
  item('事项', 'title', 'text', 48, (i) => i.title),
  item('截止日期', 'due_date', 'date', 14, (i) => i.dueDate),
  item('逾期天数', 'days_overdue', 'number', 12, (i) => i.daysOverdue),
  item('', 'pilot_id', 'text', 38, (i) => i.pilotId),
  item('', 'task_id', 'text', 38, (i) => i.taskId),
  item('', 'milestone_id', 'text', 38, (i) => i.milestoneId),
  item('', 'period_id', 'text', 38, (i) => i.periodId),
];

/**
 * The overdue list (`GET /api/v1/overdue?format=xlsx`) as a workbook download of the items in
 * the order given: one sheet "overdue", frozen header row, due dates as dates.
 */
export function overdueXlsx(overdue: { asOf: string; items: readonly OverdueItem[] }): StreamableFile {
  return xlsxFile([{ name: 'overdue', columns: OVERDUE_COLUMNS, records: overdue.items }], { filename: `overdue-${overdue.asOf}` });
}
