import { DataSource } from 'typeorm';
import { ProgressService } from '../../src/progress/progress.service.js';
import { ONE_PILOT_FIGURES_SQL, PROGRESS_FLOOR_SQL, PROPOSED_CATEGORIES_SQL, TOTAL_COLUMNS } from '../baseline/progress-floor.js';
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

      // The worker's statements, captured once, replayed with the proposed categories statement
      // (in a transaction rolled back): what the aggregation costs with that one fix.
      const dataSource = app.get(DataSource);
      const { queries } = await captureQueries(dataSource, aggregate);
      const statements = queries.filter((q) => SQL_STATEMENT.test(q.sql));
      const proposed = statements.map((q) =>
        q.sql.includes('INSERT INTO period_category_progress') ? { sql: PROPOSED_CATEGORIES_SQL, params: [period.id] } : q,
      );
      const withFix = async <T>(inspect?: () => Promise<T>): Promise<T | undefined> => {
        await db.query('BEGIN');
        try {
          for (const statement of proposed) await db.query(statement.sql, statement.params);
          return await inspect?.();
        } finally {
          await db.query('ROLLBACK');
        }
      };

      const product: number[] = [];
      const floor: number[] = [];
      const fixed: number[] = [];
      for (let run = -1; run < runs; run += 1) {
        const productMs = await timed(aggregate);
        const floorMs = await timed(floorRows);
        const fixedMs = await timed(() => withFix());
        if (run >= 0) {
          product.push(productMs);
          floor.push(floorMs);
          fixed.push(fixedMs);
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
      const storedWithFix = (await withFix(storedTotals))!;
      const fixMismatches = (Object.keys(stored.rows[0]) as (keyof Totals)[]).filter((key) => stored.rows[0][key] !== storedWithFix.rows[0][key]);
      const rows = await floorRows();
      const floorTotals = Object.fromEntries(TOTAL_COLUMNS.map((c) => [c, rows.reduce((sum, row) => sum + Number(row[c]), 0)])) as Totals;
      const byPilot = new Map(rows.map((row) => [row.pilot_id, row]));
      floorTotals.pilots = byPilot.size;
      floorTotals.received = [...byPilot.values()].filter((row) => row.report_status === 'submitted' || row.report_status === 'accepted').length;
      floorTotals.onTime = [...byPilot.values()].filter((row) => row.on_time === true).length;
      const mismatches = (Object.keys(floorTotals) as (keyof Totals)[]).filter((key) => floorTotals[key] !== stored.rows[0][key]);

      const plans = await explainAnalyze(db, statements);
      const described = statements.map((q, i) => ({ sql: q.sql.replace(/\s+/g, ' ').trim().slice(0, 60), plan: plans[i] }));
      const proposedPlans = await explainAnalyze(db, proposed);
      const [floorPlan] = await explainAnalyze(db, [{ sql: PROGRESS_FLOOR_SQL, params: [period.id, 'Asia/Shanghai'] }]);

      // One pilot's figures, as a per-pilot aggregation job would compute them.
      const { rows: someone } = await db.query<{ pilot_id: string }>(
        `SELECT pilot_id FROM milestone_reports WHERE period_id = $1 AND status IN ('submitted', 'accepted') LIMIT 1`,
        [period.id],
      );
      const onePilot: number[] = [];
      for (let run = -1; run < runs; run += 1) {
        const ms = await timed(() => db.query(ONE_PILOT_FIGURES_SQL, [period.id, 'Asia/Shanghai', someone[0].pilot_id]));
        if (run >= 0) onePilot.push(ms);
      }
      const sumOf = (rows: Record<string, unknown>[]) => TOTAL_COLUMNS.map((c) => rows.reduce((sum, row) => sum + Number(row[c]), 0)).join(',');
      const pilotRows = (await db.query<Record<string, unknown>>(ONE_PILOT_FIGURES_SQL, [period.id, 'Asia/Shanghai', someone[0].pilot_id])).rows;
      const pilotStored = (
        await db.query<Record<string, unknown>>('SELECT * FROM period_category_progress WHERE period_id = $1 AND pilot_id = $2', [period.id, someone[0].pilot_id])
      ).rows;
      const onePilotAgrees = sumOf(pilotRows) === sumOf(pilotStored);

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
            withProposedSqlMs: round(median(fixed)),
            onePilotFiguresMs: round(median(onePilot), 2),
            withProposedSqlRunsMs: fixed.map((t) => round(t)),
            proposedCategoriesPlan: describePlan(proposedPlans[statements.findIndex((q) => q.sql.includes('INSERT INTO period_category_progress'))]),
            floorPlan: describePlan(floorPlan),
          },
          notes: [
            mismatches.length ? `floor and product disagree on ${mismatches.join(', ')}` : 'floor computes the same totals as the stored figures',
            'product = the worker\'s whole transaction (lock, delete, two INSERT … SELECT, watermark); floor = the figures only',
            `with the proposed categories statement (bench/baseline/progress-floor.ts): ${round(median(fixed))} ms; ` +
              (fixMismatches.length ? `it stores different ${fixMismatches.join(', ')}` : 'it stores the same totals'),
            `one pilot's figures (what a per-pilot job would compute): ${round(median(onePilot), 2)} ms; ` +
              (onePilotAgrees ? 'they match its stored figures' : 'they differ from its stored figures'),
          ],
        },
      ];
    } finally {
      await app.close();
      await db.end();
    }
  },
};
