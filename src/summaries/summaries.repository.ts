import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { PilotScope } from '../auth/access-scope.js';
import type { ReportStatus, ReviewDecision, TaskCategory, TaskProgressStatus } from '../common/domain.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { Pilot } from '../pilots/pilot.entity.js';
import type { SummaryListQuery } from './dto/summary.dto.js';
import { SummaryFile } from './entities/summary-file.entity.js';
import { SummaryReport } from './entities/summary-report.entity.js';

/** Downloads are read from PostgreSQL in slices of this size, never whole. */
const STREAM_CHUNK_BYTES = 1024 * 1024;

export interface PilotSelectionSql {
  province: string | null;
  pilotIds: string[] | null;
}

export interface ReportRow {
  id: string;
  pilotId: string;
  status: ReportStatus;
  revision: number;
  submittedAt: Date | null;
  summary: string | null;
}

export interface TaskPlanRow {
  id: string;
  pilotId: string;
  code: string;
  title: string;
  category: TaskCategory;
  dueDate: string;
  milestonesTotal: number;
  milestonesDue: number;
  milestonesCompleted: number;
}

export interface TaskLineRow {
  pilotId: string;
  taskId: string;
  status: TaskProgressStatus;
  percentComplete: number;
  narrative: string | null;
}

export interface IndicatorRowData {
  pilotId: string;
  taskCode: string;
  name: string;
  unit: string;
  baseline: number;
  baselineYear: number | null;
  target: number;
  targetYear: number;
  direction: 'increase' | 'decrease';
  latestValue: number | null;
}

export interface ReviewRow {
  reportId: string;
  decision: ReviewDecision;
  note: string | null;
  at: Date;
}

export interface ExperienceRow {
  pilotId: string;
  category: TaskCategory;
  title: string;
  summary: string;
  tags: string[];
  recommended: boolean;
}

const RECEIVED = `('submitted', 'accepted')`;

