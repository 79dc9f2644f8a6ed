import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { applyPilotScope, filterByProvince, type PilotScope } from '../auth/access-scope.js';
import type { ReportStatus, TaskCategory } from '../common/domain.js';
import { Pilot } from '../pilots/pilot.entity.js';

/** What "received" means everywhere: submitted or accepted (DESIGN.md §2). */
const RECEIVED = `('submitted', 'accepted')`;

/** Whose figures an aggregation recomputes: every pilot of one period, or every period of one pilot ($1). */
export type AggregationScope = { periodId: string } | { pilotId: string };

/**
 * The aggregation statements for a scope, as set-based SQL. $1 = the period or pilot id,
 * $2 = the app time zone (a deadline day ends at 24:00 there).
 */
function aggregationSql(scope: 'period' | 'pilot') {
  const onePeriod = (alias: string) => (scope === 'period' ? `${alias}.id = $1` : 'true');
  const onePilot = (alias: string) => (scope === 'pilot' ? `${alias}.pilot_id = $1` : 'true');
  return {
    delete: [
      `DELETE FROM period_pilot_progress WHERE ${scope}_id = $1`,
      `DELETE FROM period_category_progress WHERE ${scope}_id = $1`,
    ],
    pilots: `
      INSERT INTO period_pilot_progress
        (period_id, pilot_id, report_status, submitted_at, on_time, source_changed_at, plan_changed_at, aggregated_at)
      SELECT pe.id, p.id, r.status, r.submitted_at,
             COALESCE(r.status IN ${RECEIVED} AND (r.submitted_at AT TIME ZONE $2)::date <= pe.due_date, false),
             r.updated_at, p.plan_changed_at, clock_timestamp()
      FROM reporting_periods pe
      CROSS JOIN pilots p
      LEFT JOIN milestone_reports r ON r.pilot_id = p.id AND r.period_id = pe.id
      WHERE ${onePeriod('pe')} AND ${scope === 'pilot' ? 'p.id = $1' : 'true'}`,
    /**
     * Per period, pilot and task category: the received report's task lines by status, and the
     * milestones due by the period's end against those a received report of the pilot records
     * completed by then (milestones.first_completed_on, kept by the report transitions).
     */
    categories: `
      WITH pe AS (SELECT id, end_date FROM reporting_periods pe WHERE ${onePeriod('pe')}),
      lines AS (
        SELECT r.period_id, r.pilot_id, t.category,
               count(*) FILTER (WHERE l.status = 'not_started') AS not_started,
               count(*) FILTER (WHERE l.status = 'on_track') AS on_track,
               count(*) FILTER (WHERE l.status = 'at_risk') AS at_risk,
               count(*) FILTER (WHERE l.status = 'delayed') AS delayed,
               count(*) FILTER (WHERE l.status = 'completed') AS completed,
               sum(l.percent_complete) AS percent_sum
        FROM milestone_reports r
        JOIN pe ON pe.id = r.period_id
        JOIN report_task_lines l ON l.report_id = r.id
        JOIN tasks t ON t.id = l.task_id
        WHERE r.status IN ${RECEIVED} AND ${onePilot('r')}
        GROUP BY r.period_id, r.pilot_id, t.category
      ),
      due AS (
        SELECT pe.id AS period_id, t.pilot_id, t.category,
               count(*) AS milestones_due,
               count(*) FILTER (WHERE m.first_completed_on <= pe.end_date) AS milestones_completed
        FROM milestones m
        JOIN tasks t ON t.id = m.task_id
        JOIN pe ON m.due_date <= pe.end_date
        WHERE ${onePilot('t')}
        GROUP BY pe.id, t.pilot_id, t.category
      )
      INSERT INTO period_category_progress
        (period_id, pilot_id, category, not_started, on_track, at_risk, delayed, completed, percent_sum,
         milestones_due, milestones_completed)
      SELECT COALESCE(lines.period_id, due.period_id), COALESCE(lines.pilot_id, due.pilot_id), COALESCE(lines.category, due.category),
             COALESCE(lines.not_started, 0), COALESCE(lines.on_track, 0), COALESCE(lines.at_risk, 0),
             COALESCE(lines.delayed, 0), COALESCE(lines.completed, 0), COALESCE(lines.percent_sum, 0),
             COALESCE(due.milestones_due, 0), COALESCE(due.milestones_completed, 0)
      FROM lines
      FULL JOIN due ON due.period_id = lines.period_id AND due.pilot_id = lines.pilot_id AND due.category = lines.category`,
    /** Marks the period aggregated as a whole (a pilot pass alone leaves the other pilots' figures unwritten). */
    stamp:
      scope === 'period'
        ? `INSERT INTO period_aggregations (period_id, aggregated_at) VALUES ($1, clock_timestamp())
           ON CONFLICT (period_id) DO UPDATE SET aggregated_at = EXCLUDED.aggregated_at`
        : null,
  };
}

