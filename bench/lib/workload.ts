import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { STATE_SQL } from '../../src/overdue/overdue.repository.js';
import type { ReportInput } from '../../src/reports/dto/report-input.dto.js';
import { signAccessToken } from '../baseline/jwt.js';
import { EXPERIENCES, NARRATIVES, REPORT_SUMMARY } from '../seed/world.js';

/** Labels of the periods the benchmarks create; anything left by an interrupted run is removed by `removeBenchPeriods`. */
export const BENCH_PERIOD_PREFIX = 'bench-run-';
/** The summary of reports the benchmarks write into seeded periods, so they can be found and removed again. */
export const BENCH_REPORT_SUMMARY = `[bench] ${REPORT_SUMMARY}`;

export const newJwtSecret = () => randomBytes(32).toString('hex');
export const newQueuePrefix = () => `bench-${process.pid}-${Date.now().toString(36)}`;

/** A pilot as a client of the API sees it: its user's token and a full report body (a line per task). */
export interface PilotClient {
  pilotId: string;
  authorization: string;
  body: string;
}

/** A pilot's plan as a report body refers to it: its tasks, each with its milestones and indicators. */
export interface PlanRow {
  pilot_id: string;
  pilot_code: string;
  user_id: string;
  tasks: { id: string; milestones: string[]; indicators: string[] }[];
}

const STATUSES = ['on_track', 'on_track', 'completed', 'at_risk', 'delayed', 'on_track'] as const;

/** The report a pilot would send for its whole plan: every task, some milestones done, every indicator, one experience. */
export function reportBody(tasks: PlanRow['tasks']): ReportInput {
  return {
    summary: BENCH_REPORT_SUMMARY,
    tasks: tasks.map((task, i) => {
      const status = STATUSES[i % STATUSES.length];
      return {
        taskId: task.id,
        status,
        percentComplete: status === 'completed' ? 100 : 20 + ((i * 7) % 70),
        ...(i % 2 === 0 ? { narrative: NARRATIVES[i % NARRATIVES.length] } : {}),
        completedMilestones: i % 3 === 0 ? [{ milestoneId: task.milestones[0], completedOn: '2026-09-15' }] : [],
      };
    }),
    indicators: tasks.flatMap((task, i) => task.indicators.map((indicatorId, j) => ({ indicatorId, value: 10 + i + j / 4 }))),
    experiences: [{ ...EXPERIENCES[0], tags: [...EXPERIENCES[0].tags] }],
  };
}

/** The first `count` pilots by code (of `pilotIds` if given), each with its user and its plan. */
export async function pilotPlans(db: pg.Client, count: number, pilotIds?: string[]): Promise<PlanRow[]> {
  const { rows } = await db.query<PlanRow>(
    `SELECT p.id AS pilot_id, p.code AS pilot_code, u.id AS user_id,
            (SELECT json_agg(json_build_object(
                      'id', t.id,
                      'milestones', (SELECT json_agg(m.id ORDER BY m.position) FROM milestones m WHERE m.task_id = t.id),
                      'indicators', COALESCE((SELECT json_agg(i.id ORDER BY i.position) FROM indicators i WHERE i.task_id = t.id), '[]'))
                    ORDER BY t.code)
             FROM tasks t WHERE t.pilot_id = p.id) AS tasks
     FROM pilots p JOIN users u ON u.pilot_id = p.id AND u.role = 'pilot'
     WHERE $2::uuid[] IS NULL OR p.id = ANY($2::uuid[])
     ORDER BY p.code LIMIT $1`,
    [count, pilotIds ?? null],
  );
  return rows;
}

/** A bearer token the application accepts for the user, signed by the runner (no login). */
export const bearer = (userId: string, jwtSecret: string): string => `Bearer ${signAccessToken({ sub: userId, ver: 0 }, jwtSecret, 24 * 3600)}`;

/** The first `count` pilots by code (of `pilotIds` if given), each with a signed token for its user and its report body. */
export async function pilotClients(db: pg.Client, count: number, jwtSecret: string, pilotIds?: string[]): Promise<PilotClient[]> {
  return (await pilotPlans(db, count, pilotIds)).map((row) => ({
    pilotId: row.pilot_id,
    authorization: bearer(row.user_id, jwtSecret),
    body: JSON.stringify(reportBody(row.tasks)),
  }));
}

/** `count` new open periods (far in the future, so nothing in the seeded data refers to them). */
export async function createBenchPeriods(db: pg.Client, count: number): Promise<string[]> {
  const tag = `${BENCH_PERIOD_PREFIX}${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reporting_periods (label, start_date, end_date, due_date)
     SELECT $1 || '-' || g, date '2030-01-01', date '2030-03-31', date '2030-04-15' FROM generate_series(1, $2::int) g
     RETURNING id`,
    [tag, count],
  );
  return rows.map((row) => row.id);
}

/**
 * Removes the given reports with everything hanging off them (lines, values, revisions, audit
 * events, notifications), then derives again, for their pilots, the state the application keeps on
 * milestones and tasks as reports move (first_completed_on, latest_status): deleting rows behind
 * its back would leave the completions and statuses of the removed reports in it.
 */
async function removeReports(db: pg.Client, reportIds: string[]): Promise<void> {
  const { rows: pilots } = await db.query<{ pilot_id: string }>('SELECT DISTINCT pilot_id FROM milestone_reports WHERE id = ANY($1::uuid[])', [reportIds]);
  await db.query(`DELETE FROM audit_events WHERE entity_type = 'report' AND entity_id = ANY($1::uuid[])`, [reportIds]);
  // Submissions and reviews notify reviewers and pilot users; the notices link to the report without a foreign key.
  await db.query(`DELETE FROM notifications WHERE link_type = 'report' AND link_id = ANY($1::uuid[])`, [reportIds]);
  await db.query('DELETE FROM milestone_reports WHERE id = ANY($1::uuid[])', [reportIds]);
  for (const { pilot_id } of pilots) {
    await db.query(STATE_SQL.onePilot, [pilot_id]);
  }
}

/** Removes the reports the benchmarks wrote into seeded periods; returns the periods they were in. */
export async function removeBenchReports(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ id: string; period_id: string }>('SELECT id, period_id FROM milestone_reports WHERE summary = $1', [BENCH_REPORT_SUMMARY]);
  if (rows.length) await removeReports(db, rows.map((row) => row.id));
  return [...new Set(rows.map((row) => row.period_id))];
}

/** Removes every period the benchmarks created, with its reports. */
export async function removeBenchPeriods(db: pg.Client): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM milestone_reports r JOIN reporting_periods pe ON pe.id = r.period_id WHERE pe.label LIKE $1`,
    [`${BENCH_PERIOD_PREFIX}%`],
  );
  if (rows.length) await removeReports(db, rows.map((row) => row.id));
  await db.query('DELETE FROM reporting_periods WHERE label LIKE $1', [`${BENCH_PERIOD_PREFIX}%`]);
}

/** After a benchmark wrote and deleted reports: fresh statistics and visibility map, as autovacuum would leave them. */
export async function vacuumReportTables(db: pg.Client): Promise<void> {
  await db.query(
    `VACUUM (ANALYZE) reporting_periods, milestone_reports, report_task_lines, report_milestone_completions,
       report_indicator_values, experiences, report_reviews, report_revisions, audit_events, period_pilot_progress, period_category_progress`,
  );
}

/** Deletes every Redis key under a queue prefix the benchmarks used. */
export async function removeQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
