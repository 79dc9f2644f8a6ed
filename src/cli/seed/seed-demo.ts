import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor, AuthUser } from '../../auth/auth-user.js';
import type { ReportStatus } from '../../common/domain.js';
import { PeriodsService } from '../../periods/periods.service.js';
import type { PeriodResponse } from '../../periods/dto/period.dto.js';
import type { Pilot } from '../../pilots/pilot.entity.js';
import type { ReportInput } from '../../reports/dto/report-input.dto.js';
import { ReportsService } from '../../reports/reports.service.js';
import type { TaskResponse } from '../../tasks/dto/task.dto.js';
import { TasksService } from '../../tasks/tasks.service.js';
import { UsersService } from '../../users/users.service.js';
import {
  DEMO_DOMAIN,
  DEMO_EXPERIENCES,
  DEMO_PASSWORD,
  DEMO_PERIODS,
  DEMO_PILOT_LOGINS,
  demoTasksFor,
} from './demo-plan.js';
import { importSampleTasks } from './seed-sample-import.js';

/** What a pilot's report for a period ends as; 'missing' means it never wrote one. */
type Outcome = 'missing' | ReportStatus | 'resubmitted';

export interface DemoLogin {
  email: string;
  role: string;
  note: string;
}

const SHANGHAI_OFFSET = '+08:00';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A spread of outcomes, deterministic so every demo database looks the same. */
function outcomeFor(pilotIndex: number, periodIndex: number): Outcome {
  const i = pilotIndex;
  switch (periodIndex) {
    case 0:
      return i % 12 === 11 ? 'missing' : i % 9 === 4 ? 'resubmitted' : 'accepted';
    case 1:
      return i % 10 === 9 ? 'missing' : i % 7 === 3 ? 'returned' : i % 6 === 2 ? 'submitted' : 'accepted';
    case 2:
      if (i % 7 === 6) return 'missing';
      if (i % 8 === 5) return 'draft';
      if (i % 5 === 1) return 'returned';
      return i % 3 === 0 ? 'accepted' : 'submitted';
    default:
      return i % 5 === 0 ? 'draft' : 'missing';
  }
}

function reportInputFor(
  pilotIndex: number,
  periodIndex: number,
  period: PeriodResponse,
  tasks: TaskResponse[],
  kindOfPilot: Pilot['kind'],
): ReportInput {
  const lines = tasks.map((task, taskIndex) => {
    const percent = Math.min(100, 10 + 22 * periodIndex + ((pilotIndex * 7 + taskIndex * 5) % 25));
    const status =
      percent === 100
        ? 'completed'
        : (pilotIndex + periodIndex + taskIndex) % 11 === 0
          ? 'delayed'
          : (pilotIndex + taskIndex) % 7 === 0
            ? 'at_risk'
            : 'on_track';
    const completedMilestones = task.milestones
      .filter((m) => m.dueDate <= period.endDate && (pilotIndex + taskIndex) % 6 !== 0)
      .map((m, k) => ({ milestoneId: m.id, completedOn: addDays(m.dueDate, ((pilotIndex + k) % 5) - 3) }))
      .filter((m) => m.completedOn <= period.endDate);
    return {
      taskId: task.id,
      status,
      percentComplete: percent,
      narrative: `第${periodIndex + 1}季度：按计划推进，累计完成${percent}%。Quarter ${periodIndex + 1}: ${percent}% done.`,
      completedMilestones,
    } as const;
  });
  const indicators = tasks.flatMap((task, taskIndex) =>
    task.indicators.map((indicator) => {
      const share = Math.min(1, (lines[taskIndex]!.percentComplete / 100) * 0.8);
      const value = indicator.baseline + (indicator.target - indicator.baseline) * share;
      return { indicatorId: indicator.id, value: Math.round(value * 100) / 100 };
    }),
  );
  const experiences =
    pilotIndex % 3 === periodIndex % 3
      ? DEMO_EXPERIENCES.filter((e, k) => (k + pilotIndex) % DEMO_EXPERIENCES.length === 0 || (kindOfPilot === 'park' && e.category === 'policy')).slice(0, 2)
      : [];
  return {
    summary: `本期各项任务总体按计划推进。Tasks progressed broadly to plan in ${period.label}.`,
    tasks: lines.map((l) => ({ ...l })),
    indicators,
    experiences: experiences.map((e) => ({ ...e, tags: [...e.tags] })),
  };
}

/**
 * Loads users, tasks, periods and reports in every state through the same services the API
 * uses, then moves submission and review times back to plausible dates around each deadline.
 */
