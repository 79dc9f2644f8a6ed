/**
 * The floor for "save + submit a report": the API's `PUT /api/v1/pilots/:pilotId/periods/:periodId/report`
 * and `POST /api/v1/reports/:id/submit` on bare node:http and pg, no framework and no ORM. Each
 * request authenticates the same way (HS256 token, user re-read for deactivation), validates the
 * body and its references with the same rules, takes the same locks (period FOR SHARE, report FOR
 * UPDATE) and does the same writes in one transaction, with set-based statements. What it does not
 * do: enqueue the aggregation job (the API does, after the commit) and re-read what it just wrote.
 *
 *   DATABASE_URL=… PORT=… JWT_SECRET=… node bench/dist/bench/baseline/report-server.js
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { TASK_CATEGORIES, TASK_PROGRESS_STATUSES } from '../../src/common/domain.js';
import { isCalendarDate } from '../../src/common/validation/calendar-date.js';
import type { ReportInput } from '../../src/reports/dto/report-input.dto.js';
import { referencedIds, referenceProblems } from '../../src/reports/report-references.js';
import { verifyAccessToken } from './jwt.js';

const BODY_LIMIT = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAVE_ROUTE = /^\/api\/v1\/pilots\/([^/]+)\/periods\/([^/]+)\/report$/;
const SUBMIT_ROUTE = /^\/api\/v1\/reports\/([^/]+)\/submit$/;

const secret = process.env.JWT_SECRET ?? '';
// The same pool size as the application's TypeORM data source.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20, application_name: 'bench-floor' });
/** Statements sent to PostgreSQL (round trips), answered by GET /stats. */
let statements = 0;
pool.on('connect', (client) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statements += 1;
    return query(...args);
  };
});

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string | string[],
  ) {
    super(Array.isArray(message) ? message.join('; ') : message);
  }
}

interface Caller {
  id: string;
  role: 'admin' | 'reviewer' | 'pilot';
  pilotId: string | null;
}

async function authenticate(request: IncomingMessage): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const claims = token ? verifyAccessToken(token, secret) : null;
  if (!claims || !UUID.test(claims.sub)) throw new HttpError(401, 'The token is invalid or expired');
  const { rows } = await pool.query<{ id: string; role: Caller['role']; pilot_id: string | null; token_version: number }>(
    'SELECT id, role, pilot_id, token_version FROM users WHERE id = $1 AND active',
    [claims.sub],
  );
  const user = rows[0];
  if (!user || user.token_version !== claims.ver) throw new HttpError(401, 'The token is invalid or expired');
  return { id: user.id, role: user.role, pilotId: user.pilot_id };
}

function assertWriter(caller: Caller, pilotId: string): void {
  if (caller.role === 'reviewer') throw new HttpError(403, 'Reviewers cannot write reports');
  if (caller.role === 'pilot' && caller.pilotId !== pilotId) throw new HttpError(404, 'Pilot not found');
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return reject(new HttpError(415, 'JSON only'));
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) reject(new HttpError(413, 'Body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'Malformed JSON'));
      }
    });
    request.on('error', reject);
  });
}

/** The DTO's rules, by hand: one message per invalid field. */
function validateReport(body: unknown): ReportInput {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => ok || problems.push(message);
  const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
  const input = body as Partial<ReportInput> | null;
  if (typeof input !== 'object' || input === null || !Array.isArray(input.tasks)) throw new HttpError(400, 'tasks must be an array');
  if (input.summary !== undefined) check(isString(input.summary, 20000), 'summary must be a string');
  input.tasks.forEach((line, i) => {
    check(UUID.test(String(line?.taskId)), `tasks.${i}.taskId must be a UUID`);
    check((TASK_PROGRESS_STATUSES as readonly string[]).includes(line?.status), `tasks.${i}.status is invalid`);
    check(Number.isInteger(line?.percentComplete) && line.percentComplete >= 0 && line.percentComplete <= 100, `tasks.${i}.percentComplete must be 0-100`);
    if (line?.narrative !== undefined) check(isString(line.narrative, 20000), `tasks.${i}.narrative must be a string`);
    for (const [j, done] of (line?.completedMilestones ?? []).entries()) {
      check(UUID.test(String(done?.milestoneId)), `tasks.${i}.completedMilestones.${j}.milestoneId must be a UUID`);
      check(isCalendarDate(done?.completedOn), `tasks.${i}.completedMilestones.${j}.completedOn must be a date`);
    }
  });
  for (const [i, value] of (input.indicators ?? []).entries()) {
    check(UUID.test(String(value?.indicatorId)), `indicators.${i}.indicatorId must be a UUID`);
    check(Number.isFinite(value?.value), `indicators.${i}.value must be a number`);
  }
  for (const [i, experience] of (input.experiences ?? []).entries()) {
    check(isString(experience?.title, 300) && experience.title.trim() !== '', `experiences.${i}.title is invalid`);
    check(isString(experience?.summary, 20000) && experience.summary !== '', `experiences.${i}.summary is invalid`);
    check((TASK_CATEGORIES as readonly string[]).includes(experience?.category), `experiences.${i}.category is invalid`);
  }
  if (problems.length) throw new HttpError(400, problems);
  return input as ReportInput;
}

