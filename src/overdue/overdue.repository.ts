import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PilotScope } from '../auth/access-scope.js';

export const OVERDUE_TYPES = ['milestone', 'task', 'report'] as const;
export type OverdueType = (typeof OVERDUE_TYPES)[number];

export interface OverdueItem {
  type: OverdueType;
  pilotId: string;
  pilotCode: string;
  pilotName: string;
  pilotNameEn: string;
  taskId: string | null;
  taskCode: string | null;
  milestoneId: string | null;
  periodId: string | null;
  title: string;
  dueDate: string;
  daysOverdue: number;
}

export interface OverdueFilter {
  /** The calendar date deadlines are judged against (YYYY-MM-DD). */
  asOf: string;
  scope: PilotScope;
  type?: OverdueType;
  pilotId?: string;
  province?: string;
  pilotIds?: string[];
}

const RECEIVED = `('submitted', 'accepted')`;

/**
 * What "still open" means for each kind of item (DESIGN.md §2), shared by the overdue list and
 * the reminder scan. `$1` is the as-of date. Milestones and tasks are judged by the state the
 * report transitions keep on them (STATE_SQL below): only submitted or accepted reports count as
 * evidence, and a milestone must be recorded completed on or before the as-of date.
 */
export const OPEN_ITEM_SQL = {
  /** Condition on milestone `m`. */
  milestoneOpen: `(m.first_completed_on IS NULL OR m.first_completed_on > $1::date)`,
  /** Condition on task `t`: its status in the received report of the latest period covering it is not 'completed'. */
  taskOpen: `t.latest_status IS DISTINCT FROM 'completed'`,
  /** Condition on pilot `p` and period `pe`. */
  reportMissing: `NOT EXISTS (
      SELECT 1 FROM milestone_reports r
      WHERE r.pilot_id = p.id AND r.period_id = pe.id AND r.status IN ${RECEIVED})`,
} as const;

/**
 * Recomputes milestones.first_completed_on and tasks.latest_status from the received reports,
 * for one pilot ($1) or for every pilot, in one statement; rows already right are not written.
 */
function stateSql(forOnePilot: boolean): string {
  const pilotOf = (alias: string) => (forOnePilot ? `AND ${alias}.pilot_id = $1` : '');
  return `
    WITH milestones_refreshed AS (
      UPDATE milestones target SET first_completed_on = fresh.first_completed_on
      FROM (
        SELECT m.id, min(c.completed_on) AS first_completed_on
        FROM milestones m
        JOIN tasks t ON t.id = m.task_id
        LEFT JOIN (report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id AND r.status IN ${RECEIVED} ${pilotOf('r')})
          ON c.milestone_id = m.id
        WHERE true ${pilotOf('t')}
        GROUP BY m.id
      ) fresh
      WHERE target.id = fresh.id AND target.first_completed_on IS DISTINCT FROM fresh.first_completed_on
    )
      UPDATE tasks target SET latest_status = fresh.status
      FROM (
        SELECT t.id, latest.status
        FROM tasks t
        LEFT JOIN (
          SELECT DISTINCT ON (l.task_id) l.task_id, l.status
          FROM report_task_lines l
          JOIN milestone_reports r ON r.id = l.report_id AND r.status IN ${RECEIVED} ${pilotOf('r')}
          JOIN reporting_periods pe ON pe.id = r.period_id
          ORDER BY l.task_id, pe.end_date DESC, pe.start_date DESC, pe.id DESC
        ) latest ON latest.task_id = t.id
        WHERE true ${pilotOf('t')}
      ) fresh
      WHERE target.id = fresh.id AND target.latest_status IS DISTINCT FROM fresh.status`;
}

/**
 * The same state after one report ($1) became received, without recomputing the pilot: its
 * completions can only bring a milestone's first completion forward, and its lines set a task's
 * status unless a received report of a later period (same order as above) has a line for it.
 */
