import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OVERDUE_TYPES, OverdueRepository, type OverdueType } from '../../src/overdue/overdue.repository.js';
import { FLOOR, REWRITE, runStatements, type FloorRow, type Variant } from '../baseline/overdue-floor.js';
import { signAccessToken } from '../baseline/jwt.js';
import { connect } from '../lib/db.js';
import { captureQueries, describePlan, explainAnalyze, type PlanSummary } from '../lib/explain.js';
import { openAppContext } from '../lib/nest-context.js';
import { startServer, type ServerProcess } from '../lib/processes.js';
import type { BenchContext, BenchResult, Suite } from '../lib/results.js';
import { median, round, timed } from '../lib/stats.js';
import { newJwtSecret, newQueuePrefix, REDIS_URL, removeQueueKeys } from '../lib/workload.js';
import { AS_OF } from '../seed/world.js';

const PAGE_SIZE = 50;

interface Page {
  total: number;
  /** pilot code · title · due date of each item, to check the floor answers the same page. */
  keys: string[];
}

const SLOW_MS = 3000;
const VERY_SLOW_MS = 10_000;

/**
 * A warm-up call, then `runs` measured calls; three when a call takes seconds, and when it takes
 * more than ten (where warming up is noise) the warm-up counts as the first of three.
 */
async function measure(runs: number, call: () => Promise<Page>): Promise<{ times: number[]; page: Page }> {
  let page!: Page;
  const warmup = await timed(async () => (page = await call()));
  const count = warmup > VERY_SLOW_MS ? 2 : warmup > SLOW_MS ? Math.min(runs, 3) : runs;
  const times: number[] = warmup > VERY_SLOW_MS ? [warmup] : [];
  for (let i = 0; i < count; i += 1) times.push(await timed(async () => (page = await call())));
  return { times, page };
}


const SQL_STATEMENT = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

