/**
 * `npm run bench:load` — the load check (not part of CI or `npm run bench`): 200 pilots × 30 tasks
 * in their own database (pilot_tracker_bench_load, seeded like the bench's), the product as child
 * processes with APP_ROLE=all (or `--workers N`: an API with APP_ROLE=api and N worker processes),
 * one client per pilot saving, resubmitting and submitting its report in a fresh open period for
 * 60 s while reviewers return or accept what is submitted and an admin watches the progress. Then,
 * once the queues are idle: zero errors, every acknowledged write in PostgreSQL, and the stored
 * and served progress equal to a recount from scratch. Exit code 1 when a check fails.
 *
 *   npm run bench:load -- --seconds 60 --pilots 200 --tasks 30 --reviewers 12 --workers 0 --poll-ms 2000 --seed 1
 *   npm run bench:load -- --reseed      # seed the load database again first (~15 s), e.g. after a migration was edited
 *   npm run bench:load -- --open-periods 2   # each pilot reports on two open quarters at once (reviews of one cross submits of the other)
 *   npm run bench:load -- --keep        # leave the run's periods, reports and reviewers in place to inspect (the next run removes them)
 *
 * Prints throughput, latency percentiles per operation, counts and the checks; writes
 * bench/results/load.json; removes the period, reports, reviewers and queue keys it created.
 */
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { JobName, QueueName, ALL_QUEUES } from '../src/jobs/job-catalogue.js';
import { BENCH_DATABASE_URL, connect, databaseName, withDatabaseName, type SeedShape } from './lib/db.js';
import { RESULTS_DIR, startServer, startWorker, type ServerProcess } from './lib/processes.js';
import { machine } from './lib/results.js';
import { percentile, round, sleep } from './lib/stats.js';
import {
  BENCH_PERIOD_PREFIX,
  bearer,
  newJwtSecret,
  newQueuePrefix,
  pilotPlans,
  REDIS_URL,
  removeBenchPeriods,
  removeQueueKeys,
  vacuumReportTables,
} from './lib/workload.js';
import { checkKeptState, checkServedProgress, checkStoredProgress, checkStoredWrites, recount, type CheckResult } from './load/checks.js';
import { LoadRun, OPS, type LoadPeriod } from './load/scenario.js';
import type { PeriodProgressView } from '../src/progress/dto/progress.dto.js';
import { ensureBenchDatabase } from './seed.js';
import { EMAIL_DOMAIN } from './seed/world.js';

const TIMEZONE = 'Asia/Shanghai';
const DRAIN_TIMEOUT_MS = 180_000;

/** A small deterministic PRNG (mulberry32), so a seed gives the same choices. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function positiveInteger(name: string, raw: string, zero = false): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zero ? 0 : 1)) throw new Error(`--${name} must be a ${zero ? 'non-negative' : 'positive'} integer (got "${raw}")`);
  return value;
}

/**
 * The run's open periods: consecutive quarters from 2030-Q1 (after everything seeded), each with
 * the completion dates its reports record: inside it, its last day, and the day after.
 */
async function createLoadPeriods(db: pg.Client, count: number): Promise<(LoadPeriod & { label: string })[]> {
  const { rows } = await db.query<{ id: string; label: string; inside: string; last: string; after: string; early: string }>(
    `INSERT INTO reporting_periods (label, start_date, end_date, due_date)
     SELECT $1 || '-q' || g, s, (s + interval '3 months' - interval '1 day')::date, (s + interval '3 months' + interval '14 days')::date
     FROM generate_series(1, $2::int) g CROSS JOIN LATERAL (SELECT (date '2030-01-01' + (g - 1) * interval '3 months')::date AS s) q
     RETURNING id, label, (start_date + 45)::text AS inside, end_date::text AS last, (end_date + 1)::text AS after, (start_date + 19)::text AS early`,
    [`${BENCH_PERIOD_PREFIX}load-${Date.now().toString(36)}`, count],
  );
  return rows
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((row) => ({ id: row.id, label: row.label, completedOn: [row.inside, row.last, row.after] as const, early: row.early }));
}