const AFTER_RECEIVED_SQL = `
  WITH milestones_advanced AS (
    UPDATE milestones m SET first_completed_on = c.completed_on
    FROM report_milestone_completions c
    WHERE c.report_id = $1 AND m.id = c.milestone_id AND (m.first_completed_on IS NULL OR m.first_completed_on > c.completed_on)
  )
  UPDATE tasks t SET latest_status = l.status
  FROM report_task_lines l
  JOIN milestone_reports r ON r.id = l.report_id
  JOIN reporting_periods pe ON pe.id = r.period_id
  WHERE l.report_id = $1 AND t.id = l.task_id AND t.latest_status IS DISTINCT FROM l.status
    AND NOT EXISTS (
      SELECT 1
      FROM report_task_lines later
      JOIN milestone_reports lr ON lr.id = later.report_id AND lr.status IN ${RECEIVED} AND lr.id <> r.id
      JOIN reporting_periods lpe ON lpe.id = lr.period_id
      WHERE later.task_id = l.task_id AND (lpe.end_date, lpe.start_date, lpe.id) > (pe.end_date, pe.start_date, pe.id))`;

export const STATE_SQL = { onePilot: stateSql(true), allPilots: stateSql(false), afterReceived: AFTER_RECEIVED_SQL } as const;
const STATE_LOCK = `hashtextextended('overdue-state', 0)`;

/** One query per type, each following DESIGN.md §2 to the day; the deadline day itself is not overdue. */
const OVERDUE_SQL: Record<OverdueType, string> = {
  milestone: `
    SELECT 'milestone' AS type, p.id AS pilot_id, p.code AS pilot_code, p.name_zh AS pilot_name, p.name_en AS pilot_name_en,
           t.id AS task_id, t.code AS task_code, m.id AS milestone_id, NULL::uuid AS period_id,
           m.title, m.due_date, ($1::date - m.due_date) AS days_overdue
    FROM milestones m
    JOIN tasks t ON t.id = m.task_id
    JOIN pilots p ON p.id = t.pilot_id
    WHERE m.due_date < $1::date AND ${OPEN_ITEM_SQL.milestoneOpen}`,
  task: `
    SELECT 'task' AS type, p.id AS pilot_id, p.code AS pilot_code, p.name_zh AS pilot_name, p.name_en AS pilot_name_en,
           t.id AS task_id, t.code AS task_code, NULL::uuid AS milestone_id, NULL::uuid AS period_id,
           t.title, t.due_date, ($1::date - t.due_date) AS days_overdue
    FROM tasks t
    JOIN pilots p ON p.id = t.pilot_id
    WHERE t.due_date < $1::date AND ${OPEN_ITEM_SQL.taskOpen}`,
  report: `
    SELECT 'report' AS type, p.id AS pilot_id, p.code AS pilot_code, p.name_zh AS pilot_name, p.name_en AS pilot_name_en,
           NULL::uuid AS task_id, NULL AS task_code, NULL::uuid AS milestone_id, pe.id AS period_id,
           pe.label AS title, pe.due_date, ($1::date - pe.due_date) AS days_overdue
    FROM reporting_periods pe
    CROSS JOIN pilots p
    WHERE pe.due_date < $1::date AND ${OPEN_ITEM_SQL.reportMissing}`,
};

interface OverdueRow {
  type: OverdueType;
  pilot_id: string;
  pilot_code: string;
  pilot_name: string;
  pilot_name_en: string;
  task_id: string | null;
  task_code: string | null;
  milestone_id: string | null;
  period_id: string | null;
  title: string;
  due_date: string;
  days_overdue: number;
}

