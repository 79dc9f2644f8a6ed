import { layoutColumns } from '../../imports/layout-columns.js';
import { TASK_LAYOUT, type TaskValues } from '../../imports/layouts.js';
import type { TaskExportRow } from '../exports.repository.js';
import type { TableSheet } from '../table/table-file.js';

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;
const numberOf = (value: string | null): number | undefined => (value === null ? undefined : Number(value));

/** A task's own columns, written on its first row only (later rows of a task may leave them blank). */
function taskColumns(row: TaskExportRow): TaskValues {
  if (!row.first) return {};
  return {
    title: row.title,
    category: row.category,
    lead_unit: orUndefined(row.lead_unit),
    start_date: orUndefined(row.start_date),
    due_date: row.due_date,
    description: orUndefined(row.description),
  };
}

async function* inLayout(rows: AsyncIterable<TaskExportRow>): AsyncGenerator<TaskValues> {
  for await (const row of rows) {
    yield {
      pilot_code: row.pilot_code,
      task_code: row.task_code,
      ...taskColumns(row),
      milestone_title: orUndefined(row.milestone_title),
      milestone_due_date: orUndefined(row.milestone_due_date),
      indicator_name: orUndefined(row.indicator_name),
      indicator_unit: orUndefined(row.indicator_unit),
      baseline: numberOf(row.baseline),
      baseline_year: orUndefined(row.baseline_year),
      target: numberOf(row.target),
      target_year: orUndefined(row.target_year),
      direction: orUndefined(row.direction),
    };
  }
}

/** Tasks in the import layout, so that an export imports back unchanged. */
export function taskSheet(rows: AsyncIterable<TaskExportRow>): TableSheet<TaskValues> {
  return { name: 'tasks', columns: layoutColumns(TASK_LAYOUT), records: inLayout(rows) };
}