export const overdueSuite: Suite = {
  id: 'overdue',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const runs = context.smoke ? 2 : 5;
    const jwtSecret = newJwtSecret();
    const queuePrefix = newQueuePrefix();
    const db = await connect(context.databaseUrl);
    const app = await openAppContext(context.databaseUrl);
    let server: ServerProcess | undefined;
    try {
      await runStatements(db, [...FLOOR.teardown, ...REWRITE.teardown]);
      const { rows: admins } = await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`);
      const authorization = `Bearer ${signAccessToken({ sub: admins[0].id, ver: 0 }, jwtSecret)}`;
      server = await startServer({
        name: 'overdue-api',
        args: [join(process.cwd(), 'dist/src/main.js')],
        env: { DATABASE_URL: context.databaseUrl, JWT_SECRET: jwtSecret, APP_ROLE: 'api', QUEUE_PREFIX: queuePrefix, NODE_ENV: 'production' },
        readyPath: '/health',
        cpuProfileDir: context.profileDir,
      });
      const api = server;
      const repository = app.get(OverdueRepository);
      const dataSource = app.get(DataSource);
      const filter = (type: OverdueType) => ({ asOf: AS_OF, scope: {}, type });

      // The HTTP route if this build has it, else the repository it would call.
      const probe = await fetch(`${api.url}/api/v1/overdue?type=report&asOf=${AS_OF}&limit=1`, { headers: { authorization } });
      const viaHttp = probe.status !== 404;
      const productPage = async (type: OverdueType): Promise<Page> => {
        if (viaHttp) {
          const response = await fetch(`${api.url}/api/v1/overdue?type=${type}&asOf=${AS_OF}&limit=${PAGE_SIZE}`, { headers: { authorization } });
          if (!response.ok) throw new Error(`GET /api/v1/overdue?type=${type} answered ${response.status}: ${await response.text()}`);
          const body = (await response.json()) as { total: number; items: { pilotCode: string; title: string; dueDate: string }[] };
          return { total: body.total, keys: body.items.map((i) => `${i.pilotCode}·${i.title}·${i.dueDate}`) };
        }
        const { items, total } = await repository.list(filter(type), { limit: PAGE_SIZE, offset: 0 });
        return { total, keys: items.map((i) => `${i.pilotCode}·${i.title}·${i.dueDate}`) };
      };
      const handWritten = (variant: Variant) => async (type: OverdueType): Promise<Page> => {
        const { rows } = await db.query<FloorRow>(variant.sql[type], [AS_OF, PAGE_SIZE]);
        return { total: rows[0]?.total ?? 0, keys: rows.map((r) => `${r.pilot_code}·${r.title}·${r.due_day}`) };
      };

      const product = new Map<OverdueType, { times: number[]; page: Page; plans: PlanSummary[] }>();
      for (const type of OVERDUE_TYPES) {
        const measured = await measure(runs, () => productPage(type));
        const { queries } = await captureQueries(dataSource, () => repository.list(filter(type), { limit: PAGE_SIZE, offset: 0 }));
        const plans = await explainAnalyze(db, queries.filter((q) => SQL_STATEMENT.test(q.sql)));
        product.set(type, { ...measured, plans });
        context.log(`  ${type}: API p50 ${round(median(measured.times))} ms (${measured.page.total} overdue)`);
      }

      const floor = new Map<OverdueType, { times: number[]; page: Page; plan: PlanSummary }>();
      const rewrite = new Map<OverdueType, { times: number[]; page: Page }>();
      for (const [variant, results] of [
        [FLOOR, floor],
        [REWRITE, rewrite],
      ] as const) {
        await runStatements(db, variant.setup);
        for (const type of OVERDUE_TYPES) {
          const measured = await measure(runs, () => handWritten(variant)(type));
          const [plan] = await explainAnalyze(db, [{ sql: variant.sql[type], params: [AS_OF, PAGE_SIZE] }]);
          results.set(type, { ...measured, plan });
        }
      }
      for (const type of OVERDUE_TYPES) {
        const p50 = (times: number[]) => round(median(times));
        context.log(`  ${type}: floor p50 ${p50(floor.get(type)!.times)} ms, SQL rewrite p50 ${p50(rewrite.get(type)!.times)} ms`);
      }

      return OVERDUE_TYPES.map((type): BenchResult => {
        const api = product.get(type)!;
        const bare = floor.get(type)!;
        const apiP50 = median(api.times);
        const floorP50 = median(bare.times);
        const better = rewrite.get(type)!;
        const same = (page: Page) => page.total === api.page.total && page.keys.join('\n') === api.page.keys.join('\n');
        return {
          id: `overdue-${type}`,
          title: `overdue list, type ${type} (page of ${PAGE_SIZE} + total)`,
          product: `p50 ${round(apiP50)} ms (${api.page.total} overdue; ${viaHttp ? 'GET /api/v1/overdue' : 'OverdueRepository.list'})`,
          floor: `p50 ${round(floorP50)} ms (${bare.plan.indexOnly ? 'index-only plan' : `covering index; ${[...new Set(bare.plan.scans.map((scan) => scan.replace(/^.*: | \(.*$/g, '')))].join(' + ')}`})`,
          ratio: round(apiP50 / floorP50, 2),
          ratioOf: 'p50 time, API ÷ floor',
          target: 'p50 < 300 ms',
          met: context.smoke ? null : apiP50 < 300,
          figures: {
            apiP50Ms: round(apiP50),
            apiRunsMs: api.times.map((t) => round(t)),
            floorP50Ms: round(floorP50),
            floorRunsMs: bare.times.map((t) => round(t)),
            rewriteP50Ms: round(median(better.times)),
            rewriteRunsMs: better.times.map((t) => round(t)),
            overdueItems: api.page.total,
            productPlans: api.plans.map(describePlan).join(' || '),
            productScans: api.plans.flatMap((p) => p.scans).join('; '),
            floorPlan: describePlan(bare.plan),
            floorScans: bare.plan.scans.join('; '),
          },
          notes: [
            `the API runs ${api.plans.length} statement(s) per request: ${api.plans.map((p) => `${p.ms} ms`).join(' + ')} (EXPLAIN ANALYZE)`,
            same(bare.page) ? 'the floor answers the same total and page' : `the floor answers differently: total ${bare.page.total} vs ${api.page.total}`,
            same(better.page) ? 'the SQL rewrite answers the same total and page' : `the SQL rewrite answers differently: total ${better.page.total} vs ${api.page.total}`,
            `SQL rewrite on today's schema (bench/baseline/overdue-floor.ts REWRITE): p50 ${round(median(better.times))} ms`,
          ],
        };
      });
    } finally {
      await server?.stop();
      await app.close();
      await runStatements(db, [...FLOOR.teardown, ...REWRITE.teardown]);
      await db.end();
      await removeQueueKeys(REDIS_URL, queuePrefix);
    }
  },
};
