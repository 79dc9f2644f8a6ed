import autocannon from 'autocannon';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { connect } from '../lib/db.js';
import { captureQueries } from '../lib/explain.js';
import { startServer, type ServerProcess } from '../lib/processes.js';
import type { BenchContext, BenchResult, Suite } from '../lib/results.js';
import { median, round } from '../lib/stats.js';
import {
  createBenchPeriods,
  newJwtSecret,
  newQueuePrefix,
  pilotClients,
  REDIS_URL,
  removeBenchPeriods,
  removeQueueKeys,
  type PilotClient,
  vacuumReportTables,
} from '../lib/workload.js';

/** The target's concurrency; the smoke run uses fewer so that even a loaded machine completes reports in its short runs. */
const CONNECTIONS = 50;
const SMOKE_CONNECTIONS = 10;
/** An upper bound on save+submit pairs per second, to create enough fresh (pilot, period) slots for a run. */
const MAX_PAIRS_PER_SECOND = 1500;
const REPORT_ID = /"id":"([0-9a-f-]{36})"/;

/** What a connection carries from its PUT to its submit. */
interface Carried {
  authorization?: string;
  reportId?: string;
}

interface RunFigures {
  requestsPerSecond: number;
  pairsPerSecond: number;
  p50: number;
  p99: number;
}

interface Counters {
  saved: number;
  submitted: number;
}

/**
 * Each connection (50; 10 in the smoke run) loops: PUT a full report (30 task lines, their milestones and
 * indicator values, an experience) for a fresh (pilot, period) slot, then POST …/submit on the id
 * the PUT answered. Every run gets new periods, so every slot is written once, as in real use.
 */
async function loadRun(
  server: ServerProcess,
  pilots: PilotClient[],
  periodIds: string[],
  load: { seconds: number; connections: number; warmup: boolean },
): Promise<RunFigures> {
  const { seconds, connections, warmup } = load;
  const slots = pilots.length * periodIds.length;
  let next = 0;
  const counters: Counters = { saved: 0, submitted: 0 };
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          const slot = Math.min(next++, slots - 1);
          const pilot = pilots[slot % pilots.length];
          (context as Carried).authorization = pilot.authorization;
          return {
            ...request,
            path: `/api/v1/pilots/${pilot.pilotId}/periods/${periodIds[Math.floor(slot / pilots.length)]}/report`,
            headers: { authorization: pilot.authorization, 'content-type': 'application/json' },
            body: pilot.body,
          };
        },
        onResponse: (status, body, context) => {
          if (status !== 201 && status !== 200) return;
          counters.saved += 1;
          (context as Carried).reportId = REPORT_ID.exec(body)?.[1];
        },
      },
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const { reportId, authorization = '' } = context as Carried;
          // Without an id (the PUT failed) autocannon skips to the next PUT; the failure is counted.
          return reportId ? { ...request, path: `/api/v1/reports/${reportId}/submit`, headers: { authorization } } : (null as unknown as typeof request);
        },
        onResponse: (status) => {
          if (status === 200) counters.submitted += 1;
        },
      },
    ],
  });
  if (next >= slots) throw new Error(`${server.name}: ran out of fresh report slots (${slots}); raise MAX_PAIRS_PER_SECOND`);
  if (counters.submitted === 0 && !warmup) throw new Error(`${server.name}: no report was saved and submitted in ${seconds} s`);
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${server.name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts; see bench/results/${server.name}.log`);
  }
  const elapsed = result.duration; // seconds
  return {
    requestsPerSecond: result['2xx'] / elapsed,
    pairsPerSecond: counters.submitted / elapsed,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

async function countSubmitted(databaseUrl: string, periodIds: string[]): Promise<number> {
  const db = await connect(databaseUrl);
  try {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM milestone_reports WHERE period_id = ANY($1::uuid[]) AND status = 'submitted'`,
      [periodIds],
    );
    return rows[0].n;
  } finally {
    await db.end();
  }
}

interface RoundTrips {
  save: number;
  submit: number;
}

