import { DataSource } from 'typeorm';
import { todayIn } from '../../src/common/time.js';
import { JobName } from '../../src/jobs/job-catalogue.js';
import { JobQueue } from '../../src/jobs/job-queue.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Period, Report, ReportBody, Task } from '../helpers/contract.js';
import {
  createDraft,
  createPeriod,
  createSubmitted,
  createUser,
  reportActions,
  reportBody,
  world,
  type World,
} from '../helpers/factories.js';
import { API, bodyOf } from '../helpers/http.js';
import { eventually, startTestWorker, waitForQueuesIdle } from '../helpers/workers.js';

interface Progress {
  expected: number;
  received: number;
  accepted: number;
  returned: number;
  draft: number;
  missing: number;
  onTime: number;
  late: number;
  completeness: number;
  timeliness: number;
  tasksByStatus: Record<string, number>;
  milestones: { due: number; completed: number };
  byProvince: { provinceZh: string; provinceEn: string; expected: number; received: number; onTime: number }[];
  byCategory: { category: string; tasks: number; completed: number; avgPercentComplete: number | null; milestonesDue: number; milestonesCompleted: number }[];
  byPilot: { pilotId: string; reportStatus: string; onTime: boolean; tasksTotal: number; tasksCompleted: number; avgPercentComplete: number | null }[];
  aggregatedAt: string;
}

/** One line per task completing the first milestone, with the given status and percentage. */
function lineFor(task: Task, status: ReportBody['tasks'][number]['status'], percentComplete: number): ReportBody {
  return reportBody(task, {
    tasks: [{ taskId: task.id, status, percentComplete, completedMilestones: [{ milestoneId: task.milestones[0]!.id, completedOn: '2024-03-20' }] }],
  });
}

