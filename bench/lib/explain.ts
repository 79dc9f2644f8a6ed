import type pg from 'pg';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * Records the SQL the application sends while `work` runs (a TypeORM subscriber sees every
 * query), so its plans can be examined with the exact statements and parameters.
 */
export async function captureQueries<T>(dataSource: DataSource, work: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  const recorder: EntitySubscriberInterface = {
    beforeQuery: (event) => void queries.push({ sql: event.query, params: (event.parameters ?? []) as unknown[] }),
  };
  dataSource.subscribers.push(recorder);
  try {
    return { result: await work(), queries };
  } finally {
    dataSource.subscribers.splice(dataSource.subscribers.indexOf(recorder), 1);
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Total Time': number;
  'Actual Loops': number;
  'Actual Rows': number;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  /** Execution time reported by EXPLAIN ANALYZE, in ms. */
  ms: number;
  /** The most expensive nodes by their own time, e.g. "Seq Scan on report_task_lines 270 ms (rows 2,802,060)". */
  hotspots: string[];
  /** How each table is read, e.g. "report_task_lines: Index Only Scan". */
  scans: string[];
  /** True when every table except the two small ones (periods, pilots) is read by Index Only Scans. */
  indexOnly: boolean;
}

const SMALL_TABLES = new Set(['reporting_periods', 'pilots']);

/** Nodes that do their work in parallel workers report per-worker times; loops counts the workers too. */
function selfTime(node: PlanNode): number {
  const total = node['Actual Total Time'] * node['Actual Loops'];
  const children = (node.Plans ?? [])
    .filter((child) => child['Parent Relationship'] !== 'InitPlan' && child['Parent Relationship'] !== 'SubPlan')
    .reduce((sum, child) => sum + child['Actual Total Time'] * child['Actual Loops'], 0);
  return Math.max(0, total - children);
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

function summarisePlan(plan: { Plan: PlanNode; 'Execution Time': number }): PlanSummary {
  const nodes: PlanNode[] = [];
  walk(plan.Plan, (node) => nodes.push(node));
  const hotspots = [...nodes]
    .sort((a, b) => selfTime(b) - selfTime(a))
    .slice(0, 3)
    .map((node) => {
      const on = node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
      const loops = node['Actual Loops'] > 3 ? ` × ${node['Actual Loops'].toLocaleString('en-US')} loops` : '';
      return `${node['Node Type']}${on} ${Math.round(selfTime(node))} ms${loops}`;
    });
  const scans = nodes
    .filter((node) => node['Relation Name'] && /Scan/.test(node['Node Type']))
    .map((node) => `${node['Relation Name']}: ${node['Node Type']}${node['Index Name'] ? ` (${node['Index Name']})` : ''}`);
  const indexOnly = nodes
    .filter((node) => node['Relation Name'] && !SMALL_TABLES.has(node['Relation Name']) && /Scan/.test(node['Node Type']))
    .every((node) => node['Node Type'] === 'Index Only Scan' && node['Actual Loops'] > 0);
  return { ms: Math.round(plan['Execution Time'] * 10) / 10, hotspots, scans: [...new Set(scans)], indexOnly };
}

/**
 * EXPLAIN ANALYZE of each statement in order, in one transaction that is rolled back, so writes
 * (an aggregation's DELETE and INSERT) are planned and timed as they really run, then undone.
 */
export async function explainAnalyze(db: pg.Client, queries: CapturedQuery[]): Promise<PlanSummary[]> {
  const summaries: PlanSummary[] = [];
  await db.query('BEGIN');
  try {
    for (const query of queries) {
      const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}`,
        query.params,
      );
      summaries.push(summarisePlan(rows[0]['QUERY PLAN'][0]));
    }
  } finally {
    await db.query('ROLLBACK');
  }
  return summaries;
}

/** "Seq Scan on x 270 ms; Hash Join 80 ms" — for notes and the results table. */
export const describePlan = (plan: PlanSummary): string => `${plan.ms} ms: ${plan.hotspots.join('; ')}`;
