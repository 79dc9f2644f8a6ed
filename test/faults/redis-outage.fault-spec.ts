import { withClient } from '../helpers/databases.js';
import { Drill, SLOT_TIMEOUT_MS } from '../helpers/drill-harness.js';
import { API, DrillClient, expectStatus, type ProgressView, type SummaryView } from '../helpers/drill-http.js';
import { pollUntil, startApi, startWorker } from '../helpers/drill-processes.js';
import { probeQueue, waitForWorkers } from '../helpers/drill-queues.js';
import { startPrivateRedis } from '../helpers/drill-redis.js';
import { seededReportBody, seedLargePeriod, seedPilotsWithUsers, type SeededPilot } from '../helpers/drill-seed.js';

/**
 * Drill 2: Redis goes away while pilots submit their reports. PostgreSQL is the source of truth,
 * so every submission must still commit and answer 2xx at once; once Redis is back (restarted
 * empty: its queues, job schedulers and jobs are gone), the workers' reconcile pass must find
 * the periods whose figures are stale and aggregate them, with nobody acting.
 */
const PILOTS = 12;
/** Submitted while Redis is still up, to give the period stored figures that go stale. */
const BEFORE_OUTAGE = 2;
/** Of the pilots submitting during the outage, these also log in during it. */
const LOGIN_DURING_OUTAGE = 3;
/** An answer while Redis is down may wait for an enqueue timeout (1 s), never for Redis. */
const MAX_ANSWER_MS = 5_000;
/** The reconcile passes run as soon as a worker reconnects (and every minute after). */
const RECONCILED_WITHIN_MS = 30_000;