/** One save and one submit through the API in this process, counting the statements it sends to PostgreSQL. */
async function apiRoundTrips(databaseUrl: string, jwtSecret: string, queuePrefix: string, pilot: PilotClient, periodId: string): Promise<RoundTrips> {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, QUEUE_PREFIX: queuePrefix, APP_ROLE: 'api', LOG_LEVEL: 'warn' });
  const app = await createApp(config);
  await app.init();
  try {
    const fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
    const dataSource = app.get(DataSource);
    const headers = { authorization: pilot.authorization, 'content-type': 'application/json' };
    const save = await captureQueries(dataSource, () =>
      fastify.inject({ method: 'PUT', url: `/api/v1/pilots/${pilot.pilotId}/periods/${periodId}/report`, headers, payload: pilot.body }),
    );
    const id = REPORT_ID.exec(save.result.body)?.[1];
    const submit = await captureQueries(dataSource, () =>
      fastify.inject({ method: 'POST', url: `/api/v1/reports/${id}/submit`, headers: { authorization: pilot.authorization } }),
    );
    if (save.result.statusCode !== 201 || submit.result.statusCode !== 200) throw new Error(`round-trip count: save ${save.result.statusCode}, submit ${submit.result.statusCode}`);
    return { save: save.queries.length, submit: submit.queries.length };
  } finally {
    await app.close();
  }
}

/** The same through the floor server, which counts the statements it sends. */
async function floorRoundTrips(server: ServerProcess, pilot: PilotClient, periodId: string): Promise<RoundTrips> {
  const count = async () => ((await (await fetch(`${server.url}/stats`)).json()) as { statements: number }).statements;
  const before = await count();
  const saved = await fetch(`${server.url}/api/v1/pilots/${pilot.pilotId}/periods/${periodId}/report`, {
    method: 'PUT',
    headers: { authorization: pilot.authorization, 'content-type': 'application/json' },
    body: pilot.body,
  });
  const id = REPORT_ID.exec(await saved.text())?.[1];
  const afterSave = await count();
  await fetch(`${server.url}/api/v1/reports/${id}/submit`, { method: 'POST', headers: { authorization: pilot.authorization } });
  return { save: afterSave - before, submit: (await count()) - afterSave };
}

