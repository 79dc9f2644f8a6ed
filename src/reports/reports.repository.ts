import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { filterByProvince, scopeToCaller } from '../auth/access-scope.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { ReportingPeriod } from '../periods/reporting-period.entity.js';
import type { ReportInput } from './dto/report-input.dto.js';
import type { ReportListQuery } from './dto/report-query.dto.js';
import type { AttachmentView } from '../attachments/dto/attachment.dto.js';
import type {
  ExperienceView,
  ReportContent,
  ReportListItem,
  ReportView,
  RevisionView,
  ReviewView,
  TaskProgressView,
} from './dto/report-response.dto.js';
import { MilestoneReport } from './entities/milestone-report.entity.js';
import { ReportRevision } from './entities/report-revision.entity.js';
import { referencedIds, type PilotPlan } from './report-references.js';

/** Which of the referenced tasks, milestones and indicators belong to the pilot (with their task). */
const PLAN_SQL = `
  SELECT 'task' AS kind, id, id AS task_id FROM tasks WHERE pilot_id = $1 AND id = ANY($2::uuid[])
  UNION ALL
  SELECT 'milestone', m.id, m.task_id FROM milestones m JOIN tasks t ON t.id = m.task_id WHERE t.pilot_id = $1 AND m.id = ANY($3::uuid[])
  UNION ALL
  SELECT 'indicator', i.id, i.task_id FROM indicators i JOIN tasks t ON t.id = i.task_id WHERE t.pilot_id = $1 AND i.id = ANY($4::uuid[])`;

/** Empties a report's task lines, milestone completions and indicator values, in one statement. */
const DELETE_CONTENT_SQL = `
  WITH completions AS (DELETE FROM report_milestone_completions WHERE report_id = $1),
       lines AS (DELETE FROM report_task_lines WHERE report_id = $1)
  DELETE FROM report_indicator_values WHERE report_id = $1`;

/** Lines, completions and indicator values from the body's JSON, in one statement; positions follow the body. */
const INSERT_CONTENT_SQL = `
  WITH lines AS (
    INSERT INTO report_task_lines (report_id, task_id, status, percent_complete, narrative, position)
    SELECT $1::uuid, (l->>'taskId')::uuid, (l->>'status')::task_progress_status, (l->>'percentComplete')::smallint, l->>'narrative', n - 1
    FROM jsonb_array_elements($2::jsonb->'tasks') WITH ORDINALITY AS x(l, n)
  ), completions AS (
    INSERT INTO report_milestone_completions (report_id, milestone_id, completed_on)
    SELECT $1::uuid, (c->>'milestoneId')::uuid, (c->>'completedOn')::date
    FROM jsonb_array_elements($2::jsonb->'tasks') WITH ORDINALITY AS x(l, n),
         jsonb_array_elements(l->'completedMilestones') WITH ORDINALITY AS y(c, m)
    ORDER BY n, m
  )
  INSERT INTO report_indicator_values (report_id, indicator_id, value, note, position)
  SELECT $1::uuid, (v->>'indicatorId')::uuid, (v->>'value')::numeric, v->>'note', n - 1
  FROM jsonb_array_elements($2::jsonb->'indicators') WITH ORDINALITY AS x(v, n)`;

/**
 * Replaces a report's experiences with the body's, in one statement. The first experience of the
 * body with a title the report already has keeps that row (its id and recommendation); the other
 * rows go, the rest are new. Answers them in the body's order.
 */