describe('period progress (aggregated by the workers, DESIGN.md §2)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  async function progressOf(period: Period, token = admin, query = ''): Promise<Progress> {
    await waitForQueuesIdle(t.app);
    return bodyOf<Progress>(await t.as(token).get(`${API}/periods/${period.id}/progress${query}`), 200);
  }

  describe('a period due today, with a report in every state', () => {
    let period: Period;
    let hebei: World[];
    let shanxi: World[];

    beforeAll(async () => {
      // Due today in the app's time zone: submissions made now are on time (the deadline day counts).
      period = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-03-31', dueDate: todayIn('Asia/Shanghai') });
      hebei = await Promise.all([0, 1, 2].map(() => world(t, { period, reviewerProvince: '河北省' })));
      shanxi = await Promise.all([0, 1].map(() => world(t, { period, provinceZh: '山西省', provinceEn: 'Shanxi' })));
      const [submitted, accepted, returned] = hebei as [World, World, World];
      const [draft] = shanxi as [World, World];

      await createSubmitted(t, submitted, lineFor(submitted.task, 'on_track', 40));
      const acceptedReport = await createSubmitted(t, accepted, lineFor(accepted.task, 'completed', 100));
      bodyOf<Report>(await reportActions(t, accepted).accept(acceptedReport.id), 200);
      const returnedReport = await createSubmitted(t, returned, lineFor(returned.task, 'delayed', 10));
      bodyOf<Report>(await reportActions(t, returned).return(returnedReport.id), 200);
      // A draft claiming a milestone done is no evidence.
      await createDraft(t, draft, lineFor(draft.task, 'completed', 100));
      // shanxi[1] writes nothing.
    });

    it('counts expected, received, accepted, returned, draft, missing, on time and late', async () => {
      const p = await progressOf(period);
      expect(p).toMatchObject({
        expected: 5,
        received: 2,
        accepted: 1,
        returned: 1,
        draft: 1,
        missing: 3,
        onTime: 2,
        late: 0,
        completeness: 2 / 5,
        timeliness: 2 / 5,
      });
      expect(p.aggregatedAt).toMatch(/Z$/);
    });

    it('counts only the task lines and milestones of received reports', async () => {
      const p = await progressOf(period);
      expect(p.tasksByStatus).toEqual({ not_started: 0, on_track: 1, at_risk: 0, delayed: 0, completed: 1 });
      // Every pilot has one milestone due by the period's end; only the two received reports count.
      expect(p.milestones).toEqual({ due: 5, completed: 2 });
      expect(p.byCategory).toEqual([
        { category: 'energy', tasks: 2, completed: 1, tasksByStatus: expect.any(Object), avgPercentComplete: 70, milestonesDue: 5, milestonesCompleted: 2 },
      ]);
    });

    it('breaks the figures down by province and by pilot', async () => {
      const p = await progressOf(period);
      expect(p.byProvince.map((row) => [row.provinceEn, row.expected, row.received, row.onTime])).toEqual([
        ['Hebei', 3, 2, 2],
        ['Shanxi', 2, 0, 0],
      ]);
      const byPilot = new Map(p.byPilot.map((row) => [row.pilotId, row]));
      expect(byPilot.get(hebei[0]!.pilot.id)).toMatchObject({ reportStatus: 'submitted', onTime: true, tasksTotal: 1, tasksCompleted: 0, avgPercentComplete: 40 });
      expect(byPilot.get(hebei[1]!.pilot.id)).toMatchObject({ reportStatus: 'accepted', tasksCompleted: 1, avgPercentComplete: 100 });
      expect(byPilot.get(hebei[2]!.pilot.id)).toMatchObject({ reportStatus: 'returned', onTime: false, tasksTotal: 0 });
      expect(byPilot.get(shanxi[0]!.pilot.id)).toMatchObject({ reportStatus: 'draft', onTime: false });
      expect(byPilot.get(shanxi[1]!.pilot.id)).toMatchObject({ reportStatus: 'none', avgPercentComplete: null });
    });

    it('narrows to a province by either of its names, and to the caller\'s scope', async () => {
      expect((await progressOf(period, admin, '?province=山西省')).expected).toBe(2);
      expect((await progressOf(period, admin, '?province=Shanxi')).expected).toBe(2);
      expect((await progressOf(period, admin, '?province=Nowhere')).expected).toBe(0);
      const scopedReviewer = hebei[0]!.reviewer.token;
      expect(await progressOf(period, scopedReviewer)).toMatchObject({ expected: 3, received: 2 });
      const pilotUser = shanxi[1]!.pilotUser.token;
      const own = await progressOf(period, pilotUser);
      expect(own).toMatchObject({ expected: 1, missing: 1 });
      expect(own.byPilot.map((row) => row.pilotId)).toEqual([shanxi[1]!.pilot.id]);
    });

    it('reflects a later submission once the workers have run', async () => {
      const before = await progressOf(period);
      const draft = shanxi[0]!;
      const saved = bodyOf<Report>(await reportActions(t, draft).put(lineFor(draft.task, 'completed', 100)), 200);
      bodyOf<Report>(await reportActions(t, draft).submit(saved.id), 200);
      const after = await progressOf(period);
      expect(after.received).toBe(before.received + 1);
      expect(after.draft).toBe(before.draft - 1);
      expect(after.milestones.completed).toBe(before.milestones.completed + 1);
      expect(Date.parse(after.aggregatedAt)).toBeGreaterThan(Date.parse(before.aggregatedAt));
    });
  });

  describe('timeliness at the deadline', () => {
    it('is on time up to 24:00 of the due day in the app time zone, late after', async () => {
      const period = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-03-31', dueDate: '2024-04-15' });
      const province = { provinceZh: '时区省', provinceEn: 'Timezone' };
      const [onTheDay, dayAfter, lateResubmission] = await Promise.all([0, 1, 2].map(() => world(t, { period, ...province })));
      const reports = await Promise.all([onTheDay!, dayAfter!, lateResubmission!].map((w) => createSubmitted(t, w)));
      const dataSource = t.app.get(DataSource);
      const submittedAt = (report: Report, at: string) =>
        dataSource.query('UPDATE milestone_reports SET submitted_at = $2 WHERE id = $1', [report.id, at]);
      // 23:59 on 15 April in Shanghai is 15:59 UTC; 00:01 on 16 April is 16:01 UTC.
      await submittedAt(reports[0]!, '2024-04-15T15:59:00Z');
      await submittedAt(reports[1]!, '2024-04-15T16:01:00Z');
      // On time at first, returned, then resubmitted after the deadline: the latest submission counts.
      await submittedAt(reports[2]!, '2024-04-14T02:00:00Z');
      bodyOf<Report>(await reportActions(t, lateResubmission!).return(reports[2]!.id), 200);
      bodyOf<Report>(await reportActions(t, lateResubmission!).submit(reports[2]!.id), 200);
      await waitForQueuesIdle(t.app);
      await submittedAt(reports[2]!, '2024-04-20T02:00:00Z');
      // The times were rewritten behind the application's back: drop the stored figures so the
      // next read aggregates what is stored now.
      await dataSource.query('DELETE FROM period_aggregations WHERE period_id = $1', [period.id]);

      const p = await progressOf(period, admin, '?province=Timezone');
      const onTime = new Map(p.byPilot.map((row) => [row.pilotId, row.onTime]));
      expect(onTime.get(onTheDay!.pilot.id)).toBe(true);
      expect(onTime.get(dayAfter!.pilot.id)).toBe(false);
      expect(onTime.get(lateResubmission!.pilot.id)).toBe(false);
      expect(p).toMatchObject({ expected: 3, received: 3, onTime: 1, late: 2, timeliness: 1 / 3 });
    });

    it('counts a period never aggregated, and answers 404 for an unknown one', async () => {
      const period = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-01-31', dueDate: '2024-02-10' });
      expect((await progressOf(period)).received).toBe(0);
      expect((await t.as(admin).get(`${API}/periods/00000000-0000-4000-8000-000000000000/progress`)).status).toBe(404);
      const reviewer = await createUser(t, 'reviewer');
      expect((await t.as(reviewer.token).get(`${API}/periods/${period.id}/progress?foo=1`)).status).toBe(400);
    });
  });

  describe('a pilot\'s figures across periods', () => {
    // Each test its own province, so the figures are its pilot's alone.
    let province = { provinceZh: '', provinceEn: '' };
    beforeEach(() => {
      const n = Math.random().toString(36).slice(2, 8);
      province = { provinceZh: `跨期省${n}`, provinceEn: `Across ${n}` };
    });
    const inProvince = async (period: Period) => progressOf(period, admin, `?province=${encodeURIComponent(province.provinceEn)}`);
    const own = async (period: Period, w: World) => (await inProvince(period)).byPilot.find((p) => p.pilotId === w.pilot.id);
    const milestonesOf = async (period: Period) => (await inProvince(period)).milestones;

    it('counts a milestone completed in one period\'s report in the later periods too', async () => {
      const first = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-03-31', dueDate: '2024-04-15' });
      const second = await createPeriod(t, { startDate: '2024-04-01', endDate: '2024-06-30', dueDate: '2024-07-15' });
      const w = await world(t, { period: first, ...province });
      // Both periods aggregated before the report exists.
      expect(await milestonesOf(second)).toEqual({ due: 1, completed: 0 });
      await createSubmitted(t, w);
      expect(await milestonesOf(first)).toEqual({ due: 1, completed: 1 });
      expect(await milestonesOf(second)).toEqual({ due: 1, completed: 1 });
      expect((await own(second, w))?.reportStatus).toBe('none');
    });

    it('follows an edit of the pilot\'s plan without any report changing', async () => {
      const period = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-03-31', dueDate: '2024-04-15' });
      const w = await world(t, { period, ...province });
      expect(await milestonesOf(period)).toEqual({ due: 1, completed: 0 });
      const [first, second] = w.task.milestones;
      const moved = { milestones: [{ id: first!.id, title: first!.title, dueDate: '2024-06-30' }, { id: second!.id, title: second!.title, dueDate: second!.dueDate }] };
      bodyOf(await t.as(admin).patch(`${API}/tasks/${w.task.id}`).send(moved), 200);
      expect(await milestonesOf(period)).toEqual({ due: 0, completed: 0 });
    });

    it('catches up a pilot whose report changed while its job was lost', async () => {
      const period = await createPeriod(t, { startDate: '2024-01-01', endDate: '2024-03-31', dueDate: '2024-04-15' });
      const w = await world(t, { period, ...province });
      await createSubmitted(t, w);
      expect((await own(period, w))?.reportStatus).toBe('submitted');
      // A change the workers were never told of (its job lost with Redis's data, say).
      await t.app.get(DataSource).query(`UPDATE milestone_reports SET status = 'returned', updated_at = clock_timestamp() WHERE pilot_id = $1`, [w.pilot.id]);
      const reconcile = await t.app.get(JobQueue).enqueue(JobName.ReconcileAggregations, {});
      expect(reconcile).toBe(true);
      await eventually(async () => (await own(period, w))?.reportStatus === 'returned');
    });
  });

  describe('when Redis is unreachable at submission time', () => {
    /** An API process whose Redis is away, sharing the database with a healthy worker later. */
    const startOfflineApi = () =>
      startTestApp({ APP_ROLE: 'api', REDIS_URL: 'redis://127.0.0.1:1', DATABASE_URL: t.databaseUrl, JWT_SECRET: t.config.jwt.secret });

    it('still commits the submission, and a worker catches up without anyone acting', async () => {
      const offline = await startOfflineApi();
      try {
        const period = await createPeriod(t);
        const w = await world(t, { period, provinceZh: '离线省', provinceEn: 'Offline' });
        const offlineAdmin = await offline.adminToken();
        const read = async (app: TestApp, token: string) =>
          bodyOf<Progress>(await app.as(token).get(`${API}/periods/${period.id}/progress?province=Offline`), 200);
        expect((await read(offline, offlineAdmin)).received).toBe(0);

        const draft = bodyOf<Report>(await offline.as(w.pilotUser.token).put(`${API}/pilots/${w.pilot.id}/periods/${period.id}/report`, reportBody(w.task)), 201);
        bodyOf<Report>(await offline.as(w.pilotUser.token).post(`${API}/reports/${draft.id}/submit`), 200);
        // Nothing could be queued, so the stored figures are behind.
        expect((await read(offline, offlineAdmin)).received).toBe(0);

        const worker = await startTestWorker({ ...t.config, queuePrefix: `${t.config.queuePrefix}-catch-up` });
        try {
          await eventually(async () => (await read(offline, offlineAdmin)).received === 1);
        } finally {
          await worker.close();
        }
      } finally {
        await offline.close();
      }
    });

    it('still saves a plan edit, and a worker catches up with it without anyone acting', async () => {
      const offline = await startOfflineApi();
      try {
        const period = await createPeriod(t);
        const w = await world(t, { period, provinceZh: '改划省', provinceEn: 'Replanned' });
        const offlineAdmin = await offline.adminToken();
        const dueMilestones = async () =>
          bodyOf<Progress>(await offline.as(offlineAdmin).get(`${API}/periods/${period.id}/progress?province=Replanned`), 200).milestones.due;
        const before = await dueMilestones();

        // One more milestone, long due: the period's figures should count it.
        const milestones = [{ title: '早期调研 early survey', dueDate: '2000-01-31' }, ...w.task.milestones.map(({ title, dueDate }) => ({ title, dueDate }))];
        bodyOf(await offline.as(offlineAdmin).patch(`${API}/tasks/${w.task.id}`).send({ milestones }), 200);
        expect(await dueMilestones()).toBe(before);

        const worker = await startTestWorker({ ...t.config, queuePrefix: `${t.config.queuePrefix}-plan-catch-up` });
        try {
          await eventually(async () => (await dueMilestones()) === before + 1);
        } finally {
          await worker.close();
        }
      } finally {
        await offline.close();
      }
    });
  });
});