/** Which of the referenced ids belong to the pilot, in one query. */
const PLAN_SQL = `
  SELECT 'task' AS kind, id, id AS task_id FROM tasks WHERE pilot_id = $1 AND id = ANY($2::uuid[])
  UNION ALL
  SELECT 'milestone', m.id, m.task_id FROM milestones m JOIN tasks t ON t.id = m.task_id WHERE t.pilot_id = $1 AND m.id = ANY($3::uuid[])
  UNION ALL
  SELECT 'indicator', i.id, i.task_id FROM indicators i JOIN tasks t ON t.id = i.task_id WHERE t.pilot_id = $1 AND i.id = ANY($4::uuid[])`;

const DELETE_CONTENT_SQL = `
  WITH completions AS (DELETE FROM report_milestone_completions WHERE report_id = $1),
       lines AS (DELETE FROM report_task_lines WHERE report_id = $1)
  DELETE FROM report_indicator_values WHERE report_id = $1`;

/** Lines, completions and indicator values straight from the request's JSON, in one statement. */
const INSERT_CONTENT_SQL = `
  WITH lines AS (
    INSERT INTO report_task_lines (report_id, task_id, status, percent_complete, narrative, position)
    SELECT $1, (l->>'taskId')::uuid, (l->>'status')::task_progress_status, (l->>'percentComplete')::int, l->>'narrative', n - 1
    FROM jsonb_array_elements($2::jsonb->'tasks') WITH ORDINALITY AS x(l, n)
  ), completions AS (
    INSERT INTO report_milestone_completions (report_id, milestone_id, completed_on)
    SELECT $1, (c->>'milestoneId')::uuid, (c->>'completedOn')::date
    FROM jsonb_array_elements($2::jsonb->'tasks') l, jsonb_array_elements(COALESCE(l->'completedMilestones', '[]')) c
  )
  INSERT INTO report_indicator_values (report_id, indicator_id, value, note, position)
  SELECT $1, (v->>'indicatorId')::uuid, (v->>'value')::numeric, v->>'note', n - 1
  FROM jsonb_array_elements(COALESCE($2::jsonb->'indicators', '[]')) WITH ORDINALITY AS x(v, n)`;

/** Experiences keep their id and recommendation while their title stays the same. */
const REPLACE_EXPERIENCES_SQL = `
  WITH input AS (
    SELECT e->>'title' AS title, e->>'summary' AS summary, (e->>'category')::experience_category AS category,
           ARRAY(SELECT jsonb_array_elements_text(COALESCE(e->'tags', '[]'))) AS tags, (n - 1)::smallint AS position
    FROM jsonb_array_elements(COALESCE($2::jsonb->'experiences', '[]')) WITH ORDINALITY AS x(e, n)
  ), dropped AS (
    DELETE FROM experiences WHERE report_id = $1 AND title NOT IN (SELECT title FROM input)
  ), kept AS (
    UPDATE experiences e SET summary = i.summary, category = i.category, tags = i.tags, position = i.position
    FROM input i WHERE e.report_id = $1 AND e.title = i.title
    RETURNING e.id, e.title, e.summary, e.category, e.tags, e.recommended, e.position
  ), added AS (
    INSERT INTO experiences (report_id, title, summary, category, tags, position)
    SELECT $1, title, summary, category, tags, position FROM input WHERE title NOT IN (SELECT title FROM kept)
    RETURNING id, title, summary, category, tags, recommended, position
  )
  SELECT id, title, summary, category, tags, recommended FROM (SELECT * FROM kept UNION ALL SELECT * FROM added) e ORDER BY position`;