/** Every query of the overdue feature. */
@Injectable()
export class OverdueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Overdue items ordered by days overdue (most first), then pilot code; all of them without `page`. */
  async list(filter: OverdueFilter, page?: { limit: number; offset: number }): Promise<{ items: OverdueItem[]; total: number }> {
    const params: unknown[] = [filter.asOf];
    const pilotConditions = this.pilotConditions(filter, params);
    const types = filter.type ? [filter.type] : OVERDUE_TYPES;
    const union = types.map((type) => `${OVERDUE_SQL[type]} ${pilotConditions}`).join('\nUNION ALL\n');
    // Days overdue, most first, is the deadline, earliest first: ordering by the deadline itself
    // lets PostgreSQL walk its index and stop at the page instead of sorting every open item.
    // The last keys only make the order total, so pages never overlap.
    const ordered = `SELECT * FROM (${union}) overdue ORDER BY due_date, pilot_code, title, type, task_code, milestone_id, period_id`;
    if (!page) {
      const rows = await this.dataSource.query<OverdueRow[]>(ordered, params);
      return { items: rows.map(toItem), total: rows.length };
    }
    const n = params.length;
    const rows = await this.dataSource.query<OverdueRow[]>(`${ordered} LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, page.limit, page.offset]);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM (${union}) overdue`, params);
    return { items: rows.map(toItem), total };
  }

  /**
   * Brings the state the overdue rules read up to date after a report of `pilotId` left
   * "received" (or, without a pilot, after period dates changed), in the caller's transaction.
   */
  async refreshState(manager: EntityManager, pilotId?: string): Promise<void> {
    if (pilotId === undefined) {
      await manager.query(`SELECT pg_advisory_xact_lock(${STATE_LOCK})`);
      await manager.query(STATE_SQL.allPilots);
    } else {
      await this.lockPilotState(manager, pilotId);
      await manager.query(STATE_SQL.onePilot, [pilotId]);
    }
  }

  /** Brings the state up to date after `reportId` of `pilotId` became received, in the caller's transaction. */
  async recordReceived(manager: EntityManager, pilotId: string, reportId: string): Promise<void> {
    await this.lockPilotState(manager, pilotId);
    await manager.query(STATE_SQL.afterReceived, [reportId]);
  }

  /**
   * Two transactions updating one pilot's state (two of its reports submitted at once) would
   * each compute from a snapshot without the other's report, and the later would write stale
   * state: they take turns. The lock is a statement of its own, because a statement's snapshot is
   * taken before it waits, so the statements after it see what the other committed. A refresh of
   * every pilot excludes them all.
   */
  private async lockPilotState(manager: EntityManager, pilotId: string): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock_shared(${STATE_LOCK}), pg_advisory_xact_lock(hashtextextended('overdue-state:' || $1, 0))`,
      [pilotId],
    );
  }

  /** `AND …` conditions on the pilot alias `p`, appending their values to `params`. */
  private pilotConditions(filter: OverdueFilter, params: unknown[]): string {
    const conditions: string[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.scope.pilotId !== undefined) add((n) => `p.id = ${n}`, filter.scope.pilotId);
    if (filter.scope.province !== undefined) add((n) => `(p.province_zh = ${n} OR p.province_en = ${n})`, filter.scope.province);
    if (filter.pilotId !== undefined) add((n) => `p.id = ${n}`, filter.pilotId);
    if (filter.province !== undefined) add((n) => `(p.province_zh = ${n} OR p.province_en = ${n})`, filter.province);
    if (filter.pilotIds !== undefined) add((n) => `p.id = ANY(${n}::uuid[])`, filter.pilotIds);
    return conditions.map((c) => `AND ${c}`).join(' ');
  }
}

function toItem(row: OverdueRow): OverdueItem {
  return {
    type: row.type,
    pilotId: row.pilot_id,
    pilotCode: row.pilot_code,
    pilotName: row.pilot_name,
    pilotNameEn: row.pilot_name_en,
    taskId: row.task_id,
    taskCode: row.task_code,
    milestoneId: row.milestone_id,
    periodId: row.period_id,
    title: row.title,
    dueDate: row.due_date,
    daysOverdue: Number(row.days_overdue),
  };
}