export async function seedDemo(app: INestApplicationContext, pilots: Pilot[], adminEmail: string): Promise<DemoLogin[] | null> {
  const users = app.get(UsersService);
  if (await users.findByEmail(`reviewer@${DEMO_DOMAIN}`)) return null;
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const tasksService = app.get(TasksService);
  const periodsService = app.get(PeriodsService);
  const reports = app.get(ReportsService);

  const admin = await users.findByEmail(adminEmail);
  if (!admin) throw new Error(`The demo admin ${adminEmail} is missing`);
  const asActor = (user: AuthUser): Actor & { user: AuthUser } => ({ user, ip: null });
  const adminActor = asActor(admin);

  const reviewer = await users.create(
    { email: `reviewer@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'reviewer', displayName: '国家发展改革委 审核员' },
    adminActor,
  );
  const hebeiReviewer = await users.create(
    { email: `reviewer.hebei@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'reviewer', province: '河北省', displayName: '河北省发展改革委 审核员' },
    adminActor,
  );
  const reviewerActor = asActor({ ...reviewer });
  const logins: DemoLogin[] = [
    { email: adminEmail, role: 'admin', note: 'manages pilots, tasks, periods and users' },
    { email: reviewer.email, role: 'reviewer', note: 'national reviewer, every province' },
    { email: hebeiReviewer.email, role: 'reviewer', note: 'scoped to 河北省 (Hebei)' },
  ];
  const pilotActors = new Map<string, Actor & { user: AuthUser }>();
  for (const code of DEMO_PILOT_LOGINS) {
    const pilot = pilots.find((p) => p.code === code);
    if (!pilot) continue;
    const user = await users.create(
      { email: `${code}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD, role: 'pilot', pilotId: pilot.id, displayName: `${pilot.nameZh} 发展改革局` },
      adminActor,
    );
    pilotActors.set(pilot.id, asActor({ ...user }));
    logins.push({ email: user.email, role: 'pilot', note: `${pilot.nameZh} ${pilot.nameEn}` });
  }

  const periods: PeriodResponse[] = [];
  for (const period of DEMO_PERIODS) periods.push(await periodsService.create({ ...period }, adminActor));

  for (const [pilotIndex, pilot] of pilots.entries()) {
    const tasks: TaskResponse[] = [];
    for (const task of demoTasksFor(pilot.kind)) {
      tasks.push(await tasksService.create(pilot.id, structuredClone(task), adminActor));
    }
    const author = pilotActors.get(pilot.id) ?? adminActor;
    for (const [periodIndex, period] of periods.entries()) {
      const outcome = outcomeFor(pilotIndex, periodIndex);
      if (outcome === 'missing') continue;
      const input = reportInputFor(pilotIndex, periodIndex, period, tasks, pilot.kind);
      const { report } = await reports.saveDraft(author, pilot.id, period.id, input, undefined);
      if (outcome === 'draft') continue;

      const late = pilotIndex % 4 === 2;
      const submittedOn = addDays(period.dueDate, late ? 3 : -4);
      await reports.submit(author, report.id);
      await backdateSubmission(dataSource, report.id, 1, `${submittedOn}T10:00:00${SHANGHAI_OFFSET}`);
      if (outcome === 'submitted') continue;

      if (outcome === 'returned' || outcome === 'resubmitted') {
        await reports.returnToPilot(reviewerActor, report.id, '请补充指标数据的统计口径和佐证材料。Please state how the indicator values were measured.');
        await backdateReview(dataSource, report.id, 1, `${addDays(submittedOn, 3)}T15:00:00${SHANGHAI_OFFSET}`);
        if (outcome === 'returned') continue;
        await reports.saveDraft(author, pilot.id, period.id, { ...input, summary: `${input.summary} 已按审核意见补充说明。` }, undefined);
        await reports.submit(author, report.id);
        await backdateSubmission(dataSource, report.id, 2, `${addDays(submittedOn, 6)}T10:00:00${SHANGHAI_OFFSET}`);
      }
      const accepted = await reports.accept(reviewerActor, report.id, '同意。Accepted.');
      await backdateReview(dataSource, report.id, accepted.report.revision, `${addDays(submittedOn, 8)}T16:00:00${SHANGHAI_OFFSET}`);
      if (periodIndex === 0 && accepted.report.experiences.length > 0) {
        await reports.recommendExperience(reviewerActor, report.id, accepted.report.experiences[0]!.id, true);
      }
    }
  }
  console.log(await importSampleTasks(app, adminActor));
  return logins;
}

async function backdateSubmission(dataSource: DataSource, reportId: string, revision: number, at: string): Promise<void> {
  await dataSource.query('UPDATE milestone_reports SET submitted_at = $2 WHERE id = $1', [reportId, at]);
  await dataSource.query('UPDATE report_revisions SET submitted_at = $3 WHERE report_id = $1 AND revision = $2', [reportId, revision, at]);
}

async function backdateReview(dataSource: DataSource, reportId: string, revision: number, at: string): Promise<void> {
  await dataSource.query('UPDATE report_reviews SET at = $3 WHERE report_id = $1 AND revision = $2', [reportId, revision, at]);
}
