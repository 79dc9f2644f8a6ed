import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { applyPilotScope, filterByProvince, type PilotScope } from '../auth/access-scope.js';
import type { ReportStatus, TaskCategory } from '../common/domain.js';
import { Pilot } from '../pilots/pilot.entity.js';
import { PeriodAggregation } from './entities/period-aggregation.entity.js';

/** What "received" means everywhere: submitted or accepted (DESIGN.md §2). */
const RECEIVED = `('submitted', 'accepted')`;

/**
 * Recomputes one period's per-pilot figures from its reports, as set-based SQL. $1 = period id,
 * $2 = the app time zone (a deadline day ends at 24:00 there).
 */
const AGGREGATE_PILOTS_SQL = `
  INSERT INTO period_pilot_progress (period_id, pilot_id, report_status, submitted_at, on_time)
  SELECT pe.id, p.id, r.status, r.submitted_at,
         COALESCE(r.status IN ${RECEIVED} AND (r.submitted_at AT TIME ZONE $2)::date <= pe.due_date, false)
  FROM reporting_periods pe
  CROSS JOIN pilots p
  LEFT JOIN milestone_reports r ON r.pilot_id = p.id AND r.period_id = pe.id
  WHERE pe.id = $1`;

/**
 * Per pilot and task category: the received report's task lines by status, and milestones due
 * by the period's end against those a received report of the pilot records completed by then.
 */
const AGGREGATE_CATEGORIES_SQL = `
  WITH pe AS (SELECT id, end_date FROM reporting_periods WHERE id = $1),
  lines AS (
    SELECT r.pilot_id, t.category,
           count(*) FILTER (WHERE l.status = 'not_started') AS not_started,
           count(*) FILTER (WHERE l.status = 'on_track') AS on_track,
           count(*) FILTER (WHERE l.status = 'at_risk') AS at_risk,
           count(*) FILTER (WHERE l.status = 'delayed') AS delayed,
           count(*) FILTER (WHERE l.status = 'completed') AS completed,
           sum(l.percent_complete) AS percent_sum
    FROM milestone_reports r
    JOIN report_task_lines l ON l.report_id = r.id
    JOIN tasks t ON t.id = l.task_id
    WHERE r.period_id = $1 AND r.status IN ${RECEIVED}
    GROUP BY r.pilot_id, t.category
  ),
  due AS (
    SELECT t.pilot_id, t.category,
           count(*) AS milestones_due,
           count(*) FILTER (WHERE EXISTS (
             SELECT 1 FROM report_milestone_completions c
             JOIN milestone_reports r ON r.id = c.report_id
             WHERE c.milestone_id = m.id AND r.status IN ${RECEIVED} AND c.completed_on <= pe.end_date
           )) AS milestones_completed
    FROM milestones m
    JOIN tasks t ON t.id = m.task_id
    CROSS JOIN pe
    WHERE m.due_date <= pe.end_date
    GROUP BY t.pilot_id, t.category
  )
  INSERT INTO period_category_progress
    (period_id, pilot_id, category, not_started, on_track, at_risk, delayed, completed, percent_sum,
     milestones_due, milestones_completed)
  SELECT $1, COALESCE(lines.pilot_id, due.pilot_id), COALESCE(lines.category, due.category),
         COALESCE(lines.not_started, 0), COALESCE(lines.on_track, 0), COALESCE(lines.at_risk, 0),
         COALESCE(lines.delayed, 0), COALESCE(lines.completed, 0), COALESCE(lines.percent_sum, 0),
         COALESCE(due.milestones_due, 0), COALESCE(due.milestones_completed, 0)
  FROM lines
  FULL JOIN due ON due.pilot_id = lines.pilot_id AND due.category = lines.category`;

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
   * Replaces the stored figures of one period in one transaction; concurrent runs for the same
   * period queue on an advisory lock, so the last one to commit saw the latest reports.
   */
  async aggregate(periodId: string, timezone: string): Promise<PeriodAggregation | null> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('aggregate-period:' || $1, 0))`, [periodId]);
      const [period] = await manager.query<{ id: string }[]>('SELECT id FROM reporting_periods WHERE id = $1', [periodId]);
      if (!period) return null;
      await manager.query('DELETE FROM period_pilot_progress WHERE period_id = $1', [periodId]);
      await manager.query('DELETE FROM period_category_progress WHERE period_id = $1', [periodId]);
      await manager.query(AGGREGATE_PILOTS_SQL, [periodId, timezone]);
      await manager.query(AGGREGATE_CATEGORIES_SQL, [periodId]);
      // The watermark stays in SQL: a round trip through a JS Date would drop its microseconds
      // and make every period look stale.
      await manager.query(
        `INSERT INTO period_aggregations (period_id, aggregated_at, source_changed_at)
         SELECT $1, clock_timestamp(), max(updated_at) FROM milestone_reports WHERE period_id = $1
         ON CONFLICT (period_id) DO UPDATE
           SET aggregated_at = EXCLUDED.aggregated_at, source_changed_at = EXCLUDED.source_changed_at`,
        [periodId],
      );
      const aggregation = await manager.findOneByOrFail(PeriodAggregation, { periodId });
      return aggregation;
    });
  }

  /** Periods whose reports changed after their last aggregation, or that were never aggregated. */
  async stalePeriodIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ period_id: string }[]>(`
      SELECT r.period_id
      FROM milestone_reports r
      LEFT JOIN period_aggregations a ON a.period_id = r.period_id
      GROUP BY r.period_id, a.source_changed_at, a.period_id
      HAVING a.period_id IS NULL OR max(r.updated_at) > COALESCE(a.source_changed_at, '-infinity')`);
    return rows.map((r) => r.period_id);
  }

  findAggregation(periodId: string): Promise<PeriodAggregation | null> {
    return this.dataSource.getRepository(PeriodAggregation).findOneBy({ periodId });
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
