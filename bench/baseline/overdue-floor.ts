import type pg from 'pg';
import type { OverdueType } from '../../src/overdue/overdue.repository.js';

/**
 * Two hand-written answers to the overdue list (page of 50 by days overdue, then pilot code, and
 * the total), both checked to give the API's answer:
 *
 * - the FLOOR, an index-only plan: the state each rule depends on (a milestone's first recorded
 *   completion, a task's latest reported status, whether a pilot's report for a period was
 *   received) kept next to the deadline in a table with one covering index, so the page and the
 *   total are read from that index alone. It is what the list costs once the application keeps
 *   that state up to date when reports change (bench/README.md, recommendations).
 * - a REWRITE of the API's SQL on today's schema: one statement per page instead of two, and for
 *   tasks a different search with two new indexes — what a SQL change and indexes alone achieve.
 *
 * Everything here is created for the measurement and dropped afterwards.
 */

const RECEIVED = `('submitted', 'accepted')`;

/** The latest received report of each pilot (the task rule's first place to look). */
const LATEST_REPORT = `
  SELECT p.id AS pilot_id, p.code AS pilot_code, lr.id AS report_id
  FROM pilots p
  LEFT JOIN LATERAL (
    SELECT r.id FROM milestone_reports r JOIN reporting_periods pe ON pe.id = r.period_id
    WHERE r.pilot_id = p.id AND r.status IN ${RECEIVED}
    ORDER BY pe.end_date DESC, pe.start_date DESC, pe.id DESC LIMIT 1
  ) lr ON true`;

/**
 * A task's latest status: its line in the pilot's latest received report; only a task that
 * report has no line for is searched for in earlier ones. `extra` filters the tasks.
 */
const TASK_STATUS = (extra: string) => `
  SELECT t.id AS task_id, t.code AS task_code, t.pilot_id, latest.pilot_code, t.title, t.due_date,
         COALESCE(cur.status, older.status) AS latest_status
  FROM tasks t
  JOIN latest ON latest.pilot_id = t.pilot_id
  LEFT JOIN LATERAL (
    SELECT l.status FROM report_task_lines l WHERE l.report_id = latest.report_id AND l.task_id = t.id LIMIT 1
  ) cur ON true
  LEFT JOIN LATERAL (
    SELECT l.status FROM report_task_lines l
    JOIN milestone_reports r ON r.id = l.report_id JOIN reporting_periods pe ON pe.id = r.period_id
    WHERE cur.status IS NULL AND l.task_id = t.id AND r.status IN ${RECEIVED}
    ORDER BY pe.end_date DESC, pe.start_date DESC, pe.id DESC LIMIT 1
  ) older ON true
  ${extra}`;

/** The page and total from `source` rows matching `where`; pilot names joined for the page only. */
const PAGE = (source: string, where: string) => `
  SELECT o.*, o.due_date::text AS due_day, p.name_zh AS pilot_name, p.name_en AS pilot_name_en,
         ($1::date - o.due_date) AS days_overdue, (SELECT count(*) FROM ${source} c WHERE ${where.replaceAll('o.', 'c.')})::int AS total
  FROM ${source} o JOIN pilots p ON p.id = o.pilot_id
  WHERE ${where}
  ORDER BY o.due_date, o.pilot_code, o.title LIMIT $2`;

export interface Variant {
  /** Statements that build what the variant reads (not timed). */
  setup: readonly string[];
  /** Statements that remove it again. */
  teardown: readonly string[];
  /** $1 = as-of date, $2 = page size. */
  sql: Record<OverdueType, string>;
}

