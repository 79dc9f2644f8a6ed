import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { PilotScope } from '../auth/access-scope.js';
import type { IndicatorDirection, PilotKind, ReportStatus, TaskCategory, TaskProgressStatus } from '../common/domain.js';

/** Which pilots an export covers: the caller's scope, narrowed by the request's filters. */
export interface PilotSelection {
  scope: PilotScope;
  pilotId?: string;
  province?: string;
}

/**
 * The pilots of a selection, on the pilot alias `p`: $1 the scope's pilot, $2 the scope's
 * province, $3 the pilot filter, $4 the province filter (each null for "any").
 */
const SELECTED_PILOTS = `($1::uuid IS NULL OR p.id = $1)
  AND ($2::varchar IS NULL OR $2 IN (p.province_zh, p.province_en))
  AND ($3::uuid IS NULL OR p.id = $3)
  AND ($4::varchar IS NULL OR $4 IN (p.province_zh, p.province_en))`;

const selectionParams = (selection: PilotSelection): unknown[] => [
  selection.scope.pilotId ?? null,
  selection.scope.province ?? null,
  selection.pilotId ?? null,
  selection.province ?? null,
];

/**
 * Tasks in the import layout: one row per milestone and indicator, the n-th milestone and the
 * n-th indicator of a task sharing a row, and one row for a task with neither.
 */
const TASK_ROWS_SQL = `
  SELECT p.code AS pilot_code, t.code AS task_code, COALESCE(c.n, 1) = 1 AS first,
         t.title, t.category, t.lead_unit, t.start_date, t.due_date, t.description,
         c.milestone_title, c.milestone_due_date, c.indicator_name, c.indicator_unit,
         c.baseline, c.baseline_year, c.target, c.target_year, c.direction
  FROM tasks t
  JOIN pilots p ON p.id = t.pilot_id
  LEFT JOIN LATERAL (
    SELECT COALESCE(m.n, i.n) AS n, m.title AS milestone_title, m.due_date AS milestone_due_date,
           i.name AS indicator_name, i.unit AS indicator_unit, i.baseline, i.baseline_year, i.target, i.target_year, i.direction
    FROM (SELECT title, due_date, row_number() OVER (ORDER BY position, due_date, id) AS n
          FROM milestones WHERE task_id = t.id) m
    FULL JOIN (SELECT name, unit, baseline, baseline_year, target, target_year, direction,
                      row_number() OVER (ORDER BY position, id) AS n
               FROM indicators WHERE task_id = t.id) i ON i.n = m.n
  ) c ON true
  WHERE ${SELECTED_PILOTS}
  ORDER BY p.code, t.code, c.n`;

/** One row per task line of the reports in the selection; $5 the period filter. */
const REPORT_LINES_SQL = `
  SELECT pe.label AS period, p.code AS pilot_code, p.name_zh AS pilot_name_zh, p.name_en AS pilot_name_en,
         t.code AS task_code, t.title AS task_title, l.status, l.percent_complete,
         (SELECT string_agg(m.title || ' (' || c.completed_on::text || ')', '; ' ORDER BY m.position, m.due_date)
          FROM report_milestone_completions c JOIN milestones m ON m.id = c.milestone_id
          WHERE c.report_id = r.id AND m.task_id = l.task_id) AS milestones_completed,
         (SELECT string_agg(i.name || ': ' || v.value::text || CASE WHEN i.unit = '' THEN '' ELSE ' ' || i.unit END, '; ' ORDER BY i.position)
          FROM report_indicator_values v JOIN indicators i ON i.id = v.indicator_id
          WHERE v.report_id = r.id AND i.task_id = l.task_id) AS indicator_values,
         l.narrative, r.status AS report_status, r.submitted_at
  FROM milestone_reports r
  JOIN pilots p ON p.id = r.pilot_id
  JOIN reporting_periods pe ON pe.id = r.period_id
  JOIN report_task_lines l ON l.report_id = r.id
  JOIN tasks t ON t.id = l.task_id
  WHERE ${SELECTED_PILOTS} AND ($5::uuid IS NULL OR r.period_id = $5)
  ORDER BY pe.start_date DESC, pe.label, p.code, l.position`;

export interface TaskExportRow {
  pilot_code: string;
  task_code: string;
  /** The task's first row carries its own columns; the others only its milestone and indicator. */
  first: boolean;
  title: string;
  category: TaskCategory;
  lead_unit: string | null;
  start_date: string | null;
  due_date: string;
  description: string | null;
  milestone_title: string | null;
  milestone_due_date: string | null;
  indicator_name: string | null;
  indicator_unit: string | null;
  /** NUMERIC, as PostgreSQL writes it. */
  baseline: string | null;
  baseline_year: number | null;
  target: string | null;
  target_year: number | null;
  direction: IndicatorDirection | null;
}

export interface ReportLineRow {
  period: string;
  pilot_code: string;
  pilot_name_zh: string;
  pilot_name_en: string;
  task_code: string;
  task_title: string;
  status: TaskProgressStatus;
  percent_complete: number;
  milestones_completed: string | null;
  indicator_values: string | null;
  narrative: string | null;
  report_status: ReportStatus;
  submitted_at: Date | null;
}

export interface PilotNameRow {
  id: string;
  code: string;
  kind: PilotKind;
  nameZh: string;
  nameEn: string;
  provinceZh: string;
}

/** Every query of the exports feature; the large ones stream through a cursor. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  taskRows(selection: PilotSelection): AsyncGenerator<TaskExportRow> {
    return this.stream<TaskExportRow>(TASK_ROWS_SQL, selectionParams(selection));
  }

  reportLines(selection: PilotSelection, periodId: string | undefined): AsyncGenerator<ReportLineRow> {
    return this.stream<ReportLineRow>(REPORT_LINES_SQL, [...selectionParams(selection), periodId ?? null]);
  }

  async periodLabel(periodId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ label: string }[]>('SELECT label FROM reporting_periods WHERE id = $1', [periodId]);
    return row?.label ?? null;
  }

  /** Codes and names of pilots, for sheets that list them by id. */
  pilots(ids: string[]): Promise<PilotNameRow[]> {
    return this.dataSource.query(
      `SELECT id, code, kind, name_zh AS "nameZh", name_en AS "nameEn", province_zh AS "provinceZh"
       FROM pilots WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /**
   * The rows of a query as they arrive from a server-side cursor, never all at once. The
   * connection goes back to the pool when the rows run out or the reader stops early.
   */
  private async *stream<T>(sql: string, params: unknown[]): AsyncGenerator<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const rows = await runner.stream(sql, params);
      for await (const row of rows) yield row as T;
    } finally {
      await runner.release();
    }
  }
}
