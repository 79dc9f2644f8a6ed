import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import type { Page, Report, Revision, User } from '../helpers/contract.js';
import {
  createDraft,
  createPeriod,
  inNewPeriod,
  reportActions,
  reportBody,
  reportUrl,
  uniq,
  USER_PASSWORD,
  world,
  type World,
} from '../helpers/factories.js';
import { API, bodyOf, expectError } from '../helpers/http.js';
import { keptStateDrift } from '../helpers/kept-state.js';

/** Counts answers by status, e.g. `{ 200: 1, 412: 15 }`. */
function statusCounts(responses: Response[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** Races requests against each other: every request is built first, then all are sent at once. */
const race = (count: number, request: (index: number) => PromiseLike<Response>): Promise<Response[]> =>
  Promise.all(Array.from({ length: count }, (_, index) => request(index)));

describe('concurrency', () => {
  let t: TestApp;
  let base: World;

  beforeAll(async () => {
    t = await startTestApp();
    base = await world(t);
  });
  afterAll(() => t?.close());

  it('16 parallel PUTs with the same If-Match: exactly one 200, fifteen 412', async () => {
    const w = await inNewPeriod(t, base);
    const { etag } = await createDraft(t, w);
    const actions = reportActions(t, w);

    const responses = await race(16, (i) => actions.put(reportBody(w.task, { summary: `writer ${i}` })).set('If-Match', etag));

    expect(statusCounts(responses)).toEqual({ 200: 1, 412: 15 });
    for (const refused of responses.filter((r) => r.status === 412)) expectError(refused, 412);
    const winner = responses.find((r) => r.status === 200)!;
    const stored = bodyOf<Report>(await actions.get(), 200);
    expect(stored.summary).toBe((winner.body as Report).summary);
    expect((await actions.get()).headers.etag).toBe(winner.headers.etag);
  });

  it('12 parallel submits: exactly one 200, the rest 409, and one revision stored', async () => {
    const w = await inNewPeriod(t, base);
    const { report } = await createDraft(t, w);
    const actions = reportActions(t, w);

    const responses = await race(12, () => actions.submit(report.id));

    expect(statusCounts(responses)).toEqual({ 200: 1, 409: 11 });
    const submitted = bodyOf<Report>(await t.as(w.reviewer.token).get(reportUrl(report.id)), 200);
    expect(submitted).toMatchObject({ status: 'submitted', revision: 1 });
    const revisions = bodyOf<Page<Revision>>(await t.as(w.reviewer.token).get(reportUrl(report.id, 'revisions')), 200);
    expect(revisions.total).toBe(1);
    expect(revisions.items.map((r) => r.revision)).toEqual([1]);
  });

  it('parallel return and accept of one report: exactly one decision wins', async () => {
    const w = await inNewPeriod(t, base);
    const { report } = await createDraft(t, w);
    const actions = reportActions(t, w);
    expect(await actions.submit(report.id)).toHaveStatus(200);

    const responses = await race(10, (i) => (i % 2 ? actions.accept(report.id) : actions.return(report.id)));

    expect(statusCounts(responses)[200]).toBe(1);
    expect(statusCounts(responses)[409]).toBe(9);
    const decided = bodyOf<Report>(await t.as(w.reviewer.token).get(reportUrl(report.id)), 200);
    expect(decided.reviews).toHaveLength(1);
    expect(decided.status).toBe(decided.reviews[0]!.decision);
  });

  it('reports of one pilot submitted at once leave its milestones\' and tasks\' kept state as a recount gives it', async () => {
    // The base world's task in four later quarters (distinct dates: the latest one decides the
    // task's status); each report records a different status and completion date.
    const drafts: { w: World; id: string }[] = [];
    for (const [i, status] of (['delayed', 'completed', 'at_risk', 'on_track'] as const).entries()) {
      const year = 2031 + i;
      const w = { ...base, period: await createPeriod(t, { startDate: `${year}-01-01`, endDate: `${year}-03-31`, dueDate: `${year}-04-15` }) };
      const body = reportBody(w.task, {
        tasks: [{ taskId: w.task.id, status, percentComplete: 20 + i, completedMilestones: [{ milestoneId: w.task.milestones[0]!.id, completedOn: `2024-0${i + 1}-15` }] }],
      });
      drafts.push({ w, id: bodyOf<Report>(await reportActions(t, w).put(body), 201).id });
    }
    const responses = await race(drafts.length, (i) => reportActions(t, drafts[i]!.w).submit(drafts[i]!.id));
    expect(statusCounts(responses)).toEqual({ 200: drafts.length });

    const drift = await keptStateDrift(t.app.get(DataSource), base.pilot.id);
    expect(drift).toEqual([]);
  });

  it('parallel creates of one pilot code: one 201, the rest 409', async () => {
    const admin = t.as(await t.adminToken());
    const code = uniq('race-');
    const responses = await race(8, () =>
      admin.post(`${API}/pilots`, { code, kind: 'city', nameZh: '竞争', nameEn: 'Race', provinceZh: '河北省', provinceEn: 'Hebei' }),
    );
    expect(statusCounts(responses)).toEqual({ 201: 1, 409: 7 });
  });

  it('parallel creates of one user email: one 201, the rest 409', async () => {
    const admin = t.as(await t.adminToken());
    const email = `${uniq('race')}@example.test`;
    const responses = await race(6, () => admin.post(`${API}/users`, { email, password: USER_PASSWORD, role: 'reviewer' }));
    expect(statusCounts(responses)).toEqual({ 201: 1, 409: 5 });
  });

  it('starting the app again, twice at once, against the same database keeps exactly one bootstrap admin', async () => {
    const restarted = await Promise.all([
      startTestApp({ DATABASE_URL: t.databaseUrl }),
      startTestApp({ DATABASE_URL: t.databaseUrl }),
    ]);
    try {
      for (const again of restarted) expect(typeof (await again.adminToken())).toBe('string');
      const users = bodyOf<Page<User>>(await t.as(await t.adminToken()).get(`${API}/users?limit=500`), 200);
      expect(users.items.filter((u) => u.email === ADMIN.email)).toHaveLength(1);
    } finally {
      await Promise.all(restarted.map((app) => app.close()));
    }
  });
});