/** National reviewers for the run (the seed has one; a reviewing team has several). */
async function createReviewers(db: pg.Client, count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, role, display_name)
     SELECT format('load-reviewer-%s@%s', lpad(g::text, 2, '0'), $2::text), (SELECT password_hash FROM users WHERE role = 'reviewer' LIMIT 1), 'reviewer', 'Load-check reviewer ' || g
     FROM generate_series(1, $1::int) g RETURNING id`,
    [count, EMAIL_DOMAIN],
  );
  return rows.map((row) => row.id);
}

async function removeReviewers(db: pg.Client): Promise<void> {
  await db.query(`DELETE FROM users WHERE email LIKE 'load-reviewer-%' AND email LIKE $1`, [`%@${EMAIL_DOMAIN}`]);
}

/**
 * How far the stored figures are behind: the pilots whose stored report status (or submission
 * time) differs from their report's, and the age of the oldest such change in ms. Only status
 * changes move the figures (a received report is read-only), so this is the whole lag, measured
 * without the application's own watermarks.
 */
async function aggregationLag(db: pg.Client, periodIds: string[]): Promise<{ pilots: number; ms: number }> {
  const { rows } = await db.query<{ pilots: number; ms: number | null }>(
    `SELECT count(*)::int AS pilots, max(extract(epoch FROM clock_timestamp() - r.updated_at)) * 1000 AS ms
     FROM milestone_reports r
     LEFT JOIN period_pilot_progress s ON s.period_id = r.period_id AND s.pilot_id = r.pilot_id
     WHERE r.period_id = ANY($1::uuid[]) AND (s.report_status IS DISTINCT FROM r.status OR s.submitted_at IS DISTINCT FROM r.submitted_at)`,
    [periodIds],
  );
  return { pilots: rows[0]?.pilots ?? 0, ms: Number(rows[0]?.ms ?? 0) };
}

/** Waits until no aggregation job is waiting, active or delayed for a retry (three readings 200 ms apart); the time taken, or null. */
async function waitForIdle(queue: Queue): Promise<number | null> {
  const started = performance.now();
  let idle = 0;
  while (performance.now() - started < DRAIN_TIMEOUT_MS) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
    // The reconcile pass's scheduler always has its next run delayed; any other delayed job is a retry.
    const delayed = (await queue.getDelayed()).filter((job) => job.name !== JobName.ReconcileAggregations).length;
    idle = Object.values(counts).reduce((a, b) => a + b, 0) + delayed === 0 ? idle + 1 : 0;
    if (idle >= 3) return performance.now() - started;
    await sleep(200);
  }
  return null;
}

/** Lines at level ERROR / WARN in a server's log (Nest's console format, colours off). */
function logLevels(name: string): { errors: string[]; warnings: string[] } {
  let text = '';
  try {
    text = readFileSync(join(RESULTS_DIR, `${name}.log`), 'utf8');
  } catch {
    return { errors: [], warnings: [] };
  }
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  return { errors: lines.filter((l) => /\bERROR\b/.test(l)), warnings: lines.filter((l) => /\bWARN\b/.test(l)) };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

/** The commit measured, and whether the working tree had uncommitted changes (the servers run the build of the tree). */
function revision(): { commit: string; workingTreeDirty: boolean | null } {
  try {
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { commit: git(['rev-parse', 'HEAD']), workingTreeDirty: git(['status', '--porcelain', '--untracked-files=no']) !== '' };
  } catch {
    return { commit: process.env.BENCH_COMMIT ?? 'unknown', workingTreeDirty: null };
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      pilots: { type: 'string', default: '200' },
      tasks: { type: 'string', default: '30' },
      reviewers: { type: 'string', default: '12' },
      workers: { type: 'string', default: '0' },
      'poll-ms': { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      'open-periods': { type: 'string', default: '1' },
      reseed: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const seconds = positiveInteger('seconds', values.seconds);
  const shape: SeedShape = { pilots: positiveInteger('pilots', values.pilots), tasks: positiveInteger('tasks', values.tasks), periods: 8 };
  const reviewerCount = positiveInteger('reviewers', values.reviewers);
  const workerCount = positiveInteger('workers', values.workers, true);
  const pollMs = positiveInteger('poll-ms', values['poll-ms']);
  const openPeriods = positiveInteger('open-periods', values['open-periods']);
  const random = prng(positiveInteger('seed', values.seed));
  const log = (line: string) => console.log(line);

  const url = process.env.BENCH_LOAD_DATABASE_URL ?? withDatabaseName(BENCH_DATABASE_URL, `${databaseName(BENCH_DATABASE_URL)}_load`);
  await ensureBenchDatabase(url, shape, log, values.reseed);

  const jwtSecret = newJwtSecret();
  const queuePrefix = newQueuePrefix();
  const db = await connect(url);
  const processes: ServerProcess[] = [];
  const redis = { queue: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), events: new Redis(REDIS_URL, { maxRetriesPerRequest: null }) };
  const queues = ALL_QUEUES.map((name) => new Queue(name, { connection: redis.queue, prefix: queuePrefix }));
  const aggregationQueue = queues[ALL_QUEUES.indexOf(QueueName.Aggregation)];
  let events: QueueEvents | undefined;
  let failed = false;
  try {
    await removeBenchPeriods(db);
    await removeReviewers(db);
    const periods = await createLoadPeriods(db, openPeriods);
    const periodIds = periods.map((period) => period.id);
    const plans = await pilotPlans(db, shape.pilots);
    if (plans.length !== shape.pilots) throw new Error(`${databaseName(url)} has ${plans.length} pilots with a user, wanted ${shape.pilots}`);
    const reviewerIds = await createReviewers(db, reviewerCount);
    const { rows: [admin] } = await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY email LIMIT 1`);

    const env = { DATABASE_URL: url, JWT_SECRET: jwtSecret, QUEUE_PREFIX: queuePrefix, NODE_ENV: 'production', APP_TIMEZONE: TIMEZONE, NO_COLOR: '1' };
    const api = await startServer({
      name: 'load-api',
      args: [join(process.cwd(), 'dist/src/main.js')],
      env: { ...env, APP_ROLE: workerCount ? 'api' : 'all' },
      readyPath: '/health',
    });
    processes.push(api);
    for (let i = 1; i <= workerCount; i += 1) {
      processes.push(await startWorker({ name: `load-worker-${i}`, args: [join(process.cwd(), 'dist/src/worker.js')], env: { ...env, APP_ROLE: 'worker' }, readyLine: 'Workers started' }));
    }
    let aggregationsDone = 0;
    const jobFailures: string[] = [];
    events = new QueueEvents(QueueName.Aggregation, { connection: redis.events, prefix: queuePrefix });
    events.on('completed', ({ returnvalue }) => {
      // Aggregation jobs answer the period (or pilot) they aggregated; the reconcile pass answers counts.
      const value = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as { periodId?: string; pilotId?: string } | null;
      if (value?.periodId || value?.pilotId) aggregationsDone += 1;
    });
    events.on('failed', ({ jobId, failedReason }) => jobFailures.push(`${jobId}: ${failedReason}`));
    await events.waitUntilReady();
    await sleep(2000); // the workers' start-up reconcile pass

    const setup = {
      pilots: shape.pilots,
      tasks: shape.tasks,
      seconds,
      reviewers: reviewerCount,
      openPeriods,
      roles: workerCount ? `API (APP_ROLE=api) + ${workerCount} worker process(es)` : 'one process, APP_ROLE=all (API + workers)',
      pollMs,
      seed: Number(values.seed),
    };
    const startLoad = loadavg()[0];
    log(
      `\nLoad check: ${shape.pilots} pilots × ${shape.tasks} tasks, ${openPeriods === 1 ? 'one open period' : `${openPeriods} open periods (a session per pilot and period)`}, ` +
        `${seconds} s, ${reviewerCount} reviewers, ${setup.roles}; load average ${startLoad.toFixed(2)}`,
    );

    const started = performance.now();
    const run = new LoadRun({ baseUrl: api.url, periods, deadline: Date.now() + seconds * 1000, rampMs: 2000, requestTimeoutMs: 60_000, pollMs, random });
    const pilotAuth = plans.map((plan) => bearer(plan.user_id, jwtSecret));
    const samples = { load: [] as number[], lag: [] as number[], behind: [] as number[] };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        samples.load.push(loadavg()[0]);
        const lag = await aggregationLag(db, periodIds);
        samples.lag.push(lag.ms);
        samples.behind.push(lag.pilots);
        const done = run.ledger.calls.length;
        if (samples.load.length % 10 === 0) log(`  ${samples.load.length} s: ${done} responses, ${run.ledger.submits.length} submits, ${run.ledger.reviews.length} reviews, ${run.ledger.errors.length} errors, load ${loadavg()[0].toFixed(1)}`);
        await sleep(1000);
      }
    })();
    await Promise.all([
      ...plans.flatMap((plan, i) => periods.map((period, k) => run.pilot(plan, pilotAuth[i], period, k))),
      ...reviewerIds.map((id, i) => run.reviewer(id, bearer(id, jwtSecret), i + 1, reviewerIds.length)),
      run.dashboard(bearer(admin.id, jwtSecret), shape.pilots),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const endLoad = loadavg();

    // Drain: the last changes are aggregated once the queues are idle.
    const drainMs = await waitForIdle(aggregationQueue);
    const lagWhenIdle = await aggregationLag(db, periodIds);
    const failedJobs = (await Promise.all(queues.map((q) => q.getFailed(0, 99)))).flat();
    const retried = (await aggregationQueue.getCompleted(0, 999)).filter((job) => (job.stacktrace ?? []).length > 0);
    const logs = processes.map((p) => ({ name: p.name, ...logLevels(p.name) }));

    const ledger = run.ledger;
    const checks: CheckResult[] = [];
    checks.push({
      name: 'zero errors: no network error, timeout, 5xx or unexpected answer',
      passed: ledger.errors.length === 0,
      detail: ledger.errors.length ? `${ledger.errors.length}: ${ledger.errors.slice(0, 5).join(' | ')}` : `${ledger.calls.length} responses, all acknowledged or an expected conflict`,
    });
    checks.push({
      name: 'zero errors: no failed or retried background job',
      passed: failedJobs.length === 0 && retried.length === 0 && jobFailures.length === 0,
      detail:
        failedJobs.length || retried.length || jobFailures.length
          ? `failed: ${[...jobFailures, ...failedJobs.map((j) => `${j.name} ${j.failedReason}`)].slice(0, 3).join(' | ')}; retried: ${retried.map((j) => j.stacktrace?.[0]?.split('\n')[0]).slice(0, 3).join(' | ')}`
          : `${aggregationsDone} aggregation jobs completed`,
    });
    const logErrors = logs.flatMap((l) => l.errors.map((line) => `${l.name}: ${line.trim()}`));
    checks.push({ name: 'zero errors: no ERROR in the server logs', passed: logErrors.length === 0, detail: logErrors.length ? `${logErrors.length}: ${logErrors.slice(0, 3).join(' | ')}` : 'none' });
    checks.push({
      name: 'queues idle after the load, the stored status of every pilot current',
      passed: drainMs !== null && lagWhenIdle.pilots === 0,
      detail:
        drainMs === null
          ? `still busy after ${DRAIN_TIMEOUT_MS / 1000} s`
          : `idle ${Math.round(drainMs)} ms after the load; ${lagWhenIdle.pilots === 0 ? 'no pilot behind' : `${lagWhenIdle.pilots} pilot(s) behind, oldest change ${Math.round(lagWhenIdle.ms)} ms ago`}`,
    });
    checks.push(...(await checkStoredWrites(db, periodIds, ledger)));
    for (const period of periods) {
      const named = (check: CheckResult): CheckResult => (periods.length === 1 ? check : { ...check, name: `${period.label.slice(-2)}: ${check.name}` });
      const floor = await recount(db, period.id, TIMEZONE);
      checks.push(...(await checkStoredProgress(db, period.id, floor)).map(named));
      const progress = await fetch(`${api.url}/api/v1/periods/${period.id}/progress`, { headers: { authorization: bearer(admin.id, jwtSecret) } });
      if (progress.status !== 200) checks.push(named({ name: 'GET /periods/:id/progress = recount from the raw tables', passed: false, detail: `answered ${progress.status}` }));
      else checks.push(named(await checkServedProgress(db, period.id, TIMEZONE, floor, (await progress.json()) as PeriodProgressView)));
    }
    checks.push(await checkKeptState(db, plans.map((plan) => plan.pilot_id)));
    const { rows: revisionSpread } = await db.query<{ revision: number; n: number }>(
      'SELECT revision, count(*)::int AS n FROM milestone_reports WHERE period_id = ANY($1::uuid[]) GROUP BY revision ORDER BY revision',
      [periodIds],
    );

    // Figures.
    const perOp = OPS.map((op) => {
      const calls = ledger.calls.filter((c) => c.op === op);
      const ms = calls.filter((c) => c.outcome !== 'error').map((c) => c.ms);
      return {
        op,
        calls: calls.length,
        ok: calls.filter((c) => c.outcome === 'ok').length,
        expected: calls.filter((c) => c.outcome === 'expected').length,
        errors: calls.filter((c) => c.outcome === 'error').length,
        p50: round(percentile(ms, 50), 0),
        p90: round(percentile(ms, 90), 0),
        p99: round(percentile(ms, 99), 0),
        max: round(Math.max(...ms, 0), 0),
      };
    }).filter((row) => row.calls > 0);
    const writes = ledger.saves.length + ledger.submits.length + ledger.reviews.length;
    // Throughput over the load window; requests in flight at the deadline finish afterwards (the tail).
    const inWindow = ledger.calls.filter((c) => c.end - started <= seconds * 1000);
    const figures = {
      elapsedSeconds: round(elapsed, 1),
      responses: ledger.calls.length,
      responsesPerSecond: round(inWindow.length / seconds, 1),
      acknowledgedWritesPerSecond: round(inWindow.filter((c) => c.outcome === 'ok' && ['save', 'submit', 'return', 'accept'].includes(c.op)).length / seconds, 1),
      tail: { responses: ledger.calls.length - inWindow.length, seconds: round(elapsed - seconds, 1) },
      saves: ledger.saves.length,
      submits: ledger.submits.length,
      submitReplays: ledger.replays,
      returns: ledger.reviews.filter((r) => r.decision === 'returned').length,
      accepts: ledger.reviews.filter((r) => r.decision === 'accepted').length,
      reviewedNewerRevisionThanListed: ledger.reviewedNewerRevision,
      pilotsAcceptedBeforeTheEnd: ledger.pilotsDone,
      expectedConflicts: Object.fromEntries(ledger.expected),
      reportsByRevision: Object.fromEntries(revisionSpread.map((r) => [r.revision, r.n])),
      aggregationsCompleted: aggregationsDone,
      aggregationLagMs: { p50: round(percentile(samples.lag, 50), 0), max: round(Math.max(...samples.lag, 0), 0) },
      pilotsBehind: { p50: percentile(samples.behind, 50), max: Math.max(...samples.behind, 0) },
      drainMs: drainMs === null ? null : round(drainMs, 0),
      loadAverage: { start: round(startLoad, 2), maxDuring: round(Math.max(...samples.load), 2), end: endLoad.map((v) => round(v, 2)) },
      serverWarnings: logs.reduce((n, l) => n + l.warnings.length, 0),
      perOperation: perOp,
    };

    log(`\n${'operation'.padEnd(14)}${pad('calls', 7)}${pad('ok', 7)}${pad('409/412', 9)}${pad('errors', 8)}${pad('p50', 8)}${pad('p90', 8)}${pad('p99', 8)}${pad('max', 8)}  (ms)`);
    for (const row of perOp) {
      log(`${row.op.padEnd(14)}${pad(row.calls, 7)}${pad(row.ok, 7)}${pad(row.expected, 9)}${pad(row.errors, 8)}${pad(row.p50, 8)}${pad(row.p90, 8)}${pad(row.p99, 8)}${pad(row.max, 8)}`);
    }
    log(
      `\n${figures.responsesPerSecond} responses/s and ${figures.acknowledgedWritesPerSecond} acknowledged writes/s in the ${seconds} s window ` +
        `(+ ${figures.tail.responses} responses in flight at the end, done ${figures.tail.seconds} s later); ${figures.responses} responses in all, ` +
        `${writes} acknowledged writes: saves ${figures.saves}, submits ${figures.submits} (+ ${figures.submitReplays} idempotent replays), returns ${figures.returns}, accepts ${figures.accepts}`,
    );
    log(`reports by revision: ${revisionSpread.map((r) => `${r.revision}: ${r.n}`).join(', ')}; ${figures.pilotsAcceptedBeforeTheEnd} pilots accepted before the end`);
    log(`expected conflicts: ${[...ledger.expected].map(([why, n]) => `${why} ${n}`).join(', ') || 'none'}; reviews that hit a newer revision than listed: ${ledger.reviewedNewerRevision}`);
    log(
      `aggregation: ${aggregationsDone} jobs completed; sampled each second, stored figures behind by p50 ${figures.pilotsBehind.p50} / max ${figures.pilotsBehind.max} pilots, ` +
        `oldest change not reflected p50 ${figures.aggregationLagMs.p50} / max ${figures.aggregationLagMs.max} ms; queues idle ${figures.drainMs ?? '—'} ms after the load`,
    );
    log(`load average: ${figures.loadAverage.start} at start, max ${figures.loadAverage.maxDuring} during, ${figures.loadAverage.end.join(' / ')} (1/5/15 min) at the end; server warnings: ${figures.serverWarnings}`);
    log('\nchecks:');
    for (const check of checks) log(`  ${check.passed ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}`);
    failed = checks.some((check) => !check.passed);

    const { rows: [pgVersion] } = await db.query<{ server_version: string }>('SHOW server_version');
    const path = join(RESULTS_DIR, 'load.json');
    writeFileSync(
      path,
      `${JSON.stringify({ date: new Date().toISOString(), ...revision(), machine: machine(pgVersion.server_version), setup, figures, checks, errors: ledger.errors.slice(0, 100), serverWarnings: logs.flatMap((l) => l.warnings.slice(0, 20)) }, null, 2)}\n`,
    );
    log(`\n${failed ? 'FAILED' : 'PASSED'} → ${path}`);
  } finally {
    for (const child of processes.reverse()) await child.stop();
    await events?.close();
    for (const queue of queues) await queue.close();
    redis.queue.disconnect();
    redis.events.disconnect();
    if (values.keep) log(`--keep: the run's periods (label ${BENCH_PERIOD_PREFIX}load-…), reports and reviewers are left in ${databaseName(url)}`);
    else {
      await removeBenchPeriods(db);
      await removeReviewers(db);
      await vacuumReportTables(db);
    }
    await db.end();
    await removeQueueKeys(REDIS_URL, queuePrefix);
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