const REPLACE_EXPERIENCES_SQL = `
  WITH input AS (
    SELECT e->>'title' AS title, e->>'summary' AS summary, (e->>'category')::experience_category AS category,
           ARRAY(SELECT jsonb_array_elements_text(e->'tags')) AS tags, (n - 1)::smallint AS position,
           row_number() OVER (PARTITION BY e->>'title' ORDER BY n) AS nth
    FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, n)
  ), existing AS (
    SELECT DISTINCT ON (title) id, title FROM experiences WHERE report_id = $1::uuid ORDER BY title, position, id
  ), matched AS (
    SELECT x.id, i.summary, i.category, i.tags, i.position FROM input i JOIN existing x ON x.title = i.title WHERE i.nth = 1
  ), dropped AS (
    DELETE FROM experiences WHERE report_id = $1::uuid AND id NOT IN (SELECT id FROM matched)
  ), kept AS (
    UPDATE experiences e SET summary = m.summary, category = m.category, tags = m.tags, position = m.position
    FROM matched m WHERE e.id = m.id
    RETURNING e.id, e.title, e.summary, e.category, e.tags, e.recommended, e.position
  ), added AS (
    INSERT INTO experiences (report_id, title, summary, category, tags, position)
    SELECT $1::uuid, i.title, i.summary, i.category, i.tags, i.position FROM input i
    WHERE i.position NOT IN (SELECT position FROM matched)
    RETURNING id, title, summary, category, tags, recommended, position
  )
  SELECT id, title, summary, category::text AS category, tags, recommended
  FROM (SELECT * FROM kept UNION ALL SELECT * FROM added) e ORDER BY position`;

type ReportPart = 'line' | 'completion' | 'value' | 'experience' | 'attachment' | 'review';
const PART_COLUMNS = {
  id: 'uuid',
  ref: 'uuid',
  a: 'text',
  b: 'text',
  c: 'text',
  num: 'numeric',
  day: 'date',
  at: 'timestamptz',
  tags: 'text[]',
  flag: 'boolean',
  ord: 'integer',
  tie: 'uuid',
} as const;
type PartColumn = keyof typeof PART_COLUMNS;

/** One part of a report as rows of the shape every part shares, so one statement reads any set of parts. */
function partSql(kind: ReportPart, from: string, values: Partial<Record<PartColumn, string>>): string {
  const columns = Object.entries(PART_COLUMNS).map(([column, type]) => `(${values[column as PartColumn] ?? 'NULL'})::${type} AS ${column}`);
  return `SELECT '${kind}'::text AS kind, ${columns.join(', ')} FROM ${from}`;
}

/**
 * What a report holds besides its row, by part; `$1` is the report. Each part is ordered as the
 * API shows it: lines and values in the body's order, completions by date, experiences in the
 * body's order, attachments and reviews oldest first.
 */
const REPORT_PART_SQL: Record<ReportPart, string> = {
  line: partSql('line', 'report_task_lines WHERE report_id = $1', {
    id: 'task_id', a: 'status', b: 'narrative', num: 'percent_complete', ord: 'position',
  }),
  completion: partSql('completion', 'report_milestone_completions c JOIN milestones m ON m.id = c.milestone_id WHERE c.report_id = $1', {
    id: 'c.milestone_id', ref: 'm.task_id', day: 'c.completed_on',
  }),
  value: partSql('value', 'report_indicator_values WHERE report_id = $1', { id: 'indicator_id', b: 'note', num: 'value', ord: 'position' }),
  experience: partSql('experience', 'experiences WHERE report_id = $1', {
    id: 'id', a: 'title', b: 'summary', c: 'category', tags: 'tags', flag: 'recommended', ord: 'position',
  }),
  attachment: partSql('attachment', 'report_attachments WHERE report_id = $1 AND deleted_at IS NULL', {
    id: 'id', ref: 'uploaded_by', a: 'filename', b: 'content_type', c: 'sha256', num: 'bytes', at: 'created_at', tie: 'id',
  }),
  review: partSql('review', 'report_reviews WHERE report_id = $1', {
    id: 'id', ref: 'reviewer_id', a: 'decision', b: 'note', num: 'revision', at: 'at', tie: 'id',
  }),
};

function reportPartsSql(parts: readonly ReportPart[]): string {
  return `${parts.map((part) => REPORT_PART_SQL[part]).join('\nUNION ALL\n')}\nORDER BY kind, ord, day, at, tie`;
}
const REPORT_BODY_SQL = reportPartsSql(['line', 'completion', 'value', 'experience', 'attachment', 'review']);
const REVIEWS_AND_ATTACHMENTS_SQL = reportPartsSql(['attachment', 'review']);