describe('fault drill: Redis stopped while pilots submit', () => {
  const drill = new Drill('redis-outage');
  beforeAll(() => drill.begin(), SLOT_TIMEOUT_MS);
  afterEach(() => drill.cleanup(), 60_000);
  afterAll(() => drill.end(), 60_000);

  it(
    'commits every submission with a 2xx while Redis is down, and catches the aggregation up by itself once Redis is back',
    () =>
      drill.run(async () => {
        const databaseUrl = await drill.cloneDatabase();
        const seeded = await seedPilotsWithUsers(databaseUrl, PILOTS);
        const redis = await startPrivateRedis();
        drill.onCleanup(() => redis.dispose());
        const env = drill.env(databaseUrl, redis.url, { privateRedis: true });
        const aggregation = probeQueue(redis.url, env.QUEUE_PREFIX, 'aggregation');
        drill.onCleanup(() => aggregation.close());

        const api = await startApi(drill.processes, env);
        const worker = startWorker(drill.processes, env);
        await waitForWorkers(aggregation, 1, [worker]);
        const anonymous = new DrillClient(api.baseUrl);
        const admin = await anonymous.loginAdmin();
        const progress = async () => expectStatus(await admin.get<ProgressView>(`${API}/periods/${seeded.periodId}/progress`), 200);

        const loginLater = seeded.pilots.slice(-LOGIN_DURING_OUTAGE);
        const sessions = new Map<SeededPilot, DrillClient>();
        for (const pilot of seeded.pilots.filter((p) => !loginLater.includes(p))) {
          sessions.set(pilot, await anonymous.login(pilot.email, seeded.password));
        }

        /** Logs in if not yet, saves and submits a pilot's report (asserting 2xx); answers how long each call took. */
        const submit = async (pilot: SeededPilot, index: number): Promise<number[]> => {
          const times: number[] = [];
          const timed = async <T>(call: () => Promise<T>): Promise<T> => {
            const started = Date.now();
            const result = await call();
            times.push(Date.now() - started);
            return result;
          };
          const client = sessions.get(pilot) ?? (await timed(() => anonymous.login(pilot.email, seeded.password)));
          const saved = expectStatus(
            await timed(() => client.put<{ id: string }>(`${API}/pilots/${pilot.pilotId}/periods/${seeded.periodId}/report`, seededReportBody(pilot))),
            201,
          );
          // Half of them send an Idempotency-Key, whose store is in Redis too.
          const headers: Record<string, string> = index % 2 ? { 'idempotency-key': `submit-${pilot.pilotId}` } : {};
          expectStatus(await timed(() => client.post(`${API}/reports/${saved.id}/submit`, undefined, { headers })), 200);
          return times;
        };

        // Before the outage: two submissions, aggregated by the worker as usual.
        for (const [index, pilot] of seeded.pilots.slice(0, BEFORE_OUTAGE).entries()) await submit(pilot, index);
        await pollUntil('the figures before the outage', async () => (await progress()).received === BEFORE_OUTAGE, { timeoutMs: 30_000, everyMs: 250 });

        // Redis dies (SIGKILL) while the next two pilots are saving and submitting…
        const during = seeded.pilots.slice(BEFORE_OUTAGE);
        const timings: number[] = [];
        const record = (batch: number[][]) => timings.push(...batch.flat());
        const inFlight = Promise.all(during.slice(0, 2).map((pilot, j) => submit(pilot, j)));
        await redis.stop();
        record(await inFlight);
        const health = await anonymous.get<{ checks: { redis: string; postgres: string } }>('/health');
        expect(health.status).toBe(503);
        expect(health.body.checks).toEqual({ postgres: 'ok', redis: 'unavailable' });

        // …and everybody else submits while it is down, two at a time (the last ones logging in first).
        for (let i = 2; i < during.length; i += 2) {
          record(await Promise.all(during.slice(i, i + 2).map((pilot, j) => submit(pilot, i + j))));
        }
        expect(Math.max(...timings)).toBeLessThan(MAX_ANSWER_MS);

        // Everything is in PostgreSQL: submitted, one immutable revision each.
        const stored = await withClient(databaseUrl, async (client) => {
          const { rows } = await client.query<{ pilot_id: string; status: string; revision: number; revisions: number }>(
            `SELECT r.pilot_id, r.status, r.revision, (SELECT count(*)::int FROM report_revisions v WHERE v.report_id = r.id) AS revisions
             FROM milestone_reports r WHERE r.period_id = $1 ORDER BY r.pilot_id`,
            [seeded.periodId],
          );
          return rows;
        });
        expect(stored).toHaveLength(PILOTS);
        for (const row of stored) expect(row).toMatchObject({ status: 'submitted', revision: 1, revisions: 1 });
        expect(new Set(stored.map((r) => r.pilot_id))).toEqual(new Set(seeded.pilots.map((p) => p.pilotId)));

        // The stored figures lag behind: no worker can be told while Redis is down.
        expect((await progress()).received).toBeLessThan(PILOTS);

        // Redis returns (empty): the workers reconnect and reconcile; nobody calls anything but GET.
        await redis.start();
        const caughtUp = await pollUntil(
          'the aggregation catching up after Redis returned',
          async () => {
            const figures = await progress();
            return figures.received === PILOTS ? figures : null;
          },
          { timeoutMs: 45_000, everyMs: 500 },
        );
        expect(caughtUp.expected).toBe(PILOTS);
        expect(caughtUp.byPilot.every((p) => p.reportStatus === 'submitted')).toBe(true);
        expect(worker.exit).toBeNull();
        expect(api.child.exit).toBeNull();
        // The API's own connections come back too (ioredis retries every ≤ 2 s).
        await pollUntil('the API healthy again', async () => (await anonymous.get('/health')).status === 200, { timeoutMs: 15_000, everyMs: 250 });
      }),
    120_000,
  );

  it(
    'renders a summary requested while Redis was down once Redis is back, with nobody acting',
    () =>
      drill.run(async () => {
        const databaseUrl = await drill.cloneDatabase();
        const seeded = await seedLargePeriod(databaseUrl, { pilots: 6, tasksPerPilot: 2 });
        const redis = await startPrivateRedis();
        drill.onCleanup(() => redis.dispose());
        const env = drill.env(databaseUrl, redis.url, { privateRedis: true });
        const summaries = probeQueue(redis.url, env.QUEUE_PREFIX, 'summaries');
        drill.onCleanup(() => summaries.close());
        const api = await startApi(drill.processes, env);
        const worker = startWorker(drill.processes, env);
        await waitForWorkers(summaries, 1, [worker]);
        const admin = await new DrillClient(api.baseUrl).loginAdmin();

        await redis.stop();
        const requested = expectStatus(await admin.post<SummaryView>(`${API}/summaries`, { periodId: seeded.periodId, asOf: '2024-06-30' }), 202);
        expect(requested.status).toBe('queued');
        await redis.start();

        const ready = await pollUntil(
          'the summary requested during the outage rendered after Redis returned',
          async () => {
            const s = expectStatus(await admin.get<SummaryView>(`${API}/summaries/${requested.id}`), 200);
            if (s.status === 'failed') throw new Error(`failed: ${s.error}`);
            return s.status === 'ready' ? s : null;
          },
          { timeoutMs: RECONCILED_WITHIN_MS, everyMs: 500 },
        );
        expect(ready.sha256).toMatch(/^[0-9a-f]{64}$/);
      }),
    RECONCILED_WITHIN_MS + 45_000,
  );
});