const AGGREGATION_SQL = { period: aggregationSql('period'), pilot: aggregationSql('pilot') } as const;

/**
 * Figures are written by one transaction at a time per pilot, and a whole-period pass excludes
 * all others: pilot passes share this lock, a period pass takes it alone.
 */
const AGGREGATION_LOCK = `hashtextextended('progress-aggregation', 0)`;

export interface PilotFigures {
  pilotId: string;
  provinceZh: string;
  provinceEn: string;
  reportStatus: ReportStatus | null;
  submittedAt: Date | null;
  onTime: boolean;
  notStarted: number;
  onTrack: number;
  atRisk: number;
  delayed: number;
  completed: number;
  percentSum: number;
  milestonesDue: number;
  milestonesCompleted: number;
}

/** Which pilots figures are summed over: the caller's scope, narrowed by a province or a list. */
export interface PilotSelection {
  scope: PilotScope;
  province?: string;
  pilotIds?: string[];
}

export type CategoryFiguresRow = Omit<PilotFigures, 'pilotId' | 'provinceZh' | 'provinceEn' | 'reportStatus' | 'submittedAt' | 'onTime'> & {
  category: TaskCategory;
};

const SUMMED_COLUMNS = {
  notStarted: 'not_started',
  onTrack: 'on_track',
  atRisk: 'at_risk',
  delayed: 'delayed',
  completed: 'completed',
  percentSum: 'percent_sum',
  milestonesDue: 'milestones_due',
  milestonesCompleted: 'milestones_completed',
} as const;

type Summed = keyof typeof SUMMED_COLUMNS;

/** pg returns sums (bigint, numeric) as strings. */
function toNumbers<T extends Record<Summed, number>>(row: T): T {
  const out = { ...row };
  for (const key of Object.keys(SUMMED_COLUMNS) as Summed[]) out[key] = Number(row[key] ?? 0);
  return out;
}

function selectPilots<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, selection: PilotSelection): void {
  applyPilotScope(qb, selection.scope, 'p');
  filterByProvince(qb, selection.province, 'p');
  if (selection.pilotIds) qb.andWhere('p.id IN (:...pilotIds)', { pilotIds: selection.pilotIds });
}

