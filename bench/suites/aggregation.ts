import { DataSource } from 'typeorm';
import { ProgressService } from '../../src/progress/progress.service.js';
import { ONE_PILOT_FIGURES_SQL, PROGRESS_FLOOR_SQL, TOTAL_COLUMNS } from '../baseline/progress-floor.js';
import { connect } from '../lib/db.js';
import { captureQueries, describePlan, explainAnalyze } from '../lib/explain.js';
import { openAppContext } from '../lib/nest-context.js';
import type { BenchContext, BenchResult, Suite } from '../lib/results.js';
import { median, round, timed } from '../lib/stats.js';
import { AS_OF } from '../seed/world.js';

type Totals = Record<(typeof TOTAL_COLUMNS)[number] | 'received' | 'onTime' | 'pilots', number>;

const SQL_STATEMENT = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

export const aggregationSuite: Suite = {
  id: 'aggregation',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const runs = context.smoke ? 1 : 4;
    const db = await connect(context.databaseUrl);
    const app = await openAppContext(context.databaseUrl);
    try {
      // The period whose reports were due last: the busiest one to aggregate.
      const { rows: periods } = await db.query<{ id: string; label: string }>(
        `SELECT id, label FROM reporting_periods WHERE due_date < $1 AND label NOT LIKE 'bench-%' ORDER BY due_date DESC LIMIT 1`,
        [AS_OF],
      );
      const period = periods[0];
      const progress = app.get(ProgressService);
      const aggregate = () => progress.aggregate({ periodId: period.id });
      const floorRows = async () => (await db.query<Record<string, unknown>>(PROGRESS_FLOOR_SQL, [period.id, 'Asia/Shanghai'])).rows;

      // The worker's statements, captured once, for their plans.
      const dataSource = app.get(DataSource);
      const { queries } = await captureQueries(dataSource, aggregate);
      const statements = queries.filter((q) => SQL_STATEMENT.test(q.sql));

      const product: number[] = [];
      const floor: number[] = [];
      for (let run = -1; run < runs; run += 1) {
        const productMs = await timed(aggregate);
        const floorMs = await timed(floorRows);
        if (run >= 0) {
          product.push(productMs);
          floor.push(floorMs);
        }
      }

      // Every side must compute the same figures.
      const storedTotals = () =>
        db.query<Totals>(
        `SELECT ${TOTAL_COLUMNS.map((c) => `sum(${c})::int AS ${c}`).join(', ')},
                (SELECT count(*) FILTER (WHERE report_status IN ('submitted', 'accepted'))::int FROM period_pilot_progress WHERE period_id = $1) AS received,
                (SELECT count(*) FILTER (WHERE on_time)::int FROM period_pilot_progress WHERE period_id = $1) AS "onTime",
                (SELECT count(*)::int FROM period_pilot_progress WHERE period_id = $1) AS pilots
         FROM period_category_progress WHERE period_id = $1`,
        [period.id],
      );
      const stored = await storedTotals();
      const rows = await floorRows();
      const floorTotals = Object.fromEntries(TOTAL_COLUMNS.map((c) => [c, rows.reduce((sum, row) => sum + Number(row[c]), 0)])) as Totals;
      const byPilot = new Map(rows.map((row) => [row.pilot_id, row]));
      floorTotals.pilots = byPilot.size;
      floorTotals.received = [...byPilot.values()].filter((row) => row.report_status === 'submitted' || row.report_status === 'accepted').length;
      floorTotals.onTime = [...byPilot.values()].filter((row) => row.on_time === true).length;
      const mismatches = (Object.keys(floorTotals) as (keyof Totals)[]).filter((key) => floorTotals[key] !== stored.rows[0][key]);
      if (mismatches.length) throw new Error(`the floor and the stored figures disagree on ${mismatches.join(', ')}`);

      const plans = await explainAnalyze(db, statements);
      const described = statements.map((q, i) => ({ sql: q.sql.replace(/\s+/g, ' ').trim().slice(0, 60), plan: plans[i] }));
      const [floorPlan] = await explainAnalyze(db, [{ sql: PROGRESS_FLOOR_SQL, params: [period.id, 'Asia/Shanghai'] }]);

      // What a report change queues: the pilot's pass (every period), and the floor's figures of one pilot in this period.
      const { rows: someone } = await db.query<{ pilot_id: string }>(
        `SELECT pilot_id FROM milestone_reports WHERE period_id = $1 AND status IN ('submitted', 'accepted') LIMIT 1`,
        [period.id],
      );
      const pilotPass: number[] = [];
      const onePilot: number[] = [];
      for (let run = -1; run < runs; run += 1) {
        const passMs = await timed(() => progress.aggregate({ pilotId: someone[0].pilot_id }));
        const floorMs = await timed(() => db.query(ONE_PILOT_FIGURES_SQL, [period.id, 'Asia/Shanghai', someone[0].pilot_id]));
        if (run >= 0) {
          pilotPass.push(passMs);
          onePilot.push(floorMs);
        }
      }
      const sumOf = (rows: Record<string, unknown>[]) => TOTAL_COLUMNS.map((c) => rows.reduce((sum, row) => sum + Number(row[c]), 0)).join(',');
      const pilotRows = (await db.query<Record<string, unknown>>(ONE_PILOT_FIGURES_SQL, [period.id, 'Asia/Shanghai', someone[0].pilot_id])).rows;
      const pilotStored = (
        await db.query<Record<string, unknown>>('SELECT * FROM period_category_progress WHERE period_id = $1 AND pilot_id = $2', [period.id, someone[0].pilot_id])
      ).rows;
      if (sumOf(pilotRows) !== sumOf(pilotStored)) throw new Error(`the floor's figures of pilot ${someone[0].pilot_id} differ from its stored figures`);

      const productMs = median(product);
      const floorMs = median(floor);
      return [
        {
          id: 'aggregation',
          title: `period progress aggregation, ${context.seed.pilots.toLocaleString('en-US')} pilots × ${context.seed.tasks} tasks`,
          product: `${round(productMs)} ms (period ${period.label}, ${stored.rows[0].received} reports received)`,
          floor: `${round(floorMs)} ms (one GROUP BY statement)`,
          ratio: round(productMs / floorMs, 2),
          ratioOf: 'time, ProgressService.aggregate ÷ floor',
          target: '< 500 ms',
          met: context.smoke ? null : productMs < 500,
          figures: {
            productMs: round(productMs),
            floorMs: round(floorMs),
            productRunsMs: product.map((t) => round(t)),
            floorRunsMs: floor.map((t) => round(t)),
            productStatements: described.filter((s) => s.plan.ms >= 1).map((s) => `${s.sql}… ${describePlan(s.plan)}`).join(' || '),
            pilotPassMs: round(median(pilotPass), 2),
            onePilotFloorMs: round(median(onePilot), 2),
            floorPlan: describePlan(floorPlan),
          },
          notes: [
            'the floor computes the same totals as the stored figures',
            'product = the worker\'s whole transaction (lock, delete, two INSERT … SELECT, watermark); floor = the figures only',
            `a report change aggregates its pilot only: that pass (all ${context.seed.periods} periods) ${round(median(pilotPass), 1)} ms; ` +
              `the floor's figures of the pilot in this period ${round(median(onePilot), 1)} ms, equal to its stored figures`,
          ],
        },
      ];
    } finally {
      await app.close();
      await db.end();
    }
  },
};
