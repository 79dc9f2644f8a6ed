import { randomBytes } from 'node:crypto';
import type { TestApp } from './app.js';
import type {
  Period,
  PeriodInput,
  Pilot,
  PilotInput,
  Report,
  ReportBody,
  Role,
  Task,
  TaskInput,
  User,
  UserInput,
} from './contract.js';
import { API, bodyOf } from './http.js';

/**
 * Builders for the records most tests need, each going through the HTTP API as the bootstrap
 * admin (so they exercise the contract too) and asserting that it answered as documented.
 */

let sequence = 0;
/** A value no other call in this process answers: `<prefix><time><sequence><random>`. */
export const uniq = (prefix: string): string =>
  `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}${randomBytes(2).toString('hex')}`;

export const USER_PASSWORD = 'Correct-Horse-9';

export async function createPilot(t: TestApp, over: Partial<PilotInput> = {}): Promise<Pilot> {
  const code = over.code ?? uniq('p-');
  const body: PilotInput = {
    code,
    kind: 'city',
    nameZh: `测试市${code}`,
    nameEn: `Test City ${code}`,
    provinceZh: '河北省',
    provinceEn: 'Hebei',
    ...over,
  };
  return bodyOf<Pilot>(await t.as(await t.adminToken()).post(`${API}/pilots`, body), 201);
}

export interface CreatedUser {
  user: User;
  token: string;
  email: string;
  password: string;
}

export async function createUser(t: TestApp, role: Role, over: Partial<UserInput> = {}): Promise<CreatedUser> {
  const email = over.email ?? `${uniq(role)}@example.test`;
  const password = over.password ?? USER_PASSWORD;
  const body: UserInput = { email, password, role, ...over };
  const user = bodyOf<User>(await t.as(await t.adminToken()).post(`${API}/users`, body), 201);
  return { user, token: await t.login(email, password), email, password };
}

export async function createPeriod(t: TestApp, over: Partial<PeriodInput> = {}): Promise<Period> {
  const body: PeriodInput = {
    label: uniq('P'),
    startDate: '2024-01-01',
    endDate: '2024-03-31',
    dueDate: '2024-04-15',
    ...over,
  };
  return bodyOf<Period>(await t.as(await t.adminToken()).post(`${API}/periods`, body), 201);
}

/** The body of a new task: by default two milestones and one indicator. */
export function taskInput(over: Partial<TaskInput> = {}): TaskInput {
  return {
    code: uniq('T'),
    title: '屋顶分布式光伏 rooftop PV',
    category: 'energy',
    dueDate: '2025-12-31',
    milestones: [
      { title: '完成选址 site survey', dueDate: '2024-03-31' },
      { title: '并网 grid connection', dueDate: '2025-06-30' },
    ],
    indicators: [
      {
        name: '非化石能源占比 non-fossil share',
        unit: '%',
        baseline: 10,
        baselineYear: 2020,
        target: 20,
        targetYear: 2030,
        direction: 'increase',
      },
    ],
    ...over,
  };
}

export async function createTask(t: TestApp, pilotId: string, over: Partial<TaskInput> = {}): Promise<Task> {
  const response = await t.as(await t.adminToken()).post(`${API}/pilots/${pilotId}/tasks`, taskInput(over));
  return bodyOf<Task>(response, 201);
}

export const reportPath = (pilotId: string, periodId: string): string =>
  `${API}/pilots/${pilotId}/periods/${periodId}/report`;

export const reportUrl = (reportId: string, action?: 'submit' | 'return' | 'accept' | 'revisions'): string =>
  action ? `${API}/reports/${reportId}/${action}` : `${API}/reports/${reportId}`;

/** A valid report on `task`: one task line completing its first milestone, one indicator value, one experience. */
export function reportBody(task: Task, over: Partial<ReportBody> = {}): ReportBody {
  return {
    summary: '本期进展顺利。Good progress this period.',
    tasks: [
      {
        taskId: task.id,
        status: 'on_track',
        percentComplete: 40,
        narrative: '已完成选址',
        completedMilestones: [{ milestoneId: task.milestones[0]!.id, completedOn: '2024-03-20' }],
      },
    ],
    indicators: [{ indicatorId: task.indicators[0]!.id, value: 12.5 }],
    experiences: [
      { title: '光伏整县推进模式', summary: 'County-wide rooftop PV with a single tender.', category: 'energy', tags: ['pv'] },
    ],
    ...over,
  };
}

/** A pilot with one task, a period, a user of that pilot and a reviewer. */
export interface World {
  pilot: Pilot;
  task: Task;
  period: Period;
  pilotUser: CreatedUser;
  reviewer: CreatedUser;
}

export interface WorldOptions {
  provinceZh?: string;
  provinceEn?: string;
  /** The reviewer's scope; unscoped by default. */
  reviewerProvince?: string;
  /** Reuse a period instead of creating one. */
  period?: Period;
}

export async function world(t: TestApp, options: WorldOptions = {}): Promise<World> {
  const pilot = await createPilot(t, {
    provinceZh: options.provinceZh ?? '河北省',
    provinceEn: options.provinceEn ?? 'Hebei',
  });
  const [task, period, pilotUser, reviewer] = await Promise.all([
    createTask(t, pilot.id),
    options.period ?? createPeriod(t),
    createUser(t, 'pilot', { pilotId: pilot.id }),
    createUser(t, 'reviewer', options.reviewerProvince ? { province: options.reviewerProvince } : {}),
  ]);
  return { pilot, task, period, pilotUser, reviewer };
}

/**
 * The same pilot, task and users in a new period: a fresh report slot, much cheaper than a new
 * world (which hashes two passwords).
 */
export async function inNewPeriod(t: TestApp, w: World): Promise<World> {
  return { ...w, period: await createPeriod(t) };
}

/** The report workflow of one world: the pilot user edits and submits, the reviewer decides. */
export function reportActions(t: TestApp, w: World) {
  const pilotUser = t.as(w.pilotUser.token);
  const reviewer = t.as(w.reviewer.token);
  return {
    get: () => pilotUser.get(reportPath(w.pilot.id, w.period.id)),
    put: (body: ReportBody = reportBody(w.task)) => pilotUser.put(reportPath(w.pilot.id, w.period.id), body),
    submit: (reportId: string) => pilotUser.post(reportUrl(reportId, 'submit')),
    return: (reportId: string, note = '请补充指标数据 Please add the indicator data') =>
      reviewer.post(reportUrl(reportId, 'return'), { note }),
    accept: (reportId: string, body: { note?: string } = {}) => reviewer.post(reportUrl(reportId, 'accept'), body),
  };
}

/** Creates the world's draft report (as its pilot user) and answers it with its ETag. */
export async function createDraft(t: TestApp, w: World, over: Partial<ReportBody> = {}): Promise<{ report: Report; etag: string }> {
  const response = await reportActions(t, w).put(reportBody(w.task, over));
  const report = bodyOf<Report>(response, 201);
  return { report, etag: String(response.headers.etag) };
}

/** Creates and submits the world's report. */
export async function createSubmitted(t: TestApp, w: World, over: Partial<ReportBody> = {}): Promise<Report> {
  const { report } = await createDraft(t, w, over);
  return bodyOf<Report>(await reportActions(t, w).submit(report.id), 200);
}