/** Every query of the progress feature. */
@Injectable()
export class ProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Replaces the stored figures of a scope in one transaction. Concurrent runs for the same
   * scope queue on advisory locks, so the last one to commit saw the latest reports. Answers
   * false when the period or pilot no longer exists.
   */
  async aggregate(scope: AggregationScope, timezone: string): Promise<boolean> {
    const [kind, id] = 'periodId' in scope ? (['period', scope.periodId] as const) : (['pilot', scope.pilotId] as const);
    const sql = AGGREGATION_SQL[kind];
    return this.dataSource.transaction(async (manager) => {
      if (kind === 'period') {
        await manager.query(`SELECT pg_advisory_xact_lock(${AGGREGATION_LOCK})`);
      } else {
        await manager.query(`SELECT pg_advisory_xact_lock_shared(${AGGREGATION_LOCK})`);
        await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('progress-aggregation:' || $1, 0))`, [id]);
      }
      const table = kind === 'period' ? 'reporting_periods' : 'pilots';
      const [exists] = await manager.query<unknown[]>(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
      if (!exists) return false;
      for (const statement of sql.delete) await manager.query(statement, [id]);
      await manager.query(sql.pilots, [id, timezone]);
      await manager.query(sql.categories, [id]);
      if (sql.stamp) await manager.query(sql.stamp, [id]);
      return true;
    });
  }

  /**
   * What the reconcile pass re-aggregates: pilots whose report or plan changed after their
   * figures were computed, and periods never aggregated at all.
   */
  async stale(): Promise<{ pilotIds: string[]; periodIds: string[] }> {
    const pilots = await this.dataSource.query<{ pilot_id: string }[]>(`
      SELECT r.pilot_id
      FROM milestone_reports r
      JOIN period_aggregations a ON a.period_id = r.period_id
      LEFT JOIN period_pilot_progress f ON f.period_id = r.period_id AND f.pilot_id = r.pilot_id
      WHERE f.source_changed_at IS NULL OR r.updated_at > f.source_changed_at
      UNION
      SELECT f.pilot_id
      FROM period_pilot_progress f
      JOIN pilots p ON p.id = f.pilot_id
      WHERE f.plan_changed_at IS DISTINCT FROM p.plan_changed_at`);
    const periods = await this.dataSource.query<{ id: string }[]>(`
      SELECT pe.id FROM reporting_periods pe
      WHERE NOT EXISTS (SELECT 1 FROM period_aggregations a WHERE a.period_id = pe.id)`);
    return { pilotIds: pilots.map((r) => r.pilot_id), periodIds: periods.map((r) => r.id) };
  }

  /** When the period's figures were last written (by any pass), or null when it was never aggregated as a whole. */
  async aggregatedAt(periodId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query<{ at: Date }[]>(
      `SELECT greatest(a.aggregated_at, (SELECT max(f.aggregated_at) FROM period_pilot_progress f WHERE f.period_id = a.period_id)) AS at
       FROM period_aggregations a WHERE a.period_id = $1`,
      [periodId],
    );
    return row?.at ?? null;
  }

  /** One row per pilot in the caller's scope (and province filter), with its summed figures. */
  async pilotFigures(periodId: string, selection: PilotSelection): Promise<PilotFigures[]> {
    const qb = this.dataSource
      .getRepository(Pilot)
      .createQueryBuilder('p')
      .leftJoin('period_pilot_progress', 'a', 'a.pilot_id = p.id AND a.period_id = :periodId', { periodId })
      .leftJoin('period_category_progress', 'c', 'c.pilot_id = p.id AND c.period_id = :periodId', { periodId })
      .select('p.id', 'pilotId')
      .addSelect('p.province_zh', 'provinceZh')
      .addSelect('p.province_en', 'provinceEn')
      .addSelect('a.report_status', 'reportStatus')
      .addSelect('a.submitted_at', 'submittedAt')
      .addSelect('COALESCE(a.on_time, false)', 'onTime');
    for (const [alias, column] of Object.entries(SUMMED_COLUMNS) as [Summed, string][]) {
      qb.addSelect(`COALESCE(sum(c.${column}), 0)`, alias);
    }
    selectPilots(qb, selection);
    qb.groupBy('p.id').addGroupBy('a.report_status').addGroupBy('a.submitted_at').addGroupBy('a.on_time').orderBy('p.code', 'ASC');
    return (await qb.getRawMany<PilotFigures>()).map(toNumbers);
  }

  /** Figures by task category over the pilots in scope. */
  async categoryFigures(periodId: string, selection: PilotSelection): Promise<CategoryFiguresRow[]> {
    const qb = this.dataSource
      .getRepository(Pilot)
      .createQueryBuilder('p')
      .innerJoin('period_category_progress', 'c', 'c.pilot_id = p.id AND c.period_id = :periodId', { periodId })
      .select('c.category', 'category');
    for (const [alias, column] of Object.entries(SUMMED_COLUMNS) as [Summed, string][]) qb.addSelect(`sum(c.${column})`, alias);
    selectPilots(qb, selection);
    qb.groupBy('c.category').orderBy('c.category', 'ASC');
    return (await qb.getRawMany<CategoryFiguresRow>()).map(toNumbers);
  }
}
