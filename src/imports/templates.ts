import type { StreamableFile } from '@nestjs/common';
import { tableFile, type ExportFormat } from '../exports/table/table-file.js';
import { layoutColumns } from './layout-columns.js';
import { PILOT_EXAMPLE, PILOT_LAYOUT, TASK_EXAMPLE, TASK_LAYOUT } from './layouts.js';

/** The task import template: every column, headed in both languages, and one example row. */
export function taskTemplate(format: ExportFormat): StreamableFile {
  return tableFile(format, { name: 'tasks', columns: layoutColumns(TASK_LAYOUT), records: [TASK_EXAMPLE] }, { filename: 'task-import-template' });
}

/** The pilot import template. */
export function pilotTemplate(format: ExportFormat): StreamableFile {
  return tableFile(format, { name: 'pilots', columns: layoutColumns(PILOT_LAYOUT), records: [PILOT_EXAMPLE] }, { filename: 'pilot-import-template' });
}