interface ReportPartRow {
  kind: ReportPart;
  id: string;
  ref: string | null;
  a: string | null;
  b: string | null;
  c: string | null;
  num: string | null;
  day: string | null;
  at: Date | null;
  tags: string[] | null;
  flag: boolean | null;
}

/** What a report holds besides its row, as the API shows it. */
export interface ReportBody {
  content: ReportContent;
  reviews: ReviewView[];
}

/** The report's body from its part rows (in REPORT_PART_SQL's order); `summary` comes from the report row. */
function toReportBody(summary: string | null, rows: ReportPartRow[]): ReportBody {
  const content: ReportContent = { summary, tasks: [], indicators: [], experiences: [], attachments: [] };
  const reviews: ReviewView[] = [];
  const completions: ReportPartRow[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case 'line':
        content.tasks.push({
          taskId: row.id,
          status: row.a as TaskProgressView['status'],
          percentComplete: Number(row.num),
          narrative: row.b,
          completedMilestones: [],
        });
        break;
      case 'completion':
        completions.push(row);
        break;
      case 'value':
        content.indicators.push({ indicatorId: row.id, value: Number(row.num), note: row.b });
        break;
      case 'experience':
        content.experiences.push({
          id: row.id,
          title: row.a!,
          summary: row.b!,
          category: row.c as ExperienceView['category'],
          tags: row.tags!,
          recommended: row.flag!,
        });
        break;
      case 'attachment':
        content.attachments.push({
          id: row.id,
          filename: row.a!,
          contentType: row.b as AttachmentView['contentType'],
          bytes: Number(row.num),
          sha256: row.c!,
          uploadedBy: row.ref!,
          createdAt: row.at!.toISOString(),
        });
        break;
      case 'review':
        reviews.push({
          decision: row.a as ReviewView['decision'],
          note: row.b,
          reviewerId: row.ref!,
          revision: Number(row.num),
          at: row.at!.toISOString(),
        });
        break;
    }
  }
  const lineOfTask = new Map(content.tasks.map((line) => [line.taskId, line]));
  for (const completion of completions) {
    lineOfTask.get(completion.ref!)?.completedMilestones.push({ milestoneId: completion.id, completedOn: completion.day! });
  }
  return { content, reviews };
}

/** The content a save wrote, as a read would answer it: lines and values in the body's order, completions by date. */
export function writtenContent(input: ReportInput, experiences: ExperienceView[], attachments: AttachmentView[]): ReportContent {
  return {
    summary: input.summary ?? null,
    tasks: input.tasks.map((line) => ({
      taskId: line.taskId,
      status: line.status,
      percentComplete: line.percentComplete,
      narrative: line.narrative ?? null,
      // A stable sort: equal dates keep the order they were inserted in.
      completedMilestones: (line.completedMilestones ?? [])
        .map((m) => ({ milestoneId: m.milestoneId, completedOn: m.completedOn }))
        .sort((x, y) => (x.completedOn < y.completedOn ? -1 : x.completedOn > y.completedOn ? 1 : 0)),
    })),
    indicators: (input.indicators ?? []).map((v) => ({ indicatorId: v.indicatorId, value: v.value, note: v.note ?? null })),
    experiences,
    attachments,
  };
}

/** The API's view of a report: its row, what it holds and its reviews. */
export function reportView(report: MilestoneReport, content: ReportContent, reviews: ReviewView[]): ReportView {
  return {
    id: report.id,
    pilotId: report.pilotId,
    periodId: report.periodId,
    status: report.status,
    revision: report.revision,
    ...content,
    submittedAt: report.submittedAt?.toISOString() ?? null,
    reviews,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
  };
}

