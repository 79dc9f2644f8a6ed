import pg from 'pg';
import { withClient } from '../helpers/databases.js';
import { Drill, SLOT_TIMEOUT_MS } from '../helpers/drill-harness.js';
import { API, DrillClient, expectStatus, type HttpAnswer, type SummaryView } from '../helpers/drill-http.js';
import { pollUntil, startApi, startWorker } from '../helpers/drill-processes.js';
import { probeQueue, waitForWorkers } from '../helpers/drill-queues.js';
import { seededReportBody, seedLargePeriod, seedPilotsWithUsers } from '../helpers/drill-seed.js';

/**
 * Drill 4: SIGTERM, as an orchestrator sends it before replacing a process. The API finishes the
 * requests it has accepted, the worker finishes its running job and takes no other (the rest
 * stays queued for the next worker), and each exits with status 0 within the grace period,
 * before anyone would have to SIGKILL it.
 */
const GRACE_MS = 10_000;
/** A render of a few seconds at most, so that finishing it fits in the grace period. */
const PILOTS = 100;
const TASKS_PER_PILOT = 5;

describe('fault drill: SIGTERM to the API and to the worker', () => {
  const drill = new Drill('sigterm');
  beforeAll(() => drill.begin(), SLOT_TIMEOUT_MS);
  afterEach(() => drill.cleanup(), 60_000);
  afterAll(() => drill.end(), 60_000);

  it(
    'the API finishes an in-flight request, then exits 0 within the grace period',
    () =>
      drill.run(async () => {
        const databaseUrl = await drill.cloneDatabase();
        const database = new URL(databaseUrl).pathname.slice(1);
        const seeded = await seedPilotsWithUsers(databaseUrl, 1);
        const pilot = seeded.pilots[0]!;
        const env = drill.env(databaseUrl);
        const api = await startApi(drill.processes, env);
        const pilotUser = await new DrillClient(api.baseUrl).login(pilot.email, seeded.password);
        const reportPath = `${API}/pilots/${pilot.pilotId}/periods/${seeded.periodId}/report`;
        const draft = expectStatus(await pilotUser.put<{ id: string }>(reportPath, seededReportBody(pilot, '第一稿')), 201);

        // Hold the save in flight: it waits on the audit_events lock this session takes.
        const blocker = new pg.Client({ connectionString: databaseUrl, application_name: 'pilot-tracker-drill' });
        blocker.on('error', () => undefined);
        await blocker.connect();
        drill.onCleanup(() => blocker.end());
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE audit_events IN EXCLUSIVE MODE');
        const inFlight: Promise<HttpAnswer | Error> = pilotUser
          .put(reportPath, seededReportBody(pilot, '第二稿 saved during shutdown'))
          .catch((error: Error & { cause?: Error }) => new Error(`no HTTP answer: ${error.message} (${error.cause?.message ?? ''})`));
        await pollUntil('the save waiting on audit_events', () =>
          withClient(databaseUrl, async (client) => {
            const { rows } = await client.query(
              `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
               WHERE a.datname = $1 AND a.application_name = 'pilot-tracker' AND NOT l.granted AND l.relation = 'audit_events'::regclass`,
              [database],
            );
            return rows.length > 0;
          }),
        );

        api.child.signal('SIGTERM');
        const signalledAt = Date.now();
        // While its request runs, the API does not go away.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(api.child.exit).toBeNull();
        await blocker.query('ROLLBACK');

        const answer = await inFlight;
        if (answer instanceof Error) throw answer;
        expect(expectStatus(answer as HttpAnswer<{ summary: string }>, 200)).toMatchObject({ summary: '第二稿 saved during shutdown' });
        // The grace period runs from the SIGTERM.
        const exit = await api.child.waitForExit(Math.max(0, signalledAt + GRACE_MS - Date.now())).catch((error: Error) => {
          const connection = (answer as HttpAnswer).headers.get('connection');
          throw new Error(`The API answered its in-flight request (connection: ${connection}) but did not exit within the grace period.\n${error.message}`);
        });
        expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });

        // The answered write is committed.
        const stored = await withClient(databaseUrl, (client) =>
          client.query<{ summary: string; version: number }>('SELECT summary, version FROM milestone_reports WHERE id = $1', [draft.id]),
        );
        expect(stored.rows).toEqual([{ summary: '第二稿 saved during shutdown', version: 2 }]);
      }),
    90_000,
  );

  it(
    'the worker finishes the summary it is rendering, leaves the next one queued, and exits 0 within the grace period',
    () =>
      drill.run(async () => {
        const databaseUrl = await drill.cloneDatabase();
        const seeded = await seedLargePeriod(databaseUrl, { pilots: PILOTS, tasksPerPilot: TASKS_PER_PILOT });
        const env = drill.env(databaseUrl);
        const summaries = probeQueue(env.REDIS_URL, env.QUEUE_PREFIX, 'summaries');
        drill.onCleanup(() => summaries.close());
        const api = await startApi(drill.processes, env);
        const admin = await new DrillClient(api.baseUrl).loginAdmin();
        const request = async () =>
          expectStatus(await admin.post<SummaryView>(`${API}/summaries`, { periodId: seeded.periodId, asOf: '2024-06-30' }), 202);
        const summaryOf = async (id: string) => expectStatus(await admin.get<SummaryView>(`${API}/summaries/${id}`), 200);
        const first = await request();
        const second = await request();

        const worker = startWorker(drill.processes, env, 'worker-1');
        await waitForWorkers(summaries, 1, [worker]);
        await pollUntil(
          'the first summary rendering',
          async () => {
            const s = await summaryOf(first.id);
            if (s.status === 'ready') throw new Error('rendered before SIGTERM could be sent: seed more pilots');
            return s.status === 'running' && s.progress > 0;
          },
          { timeoutMs: 60_000, everyMs: 50 },
        );

        worker.signal('SIGTERM');
        const exit = await worker.waitForExit(GRACE_MS);
        expect(exit).toEqual({ code: 0, signal: null, afterMs: expect.any(Number) });

        // Finished, not abandoned: the running job completed before the exit…
        expect(await summaryOf(first.id)).toMatchObject({ status: 'ready', progress: 100 });
        expect(await summaries.queue.getJobState(`render-summary.${first.id}`)).toBe('completed');
        // …and the worker took no other job while shutting down.
        expect(await summaryOf(second.id)).toMatchObject({ status: 'queued', progress: 0 });
        expect(await summaries.queue.getJobState(`render-summary.${second.id}`)).toBe('waiting');

        // The next worker renders what was left, once.
        const next = startWorker(drill.processes, env, 'worker-2');
        const ready = await pollUntil(
          'the second summary rendered by the next worker',
          async () => {
            const s = await summaryOf(second.id);
            if (s.status === 'failed') throw new Error(`failed: ${s.error}`);
            return s.status === 'ready' ? s : null;
          },
          { timeoutMs: 60_000, everyMs: 200 },
        );
        expect(ready.sha256).toMatch(/^[0-9a-f]{64}$/);
        const files = await withClient(databaseUrl, (client) =>
          client.query<{ summary_id: string }>('SELECT summary_id FROM summary_files WHERE summary_id = ANY($1::uuid[]) ORDER BY summary_id', [
            [first.id, second.id],
          ]),
        );
        expect(files.rows.map((r) => r.summary_id).sort()).toEqual([first.id, second.id].sort());

        next.signal('SIGTERM');
        expect(await next.waitForExit(GRACE_MS)).toEqual({ code: 0, signal: null, afterMs: expect.any(Number) });
      }),
    120_000,
  );
});
