import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { NewPilot, PilotImportPlan, PilotUpdate } from './pilot-sheet.js';
import {
  childKey,
  taskKey,
  type IndicatorUpdate,
  type KnownTasks,
  type MilestoneUpdate,
  type NewIndicator,
  type NewMilestone,
  type NewTask,
  type TaskImportPlan,
  type TaskUpdate,
} from './task-sheet.js';

export interface TaskImportCounts {
  tasks: number;
  milestones: number;
  indicators: number;
}

export interface PilotImportCounts {
  pilots: number;
}

export interface ImportCounts<C> {
  created: C;
  updated: C;
}

/** A column of a set-based write: its name, its SQL type, and how to read it from a record. */
interface SqlColumn<R> {
  name: string;
  type: string;
  value: (record: R) => unknown;
}

const col = <R>(name: string, type: string, value: (record: R) => unknown): SqlColumn<R> => ({ name, type, value });
const names = <R>(columns: readonly SqlColumn<R>[]): string[] => columns.map((c) => c.name);

/** Set-based writes send this many records per statement, so no statement's parameters grow with the file. */
export const CHUNK_ROWS = 5_000;

/**
 * `unnest($1::type[], $2::type[], …) AS u(name, …)`: the records as a table, sent as one array
 * parameter per column, so that one statement reads or writes any number of rows.
 */
function recordset<R>(columns: readonly SqlColumn<R>[], records: readonly R[]): { table: string; params: unknown[] } {
  return {
    table: `unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u(${names(columns).join(', ')})`,
    params: columns.map((c) => records.map((record) => c.value(record))),
  };
}

/**
 * `records` in slices of about `size`; with `group`, a slice never splits records of the same
 * group (a task's new milestones must be inserted by one statement to be numbered after the
 * existing ones).
 */
export function* chunks<R>(records: readonly R[], size: number, group?: (record: R) => string): Generator<readonly R[]> {
  for (let start = 0; start < records.length; ) {
    let end = Math.min(start + size, records.length);
    if (group) while (end < records.length && group(records[end]!) === group(records[end - 1]!)) end++;
    yield start === 0 && end === records.length ? records : records.slice(start, end);
    start = end;
  }
}

/**
 * Updates `columns` of the rows of `table` (alias t) that match the input (alias u): a null in
 * the input keeps the stored value, and rows whose values would not change are left alone.
 */
function updateChanged(table: string, input: string, match: string, columns: string[], touch = ''): string {
  const merged = columns.map((c) => `COALESCE(u.${c}, t.${c})`);
  return `UPDATE ${table} t SET ${columns.map((c, i) => `${c} = ${merged[i]}`).join(', ')}${touch}
    FROM ${input}
    WHERE ${match} AND (${columns.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${merged.join(', ')})`;
}

/**
 * Inserts milestones or indicators after the existing ones of their task, in the input's
 * `ordinal` order; the input's first column (`$1`) is `task_id`.
 */
function appendChildren(table: string, input: string, columns: string[]): string {
  return `INSERT INTO ${table} (task_id, ${columns.join(', ')}, position)
    SELECT u.task_id, ${columns.map((c) => `u.${c}`).join(', ')}, COALESCE(last.position + 1, 0) + u.ordinal
    FROM ${input}
    LEFT JOIN (SELECT x.task_id, max(x.position) AS position FROM ${table} x WHERE x.task_id = ANY($1::uuid[]) GROUP BY x.task_id) last
      ON last.task_id = u.task_id`;
}

const TASK_VALUES: SqlColumn<NewTask | TaskUpdate>[] = [
  col('title', 'varchar', (t) => t.title),
  col('category', 'task_category', (t) => t.category),
  col('description', 'text', (t) => t.description),
  col('lead_unit', 'varchar', (t) => t.leadUnit),
  col('start_date', 'date', (t) => t.startDate),
  col('due_date', 'date', (t) => t.dueDate),
];
const TASK_UPDATE_COLUMNS: SqlColumn<TaskUpdate>[] = [col('id', 'uuid', (t) => t.id), ...TASK_VALUES];
const NEW_TASK_COLUMNS: SqlColumn<NewTask>[] = [col('pilot_id', 'uuid', (t) => t.pilotId), col('code', 'varchar', (t) => t.code), ...TASK_VALUES];

const MILESTONE_UPDATE_COLUMNS: SqlColumn<MilestoneUpdate>[] = [
  col('task_id', 'uuid', (m) => m.taskId),
  col('title', 'varchar', (m) => m.title),
  col('due_date', 'date', (m) => m.dueDate),
];
const NEW_MILESTONE_VALUES: SqlColumn<NewMilestone>[] = [
  col('title', 'varchar', (m) => m.title),
  col('due_date', 'date', (m) => m.dueDate),
  col('ordinal', 'int', (m) => m.ordinal),
];

