import type { ReportLineRow } from '../exports.repository.js';
import type { TableColumn, TableSheet } from '../table/table-file.js';
import { field } from './column.js';

const reportField = field<ReportLineRow>;

const REPORT_COLUMNS: TableColumn<ReportLineRow>[] = [
  reportField('报告期', 'period', 'text', 12),
  reportField('试点编码', 'pilot_code', 'text', 16),
  reportField('试点名称', 'pilot_name_zh', 'text', 24),
  reportField('试点英文名称', 'pilot_name_en', 'text', 28),
  reportField('任务编码', 'task_code', 'text', 12),
  reportField('任务名称', 'task_title', 'text', 40),
  reportField('任务状态', 'status', 'text', 12),
  reportField('完成进度', 'percent_complete', 'percent', 12),
  reportField('已完成节点', 'milestones_completed', 'text', 40),
  reportField('指标值', 'indicator_values', 'text', 40),
  reportField('进展说明', 'narrative', 'text', 50),
  reportField('报告状态', 'report_status', 'text', 12),
  reportField('提交时间', 'submitted_at', 'instant', 20),
];

/** One row per task line of a report. */
export function reportSheet(rows: AsyncIterable<ReportLineRow>): TableSheet<ReportLineRow> {
  return { name: 'reports', columns: REPORT_COLUMNS, records: rows };
}
