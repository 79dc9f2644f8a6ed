import type { StreamableFile } from '@nestjs/common';
import type { OverdueItem } from '../overdue/overdue.repository.js';
import { column } from './sheets/column.js';
import { tableFile, type ExportFormat, type TableColumn } from './table/table-file.js';

const item = column<OverdueItem>;

/** The overdue list's columns; in a workbook due dates are dates and days numbers. */
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
 * The overdue list (`GET /api/v1/overdue?format=csv|xlsx`) as a download of the items in the
 * order given: CSV with a BOM, or a workbook with one sheet "overdue" and a frozen header row.
 */
export function overdueFile(format: ExportFormat, overdue: { asOf: string; items: readonly OverdueItem[] }): StreamableFile {
  return tableFile(format, { name: 'overdue', columns: OVERDUE_COLUMNS, records: overdue.items }, { filename: `overdue-${overdue.asOf}` });
}