const INDICATOR_VALUES: SqlColumn<NewIndicator | IndicatorUpdate>[] = [
  col('unit', 'varchar', (i) => i.unit),
  col('baseline', 'numeric', (i) => i.baseline),
  col('baseline_year', 'smallint', (i) => i.baselineYear),
  col('target', 'numeric', (i) => i.target),
  col('target_year', 'smallint', (i) => i.targetYear),
  col('direction', 'indicator_direction', (i) => i.direction),
];
const INDICATOR_UPDATE_COLUMNS: SqlColumn<IndicatorUpdate>[] = [
  col('task_id', 'uuid', (i) => i.taskId),
  col('name', 'varchar', (i) => i.name),
  ...INDICATOR_VALUES,
];
const NEW_INDICATOR_VALUES: SqlColumn<NewIndicator>[] = [col('name', 'varchar', (i) => i.name), ...INDICATOR_VALUES, col('ordinal', 'int', (i) => i.ordinal)];

const PILOT_VALUES: SqlColumn<NewPilot | PilotUpdate>[] = [
  col('kind', 'pilot_kind', (p) => p.kind),
  col('name_zh', 'varchar', (p) => p.nameZh),
  col('name_en', 'varchar', (p) => p.nameEn),
  col('province_zh', 'varchar', (p) => p.provinceZh),
  col('province_en', 'varchar', (p) => p.provinceEn),
  col('batch', 'smallint', (p) => p.batch),
];
const PILOT_UPDATE_COLUMNS: SqlColumn<PilotUpdate>[] = [col('id', 'uuid', (p) => p.id), ...PILOT_VALUES];
const NEW_PILOT_COLUMNS: SqlColumn<NewPilot>[] = [col('code', 'varchar', (p) => p.code), ...PILOT_VALUES];

const byTask = (child: { taskKey: string }): string => child.taskKey;

