import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Page, Period, Pilot, Report, Task } from '../helpers/contract.js';
import {
  createPeriod,
  createPilot,
  createSubmitted,
  createTask,
  createUser,
  inNewPeriod,
  reportBody,
  reportPath,
  reportUrl,
  taskInput,
  uniq,
  world,
  type CreatedUser,
  type World,
} from '../helpers/factories.js';
import { API, bodyOf, expectError, type Api } from '../helpers/http.js';

/**
 * The role matrix of API.md: admins manage everything; reviewers read and decide within their
 * scope (a province, matched against a pilot's Chinese or English name, or everything);
 * pilot users see and edit only their own pilot. Anything outside a caller's scope answers
 * the same 404 as an unknown id.
 */
describe('roles and scopes', () => {
  let t: TestApp;
  let admin: Api;
  /** A Hebei pilot and a Shanxi pilot sharing a period, each with a submitted report. */
  let hebei: World;
  let shanxi: World;
  let hebeiReport: Report;
  let shanxiReport: Report;
  let period: Period;
  let reviewer: CreatedUser;
  let reviewerEn: CreatedUser;
  let reviewerZh: CreatedUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
    period = await createPeriod(t);
    [hebei, shanxi] = await Promise.all([
      world(t, { provinceZh: '河北省', provinceEn: 'Hebei', period }),
      world(t, { provinceZh: '山西省', provinceEn: 'Shanxi', period }),
    ]);
    [hebeiReport, shanxiReport, reviewer, reviewerEn, reviewerZh] = await Promise.all([
      createSubmitted(t, hebei),
      createSubmitted(t, shanxi),
      createUser(t, 'reviewer'),
      createUser(t, 'reviewer', { province: 'Hebei' }),
      createUser(t, 'reviewer', { province: '河北省' }),
    ]);
  });
  afterAll(() => t?.close());

  const as = (user: CreatedUser) => t.as(user.token);

  describe('managing users, pilots, tasks and periods is for admins only', () => {
    const actions: [string, (api: Api) => ReturnType<Api['get']>][] = [
      ['POST /users', (api) => api.post(`${API}/users`, { email: `${uniq('x')}@example.test`, password: 'Long-Enough-1', role: 'reviewer' })],
      ['GET /users', (api) => api.get(`${API}/users`)],
      ['PATCH /users/:id', (api) => api.patch(`${API}/users/${reviewer.user.id}`, { displayName: 'hijacked' })],
      ['POST /pilots', (api) => api.post(`${API}/pilots`, {
        code: uniq('x-'), kind: 'city', nameZh: '某市', nameEn: 'Some City', provinceZh: '河北省', provinceEn: 'Hebei',
      })],
      ['PATCH /pilots/:id', (api) => api.patch(`${API}/pilots/${hebei.pilot.id}`, { nameEn: 'hijacked' })],
      ['POST /pilots/:pilotId/tasks', (api) => api.post(`${API}/pilots/${hebei.pilot.id}/tasks`, taskInput())],
      ['PATCH /tasks/:id', (api) => api.patch(`${API}/tasks/${hebei.task.id}`, { title: 'hijacked' })],
      ['POST /periods', (api) => api.post(`${API}/periods`, {
        label: uniq('P'), startDate: '2024-01-01', endDate: '2024-01-31', dueDate: '2024-02-15',
      })],
      ['POST /periods/:id/close', (api) => api.post(`${API}/periods/${period.id}/close`)],
      ['POST /periods/:id/reopen', (api) => api.post(`${API}/periods/${period.id}/reopen`)],
    ];

    describe.each([
      ['an unscoped reviewer', () => reviewer],
      ['a province-scoped reviewer', () => reviewerEn],
      ['a pilot user', () => hebei.pilotUser],
    ])('%s', (_who, user) => {
      it.each(actions)('gets 403 for %s', async (_action, request) => {
        expectError(await request(as(user())), 403);
      });
    });

    it('left everything unchanged', async () => {
      expect(bodyOf<Pilot>(await admin.get(`${API}/pilots/${hebei.pilot.id}`), 200).nameEn).toBe(hebei.pilot.nameEn);
      expect(bodyOf<Task>(await admin.get(`${API}/tasks/${hebei.task.id}`), 200).title).toBe(hebei.task.title);
      const periods = bodyOf<Page<Period>>(await admin.get(`${API}/periods?limit=500`), 200);
      expect(periods.items.find((p) => p.id === period.id)).toMatchObject({ closed: false });
    });
  });

  describe('reading pilots and tasks', () => {
    const visiblePilots = async (user: CreatedUser) =>
      bodyOf<Page<Pilot>>(await as(user).get(`${API}/pilots?limit=500`), 200).items.map((p) => p.id);

    it('admins and unscoped reviewers see every pilot', async () => {
      for (const ids of [
        bodyOf<Page<Pilot>>(await admin.get(`${API}/pilots?limit=500`), 200).items.map((p) => p.id),
        await visiblePilots(reviewer),
      ]) {
        expect(ids).toEqual(expect.arrayContaining([hebei.pilot.id, shanxi.pilot.id]));
      }
      expect(await as(reviewer).get(`${API}/pilots/${shanxi.pilot.id}`)).toHaveStatus(200);
      expect(await as(reviewer).get(`${API}/tasks/${shanxi.task.id}`)).toHaveStatus(200);
    });

    describe.each([
      ['English', () => reviewerEn],
      ['Chinese', () => reviewerZh],
    ])('a reviewer scoped by the province\'s %s name', (_language, user) => {
      it('lists only the pilots of that province', async () => {
        const ids = await visiblePilots(user());
        expect(ids).toContain(hebei.pilot.id);
        expect(ids).not.toContain(shanxi.pilot.id);
      });

      it('reads that province\'s pilots and tasks', async () => {
        expect(await as(user()).get(`${API}/pilots/${hebei.pilot.id}`)).toHaveStatus(200);
        expect(await as(user()).get(`${API}/pilots/${hebei.pilot.id}/tasks`)).toHaveStatus(200);
        expect(await as(user()).get(`${API}/tasks/${hebei.task.id}`)).toHaveStatus(200);
      });

      it('gets 404 for other provinces\' pilots and tasks', async () => {
        expectError(await as(user()).get(`${API}/pilots/${shanxi.pilot.id}`), 404);
        expectError(await as(user()).get(`${API}/pilots/${shanxi.pilot.id}/tasks`), 404);
        expectError(await as(user()).get(`${API}/tasks/${shanxi.task.id}`), 404);
      });

      it('finds nothing when filtering on another province', async () => {
        expect(bodyOf<Page<Pilot>>(await as(user()).get(`${API}/pilots?province=Shanxi`), 200)).toEqual({ items: [], total: 0 });
      });
    });

    describe('a pilot user', () => {
      it('lists only its own pilot', async () => {
        const page = bodyOf<Page<Pilot>>(await as(hebei.pilotUser).get(`${API}/pilots`), 200);
        expect(page).toEqual({ items: [expect.objectContaining({ id: hebei.pilot.id })], total: 1 });
      });

      it('reads its own pilot and tasks', async () => {
        expect(await as(hebei.pilotUser).get(`${API}/pilots/${hebei.pilot.id}`)).toHaveStatus(200);
        const tasks = bodyOf<Page<Task>>(await as(hebei.pilotUser).get(`${API}/pilots/${hebei.pilot.id}/tasks`), 200);
        expect(tasks.items.map((task) => task.id)).toEqual([hebei.task.id]);
        expect(await as(hebei.pilotUser).get(`${API}/tasks/${hebei.task.id}`)).toHaveStatus(200);
      });

      it('gets 404 for another pilot, even one of its own province', async () => {
        const neighbour = await createPilot(t, { provinceZh: '河北省', provinceEn: 'Hebei' });
        const neighbourTask = await createTask(t, neighbour.id);
        for (const path of [
          `${API}/pilots/${neighbour.id}`,
          `${API}/pilots/${neighbour.id}/tasks`,
          `${API}/tasks/${neighbourTask.id}`,
          `${API}/pilots/${shanxi.pilot.id}`,
          `${API}/tasks/${shanxi.task.id}`,
        ]) {
          expectError(await as(hebei.pilotUser).get(path), 404);
        }
      });
    });

    it('every role reads the periods', async () => {
      for (const user of [reviewer, reviewerEn, hebei.pilotUser]) {
        const page = bodyOf<Page<Period>>(await as(user).get(`${API}/periods?limit=500`), 200);
        expect(page.items.map((p) => p.id)).toContain(period.id);
      }
    });
  });

  describe('reading reports', () => {
    const visibleReports = async (user: CreatedUser) =>
      bodyOf<Page<Report>>(await as(user).get(`${API}/reports?limit=500&periodId=${period.id}`), 200).items.map((r) => r.id);

    it('admins and unscoped reviewers see every report', async () => {
      for (const ids of [
        bodyOf<Page<Report>>(await admin.get(`${API}/reports?limit=500&periodId=${period.id}`), 200).items.map((r) => r.id),
        await visibleReports(reviewer),
      ]) {
        expect(ids.sort()).toEqual([hebeiReport.id, shanxiReport.id].sort());
      }
    });

    it.each([
      ['a reviewer scoped by English name', () => reviewerEn],
      ['a reviewer scoped by Chinese name', () => reviewerZh],
      ['the pilot\'s own user', () => hebei.pilotUser],
    ])('%s sees only the reports in scope; others answer 404', async (_who, user) => {
      expect(await visibleReports(user())).toEqual([hebeiReport.id]);
      expect(await as(user()).get(reportUrl(hebeiReport.id))).toHaveStatus(200);
      expect(await as(user()).get(reportUrl(hebeiReport.id, 'revisions'))).toHaveStatus(200);
      expect(await as(user()).get(reportPath(hebei.pilot.id, period.id))).toHaveStatus(200);

      expectError(await as(user()).get(reportUrl(shanxiReport.id)), 404);
      expectError(await as(user()).get(reportUrl(shanxiReport.id, 'revisions')), 404);
      expectError(await as(user()).get(reportPath(shanxi.pilot.id, period.id)), 404);
    });

    it('a pilot user filtering on another pilot finds nothing', async () => {
      const page = bodyOf<Page<Report>>(await as(hebei.pilotUser).get(`${API}/reports?pilotId=${shanxi.pilot.id}`), 200);
      expect(page).toEqual({ items: [], total: 0 });
    });
  });

  describe('editing and submitting reports', () => {
    let draftWorld: World;
    let draftId: string;

    beforeAll(async () => {
      draftWorld = await inNewPeriod(t, hebei);
      const response = await as(draftWorld.pilotUser).put(reportPath(draftWorld.pilot.id, draftWorld.period.id), reportBody(draftWorld.task));
      draftId = bodyOf<Report>(response, 201).id;
    });

    it.each([
      ['an unscoped reviewer', () => reviewer],
      ['a province-scoped reviewer', () => reviewerEn],
    ])('%s gets 403 for PUT and submit', async (_who, user) => {
      expectError(await as(user()).put(reportPath(draftWorld.pilot.id, draftWorld.period.id), reportBody(draftWorld.task)), 403);
      expectError(await as(user()).post(reportUrl(draftId, 'submit')), 403);
    });

    it('another pilot\'s user gets 404 for PUT and submit', async () => {
      expectError(await as(shanxi.pilotUser).put(reportPath(draftWorld.pilot.id, draftWorld.period.id), reportBody(draftWorld.task)), 404);
      expectError(await as(shanxi.pilotUser).post(reportUrl(draftId, 'submit')), 404);
    });

    it('an admin may edit and submit any pilot\'s report', async () => {
      const edited = bodyOf<Report>(await admin.put(reportPath(draftWorld.pilot.id, draftWorld.period.id), reportBody(draftWorld.task, { summary: 'by admin' })), 200);
      expect(edited).toMatchObject({ id: draftId, status: 'draft', summary: 'by admin' });
      expect(bodyOf<Report>(await admin.post(reportUrl(draftId, 'submit')), 200).status).toBe('submitted');
    });
  });

  describe('returning and accepting reports', () => {
    /** A fresh submitted report in each province (in a new period), so decisions do not interfere. */
    async function submittedPair(): Promise<{ inScope: Report; outOfScope: Report }> {
      const period = await createPeriod(t);
      const [inScope, outOfScope] = await Promise.all([
        createSubmitted(t, { ...hebei, period }),
        createSubmitted(t, { ...shanxi, period }),
      ]);
      return { inScope, outOfScope };
    }

    it('pilot users get 403 for return, accept and recommend, even on their own report', async () => {
      const pilotUser = as(hebei.pilotUser);
      expectError(await pilotUser.post(reportUrl(hebeiReport.id, 'return'), { note: 'self-review' }), 403);
      expectError(await pilotUser.post(reportUrl(hebeiReport.id, 'accept'), {}), 403);
      const experienceId = hebeiReport.experiences[0]!.id;
      expectError(
        await pilotUser.post(`${reportUrl(hebeiReport.id)}/experiences/${experienceId}/recommend`, { recommended: true }),
        403,
      );
      expect(bodyOf<Report>(await admin.get(reportUrl(hebeiReport.id)), 200).status).toBe('submitted');
    });

    it.each(['return', 'accept'] as const)('a scoped reviewer may %s in scope, and gets 404 outside it', async (action) => {
      const { inScope, outOfScope } = await submittedPair();
      const body = { note: 'decided' };

      expectError(await as(reviewerZh).post(reportUrl(outOfScope.id, action), body), 404);
      const decided = bodyOf<Report>(await as(reviewerZh).post(reportUrl(inScope.id, action), body), 200);

      expect(decided.status).toBe(action === 'return' ? 'returned' : 'accepted');
      expect(bodyOf<Report>(await admin.get(reportUrl(outOfScope.id)), 200).status).toBe('submitted');
    });

    it('a scoped reviewer may recommend only in scope', async () => {
      const { inScope, outOfScope } = await submittedPair();
      const recommend = (report: Report) =>
        as(reviewerEn).post(`${reportUrl(report.id)}/experiences/${report.experiences[0]!.id}/recommend`, { recommended: true });
      expect(await recommend(inScope)).toHaveStatus(200);
      expectError(await recommend(outOfScope), 404);
    });

    it('an unscoped reviewer and an admin may decide anywhere', async () => {
      const { inScope, outOfScope } = await submittedPair();
      expect(await as(reviewer).post(reportUrl(outOfScope.id, 'accept'), {})).toHaveStatus(200);
      expect(await admin.post(reportUrl(inScope.id, 'return'), { note: 'admin says no' })).toHaveStatus(200);
    });
  });
});