export const FLOOR: Variant = {
  setup: [
    `CREATE UNLOGGED TABLE bench_floor_milestones AS
     SELECT m.id AS milestone_id, t.id AS task_id, t.code AS task_code, p.id AS pilot_id, p.code AS pilot_code, m.title, m.due_date,
            done.completed_on
     FROM milestones m JOIN tasks t ON t.id = m.task_id JOIN pilots p ON p.id = t.pilot_id
     LEFT JOIN (
       SELECT c.milestone_id, min(c.completed_on) AS completed_on
       FROM report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id AND r.status IN ${RECEIVED}
       GROUP BY c.milestone_id
     ) done ON done.milestone_id = m.id`,
    `CREATE INDEX bench_floor_milestones_due ON bench_floor_milestones (due_date, pilot_code, title)
       INCLUDE (completed_on, milestone_id, task_id, task_code, pilot_id)`,
    `CREATE UNLOGGED TABLE bench_floor_tasks AS WITH latest AS MATERIALIZED (${LATEST_REPORT}) ${TASK_STATUS('')}`,
    `CREATE INDEX bench_floor_tasks_due ON bench_floor_tasks (due_date, pilot_code, title)
       INCLUDE (task_id, task_code, pilot_id, latest_status) WHERE latest_status IS DISTINCT FROM 'completed'`,
    `CREATE UNLOGGED TABLE bench_floor_reports AS
     SELECT pe.id AS period_id, p.id AS pilot_id, p.code AS pilot_code, pe.label AS title, pe.due_date,
            EXISTS (SELECT 1 FROM milestone_reports r WHERE r.pilot_id = p.id AND r.period_id = pe.id AND r.status IN ${RECEIVED}) AS received
     FROM reporting_periods pe CROSS JOIN pilots p`,
    `CREATE INDEX bench_floor_reports_due ON bench_floor_reports (due_date, pilot_code, title) INCLUDE (period_id, pilot_id, received) WHERE NOT received`,
    // The visibility map lets the scans skip the table; statistics for the planner.
    `VACUUM (ANALYZE) bench_floor_milestones, bench_floor_tasks, bench_floor_reports`,
  ],
  teardown: ['DROP TABLE IF EXISTS bench_floor_milestones, bench_floor_tasks, bench_floor_reports'],
  sql: {
    milestone: PAGE('bench_floor_milestones', 'o.due_date < $1::date AND (o.completed_on IS NULL OR o.completed_on > $1::date)'),
    task: PAGE('bench_floor_tasks', `o.due_date < $1::date AND o.latest_status IS DISTINCT FROM 'completed'`),
    report: PAGE('bench_floor_reports', 'o.due_date < $1::date AND NOT o.received'),
  },
};

/** The two indexes the task rewrite reads through (index-only). */
const REWRITE_INDEXES = [
  ['bench_rewrite_lines_status', `report_task_lines (report_id, task_id) INCLUDE (status)`],
  ['bench_rewrite_reports_received_pilot', `milestone_reports (pilot_id, period_id) WHERE status IN ${RECEIVED}`],
] as const;

export const REWRITE: Variant = {
  setup: REWRITE_INDEXES.map(([name, definition]) => `CREATE INDEX ${name} ON ${definition}`),
  teardown: REWRITE_INDEXES.map(([name]) => `DROP INDEX IF EXISTS ${name}`),
  sql: {
    // The API's own rule, with the page and the total from one computation instead of two statements.
    milestone: `
      WITH overdue AS MATERIALIZED (
        SELECT m.id AS milestone_id, t.id AS task_id, t.code AS task_code, t.pilot_id, p.code AS pilot_code, m.title, m.due_date
        FROM milestones m JOIN tasks t ON t.id = m.task_id JOIN pilots p ON p.id = t.pilot_id
        WHERE m.due_date < $1::date
          AND NOT EXISTS (
            SELECT 1 FROM report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id
            WHERE c.milestone_id = m.id AND r.status IN ${RECEIVED} AND c.completed_on <= $1::date)
      ) ${PAGE('overdue', 'true')}`,
    // The pilot's latest received report first, instead of every received line of every task.
    task: `
      WITH latest AS MATERIALIZED (${LATEST_REPORT}),
      overdue AS MATERIALIZED (${TASK_STATUS(`WHERE t.due_date < $1::date`)})
      ${PAGE('overdue', `o.latest_status IS DISTINCT FROM 'completed'`)}`,
    // The API's own rule, in one statement.
    report: `
      WITH overdue AS MATERIALIZED (
        SELECT pe.id AS period_id, p.id AS pilot_id, p.code AS pilot_code, pe.label AS title, pe.due_date
        FROM reporting_periods pe CROSS JOIN pilots p
        WHERE pe.due_date < $1::date
          AND NOT EXISTS (SELECT 1 FROM milestone_reports r WHERE r.pilot_id = p.id AND r.period_id = pe.id AND r.status IN ${RECEIVED})
      ) ${PAGE('overdue', 'true')}`,
  },
};

export async function runStatements(db: pg.Client, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await db.query(statement);
}

export interface FloorRow {
  pilot_code: string;
  title: string;
  due_day: string;
  total: number;
}
