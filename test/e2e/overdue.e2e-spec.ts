import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keptStateDrift } from '../helpers/kept-state.js';
import type { Report, TaskProgressStatus } from '../helpers/contract.js';
import { createPeriod, createPilot, createTask, createUser, reportActions, reportBody, world, type World } from '../helpers/factories.js';
import { readWorkbook } from '../fixtures/spreadsheets.js';
import { API, bodyOf } from '../helpers/http.js';

interface OverdueItem {
  type: 'milestone' | 'task' | 'report';
  pilotId: string;
  pilotCode: string;
  pilotName: string;
  taskId: string | null;
  milestoneId: string | null;
  periodId: string | null;
  title: string;
  dueDate: string;
  daysOverdue: number;
}
interface OverdueList {
  asOf: string;
  total: number;
  items: OverdueItem[];
}

/**
 * DESIGN.md §2 to the day. The world: a task due on the leap day 2024-02-29 with milestones due
 * 2024-02-28 and 2025-06-30, and a period whose report is due 2024-04-15.
 */
describe('overdue list', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  async function leapWorld(): Promise<World> {
    const period = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-03-31', dueDate: '2024-04-15' });
    const pilot = await createPilot(t);
    const task = await createTask(t, pilot.id, {
      dueDate: '2024-02-29',
      milestones: [
        { title: '完成选址 site survey', dueDate: '2024-02-28' },
        { title: '并网 grid connection', dueDate: '2025-06-30' },
      ],
    });
    const pilotUser = await createUser(t, 'pilot', { pilotId: pilot.id });
    const reviewer = await createUser(t, 'reviewer');
    return { pilot, task, period, pilotUser, reviewer };
  }

  const list = async (query: string, token = admin) => bodyOf<OverdueList>(await t.as(token).get(`${API}/overdue?${query}`), 200);
  /** The world's own items: periods are shared by every pilot, so other tests' periods are left out. */
  const forPilot = async (w: World, asOf: string, extra = ''): Promise<OverdueList> => {
    const all = await list(`asOf=${asOf}&pilotId=${w.pilot.id}&limit=500${extra}`);
    const items = all.items.filter((i) => i.type !== 'report' || i.periodId === w.period.id);
    return { ...all, items, total: items.length };
  };
  const kinds = (l: OverdueList) => l.items.map((i) => `${i.type}:${i.daysOverdue}`).sort();

  it('never counts the deadline day itself, and counts leap days', async () => {
    const w = await leapWorld();
    expect(kinds(await forPilot(w, '2024-02-28'))).toEqual([]);
    expect(kinds(await forPilot(w, '2024-02-29'))).toEqual(['milestone:1']);
    expect(kinds(await forPilot(w, '2024-03-01'))).toEqual(['milestone:2', 'task:1']);
    expect(kinds(await forPilot(w, '2024-04-15'))).toEqual(['milestone:47', 'task:46']);
    expect(kinds(await forPilot(w, '2024-04-16'))).toEqual(['milestone:48', 'report:1', 'task:47']);
  });

  it('takes evidence only from submitted or accepted reports, completed by the as-of date', async () => {
    const w = await leapWorld();
    const actions = reportActions(t, w);
    const body = reportBody(w.task, {
      tasks: [{ taskId: w.task.id, status: 'completed', percentComplete: 100, completedMilestones: [{ milestoneId: w.task.milestones[0]!.id, completedOn: '2024-03-10' }] }],
    });
    const draft = bodyOf<Report>(await actions.put(body), 201);
    // A draft claiming everything done is no evidence.
    expect(kinds(await forPilot(w, '2024-04-16'))).toEqual(['milestone:48', 'report:1', 'task:47']);

    bodyOf<Report>(await actions.submit(draft.id), 200);
    // The milestone counts as done only from its completion date on.
    expect(kinds(await forPilot(w, '2024-03-05'))).toEqual(['milestone:6']);
    expect(kinds(await forPilot(w, '2024-04-16'))).toEqual([]);

    // A returned report is no evidence either.
    bodyOf<Report>(await actions.return(draft.id), 200);
    expect(kinds(await forPilot(w, '2024-04-16'))).toEqual(['milestone:48', 'report:1', 'task:47']);
  });

  it('takes a task\'s status from the received report of the latest period that covers it', async () => {
    const w = await leapWorld();
    const later = await createPeriod(t, { startDate: '2024-04-01', endDate: '2024-06-30', dueDate: '2024-07-15' });
    const earlyBody = reportBody(w.task, { tasks: [{ taskId: w.task.id, status: 'completed', percentComplete: 100 }] });
    const early = bodyOf<Report>(await t.as(w.pilotUser.token).put(`${API}/pilots/${w.pilot.id}/periods/${w.period.id}/report`, earlyBody), 201);
    bodyOf<Report>(await t.as(w.pilotUser.token).post(`${API}/reports/${early.id}/submit`), 200);
    expect((await forPilot(w, '2024-08-01', '&type=task')).total).toBe(0);

    const laterBody = reportBody(w.task, { tasks: [{ taskId: w.task.id, status: 'delayed', percentComplete: 90 }] });
    const next = bodyOf<Report>(await t.as(w.pilotUser.token).put(`${API}/pilots/${w.pilot.id}/periods/${later.id}/report`, laterBody), 201);
    bodyOf<Report>(await t.as(w.pilotUser.token).post(`${API}/reports/${next.id}/submit`), 200);
    expect(kinds(await forPilot(w, '2024-08-01', '&type=task'))).toEqual(['task:154']);
  });

  it('keeps the later period\'s status, and the earliest completion, when an earlier period is submitted last', async () => {
    const w = await leapWorld();
    const later = await createPeriod(t, { startDate: '2024-04-01', endDate: '2024-06-30', dueDate: '2024-07-15' });
    const [survey] = w.task.milestones;
    const submit = async (periodId: string, status: TaskProgressStatus, completedOn: string) => {
      const line = { taskId: w.task.id, status, percentComplete: 50, completedMilestones: [{ milestoneId: survey!.id, completedOn }] };
      const report = bodyOf<Report>(await t.as(w.pilotUser.token).put(`${API}/pilots/${w.pilot.id}/periods/${periodId}/report`, reportBody(w.task, { tasks: [line] })), 201);
      bodyOf<Report>(await t.as(w.pilotUser.token).post(`${API}/reports/${report.id}/submit`), 200);
    };
    await submit(later.id, 'delayed', '2024-04-10');
    await submit(w.period.id, 'completed', '2024-03-05');

    // The task is still open (the later period says delayed); the survey counts from 5 March.
    expect(kinds(await forPilot(w, '2024-08-01', '&type=task'))).toEqual(['task:154']);
    expect(kinds(await forPilot(w, '2024-03-04', '&type=milestone'))).toEqual(['milestone:5']);
    expect(kinds(await forPilot(w, '2024-03-05', '&type=milestone'))).toEqual([]);
    expect(await keptStateDrift(t.app.get(DataSource), w.pilot.id)).toEqual([]);
  });

  it('follows period date edits, and keeps its stored state equal to a recount from the report history', async () => {
    const w = await leapWorld();
    const later = await createPeriod(t, { startDate: '2024-04-01', endDate: '2024-06-30', dueDate: '2024-07-15' });
    const submit = async (periodId: string, status: TaskProgressStatus) => {
      const body = reportBody(w.task, { tasks: [{ taskId: w.task.id, status, percentComplete: 50 }] });
      const report = bodyOf<Report>(await t.as(w.pilotUser.token).put(`${API}/pilots/${w.pilot.id}/periods/${periodId}/report`, body), 201);
      bodyOf<Report>(await t.as(w.pilotUser.token).post(`${API}/reports/${report.id}/submit`), 200);
    };
    await submit(w.period.id, 'completed');
    await submit(later.id, 'delayed');
    expect(kinds(await forPilot(w, '2024-08-01', '&type=task'))).toEqual(['task:154']);

    // Moved before the first period, the "later" period is no longer the task's latest.
    bodyOf(await t.as(admin).patch(`${API}/periods/${later.id}`).send({ startDate: '2023-10-01', endDate: '2023-12-31', dueDate: '2024-01-15' }), 200);
    expect(kinds(await forPilot(w, '2024-08-01', '&type=task'))).toEqual([]);

    // The state the transitions keep, against the rules evaluated over the whole report history.
    const drift = await keptStateDrift(t.app.get(DataSource));
    expect(drift).toEqual([]);
  });

  it('orders by days overdue, then pilot code, filters by type, and pages', async () => {
    const w = await leapWorld();
    const all = await forPilot(w, '2024-05-01');
    expect(all.items.map((i) => i.daysOverdue)).toEqual([...all.items.map((i) => i.daysOverdue)].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({ type: 'milestone', pilotCode: w.pilot.code, taskId: w.task.id, milestoneId: w.task.milestones[0]!.id, dueDate: '2024-02-28' });
    const reports = await forPilot(w, '2024-05-01', '&type=report');
    expect(reports.items).toEqual([expect.objectContaining({ type: 'report', periodId: w.period.id, title: w.period.label, daysOverdue: 16 })]);
    const unpaged = await list(`asOf=2024-05-01&pilotId=${w.pilot.id}&limit=500`);
    const page = await list(`asOf=2024-05-01&pilotId=${w.pilot.id}&limit=1&offset=1`);
    expect(page).toMatchObject({ asOf: '2024-05-01', total: unpaged.total });
    expect(page.items).toEqual([unpaged.items[1]]);

    const everyone = await list('asOf=2030-01-01&limit=500');
    const order = everyone.items.map((i) => [i.daysOverdue, i.pilotCode] as const);
    for (let i = 1; i < order.length; i++) {
      const [prevDays, prevCode] = order[i - 1]!;
      const [days, code] = order[i]!;
      expect(prevDays > days || (prevDays === days && prevCode <= code)).toBe(true);
    }
  });

  it('exports CSV with a BOM and a header row', async () => {
    const w = await leapWorld();
    const response = await t.as(admin).get(`${API}/overdue?asOf=2024-05-01&pilotId=${w.pilot.id}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const text = response.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('pilot_code');
    const json = await list(`asOf=2024-05-01&pilotId=${w.pilot.id}&limit=500`);
    expect(lines).toHaveLength(1 + json.total);
    expect(lines[1]).toContain(w.pilot.code);
    expect(lines.some((line) => line.includes(w.task.milestones[0]!.id) && line.includes('2024-02-28'))).toBe(true);
  });

  it('exports the same items as an xlsx workbook', async () => {
    const w = await leapWorld();
    const response = await t.as(admin).get(`${API}/overdue?asOf=2024-05-01&pilotId=${w.pilot.id}&format=xlsx`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const { workbook } = await readWorkbook(response.body as Buffer);
    const sheet = workbook.worksheets[0]!;
    const json = await list(`asOf=2024-05-01&pilotId=${w.pilot.id}&limit=500`);
    expect(sheet.rowCount).toBe(1 + json.total);
    expect(String(sheet.getRow(1).getCell(2).value)).toContain('pilot_code');
  });

  it('keeps each caller to its scope and refuses bad filters', async () => {
    const hebei: World = await world(t, { reviewerProvince: 'Hebei' });
    const shanxi: World = await world(t, { provinceZh: '山西省', provinceEn: 'Shanxi' });
    const asOf = 'asOf=2030-01-01&limit=500';
    const own = await list(asOf, hebei.pilotUser.token);
    expect(new Set(own.items.map((i) => i.pilotId))).toEqual(new Set([hebei.pilot.id]));
    const scoped = await list(asOf, hebei.reviewer.token);
    expect(scoped.items.some((i) => i.pilotId === shanxi.pilot.id)).toBe(false);
    expect(scoped.items.some((i) => i.pilotId === hebei.pilot.id)).toBe(true);
    expect((await list(`${asOf}&province=山西省`)).items.every((i) => i.pilotId !== hebei.pilot.id)).toBe(true);

    for (const bad of ['type=everything', 'asOf=2024-02-30', 'format=pdf', 'pilotId=nope', 'limit=0']) {
      expect((await t.as(admin).get(`${API}/overdue?${bad}`)).status).toBe(400);
    }
    expect((await t.http.get(`${API}/overdue`)).status).toBe(401);
  });
});