/** Every query of the reports feature. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The part of a pilot's plan that a report body refers to, in one statement. */
  async loadPlan(manager: EntityManager, pilotId: string, input: ReportInput): Promise<PilotPlan> {
    const ids = referencedIds(input);
    const rows =
      ids.taskIds.length || ids.milestoneIds.length || ids.indicatorIds.length
        ? await manager.query<{ kind: 'task' | 'milestone' | 'indicator'; id: string; task_id: string }[]>(PLAN_SQL, [
            pilotId,
            ids.taskIds,
            ids.milestoneIds,
            ids.indicatorIds,
          ])
        : [];
    const of = (kind: string) => rows.filter((row) => row.kind === kind);
    return {
      taskIds: new Set(of('task').map((row) => row.id)),
      milestoneTask: new Map(of('milestone').map((row) => [row.id, row.task_id])),
      indicatorTask: new Map(of('indicator').map((row) => [row.id, row.task_id])),
    };
  }

  /** Share-locks the period so it cannot be closed while a report of it changes. */
  async lockPeriodForShare(manager: EntityManager, periodId: string): Promise<Pick<ReportingPeriod, 'label' | 'closed'> | null> {
    const rows = await manager.query<Pick<ReportingPeriod, 'label' | 'closed'>[]>(
      'SELECT label, closed FROM reporting_periods WHERE id = $1 FOR SHARE',
      [periodId],
    );
    return rows[0] ?? null;
  }

  /** Share-locks the period of a report, found and locked in one statement; null when there is no such report. */
  async lockPeriodOfReportForShare(manager: EntityManager, reportId: string): Promise<Pick<ReportingPeriod, 'label' | 'closed'> | null> {
    const rows = await manager.query<Pick<ReportingPeriod, 'label' | 'closed'>[]>(
      `SELECT label, closed FROM reporting_periods
       WHERE id = (SELECT period_id FROM milestone_reports WHERE id = $1) FOR SHARE`,
      [reportId],
    );
    return rows[0] ?? null;
  }

  /** Creates the pilot's report for the period unless it exists; true when this call created it. */
  async insertIfMissing(manager: EntityManager, pilotId: string, periodId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'INSERT INTO milestone_reports (pilot_id, period_id) VALUES ($1, $2) ON CONFLICT (pilot_id, period_id) DO NOTHING RETURNING id',
      [pilotId, periodId],
    );
    return rows.length > 0;
  }

  lockByPilotPeriod(manager: EntityManager, pilotId: string, periodId: string): Promise<MilestoneReport | null> {
    return manager.findOne(MilestoneReport, { where: { pilotId, periodId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the report row (not its pilot) and loads the pilot for the scope check. */
  lockById(manager: EntityManager, id: string): Promise<MilestoneReport | null> {
    return manager
      .createQueryBuilder(MilestoneReport, 'r')
      .innerJoinAndSelect('r.pilot', 'p')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['r'])
      .getOne();
  }

  /**
   * Writes the report row's changed fields (the caller holds its lock) in one `UPDATE … RETURNING`,
   * instead of the ORM's SELECT then UPDATE; takes `updated_at` back from the database.
   */
  async saveReport(manager: EntityManager, report: MilestoneReport): Promise<void> {
    const [rows] = await manager.query<[{ updated_at: Date }[], number]>(
      `UPDATE milestone_reports SET summary = $2, status = $3, revision = $4, submitted_at = $5, version = $6, updated_at = now()
       WHERE id = $1 RETURNING updated_at`,
      [report.id, report.summary, report.status, report.revision, report.submittedAt, report.version],
    );
    report.updatedAt = rows[0]!.updated_at;
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<MilestoneReport | null> {
    return manager.findOne(MilestoneReport, { where: { id }, relations: { pilot: true } });
  }

  findByPilotPeriod(pilotId: string, periodId: string): Promise<MilestoneReport | null> {
    return this.dataSource.manager.findOne(MilestoneReport, { where: { pilotId, periodId } });
  }

  /**
   * Replaces what the pilot wrote; experiences with an unchanged title keep their id and
   * recommendation. Answers the experiences as stored, in the body's order.
   */
  async replaceContent(manager: EntityManager, reportId: string, input: ReportInput): Promise<ExperienceView[]> {
    await manager.query(DELETE_CONTENT_SQL, [reportId]);
    const content = {
      tasks: input.tasks.map((line) => ({
        taskId: line.taskId,
        status: line.status,
        percentComplete: line.percentComplete,
        narrative: line.narrative ?? null,
        completedMilestones: (line.completedMilestones ?? []).map((m) => ({ milestoneId: m.milestoneId, completedOn: m.completedOn })),
      })),
      indicators: (input.indicators ?? []).map((v) => ({ indicatorId: v.indicatorId, value: v.value, note: v.note ?? null })),
    };
    if (content.tasks.length || content.indicators.length) await manager.query(INSERT_CONTENT_SQL, [reportId, JSON.stringify(content)]);
    return this.replaceExperiences(manager, reportId, input);
  }

  private async replaceExperiences(manager: EntityManager, reportId: string, input: ReportInput): Promise<ExperienceView[]> {
    const experiences = (input.experiences ?? []).map((e) => ({ title: e.title, summary: e.summary, category: e.category, tags: e.tags ?? [] }));
    return manager.query<ExperienceView[]>(REPLACE_EXPERIENCES_SQL, [reportId, JSON.stringify(experiences)]);
  }

  /** What the report holds besides its row, and its reviews, in one statement. */
  async loadBody(manager: EntityManager, report: Pick<MilestoneReport, 'id' | 'summary'>): Promise<ReportBody> {
    return toReportBody(report.summary, await manager.query<ReportPartRow[]>(REPORT_BODY_SQL, [report.id]));
  }

  /** Freezes the content as the report's revision. */
  async insertRevision(
    manager: EntityManager,
    revision: Pick<ReportRevision, 'reportId' | 'revision' | 'submittedAt' | 'submittedBy'>,
    content: ReportContent,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO report_revisions (report_id, revision, submitted_at, submitted_by, content) VALUES ($1, $2, $3, $4, $5)',
      [revision.reportId, revision.revision, revision.submittedAt, revision.submittedBy, JSON.stringify(content)],
    );
  }

  async loadView(manager: EntityManager, report: MilestoneReport): Promise<ReportView> {
    const { content, reviews } = await this.loadBody(manager, report);
    return reportView(report, content, reviews);
  }

  /**
   * The report's reviews and current attachments, in one statement: what a save answers besides
   * what it wrote. Both change only under the report's row lock, so the caller holds it.
   */
  async loadReviewsAndAttachments(
    manager: EntityManager,
    reportId: string,
  ): Promise<{ reviews: ReviewView[]; attachments: AttachmentView[] }> {
    const { content, reviews } = toReportBody(null, await manager.query<ReportPartRow[]>(REVIEWS_AND_ATTACHMENTS_SQL, [reportId]));
    return { reviews, attachments: content.attachments };
  }

  async list(user: AuthUser, query: ReportListQuery): Promise<Page<ReportListItem>> {
    const qb = this.dataSource
      .getRepository(MilestoneReport)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.pilot', 'p')
      .innerJoinAndSelect('r.period', 'pe');
    scopeToCaller(qb, user, 'p');
    filterByProvince(qb, query.province, 'p');
    if (query.periodId) qb.andWhere('r.period_id = :periodId', { periodId: query.periodId });
    if (query.pilotId) qb.andWhere('r.pilot_id = :pilotId', { pilotId: query.pilotId });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    const [reports, total] = await qb
      .orderBy('pe.start_date', 'DESC')
      .addOrderBy('pe.label', 'ASC')
      .addOrderBy('p.code', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return {
      items: reports.map((r) => ({
        id: r.id,
        pilotId: r.pilotId,
        pilotCode: r.pilot!.code,
        pilotNameZh: r.pilot!.nameZh,
        pilotNameEn: r.pilot!.nameEn,
        periodId: r.periodId,
        periodLabel: r.period!.label,
        status: r.status,
        revision: r.revision,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
      total,
    };
  }

  async revisions(reportId: string, limit: number, offset: number): Promise<Page<RevisionView>> {
    const [revisions, total] = await this.dataSource.getRepository(ReportRevision).findAndCount({
      where: { reportId },
      order: { revision: 'ASC' },
      take: limit,
      skip: offset,
    });
    return {
      items: revisions.map((r) => ({
        revision: r.revision,
        submittedAt: r.submittedAt.toISOString(),
        submittedBy: r.submittedBy,
        content: r.content as unknown as ReportContent,
      })),
      total,
    };
  }
}
