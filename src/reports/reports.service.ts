import { BadRequestException, ConflictException, Injectable, NotFoundException, PreconditionFailedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { JobName } from '../jobs/job-catalogue.js';
import { JobQueue } from '../jobs/job-queue.service.js';
import { NotificationsService, type ReportEventKind } from '../notifications/notifications.service.js';
import { OverdueRepository } from '../overdue/overdue.repository.js';
import { ReportingPeriod } from '../periods/reporting-period.entity.js';
import { assertCanSeePilot } from '../auth/access-scope.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { isReceived } from '../common/domain.js';
import type { Page } from '../common/pagination/pagination.dto.js';
import { PilotsService } from '../pilots/pilots.service.js';
import type { ReportInput } from './dto/report-input.dto.js';
import type { ReportListQuery } from './dto/report-query.dto.js';
import type { ExperienceView, ReportListItem, ReportView, RevisionView } from './dto/report-response.dto.js';
import { Experience } from './entities/experience.entity.js';
import type { MilestoneReport } from './entities/milestone-report.entity.js';
import { ReportReview } from './entities/report-review.entity.js';
import { ifMatchSatisfied, reportEtag } from './etag.js';
import { referenceProblems } from './report-references.js';
import { assertCanPerform, statusAfter, type ReportAction } from './report-workflow.js';
import { reportView, ReportsRepository, writtenContent, type ReportBody } from './reports.repository.js';

export interface ReportWithEtag {
  report: ReportView;
  etag: string;
  created: boolean;
}

type ReviewDecisionAction = Extract<ReportAction, 'return' | 'accept'>;

/** What a transition's step did: the audit details, and the report's body when the step loaded it. */
interface AppliedStep {
  details: Record<string, unknown>;
  body?: ReportBody;
}

/** The notice each transition sends. */
const EVENT_OF: Partial<Record<ReportAction, ReportEventKind>> = {
  submit: 'report_submitted',
  return: 'report_returned',
  accept: 'report_accepted',
};

function assertOpen(period: Pick<ReportingPeriod, 'label' | 'closed'>): void {
  if (period.closed) throw new ConflictException(`Period ${period.label} is closed: reports can no longer be changed or submitted`);
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly pilots: PilotsService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly overdue: OverdueRepository,
  ) {}

  /**
   * Creates or replaces the pilot's draft for a period. The report row is locked for the whole
   * transaction, so concurrent writers with the same If-Match see exactly one winner.
   */
  async saveDraft(
    actor: Actor & { user: AuthUser },
    pilotId: string,
    periodId: string,
    input: ReportInput,
    ifMatch: string | undefined,
  ): Promise<ReportWithEtag> {
    await this.pilots.assertVisible(actor.user, pilotId);
    const result = await this.dataSource.transaction(async (manager) => {
      await this.assertPeriodOpen(manager, periodId);
      const problems = referenceProblems(input, await this.reports.loadPlan(manager, pilotId, input));
      if (problems.length) throw new BadRequestException(problems);

      const created = await this.reports.insertIfMissing(manager, pilotId, periodId);
      const report = (await this.reports.lockByPilotPeriod(manager, pilotId, periodId))!;
      if (ifMatch !== undefined && (created || !ifMatchSatisfied(ifMatch, reportEtag(report)))) {
        throw new PreconditionFailedException('The report has changed since it was read (If-Match does not match)');
      }
      assertCanPerform('edit', report.status);

      const experiences = await this.reports.replaceContent(manager, report.id, input);
      report.summary = input.summary ?? null;
      if (!created) report.version += 1;
      await this.reports.saveReport(manager, report);
      await this.audit.record(manager, actor, {
        action: created ? 'report.create' : 'report.update',
        entityType: 'report',
        entityId: report.id,
        details: { pilotId, periodId, tasks: input.tasks.length },
      });
      // The answer is built from what was written, not read back.
      const { reviews, attachments } = await this.reports.loadReviewsAndAttachments(manager, report.id);
      const view = reportView(report, writtenContent(input, experiences, attachments), reviews);
      return { report: view, etag: reportEtag(report), created };
    });
    return this.afterChange(result);
  }

  async getByPilotPeriod(user: AuthUser, pilotId: string, periodId: string): Promise<ReportWithEtag> {
    await this.pilots.findVisible(user, pilotId);
    const report = await this.reports.findByPilotPeriod(pilotId, periodId);
    if (!report) throw new NotFoundException('The pilot has no report for this period');
    return this.withEtag(report);
  }

  async get(user: AuthUser, id: string): Promise<ReportWithEtag> {
    return this.withEtag(await this.findVisible(user, id));
  }

  list(user: AuthUser, query: ReportListQuery): Promise<Page<ReportListItem>> {
    return this.reports.list(user, query);
  }

  async revisions(user: AuthUser, id: string, limit: number, offset: number): Promise<Page<RevisionView>> {
    await this.findVisible(user, id);
    return this.reports.revisions(id, limit, offset);
  }

  /** Freezes the content as a new immutable revision and hands the report to the reviewers. */
  submit(actor: Actor & { user: AuthUser }, id: string): Promise<ReportWithEtag> {
    return this.transition(actor, id, 'submit', async (manager, report) => {
      const submittedAt = new Date();
      report.revision += 1;
      report.submittedAt = submittedAt;
      const body = await this.reports.loadBody(manager, report);
      await this.reports.insertRevision(manager, { reportId: report.id, revision: report.revision, submittedAt, submittedBy: actor.user.id }, body.content);
      return { details: { revision: report.revision }, body };
    });
  }

  returnToPilot(actor: Actor & { user: AuthUser }, id: string, note: string): Promise<ReportWithEtag> {
    return this.review(actor, id, 'return', note);
  }

  accept(actor: Actor & { user: AuthUser }, id: string, note: string | undefined): Promise<ReportWithEtag> {
    return this.review(actor, id, 'accept', note);
  }

  async recommendExperience(
    actor: Actor & { user: AuthUser },
    reportId: string,
    experienceId: string,
    recommended: boolean,
  ): Promise<ExperienceView> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.lockVisible(manager, actor.user, reportId);
      assertCanPerform('recommend', report.status);
      const experience = await manager.findOneBy(Experience, { id: experienceId, reportId });
      if (!experience) throw new NotFoundException('Experience not found in this report');
      experience.recommended = recommended;
      await manager.save(experience);
      await this.audit.record(manager, actor, {
        action: 'experience.recommend',
        entityType: 'experience',
        entityId: experience.id,
        details: { reportId, recommended },
      });
      const { id, title, summary, category, tags } = experience;
      return { id, title, summary, category, tags, recommended };
    });
  }

  private review(actor: Actor & { user: AuthUser }, id: string, action: ReviewDecisionAction, note: string | undefined) {
    return this.transition(actor, id, action, async (manager, report) => {
      await manager.insert(ReportReview, {
        reportId: report.id,
        decision: action === 'return' ? 'returned' : 'accepted',
        note: note || null,
        reviewerId: actor.user.id,
        revision: report.revision,
      });
      return { details: { revision: report.revision, note: note || null } };
    });
  }

  /** Locks the report, checks the state machine, applies the step and moves the status on. */
  private async transition(
    actor: Actor & { user: AuthUser },
    id: string,
    action: ReportAction,
    apply: (manager: EntityManager, report: MilestoneReport) => Promise<AppliedStep>,
  ): Promise<ReportWithEtag> {
    const { result, notices } = await this.dataSource.transaction(async (manager) => {
      // Locks are always taken period first, then report, as saveDraft does, so that a
      // concurrent close, edit and submit cannot deadlock.
      let periodLabel: string | undefined;
      if (action === 'submit') {
        // No period means no report: lockVisible answers 404.
        const period = await this.reports.lockPeriodOfReportForShare(manager, id);
        if (period) assertOpen(period);
        periodLabel = period?.label;
      }
      const report = await this.lockVisible(manager, actor.user, id);
      const next = statusAfter(action, report.status);
      const { details, body } = await apply(manager, report);
      const from = report.status;
      report.status = next;
      report.version += 1;
      await this.reports.saveReport(manager, report);
      // The report's milestones and task lines start or stop counting as evidence for the overdue rules.
      if (!isReceived(from) && isReceived(next)) await this.overdue.recordReceived(manager, report.pilotId, report.id);
      if (isReceived(from) && !isReceived(next)) await this.overdue.refreshState(manager, report.pilotId);
      await this.audit.record(manager, actor, {
        action: `report.${action}`,
        entityType: 'report',
        entityId: report.id,
        details: { from, to: next, ...details },
      });
      const event = EVENT_OF[action];
      // The label for the notice: submit has it from the period it locked.
      periodLabel ??= (await manager.findOneByOrFail(ReportingPeriod, { id: report.periodId })).label;
      const notices = event
        ? await this.notifications.recordReportEvent(manager, {
            kind: event,
            reportId: report.id,
            pilot: report.pilot!,
            periodLabel,
            note: typeof details.note === 'string' ? details.note : null,
          })
        : [];
      // A step that loaded the body (submit, which changes neither content nor reviews) answers with it.
      const { content, reviews } = body ?? (await this.reports.loadBody(manager, report));
      const view = reportView(report, content, reviews);
      return { result: { report: view, etag: reportEtag(report), created: false }, notices };
    });
    await this.notifications.dispatch(notices);
    return this.afterChange(result);
  }

  /** After the commit, so the worker reads what was written; a Redis outage is caught up by reconcile. */
  private async afterChange(result: ReportWithEtag): Promise<ReportWithEtag> {
    // The pilot's every period: a milestone completed now also counts in the periods after this one.
    await this.jobs.enqueue(JobName.AggregatePilot, { pilotId: result.report.pilotId });
    return result;
  }

  private async assertPeriodOpen(manager: EntityManager, periodId: string): Promise<void> {
    const period = await this.reports.lockPeriodForShare(manager, periodId);
    if (!period) throw new NotFoundException('Period not found');
    assertOpen(period);
  }

  private async findVisible(user: AuthUser, id: string): Promise<MilestoneReport> {
    const report = await this.reports.findById(id);
    assertCanSeePilot(user, report?.pilot ?? null, 'Report');
    return report!;
  }

  private async lockVisible(manager: EntityManager, user: AuthUser, id: string): Promise<MilestoneReport> {
    const report = await this.reports.lockById(manager, id);
    assertCanSeePilot(user, report?.pilot ?? null, 'Report');
    return report!;
  }

  private async withEtag(report: MilestoneReport): Promise<ReportWithEtag> {
    return { report: await this.reports.loadView(this.dataSource.manager, report), etag: reportEtag(report), created: false };
  }
}