export const reportWriteSuite: Suite = {
  id: 'report-write',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const seconds = context.smoke ? 3 : 10;
    const connections = context.smoke ? SMOKE_CONNECTIONS : CONNECTIONS;
    const runs = context.smoke ? 1 : 3;
    const jwtSecret = newJwtSecret();
    const queuePrefix = newQueuePrefix();
    const db = await connect(context.databaseUrl);
    const servers: ServerProcess[] = [];
    try {
      await removeBenchPeriods(db);
      const pilots = await pilotClients(db, Math.min(context.seed.pilots, 1000), jwtSecret);
      const periodsPerRun = Math.ceil((MAX_PAIRS_PER_SECOND * seconds) / pilots.length);
      const env = { DATABASE_URL: context.databaseUrl, JWT_SECRET: jwtSecret };
      const product = await startServer({
        name: 'report-write-api',
        args: [join(process.cwd(), 'dist/src/main.js')],
        env: { ...env, APP_ROLE: 'api', QUEUE_PREFIX: queuePrefix, NODE_ENV: 'production' },
        readyPath: '/health',
        cpuProfileDir: context.profileDir,
      });
      servers.push(product);
      const floor = await startServer({
        name: 'report-write-floor',
        args: [join(process.cwd(), 'bench/dist/bench/baseline/report-server.js')],
        env,
        readyPath: '/health',
        cpuProfileDir: context.profileDir,
      });
      servers.push(floor);

      const measure = async (server: ServerProcess, duration: number, warmup = false): Promise<RunFigures> => {
        const periodIds = await createBenchPeriods(db, periodsPerRun);
        const figures = await loadRun(server, pilots, periodIds, { seconds: duration, connections, warmup });
        const stored = await countSubmitted(context.databaseUrl, periodIds);
        const expected = Math.round(figures.pairsPerSecond * duration);
        if (Math.abs(stored - expected) > connections) throw new Error(`${server.name}: ${stored} reports submitted in the database, ~${expected} answered`);
        return figures;
      };
      const [countPeriod] = await createBenchPeriods(db, 1);
      const apiTrips = await apiRoundTrips(context.databaseUrl, jwtSecret, queuePrefix, pilots[0], countPeriod);
      const floorTrips = await floorRoundTrips(floor, pilots[1], countPeriod);
      context.log(`  statements per save + submit: API ${apiTrips.save} + ${apiTrips.submit}, floor ${floorTrips.save} + ${floorTrips.submit}`);

      // Warm both up (JIT, connection pools, caches), then alternate so drift hits both alike.
      context.log(`  warming up (${connections} connections)`);
      const warmup = context.smoke ? 2 : 3;
      await measure(product, warmup, true);
      await measure(floor, warmup, true);
      const productRuns: RunFigures[] = [];
      const floorRuns: RunFigures[] = [];
      for (let run = 0; run < runs; run += 1) {
        productRuns.push(await measure(product, seconds));
        floorRuns.push(await measure(floor, seconds));
        const last = (r: RunFigures[]) => `${Math.round(r[r.length - 1].requestsPerSecond)} req/s p99 ${r[r.length - 1].p99} ms`;
        context.log(`  run ${run + 1}/${runs}: api ${last(productRuns)}, floor ${last(floorRuns)}`);
      }

      const summary = (figures: RunFigures[]) => ({
        requestsPerSecond: median(figures.map((f) => f.requestsPerSecond)),
        pairsPerSecond: median(figures.map((f) => f.pairsPerSecond)),
        p50: median(figures.map((f) => f.p50)),
        p99: median(figures.map((f) => f.p99)),
      });
      const api = summary(productRuns);
      const bare = summary(floorRuns);
      const ratio = api.requestsPerSecond / bare.requestsPerSecond;
      const words = (s: ReturnType<typeof summary>) =>
        `${Math.round(s.requestsPerSecond)} req/s (${Math.round(s.pairsPerSecond)} reports/s) · p50 ${s.p50} ms · p99 ${s.p99} ms`;
      return [
        {
          id: 'report-write',
          title: `save + submit, 30 task lines, ${connections} clients`,
          product: words(api),
          floor: words(bare),
          ratio: round(ratio, 2),
          ratioOf: 'throughput (requests/s), API ÷ floor',
          target: '≥ 0.5× floor; p99 < 50 ms',
          met: context.smoke ? null : ratio >= 0.5 && api.p99 < 50,
          figures: {
            apiRequestsPerSecond: round(api.requestsPerSecond),
            apiReportsPerSecond: round(api.pairsPerSecond),
            apiP50Ms: api.p50,
            apiP99Ms: api.p99,
            floorRequestsPerSecond: round(bare.requestsPerSecond),
            floorReportsPerSecond: round(bare.pairsPerSecond),
            floorP50Ms: bare.p50,
            floorP99Ms: bare.p99,
            apiRunsRequestsPerSecond: productRuns.map((f) => round(f.requestsPerSecond)),
            floorRunsRequestsPerSecond: floorRuns.map((f) => round(f.requestsPerSecond)),
            apiRunsP99Ms: productRuns.map((f) => f.p99),
            floorRunsP99Ms: floorRuns.map((f) => f.p99),
            secondsPerRun: seconds,
            apiStatementsPerSave: apiTrips.save,
            apiStatementsPerSubmit: apiTrips.submit,
            floorStatementsPerSave: floorTrips.save,
            floorStatementsPerSubmit: floorTrips.submit,
          },
          notes: [
            `${runs} runs of ${seconds} s per server after a warm-up; both servers in child processes, autocannon in the runner`,
            `statements (round trips) per save + submit: API ${apiTrips.save} + ${apiTrips.submit}, floor ${floorTrips.save} + ${floorTrips.submit}`,
          ],
        },
      ];
    } finally {
      for (const server of servers) await server.stop();
      await removeBenchPeriods(db);
      await vacuumReportTables(db);
      await db.end();
      await removeQueueKeys(REDIS_URL, queuePrefix);
    }
  },
};
