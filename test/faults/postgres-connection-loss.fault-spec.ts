import type { Response } from 'supertest';
import pg from 'pg';
import { withClient } from '../helpers/databases.js';
import { Drill, SLOT_TIMEOUT_MS } from '../helpers/drill-harness.js';
import { API, DrillClient, expectStatus, type HttpAnswer } from '../helpers/drill-http.js';
import { pollUntil, startApi } from '../helpers/drill-processes.js';
import { seededReportBody, seedPilotsWithUsers } from '../helpers/drill-seed.js';
import { expectNoLeaks } from '../helpers/http.js';

/**
 * Drill 3: the API's PostgreSQL connections are cut (`pg_terminate_backend`, as a failover or
 * an administrator would) while a write is half done inside its transaction and reads are
 * running. The write must fail cleanly — a 5xx JSON answer with a request id and nothing of the
 * server's insides — leave no trace in the database, and the very next request must succeed.
 *
 * To have a write reliably "half done", the drill holds an EXCLUSIVE lock on `audit_events`:
 * a draft save replaces the report's lines first and records its audit event last, so it waits
 * there with its other writes made but not committed.
 *
 * A second drill keeps terminating the API's backends every 20 ms for 3 s while eight callers
 * read and write: connections die in use, idle in the pool and while being opened. The process
 * must stay up, every request must get an answer (200 or a clean 5xx), and every committed save
 * must be whole (its lines and its audit event with it).
 */
const APPLICATION_NAME = 'pilot-tracker';

interface StoredReport {
  version: number;
  summary: string | null;
  updated_at: Date;
  lines: { task_id: string; percent_complete: number; narrative: string | null }[];
  audit: number;
}

async function storedReport(databaseUrl: string, reportId: string): Promise<StoredReport> {
  return withClient(databaseUrl, async (client) => {
    const {
      rows: [report],
    } = await client.query<Omit<StoredReport, 'lines' | 'audit'>>('SELECT version, summary, updated_at FROM milestone_reports WHERE id = $1', [reportId]);
    const { rows: lines } = await client.query<StoredReport['lines'][number]>(
      'SELECT task_id, percent_complete, narrative FROM report_task_lines WHERE report_id = $1 ORDER BY task_id',
      [reportId],
    );
    const {
      rows: [audit],
    } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [reportId]);
    return { ...report!, lines, audit: audit!.n };
  });
}

/** The answer, or an Error naming why there was none (a dropped connection is not an answer). Never rejects. */
function settle(answer: Promise<HttpAnswer>): Promise<HttpAnswer | Error> {
  return answer.catch((error: Error & { cause?: Error }) => new Error(`no HTTP answer: ${error.message} (${error.cause?.message ?? 'no cause'})`));
}

function answered(result: HttpAnswer | Error): HttpAnswer {
  if (result instanceof Error) throw result;
  return result;
}

/** A clean server error: JSON `{statusCode, error, message, requestId}` matching the header, no internals. */
function expectCleanServerError(answer: HttpAnswer): void {
  if (answer.status < 500 || answer.status > 599) throw new Error(`expected a 5xx; ${answer.describe}`);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const body = answer.body as Record<string, unknown>;
  expect(body).toMatchObject({ statusCode: answer.status, error: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  expect(body.requestId).toBe(answer.headers.get('x-request-id'));
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
  expectNoLeaks({ text: answer.text, body } as unknown as Response);
  expect(answer.text).not.toMatch(/terminat|administrator command|connection|57P01|pg_|postgres/i);
}

/** A cloned database with one seeded pilot and its user, and the API started on it, logged in. */
async function startPilotApi(drill: Drill) {
  const databaseUrl = await drill.cloneDatabase();
  const seeded = await seedPilotsWithUsers(databaseUrl, 1);
  const pilot = seeded.pilots[0]!;
  const api = await startApi(drill.processes, drill.env(databaseUrl));
  const anonymous = new DrillClient(api.baseUrl);
  return {
    databaseUrl,
    database: new URL(databaseUrl).pathname.slice(1),
    pilot,
    api,
    admin: await anonymous.loginAdmin(),
    pilotUser: await anonymous.login(pilot.email, seeded.password),
    reportPath: `${API}/pilots/${pilot.pilotId}/periods/${seeded.periodId}/report`,
  };
}

/** A connection of the drill's own (not the API's application name), closed at cleanup. */
async function sideConnection(drill: Drill, databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'pilot-tracker-drill' });
  client.on('error', () => undefined);
  await client.connect();
  drill.onCleanup(() => client.end());
  return client;
}