/** Every query of the summaries feature: the requests, their files, and what a PDF shows. */
@Injectable()
export class SummariesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Summaries not yet rendered (queued, or running under a worker that may have died), oldest first. */
  async unfinished(limit = 1000): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM summary_reports WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  findById(id: string): Promise<SummaryReport | null> {
    return this.dataSource.getRepository(SummaryReport).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<SummaryReport | null> {
    return manager.findOne(SummaryReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async list(query: SummaryListQuery, scope: PilotScope): Promise<Page<SummaryReport>> {
    const qb = this.dataSource.getRepository(SummaryReport).createQueryBuilder('s');
    if (scope.province !== undefined) {
      qb.andWhere('(s.province_zh = :scopeProvince OR s.province_en = :scopeProvince)', { scopeProvince: scope.province });
    }
    if (query.periodId) qb.andWhere('s.period_id = :periodId', { periodId: query.periodId });
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    const [items, total] = await qb.orderBy('s.created_at', 'DESC').addOrderBy('s.id').take(query.limit).skip(query.offset).getManyAndCount();
    return { items, total };
  }

  /** Both names of a province given by either, or null when no pilot is in it. */
  async resolveProvince(province: string): Promise<{ provinceZh: string; provinceEn: string } | null> {
    const pilot = await this.dataSource
      .getRepository(Pilot)
      .createQueryBuilder('p')
      .select(['p.provinceZh', 'p.provinceEn'])
      .where('p.province_zh = :province OR p.province_en = :province', { province })
      .getOne();
    return pilot ? { provinceZh: pilot.provinceZh, provinceEn: pilot.provinceEn } : null;
  }

  /** The pilots of a summary's scope, ordered by code. */
  pilotsInScope(selection: PilotSelectionSql): Promise<Pilot[]> {
    const qb = this.dataSource.getRepository(Pilot).createQueryBuilder('p');
    if (selection.province !== null) {
      qb.andWhere('(p.province_zh = :province OR p.province_en = :province)', { province: selection.province });
    }
    if (selection.pilotIds !== null) qb.andWhere('p.id IN (:...pilotIds)', { pilotIds: selection.pilotIds });
    return qb.orderBy('p.code', 'ASC').getMany();
  }

  reports(periodId: string, pilotIds: string[]): Promise<ReportRow[]> {
    return this.dataSource.query(
      `SELECT id, pilot_id AS "pilotId", status, revision, submitted_at AS "submittedAt", summary
       FROM milestone_reports WHERE period_id = $1 AND pilot_id = ANY($2::uuid[])`,
      [periodId, pilotIds],
    );
  }

  reviews(reportIds: string[]): Promise<ReviewRow[]> {
    return this.dataSource.query(
      `SELECT report_id AS "reportId", decision, note, at FROM report_reviews
       WHERE report_id = ANY($1::uuid[]) ORDER BY at, id`,
      [reportIds],
    );
  }

  /** Tasks with their milestone counts: due by the period's end, and completed by then in a received report. */
  async taskPlans(pilotIds: string[], periodEnd: string): Promise<TaskPlanRow[]> {
    const rows = await this.dataSource.query<TaskPlanRow[]>(
      `SELECT t.id, t.pilot_id AS "pilotId", t.code, t.title, t.category, t.due_date AS "dueDate",
              count(m.id)::int AS "milestonesTotal",
              count(m.id) FILTER (WHERE m.due_date <= $2)::int AS "milestonesDue",
              count(m.id) FILTER (WHERE m.due_date <= $2 AND EXISTS (
                SELECT 1 FROM report_milestone_completions c JOIN milestone_reports r ON r.id = c.report_id
                WHERE c.milestone_id = m.id AND r.status IN ${RECEIVED} AND c.completed_on <= $2))::int AS "milestonesCompleted"
       FROM tasks t LEFT JOIN milestones m ON m.task_id = t.id
       WHERE t.pilot_id = ANY($1::uuid[])
       GROUP BY t.id ORDER BY t.code`,
      [pilotIds, periodEnd],
    );
    return rows;
  }

  /** Task lines of the period's received reports. */
  taskLines(periodId: string, pilotIds: string[]): Promise<TaskLineRow[]> {
    return this.dataSource.query(
      `SELECT r.pilot_id AS "pilotId", l.task_id AS "taskId", l.status, l.percent_complete AS "percentComplete", l.narrative
       FROM report_task_lines l JOIN milestone_reports r ON r.id = l.report_id
       WHERE r.period_id = $1 AND r.pilot_id = ANY($2::uuid[]) AND r.status IN ${RECEIVED}`,
      [periodId, pilotIds],
    );
  }

  /** Indicators with the value of the latest received report of a period ending by this one's end. */
  async indicators(pilotIds: string[], periodEnd: string): Promise<IndicatorRowData[]> {
    const rows = await this.dataSource.query<IndicatorRowData[]>(
      `SELECT t.pilot_id AS "pilotId", t.code AS "taskCode", i.name, i.unit, i.baseline, i.baseline_year AS "baselineYear",
              i.target, i.target_year AS "targetYear", i.direction, latest.value AS "latestValue"
       FROM indicators i JOIN tasks t ON t.id = i.task_id
       LEFT JOIN LATERAL (
         SELECT v.value FROM report_indicator_values v
         JOIN milestone_reports r ON r.id = v.report_id
         JOIN reporting_periods pe ON pe.id = r.period_id
         WHERE v.indicator_id = i.id AND r.status IN ${RECEIVED} AND pe.end_date <= $2
         ORDER BY pe.end_date DESC LIMIT 1
       ) latest ON true
       WHERE t.pilot_id = ANY($1::uuid[])
       ORDER BY t.code, i.position`,
      [pilotIds, periodEnd],
    );
    return rows.map((row) => ({
      ...row,
      baseline: Number(row.baseline),
      target: Number(row.target),
      latestValue: row.latestValue === null ? null : Number(row.latestValue),
    }));
  }

  /** File names of the evidence attached to these reports, oldest first. */
  attachmentNames(reportIds: string[]): Promise<{ reportId: string; filename: string }[]> {
    return this.dataSource.query(
      `SELECT report_id AS "reportId", filename FROM report_attachments
       WHERE report_id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY created_at, id`,
      [reportIds],
    );
  }

  /** Experiences of the period's accepted reports, recommended first. */
  experiences(periodId: string, pilotIds: string[]): Promise<ExperienceRow[]> {
    return this.dataSource.query(
      `SELECT r.pilot_id AS "pilotId", e.category, e.title, e.summary, e.tags, e.recommended
       FROM experiences e JOIN milestone_reports r ON r.id = e.report_id
       WHERE r.period_id = $1 AND r.pilot_id = ANY($2::uuid[]) AND r.status = 'accepted'
       ORDER BY e.category, e.recommended DESC, e.title`,
      [periodId, pilotIds],
    );
  }

  /** Streams a stored PDF slice by slice; null when there is none. */
  async openFile(summaryId: string, bytes: number): Promise<Readable | null> {
    if (!(await this.dataSource.getRepository(SummaryFile).existsBy({ summaryId }))) return null;
    const dataSource = this.dataSource;
    async function* slices(): AsyncGenerator<Buffer> {
      for (let offset = 0; offset < bytes; offset += STREAM_CHUNK_BYTES) {
        const [row] = await dataSource.query<{ chunk: Buffer }[]>(
          'SELECT substring(content FROM $2 FOR $3) AS chunk FROM summary_files WHERE summary_id = $1',
          [summaryId, offset + 1, STREAM_CHUNK_BYTES],
        );
        if (!row) return;
        yield row.chunk;
      }
    }
    return Readable.from(slices());
  }
}
