import { databaseUrl, RUN_ENV, withClient } from '../helpers/databases.js';
import { Drill, SLOT_TIMEOUT_MS } from '../helpers/drill-harness.js';
import { API, DrillClient, expectStatus, type SummaryView } from '../helpers/drill-http.js';
import { API_ENTRY, freePort, pollUntil, waitForHttp, WORKER_ENTRY, type Child } from '../helpers/drill-processes.js';
import { probeQueue, waitForWorkers } from '../helpers/drill-queues.js';
import { seedLargePeriod } from '../helpers/drill-seed.js';

/**
 * Drill 5: a fresh deployment where two API processes and two workers start at the same moment
 * against a database that does not exist yet. Each creates it if missing and migrates under a
 * PostgreSQL advisory lock, so the database is created once and every migration applied once;
 * both APIs then serve, and 50 summaries requested through both are rendered exactly once each.
 */
const SUMMARIES = 50;

/** The migrations table of a database, in the order they ran. */
function appliedMigrations(url: string): Promise<{ name: string; timestamp: string }[]> {
  return withClient(url, async (client) => (await client.query<{ name: string; timestamp: string }>('SELECT name, timestamp::text FROM migrations ORDER BY id')).rows);
}

describe('fault drill: two APIs and two workers started at once on an empty database', () => {
  const drill = new Drill('cold-start');
  beforeAll(() => drill.begin(), SLOT_TIMEOUT_MS);
  afterEach(() => drill.cleanup(), 60_000);
  afterAll(() => drill.end(), 60_000);

  it(
    'creates and migrates the database once, both APIs serve, and 50 summaries requested through both are each rendered exactly once',
    () =>
      drill.run(async () => {
        const url = databaseUrl(drill.newDatabaseName());
        // At `log` level each process says what it created and applied, to count it below.
        const env = { ...drill.env(url), LOG_LEVEL: 'log' };
        const summariesQueue = probeQueue(env.REDIS_URL, env.QUEUE_PREFIX, 'summaries');
        drill.onCleanup(() => summariesQueue.close());

        // All four at the same moment.
        const ports = [await freePort(), await freePort()];
        const apis = ports.map((port, i) => ({
          port,
          baseUrl: `http://127.0.0.1:${port}`,
          child: drill.processes.start(`api-${i + 1}`, API_ENTRY, { ...env, APP_ROLE: 'api', PORT: String(port) }),
        }));
        const workers: Child[] = [1, 2].map((i) => drill.processes.start(`worker-${i}`, WORKER_ENTRY, env));
        const everyone = [...apis.map((a) => a.child), ...workers];

        await Promise.all(apis.map((api) => waitForHttp(api.child, api.baseUrl, 90_000)));
        await waitForWorkers(summariesQueue, 2, workers, 90_000);
        for (const child of everyone) expect({ name: child.name, exit: child.exit }).toEqual({ name: child.name, exit: null });
        for (const child of everyone) expect({ name: child.name, errors: child.output().match(/.*\b(ERROR|FATAL)\b.*/g) ?? [] }).toEqual({ name: child.name, errors: [] });

        // Migrated once: the same migrations, in the same order, as the template the CLI migrated.
        const applied = await appliedMigrations(url);
        const expected = await appliedMigrations(databaseUrl(process.env[RUN_ENV.template]!));
        expect(applied.length).toBeGreaterThan(0);
        expect(new Set(applied.map((m) => m.name)).size).toBe(applied.length);
        expect(applied).toEqual(expected);
        const said = (pattern: RegExp) => everyone.flatMap((c) => c.output().match(new RegExp(pattern, 'g')) ?? []);
        expect(said(/Created the database/)).toHaveLength(1);
        for (const { name } of applied) expect({ name, applied: said(new RegExp(`Applied ${name}\\b`)).length }).toEqual({ name, applied: 1 });

        // Both serve, with one bootstrap admin between them.
        const admins = await Promise.all(apis.map((api) => new DrillClient(api.baseUrl).loginAdmin()));
        const adminRows = await withClient(url, async (client) => (await client.query(`SELECT id FROM users WHERE role = 'admin'`)).rows);
        expect(adminRows).toHaveLength(1);

        const seeded = await seedLargePeriod(url, { pilots: 8, tasksPerPilot: 2 });
        const requested: SummaryView[] = [];
        for (let i = 0; i < SUMMARIES; i += 10) {
          const batch = Array.from({ length: Math.min(10, SUMMARIES - i) }, (_, j) => admins[(i + j) % 2]!);
          requested.push(
            ...(await Promise.all(
              batch.map(async (admin, j) =>
                expectStatus(await admin.post<SummaryView>(`${API}/summaries`, { periodId: seeded.periodId, language: (i + j) % 3 ? 'zh' : 'en' }), 202),
              ),
            )),
          );
        }
        expect(new Set(requested.map((s) => s.id)).size).toBe(SUMMARIES);

        const finished = await pollUntil(
          `all ${SUMMARIES} summaries finished`,
          async () => {
            const page = expectStatus(await admins[0]!.get<{ items: SummaryView[]; total: number }>(`${API}/summaries?periodId=${seeded.periodId}&limit=100`), 200);
            const failed = page.items.filter((s) => s.status === 'failed');
            if (failed.length) throw new Error(`failed: ${JSON.stringify(failed.slice(0, 3))}`);
            return page.items.length === SUMMARIES && page.items.every((s) => s.status === 'ready') ? page.items : null;
          },
          { timeoutMs: 90_000, everyMs: 500 },
        );
        expect(finished.map((s) => s.id).sort()).toEqual(requested.map((s) => s.id).sort());

        // One stored file each, matching its recorded size and hash.
        const files = await withClient(url, async (client) => {
          const { rows } = await client.query<{ id: string; files: number; matching: number }>(
            `SELECT s.id, count(f.summary_id)::int AS files,
                    count(f.summary_id) FILTER (WHERE encode(sha256(f.content), 'hex') = s.sha256 AND octet_length(f.content) = s.bytes)::int AS matching
             FROM summary_reports s LEFT JOIN summary_files f ON f.summary_id = s.id
             WHERE s.period_id = $1 GROUP BY s.id`,
            [seeded.periodId],
          );
          return rows;
        });
        expect(files).toHaveLength(SUMMARIES);
        expect(files.filter((f) => f.files !== 1 || f.matching !== 1)).toEqual([]);

        // Rendered exactly once: each job was started once and completed, by one of the two workers.
        const jobs = await Promise.all(requested.map((s) => summariesQueue.queue.getJob(`render-summary.${s.id}`)));
        const notOnce = jobs
          .map((job, i) => ({ id: requested[i]!.id, started: job?.attemptsStarted, stalled: job?.stalledCounter, finished: Boolean(job?.finishedOn), failed: job?.failedReason }))
          .filter((j) => j.started !== 1 || j.stalled !== 0 || !j.finished || j.failed);
        expect(notOnce).toEqual([]);

        for (const child of everyone) expect({ name: child.name, exit: child.exit }).toEqual({ name: child.name, exit: null });
      }),
    150_000,
  );
});
