import { createHash } from 'node:crypto';
import { withClient } from '../helpers/databases.js';
import { Drill, SLOT_TIMEOUT_MS } from '../helpers/drill-harness.js';
import { API, DrillClient, expectStatus, type SummaryView } from '../helpers/drill-http.js';
import { pollUntil, startApi, startWorker } from '../helpers/drill-processes.js';
import { fastForwardStalledJob, lockTtl, probeQueue, waitForWorkers } from '../helpers/drill-queues.js';
import { seedLargePeriod } from '../helpers/drill-seed.js';

/**
 * Drill 1: a worker dies (SIGKILL: no shutdown hook runs, its lock is never released) in the
 * middle of rendering a large summary PDF. BullMQ finds the job stalled once the lock has
 * expired and hands it to the next worker, which must render it again from scratch and store it
 * exactly once.
 *
 * SummaryProcessor holds a 60 s lock and BullMQ checks for stalled jobs every 30 s, so waiting
 * for the real timers takes 35–100 s. By default the drill fast-forwards them in Redis (see
 * `fastForwardStalledJob`); FAULT_DRILL_REAL_TIMERS=1 waits them out instead (up to ~3 min).
 */
const REAL_TIMERS = process.env.FAULT_DRILL_REAL_TIMERS === '1';

/** Enough pilots that a national summary takes several seconds to render on this machine. */
const PILOTS = 400;
const TASKS_PER_PILOT = 6;

describe('fault drill: a worker killed with SIGKILL while rendering a large summary PDF', () => {
  const drill = new Drill('sigkill');
  beforeAll(() => drill.begin(), SLOT_TIMEOUT_MS);
  afterEach(() => drill.cleanup(), 60_000);
  afterAll(() => drill.end(), 60_000);

  it(
    'ends ready exactly once after another worker takes the stalled job over, with one stored PDF whose sha256 matches its bytes',
    () =>
      drill.run(async () => {
        const databaseUrl = await drill.cloneDatabase();
        const seeded = await seedLargePeriod(databaseUrl, { pilots: PILOTS, tasksPerPilot: TASKS_PER_PILOT });
        const env = drill.env(databaseUrl);
        const summaries = probeQueue(env.REDIS_URL, env.QUEUE_PREFIX, 'summaries');
        drill.onCleanup(() => summaries.close());

        const api = await startApi(drill.processes, env);
        const admin = await new DrillClient(api.baseUrl).loginAdmin();
        const requested = expectStatus(
          await admin.post<SummaryView>(`${API}/summaries`, { periodId: seeded.periodId, language: 'zh', asOf: '2024-06-30' }),
          202,
        );
        const jobId = `render-summary.${requested.id}`;
        const summaryOf = async () => expectStatus(await admin.get<SummaryView>(`${API}/summaries/${requested.id}`), 200);

        // Every status the API reports, from now on, to prove that `ready` happens once.
        const seen: { status: string; progress: number; finishedAt?: string; sha256?: string }[] = [];
        let watching = true;
        const watcher = (async () => {
          while (watching) {
            const s = await summaryOf().catch(() => null);
            if (s) {
              const last = seen[seen.length - 1];
              if (!last || last.status !== s.status || last.progress !== s.progress || last.finishedAt !== s.finishedAt) {
                seen.push({ status: s.status, progress: s.progress, finishedAt: s.finishedAt, sha256: s.sha256 });
              }
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })();

        try {
          const first = startWorker(drill.processes, env, 'worker-1');
          await waitForWorkers(summaries, 1, [first]);
          const midway = await pollUntil(
            'the first worker rendering with progress > 0',
            async () => {
              const s = await summaryOf();
              if (s.status === 'ready') throw new Error('the summary finished before the worker could be killed: seed more pilots');
              return s.status === 'running' && s.progress > 0 ? s : null;
            },
            { timeoutMs: 60_000, everyMs: 50 },
          );
          // A healthy render holds the job's lock (renewed while the renderer yields).
          expect(await lockTtl(summaries, jobId)).toBeGreaterThan(0);

          first.signal('SIGKILL');
          const killed = await first.waitForExit(10_000);
          expect(killed.signal).toBe('SIGKILL');
          expect(midway.progress).toBeLessThan(100);

          // Nobody finishes it on their own: the job stays active under the dead worker's lock.
          const afterKill = await summaryOf();
          expect(afterKill.status).toBe('running');
          expect(await summaries.queue.getJobState(jobId)).toBe('active');

          if (!REAL_TIMERS) await fastForwardStalledJob(summaries, jobId);
          const second = startWorker(drill.processes, env, 'worker-2');
          await waitForWorkers(summaries, 1, [second]);

          const ready = await pollUntil(
            'the summary ready after the second worker took over',
            async () => {
              const s = await summaryOf();
              if (s.status === 'failed') throw new Error(`the summary failed: ${s.error}`);
              return s.status === 'ready' ? s : null;
            },
            { timeoutMs: REAL_TIMERS ? 200_000 : 60_000, everyMs: 200 },
          );
          // Let any second, duplicate completion show itself before judging.
          await new Promise((resolve) => setTimeout(resolve, 2000));
          watching = false;
          await watcher;

          expect(ready).toMatchObject({ status: 'ready', progress: 100 });
          expect(ready.pageCount).toBeGreaterThan(PILOTS / 2);
          const readyStates = seen.filter((s) => s.status === 'ready');
          expect(readyStates).toHaveLength(1);
          expect(seen[seen.length - 1]).toMatchObject({ status: 'ready', finishedAt: ready.finishedAt, sha256: ready.sha256 });
          expect(await summaryOf()).toMatchObject({ status: 'ready', finishedAt: ready.finishedAt, sha256: ready.sha256 });

          const files = await withClient(databaseUrl, async (client) => {
            const { rows } = await client.query<{ bytes: number; sha256: string }>(
              `SELECT octet_length(content) AS bytes, encode(sha256(content), 'hex') AS sha256 FROM summary_files WHERE summary_id = $1`,
              [requested.id],
            );
            return rows;
          });
          expect(files).toEqual([{ bytes: ready.bytes, sha256: ready.sha256 }]);

          const pdf = await admin.download(`${API}/summaries/${requested.id}/pdf`);
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(pdf.length).toBe(ready.bytes);
          expect(createHash('sha256').update(pdf).digest('hex')).toBe(ready.sha256);

          // BullMQ's side: completed once, after exactly one stall; the second worker is the one that finished it.
          const job = (await summaries.queue.getJob(jobId))!;
          expect(await job.getState()).toBe('completed');
          expect(job.stalledCounter).toBe(1);
          expect(job.attemptsMade).toBe(1);
          expect(job.returnvalue).toMatchObject({ summaryId: requested.id, sha256: ready.sha256 });
          expect(second.exit).toBeNull();
        } finally {
          watching = false;
          await watcher;
        }
      }),
    REAL_TIMERS ? 360_000 : 150_000,
  );
});