const AUDIT_SQL = `INSERT INTO audit_events (actor_id, ip, action, entity_type, entity_id, details) VALUES ($1, $2, $3, 'report', $4, $5)`;

/** The immutable snapshot a submission stores, built in SQL from what the report holds. */
const SNAPSHOT_SQL = `
  INSERT INTO report_revisions (report_id, revision, submitted_at, submitted_by, content)
  SELECT r.id, $2, $3, $4, jsonb_build_object(
    'summary', r.summary,
    'tasks', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
        'taskId', l.task_id, 'status', l.status, 'percentComplete', l.percent_complete, 'narrative', l.narrative,
        'completedMilestones', COALESCE((
          SELECT jsonb_agg(jsonb_build_object('milestoneId', c.milestone_id, 'completedOn', c.completed_on) ORDER BY c.completed_on)
          FROM report_milestone_completions c JOIN milestones m ON m.id = c.milestone_id
          WHERE c.report_id = r.id AND m.task_id = l.task_id), '[]'::jsonb)) ORDER BY l.position)
      FROM report_task_lines l WHERE l.report_id = r.id), '[]'::jsonb),
    'indicators', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('indicatorId', v.indicator_id, 'value', v.value, 'note', v.note) ORDER BY v.position)
      FROM report_indicator_values v WHERE v.report_id = r.id), '[]'::jsonb),
    'experiences', COALESCE((
      SELECT jsonb_agg(jsonb_build_object('id', e.id, 'title', e.title, 'summary', e.summary, 'category', e.category,
                                          'tags', e.tags, 'recommended', e.recommended) ORDER BY e.position)
      FROM experiences e WHERE e.report_id = r.id), '[]'::jsonb))
  FROM milestone_reports r WHERE r.id = $1
  RETURNING content`;