describe('fault drill: PostgreSQL connections broken in the middle of requests', () => {
  const drill = new Drill('pg-terminate');
  beforeAll(() => drill.begin(), SLOT_TIMEOUT_MS);
  afterEach(() => drill.cleanup(), 60_000);
  afterAll(() => drill.end(), 60_000);

  it(
    'fails the half-done write with a clean 5xx and a request id, writes nothing of it, and serves the next request',
    () =>
      drill.run(async () => {
        const { databaseUrl, database, pilot, api, admin, pilotUser, reportPath } = await startPilotApi(drill);

        const draft = expectStatus(await pilotUser.put<{ id: string }>(reportPath, seededReportBody(pilot, '第一稿 first draft')), 201);
        const before = await storedReport(databaseUrl, draft.id);
        const secondDraft = seededReportBody(pilot, '第二稿 second draft');
        secondDraft.tasks[0]!.percentComplete = 80;

        const blocker = await sideConnection(drill, databaseUrl);
        // pg_stat_activity is a snapshot per transaction: watch from outside the blocker's.
        const monitor = await sideConnection(drill, databaseUrl);
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');

        // The write: lines replaced and version bumped inside its transaction, now waiting to audit.
        const write = settle(pilotUser.put(reportPath, secondDraft));
        const waiting = await pollUntil('the draft save waiting on audit_events', async () => {
          const { rows } = await monitor.query<{ pid: number }>(
            `SELECT DISTINCT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
             WHERE a.datname = $1 AND a.application_name = $2 AND NOT l.granted AND l.relation = 'audit_events'::regclass`,
            [database, APPLICATION_NAME],
          );
          return rows.length ? rows : null;
        });
        expect(waiting).toHaveLength(1);

        // Reads running alongside, on other connections of the pool.
        const reads: Promise<HttpAnswer | Error>[] = [];
        for (let i = 0; i < 4; i++) reads.push(settle(pilotUser.get(reportPath)), settle(admin.get(`${API}/pilots/${pilot.pilotId}`)));

        const { rows: terminated } = await monitor.query<{ pid: number; ok: boolean }>(
          `SELECT pid, pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
          [database, APPLICATION_NAME],
        );
        expect(terminated.map((t) => t.pid)).toEqual(expect.arrayContaining(waiting.map((w) => w.pid)));
        expect(terminated.every((t) => t.ok)).toBe(true);
        await blocker.query('ROLLBACK');

        const failed = answered(await write);
        expectCleanServerError(failed);
        for (const read of (await Promise.all(reads)).map(answered)) {
          if (read.status !== 200) expectCleanServerError(read);
        }

        // Nothing of the failed write is stored.
        expect(await storedReport(databaseUrl, draft.id)).toEqual(before);

        // The next request succeeds, on new connections, and so does the write when repeated.
        const again = await pilotUser.put<{ id: string; summary: string; tasks: { percentComplete: number }[] }>(reportPath, secondDraft);
        expect(expectStatus(again, 200)).toMatchObject({ id: draft.id, summary: '第二稿 second draft', tasks: [{ percentComplete: 80 }] });
        const after = await storedReport(databaseUrl, draft.id);
        expect(after).toMatchObject({ version: before.version + 1, summary: '第二稿 second draft', audit: before.audit + 1 });
        expect(after.lines).toEqual([expect.objectContaining({ percent_complete: 80 })]);
        expectStatus(await admin.get(`${API}/pilots/${pilot.pilotId}`), 200);
        expect(api.child.exit).toBeNull();

        // Connections came back: the API holds new backends.
        const { rows: fresh } = await monitor.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
          [database, APPLICATION_NAME],
        );
        expect(fresh.length).toBeGreaterThan(0);
        expect(fresh.some((f) => terminated.some((t) => t.pid === f.pid))).toBe(false);
      }),
    90_000,
  );

  it(
    'stays up through a storm of terminated connections (new ones included), answering every request with 200 or a clean 5xx, and writes all or nothing',
    () =>
      drill.run(async () => {
        const { databaseUrl, database, pilot, api, admin, pilotUser, reportPath } = await startPilotApi(drill);
        const draft = expectStatus(await pilotUser.put<{ id: string }>(reportPath, seededReportBody(pilot, '第0稿')), 201);

        const killer = await sideConnection(drill, databaseUrl);

        // Eight callers reading and writing back to back, while every backend of the API —
        // those in use, idle, and those still being opened — is terminated every 20 ms.
        let storming = true;
        const results: (HttpAnswer | Error)[] = [];
        const caller = async (n: number) => {
          for (let i = 0; storming; i++) {
            const call =
              i % 3 === 0
                ? pilotUser.put(reportPath, seededReportBody(pilot, `第${n}-${i}稿`))
                : i % 3 === 1
                  ? pilotUser.get(reportPath)
                  : admin.get(`${API}/pilots/${pilot.pilotId}`);
            results.push(await settle(call));
          }
        };
        const callers = Array.from({ length: 8 }, (_, n) => caller(n));
        let terminated = 0;
        const stormEnds = Date.now() + 3000;
        while (Date.now() < stormEnds && !api.child.exit) {
          const { rowCount } = await killer.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
            [database, APPLICATION_NAME],
          );
          terminated += rowCount ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        storming = false;
        await Promise.all(callers);

        expect(api.child.exit).toBeNull();
        const noAnswer = results.filter((r): r is Error => r instanceof Error);
        expect(noAnswer.map((e) => e.message)).toEqual([]);
        const answers = results.map(answered);
        for (const answer of answers) if (answer.status !== 200) expectCleanServerError(answer);
        expect(terminated).toBeGreaterThan(10);
        expect(answers.filter((a) => a.status >= 500).length).toBeGreaterThan(0);

        // The next requests succeed.
        expectStatus(await pilotUser.put(reportPath, seededReportBody(pilot, '最后一稿 last draft')), 200);
        expectStatus(await admin.get(`${API}/pilots/${pilot.pilotId}`), 200);

        // All or nothing: one set of lines, and exactly one audit event per committed version.
        const stored = await storedReport(databaseUrl, draft.id);
        expect(stored.summary).toBe('最后一稿 last draft');
        expect(stored.lines).toHaveLength(1);
        expect(stored.audit).toBe(stored.version);
      }),
    90_000,
  );
});