/** Every query of the imports feature: set-based reads and writes, whatever the size of the file. */
@Injectable()
export class ImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction, which it commits, or rolls back when `commit` is false: a
   * dry run makes every write, so it answers exactly what the import would, then undoes them.
   * Imports queue on an advisory lock, since milestones and indicators are matched by name,
   * which no unique key guards against two imports at once.
   */
  async transaction<T>(commit: boolean, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended('imports', 0))`);
      const result = await work(runner.manager);
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Ids of the pilots with these codes, by code. */
  async pilotIds(manager: EntityManager, codes: string[]): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; code: string }[]>('SELECT id, code FROM pilots WHERE code = ANY($1::varchar[])', [codes]);
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** What is stored of the tasks a sheet names: their pilots, the tasks, their milestones and indicators. */
  async knownTasks(manager: EntityManager, refs: { pilotCodes: string[]; tasks: { pilotCode: string; code: string }[] }): Promise<KnownTasks> {
    const pilotIds = await this.pilotIds(manager, refs.pilotCodes);
    const { table, params } = recordset(
      [col('pilot_id', 'uuid', (t: { pilotCode: string }) => pilotIds.get(t.pilotCode)), col('code', 'varchar', (t: { code: string }) => t.code)],
      refs.tasks.filter((t) => pilotIds.has(t.pilotCode)),
    );
    const tasks = await manager.query<{ id: string; pilotId: string; code: string; startDate: string | null; dueDate: string }[]>(
      `SELECT t.id, t.pilot_id AS "pilotId", t.code, t.start_date AS "startDate", t.due_date AS "dueDate"
       FROM tasks t JOIN ${table} ON t.pilot_id = u.pilot_id AND t.code = u.code`,
      params,
    );
    const taskIds = tasks.map((t) => t.id);
    const milestones = await manager.query<{ taskId: string; title: string }[]>(
      'SELECT task_id AS "taskId", title FROM milestones WHERE task_id = ANY($1::uuid[])',
      [taskIds],
    );
    const indicators = await manager.query<{ taskId: string; name: string; baselineYear: number | null; targetYear: number }[]>(
      `SELECT task_id AS "taskId", name, baseline_year AS "baselineYear", target_year AS "targetYear"
       FROM indicators WHERE task_id = ANY($1::uuid[])`,
      [taskIds],
    );
    return {
      pilotIds,
      tasks: new Map(tasks.map((t) => [taskKey(t.pilotId, t.code), t])),
      milestones: new Set(milestones.map((m) => childKey(m.taskId, m.title))),
      indicators: new Map(indicators.map((i) => [childKey(i.taskId, i.name), i])),
    };
  }

  /** Makes a task import's writes; answers how many records it created and how many it changed. */
  async writeTasks(manager: EntityManager, plan: TaskImportPlan): Promise<ImportCounts<TaskImportCounts>> {
    const updatedTasks = await this.countRows(
      manager,
      (table) => updateChanged('tasks', table, 't.id = u.id', names(TASK_VALUES), ', updated_at = now()'),
      TASK_UPDATE_COLUMNS,
      plan.taskUpdates,
    );
    const inserted = await this.insertTasks(manager, plan.newTasks);
    const createdTasks = inserted.size;
    const taskIds = inserted;
    for (const task of plan.taskUpdates) taskIds.set(task.key, task.id);
    const taskIdOf = col('task_id', 'uuid', (child: { taskKey: string }) => taskIds.get(child.taskKey));

    const updatedMilestones = await this.countRows(
      manager,
      (table) => updateChanged('milestones', table, 't.task_id = u.task_id AND t.title = u.title', ['due_date']),
      MILESTONE_UPDATE_COLUMNS,
      plan.milestoneUpdates,
    );
    const createdMilestones = await this.countRows(
      manager,
      (table) => appendChildren('milestones', table, ['title', 'due_date']),
      [taskIdOf, ...NEW_MILESTONE_VALUES],
      plan.newMilestones,
      byTask,
    );
    const updatedIndicators = await this.countRows(
      manager,
      (table) => updateChanged('indicators', table, 't.task_id = u.task_id AND t.name = u.name', names(INDICATOR_VALUES)),
      INDICATOR_UPDATE_COLUMNS,
      plan.indicatorUpdates,
    );
    const createdIndicators = await this.countRows(
      manager,
      (table) => appendChildren('indicators', table, ['name', ...names(INDICATOR_VALUES)]),
      [taskIdOf, ...NEW_INDICATOR_VALUES],
      plan.newIndicators,
      byTask,
    );
    return {
      created: { tasks: createdTasks, milestones: createdMilestones, indicators: createdIndicators },
      updated: { tasks: updatedTasks, milestones: updatedMilestones, indicators: updatedIndicators },
    };
  }

  /** Makes a pilot import's writes; answers how many pilots it created and how many it changed. */
  async writePilots(manager: EntityManager, plan: PilotImportPlan): Promise<ImportCounts<PilotImportCounts>> {
    const updated = await this.countRows(
      manager,
      (table) => updateChanged('pilots', table, 't.id = u.id', names(PILOT_VALUES), ', updated_at = now()'),
      PILOT_UPDATE_COLUMNS,
      plan.pilotUpdates,
    );
    const columns = names(NEW_PILOT_COLUMNS).join(', ');
    const created = await this.countRows(
      manager,
      (table) => `INSERT INTO pilots (${columns}) SELECT ${columns} FROM ${table}`,
      NEW_PILOT_COLUMNS,
      plan.newPilots,
    );
    return { created: { pilots: created }, updated: { pilots: updated } };
  }

  /** Inserts the tasks and answers their ids by `taskKey`. */
  private async insertTasks(manager: EntityManager, tasks: NewTask[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    const columns = names(NEW_TASK_COLUMNS).join(', ');
    for (const chunk of chunks(tasks, CHUNK_ROWS)) {
      const { table, params } = recordset(NEW_TASK_COLUMNS, chunk);
      const rows = await manager.query<{ id: string; pilotId: string; code: string }[]>(
        `INSERT INTO tasks (${columns}) SELECT ${columns} FROM ${table} RETURNING id, pilot_id AS "pilotId", code`,
        params,
      );
      for (const row of rows) ids.set(taskKey(row.pilotId, row.code), row.id);
    }
    return ids;
  }

  /** Runs a data-modifying statement over `records` (the table `u`) and counts the rows it wrote. */
  private async countRows<R>(
    manager: EntityManager,
    statement: (table: string) => string,
    columns: readonly SqlColumn<R>[],
    records: readonly R[],
    group?: (record: R) => string,
  ): Promise<number> {
    let count = 0;
    for (const chunk of chunks(records, CHUNK_ROWS, group)) {
      const { table, params } = recordset(columns, chunk);
      const [row] = await manager.query<{ n: number }[]>(`WITH written AS (${statement(table)} RETURNING 1) SELECT count(*)::int AS n FROM written`, params);
      count += row!.n;
    }
    return count;
  }
}