interface ReportRow {
  id: string;
  pilot_id: string;
  period_id: string;
  status: string;
  revision: number;
  version: number;
  summary: string | null;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const REPORT_COLUMNS = 'id, pilot_id, period_id, status, revision, version, summary, submitted_at, created_at, updated_at';

async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

async function lockOpenPeriod(client: pg.PoolClient, periodId: string): Promise<void> {
  const { rows } = await client.query<{ closed: boolean }>('SELECT closed FROM reporting_periods WHERE id = $1 FOR SHARE', [periodId]);
  if (!rows[0]) throw new HttpError(404, 'Period not found');
  if (rows[0].closed) throw new HttpError(409, 'The period is closed');
}

async function reviewsOf(client: pg.PoolClient, report: ReportRow): Promise<unknown[]> {
  if (report.status !== 'returned') return [];
  const { rows } = await client.query(
    'SELECT decision, note, reviewer_id AS "reviewerId", revision, at FROM report_reviews WHERE report_id = $1 ORDER BY at, id',
    [report.id],
  );
  return rows;
}

function view(report: ReportRow, content: object, reviews: unknown[]) {
  return {
    id: report.id,
    pilotId: report.pilot_id,
    periodId: report.period_id,
    status: report.status,
    revision: report.revision,
    ...content,
    submittedAt: report.submitted_at?.toISOString() ?? null,
    reviews,
    createdAt: report.created_at.toISOString(),
    updatedAt: report.updated_at.toISOString(),
  };
}

async function saveDraft(caller: Caller, pilotId: string, periodId: string, input: ReportInput, ip: string | null) {
  assertWriter(caller, pilotId);
  return transaction(async (client) => {
    await lockOpenPeriod(client, periodId);
    const ids = referencedIds(input);
    const { rows: plan } = await client.query<{ kind: string; id: string; task_id: string }>(PLAN_SQL, [
      pilotId,
      ids.taskIds,
      ids.milestoneIds,
      ids.indicatorIds,
    ]);
    const of = (kind: string) => plan.filter((row) => row.kind === kind);
    const problems = referenceProblems(input, {
      taskIds: new Set(of('task').map((row) => row.id)),
      milestoneTask: new Map(of('milestone').map((row) => [row.id, row.task_id])),
      indicatorTask: new Map(of('indicator').map((row) => [row.id, row.task_id])),
    });
    if (problems.length) throw new HttpError(400, problems);

    const created = await client.query(
      'INSERT INTO milestone_reports (pilot_id, period_id) VALUES ($1, $2) ON CONFLICT (pilot_id, period_id) DO NOTHING RETURNING id',
      [pilotId, periodId],
    );
    const { rows: locked } = await client.query<ReportRow>(
      `SELECT ${REPORT_COLUMNS} FROM milestone_reports WHERE pilot_id = $1 AND period_id = $2 FOR UPDATE`,
      [pilotId, periodId],
    );
    const report = locked[0];
    if (report.status === 'submitted' || report.status === 'accepted') throw new HttpError(409, `The report is ${report.status}`);

    const json = JSON.stringify(input);
    await client.query(DELETE_CONTENT_SQL, [report.id]);
    await client.query(INSERT_CONTENT_SQL, [report.id, json]);
    const { rows: experiences } = await client.query(REPLACE_EXPERIENCES_SQL, [report.id, json]);
    const { rows: updated } = await client.query<ReportRow>(
      `UPDATE milestone_reports SET summary = $2, version = version + $3, updated_at = now() WHERE id = $1 RETURNING ${REPORT_COLUMNS}`,
      [report.id, input.summary ?? null, created.rowCount ? 0 : 1],
    );
    await client.query(AUDIT_SQL, [
      caller.id,
      ip,
      created.rowCount ? 'report.create' : 'report.update',
      report.id,
      { pilotId, periodId, tasks: input.tasks.length },
    ]);
    const content = { summary: input.summary ?? null, tasks: input.tasks, indicators: input.indicators ?? [], experiences };
    return { created: Boolean(created.rowCount), report: updated[0], body: view(updated[0], content, await reviewsOf(client, report)) };
  });
}

async function submit(caller: Caller, reportId: string, ip: string | null) {
  return transaction(async (client) => {
    // Period first, then report: the API's lock order.
    const { rows: found } = await client.query<{ period_id: string }>('SELECT period_id FROM milestone_reports WHERE id = $1', [reportId]);
    if (!found[0]) throw new HttpError(404, 'Report not found');
    await lockOpenPeriod(client, found[0].period_id);
    const { rows: locked } = await client.query<ReportRow>(`SELECT ${REPORT_COLUMNS} FROM milestone_reports WHERE id = $1 FOR UPDATE`, [reportId]);
    const report = locked[0];
    assertWriter(caller, report.pilot_id);
    if (report.status !== 'draft' && report.status !== 'returned') throw new HttpError(409, `Cannot submit a ${report.status} report`);

    const submittedAt = new Date();
    const { rows: snapshot } = await client.query<{ content: object }>(SNAPSHOT_SQL, [report.id, report.revision + 1, submittedAt, caller.id]);
    const { rows: updated } = await client.query<ReportRow>(
      `UPDATE milestone_reports SET status = 'submitted', revision = $2, submitted_at = $3, version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${REPORT_COLUMNS}`,
      [report.id, report.revision + 1, submittedAt],
    );
    await client.query(AUDIT_SQL, [caller.id, ip, 'report.submit', report.id, { from: report.status, to: 'submitted', revision: report.revision + 1 }]);
    return { report: updated[0], body: view(updated[0], snapshot[0].content, await reviewsOf(client, report)) };
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  const ip = request.socket.remoteAddress ?? null;
  const save = SAVE_ROUTE.exec(path);
  const submission = SUBMIT_ROUTE.exec(path);
  let status = 200;
  let result: { report: ReportRow; body: object };
  if (path === '/health' || path === '/stats') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements }));
    return;
  }
  if (request.method === 'PUT' && save) {
    const [, pilotId, periodId] = save;
    if (!UUID.test(pilotId) || !UUID.test(periodId)) throw new HttpError(400, 'Ids must be UUIDs');
    const caller = await authenticate(request);
    const saved = await saveDraft(caller, pilotId, periodId, validateReport(await readJson(request)), ip);
    status = saved.created ? 201 : 200;
    result = saved;
  } else if (request.method === 'POST' && submission) {
    if (!UUID.test(submission[1])) throw new HttpError(400, 'Ids must be UUIDs');
    result = await submit(await authenticate(request), submission[1], ip);
  } else {
    throw new HttpError(404, 'Not found');
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', etag: `"${result.report.id}.${result.report.version}"` });
  response.end(JSON.stringify(result.body));
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) console.error(error);
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ statusCode: status, message: error instanceof HttpError ? error.message : 'Internal error' }));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3100), '127.0.0.1', () => console.log(`floor listening on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => void pool.end()));
