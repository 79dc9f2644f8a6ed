import { startTestApp, type TestApp } from '../helpers/app.js';
import {
  type Experience,
  ISO_INSTANT,
  type Page,
  type Report,
  type ReportBody,
  type Revision,
  UNKNOWN_ID,
  UUID,
} from '../helpers/contract.js';
import {
  createDraft,
  createPeriod,
  createSubmitted,
  createTask,
  inNewPeriod,
  reportActions,
  reportBody,
  reportPath,
  reportUrl,
  world,
  type World,
} from '../helpers/factories.js';
import { API, bodyOf, errorMessages, expectError, expectInvalidFields, query, type Api } from '../helpers/http.js';

describe('milestone reports', () => {
  let t: TestApp;
  let admin: Api;
  /** One pilot with its users; most tests report on it in a period of their own. */
  let base: World;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
    base = await world(t);
  });
  afterAll(() => t?.close());

  /** A world with no report yet. */
  const fresh = () => inNewPeriod(t, base);

  /** A report in each state, reached through the API. */
  async function returned(w: World): Promise<Report> {
    const submitted = await createSubmitted(t, w);
    return bodyOf<Report>(await reportActions(t, w).return(submitted.id), 200);
  }
  async function accepted(w: World): Promise<Report> {
    const submitted = await createSubmitted(t, w);
    return bodyOf<Report>(await reportActions(t, w).accept(submitted.id), 200);
  }

  describe('PUT /pilots/:pilotId/periods/:periodId/report', () => {
    it('creates the draft: 201 with the report and an ETag', async () => {
      const w = await fresh();
      const body = reportBody(w.task);
      const response = await reportActions(t, w).put(body);

      const report = bodyOf<Report>(response, 201);
      expect(response.headers.etag).toEqual(expect.any(String));
      expect(report).toMatchObject({
        pilotId: w.pilot.id,
        periodId: w.period.id,
        status: 'draft',
        revision: 0,
        summary: body.summary,
        tasks: body.tasks,
        indicators: body.indicators,
        submittedAt: null,
        reviews: [],
      });
      expect(report.id).toMatch(UUID);
      expect(report.updatedAt).toMatch(ISO_INSTANT);
      expect(report.experiences).toEqual([
        { ...body.experiences![0], id: expect.stringMatching(UUID), recommended: false },
      ]);
    });

    it('replaces the draft: 200 with the same id and a new ETag', async () => {
      const w = await fresh();
      const { report, etag } = await createDraft(t, w);

      const replacement: ReportBody = {
        summary: '更新 updated',
        tasks: [{ taskId: w.task.id, status: 'at_risk', percentComplete: 55 }],
      };
      const response = await reportActions(t, w).put(replacement);

      const replaced = bodyOf<Report>(response, 200);
      expect(replaced).toMatchObject({ id: report.id, status: 'draft', summary: '更新 updated', indicators: [], experiences: [] });
      expect(replaced.tasks).toEqual([expect.objectContaining(replacement.tasks[0])]);
      expect(response.headers.etag).toEqual(expect.any(String));
      expect(response.headers.etag).not.toBe(etag);
    });

    it('replaces when If-Match carries the current ETag', async () => {
      const w = await fresh();
      const { etag } = await createDraft(t, w);
      const response = await reportActions(t, w).put(reportBody(w.task, { summary: 'matched' })).set('If-Match', etag);
      expect(bodyOf<Report>(response, 200).summary).toBe('matched');
    });

    it('answers 412 when If-Match is stale, and changes nothing', async () => {
      const w = await fresh();
      const { etag: stale } = await createDraft(t, w);
      expect(await reportActions(t, w).put(reportBody(w.task, { summary: 'second' }))).toHaveStatus(200);

      const response = await reportActions(t, w).put(reportBody(w.task, { summary: 'lost update' })).set('If-Match', stale);

      expectError(response, 412);
      expect(bodyOf<Report>(await reportActions(t, w).get(), 200).summary).toBe('second');
    });

    it('keeps a returned report returned until it is submitted again', async () => {
      const w = await fresh();
      const report = await returned(w);

      const edited = bodyOf<Report>(await reportActions(t, w).put(reportBody(w.task, { summary: '已补充 revised' })), 200);

      expect(edited).toMatchObject({ id: report.id, status: 'returned', summary: '已补充 revised', revision: 1 });
    });

    it.each([
      ['submitted', (w: World) => createSubmitted(t, w)],
      ['accepted', (w: World) => accepted(w)],
    ])('answers 409 for a %s report', async (status, reach) => {
      const w = await fresh();
      await reach(w);
      const response = await reportActions(t, w).put();
      expectError(response, 409);
      expect(errorMessages(response).join(' ')).toContain(status);
    });

    it('answers 409 in a closed period, and accepts again once it is reopened', async () => {
      const w = await fresh();
      const { report } = await createDraft(t, w);
      expect(await admin.post(`${API}/periods/${w.period.id}/close`)).toHaveStatus(200);

      expectError(await reportActions(t, w).put(), 409);
      expectError(await reportActions(t, w).submit(report.id), 409);

      expect(await admin.post(`${API}/periods/${w.period.id}/reopen`)).toHaveStatus(200);
      expect(await reportActions(t, w).put()).toHaveStatus(200);
      expect(bodyOf<Report>(await reportActions(t, w).submit(report.id), 200).status).toBe('submitted');
    });

    it('answers 409 when creating a report in a closed period', async () => {
      const w = await fresh();
      expect(await admin.post(`${API}/periods/${w.period.id}/close`)).toHaveStatus(200);
      expectError(await reportActions(t, w).put(), 409);
      expectError(await reportActions(t, w).get(), 404);
    });

    it('answers 404 for an unknown period or pilot', async () => {
      const w = await fresh();
      expectError(await admin.put(reportPath(w.pilot.id, UNKNOWN_ID), reportBody(w.task)), 404);
      expectError(await admin.put(reportPath(UNKNOWN_ID, w.period.id), reportBody(w.task)), 404);
    });

    describe('refuses with 400 references that are not the pilot\'s own or appear twice', () => {
      let w: World;
      let other: World;

      beforeAll(async () => {
        w = await fresh();
        other = await world(t, { period: w.period });
      });

      const line = (taskId: string, milestoneIds: string[] = []) => ({
        taskId,
        status: 'on_track' as const,
        percentComplete: 10,
        completedMilestones: milestoneIds.map((milestoneId) => ({ milestoneId, completedOn: '2024-03-01' })),
      });

      it.each<[string, () => Partial<ReportBody>, string]>([
        ["another pilot's task", () => ({ tasks: [line(other.task.id)] }), 'taskId'],
        ['an unknown task', () => ({ tasks: [line(UNKNOWN_ID)] }), 'taskId'],
        ["another pilot's milestone", () => ({ tasks: [line(w.task.id, [other.task.milestones[0]!.id])] }), 'milestoneId'],
        [
          "another pilot's indicator",
          () => ({ indicators: [{ indicatorId: other.task.indicators[0]!.id, value: 1 }] }),
          'indicatorId',
        ],
        ['the same task twice', () => ({ tasks: [line(w.task.id), line(w.task.id)] }), 'taskId'],
        [
          'the same milestone twice',
          () => ({ tasks: [line(w.task.id, [w.task.milestones[0]!.id, w.task.milestones[0]!.id])] }),
          'milestoneId',
        ],
        [
          'the same indicator twice',
          () => ({
            indicators: [
              { indicatorId: w.task.indicators[0]!.id, value: 1 },
              { indicatorId: w.task.indicators[0]!.id, value: 2 },
            ],
          }),
          'indicatorId',
        ],
      ])('%s', async (_case, over, field) => {
        const response = await reportActions(t, w).put(reportBody(w.task, over()));
        expectInvalidFields(response, [field]);
        expectError(await reportActions(t, w).get(), 404);
      });
    });

    describe('validates the body, naming each invalid field', () => {
      let w: World;
      beforeAll(async () => {
        w = await fresh();
      });

      it.each<[string, (w: World) => unknown, string[]]>([
        ['an experience category outside the task categories', (w) => reportBody(w.task, {
          experiences: [{ title: 'x', summary: 'y', category: 'astrology' as never }],
        }), ['category']],
        ['a percentComplete above 100', (w) => reportBody(w.task, {
          tasks: [{ taskId: w.task.id, status: 'on_track', percentComplete: 101 }],
        }), ['percentComplete']],
        ['a negative percentComplete', (w) => reportBody(w.task, {
          tasks: [{ taskId: w.task.id, status: 'on_track', percentComplete: -1 }],
        }), ['percentComplete']],
        ['an unknown task status', (w) => reportBody(w.task, {
          tasks: [{ taskId: w.task.id, status: 'finished' as never, percentComplete: 100 }],
        }), ['status']],
        ['an impossible completedOn', (w) => reportBody(w.task, {
          tasks: [{
            taskId: w.task.id,
            status: 'on_track',
            percentComplete: 10,
            completedMilestones: [{ milestoneId: w.task.milestones[0]!.id, completedOn: '2024-02-30' }],
          }],
        }), ['completedOn']],
        ['a taskId that is not a UUID', (w) => reportBody(w.task, {
          tasks: [{ taskId: 'task-1', status: 'on_track', percentComplete: 10 }],
        }), ['taskId']],
        ['a missing task list', () => ({ summary: 'no tasks', indicators: [], experiences: [] }), ['tasks']],
        ['several problems at once', (w) => ({
          tasks: [{ taskId: w.task.id, status: 'unknown', percentComplete: 500 }],
          indicators: [{ indicatorId: w.task.indicators[0]!.id, value: 'high' }],
          experiences: [{ title: 'x', category: 'energy' }],
        }), ['status', 'percentComplete', 'value', 'summary']],
      ])('%s', async (_case, body, fields) => {
        const response = await t.as(w.pilotUser.token).put(reportPath(w.pilot.id, w.period.id), body(w) as object);
        expectInvalidFields(response, fields);
      });
    });
  });

  describe('GET /pilots/:pilotId/periods/:periodId/report', () => {
    it('answers the report', async () => {
      const w = await fresh();
      const { report } = await createDraft(t, w);
      expect(bodyOf<Report>(await reportActions(t, w).get(), 200)).toEqual(report);
    });

    it('answers 404 when the pilot has no report for the period', async () => {
      const w = await fresh();
      expectError(await reportActions(t, w).get(), 404);
    });
  });

  describe('POST /reports/:id/submit', () => {
    it('submits a draft: 200, status submitted, revision + 1, submittedAt set', async () => {
      const w = await fresh();
      const { report } = await createDraft(t, w);
      const before = Date.now();

      const submitted = bodyOf<Report>(await reportActions(t, w).submit(report.id), 200);

      expect(submitted).toMatchObject({ id: report.id, status: 'submitted', revision: 1, summary: report.summary });
      expect(submitted.submittedAt).toMatch(ISO_INSTANT);
      expect(Date.parse(submitted.submittedAt!)).toBeGreaterThanOrEqual(before - 5_000);
      expect(bodyOf<Report>(await admin.get(reportUrl(report.id)), 200)).toMatchObject({ status: 'submitted', revision: 1 });
    });

    it('resubmits a returned report as revision 2', async () => {
      const w = await fresh();
      const report = await returned(w);
      expect(await reportActions(t, w).put(reportBody(w.task, { summary: '已补充 revised' }))).toHaveStatus(200);

      const resubmitted = bodyOf<Report>(await reportActions(t, w).submit(report.id), 200);

      expect(resubmitted).toMatchObject({ status: 'submitted', revision: 2, summary: '已补充 revised' });
    });

    it.each([
      ['submitted', (w: World) => createSubmitted(t, w)],
      ['accepted', (w: World) => accepted(w)],
    ])('answers 409 for a %s report, naming its status', async (status, reach) => {
      const w = await fresh();
      const report = await reach(w);
      const response = await reportActions(t, w).submit(report.id);
      expectError(response, 409);
      expect(errorMessages(response).join(' ')).toContain(status);
    });

    it('answers 404 for an unknown report', async () => {
      const w = await fresh();
      expectError(await reportActions(t, w).submit(UNKNOWN_ID), 404);
    });
  });

  describe('POST /reports/:id/return', () => {
    it('returns a submitted report with a note: 200, status returned', async () => {
      const w = await fresh();
      const report = await createSubmitted(t, w);
      const back = bodyOf<Report>(await reportActions(t, w).return(report.id, '请补充 please add data'), 200);
      expect(back).toMatchObject({ id: report.id, status: 'returned', revision: 1 });
      expect(back.reviews).toEqual([expect.objectContaining({ decision: 'returned', note: '请补充 please add data' })]);
    });

    it.each([
      ['an empty note', { note: '' }],
      ['no note', {}],
      ['a note that is not text', { note: 42 }],
    ])('answers 400 for %s', async (_case, body) => {
      const w = await fresh();
      const report = await createSubmitted(t, w);
      expectInvalidFields(await t.as(w.reviewer.token).post(reportUrl(report.id, 'return'), body), ['note']);
      expect(bodyOf<Report>(await reportActions(t, w).get(), 200).status).toBe('submitted');
    });

    it.each([
      ['draft', async (w: World) => (await createDraft(t, w)).report],
      ['returned', (w: World) => returned(w)],
      ['accepted', (w: World) => accepted(w)],
    ])('answers 409 for a %s report', async (status, reach) => {
      const w = await fresh();
      const report = await reach(w);
      const response = await reportActions(t, w).return(report.id);
      expectError(response, 409);
      expect(errorMessages(response).join(' ')).toContain(status);
    });
  });

  describe('POST /reports/:id/accept', () => {
    it('accepts a submitted report: 200, status accepted, with or without a note', async () => {
      const [w1, w2] = await Promise.all([fresh(), fresh()]);
      const [r1, r2] = await Promise.all([createSubmitted(t, w1), createSubmitted(t, w2)]);

      const withNote = bodyOf<Report>(await reportActions(t, w1).accept(r1.id, { note: '同意 agreed' }), 200);
      const withoutNote = bodyOf<Report>(await reportActions(t, w2).accept(r2.id), 200);

      expect(withNote).toMatchObject({ status: 'accepted', revision: 1 });
      expect(withNote.reviews).toEqual([expect.objectContaining({ decision: 'accepted', note: '同意 agreed' })]);
      expect(withoutNote).toMatchObject({ status: 'accepted' });
      expect(withoutNote.reviews).toEqual([expect.objectContaining({ decision: 'accepted' })]);
    });

    it('leaves an accepted report read-only: PUT, submit, return and accept answer 409', async () => {
      const w = await fresh();
      const report = await accepted(w);
      const actions = reportActions(t, w);
      for (const response of [
        await actions.put(),
        await actions.submit(report.id),
        await actions.return(report.id),
        await actions.accept(report.id),
      ]) {
        expectError(response, 409);
      }
      expect(bodyOf<Report>(await actions.get(), 200)).toMatchObject({ status: 'accepted', revision: 1 });
    });

    it('answers 409 for a draft', async () => {
      const w = await fresh();
      const { report } = await createDraft(t, w);
      expectError(await reportActions(t, w).accept(report.id), 409);
    });
  });

  describe('GET /reports/:id', () => {
    it('answers the whole report with its reviews oldest first', async () => {
      const w = await fresh();
      const actions = reportActions(t, w);
      const report = await createSubmitted(t, w);
      expect(await actions.return(report.id, 'first: add data')).toHaveStatus(200);
      expect(await actions.put(reportBody(w.task, { summary: 'second round' }))).toHaveStatus(200);
      expect(await actions.submit(report.id)).toHaveStatus(200);
      expect(await actions.accept(report.id, { note: 'second: fine' })).toHaveStatus(200);

      const body = bodyOf<Report>(await t.as(w.pilotUser.token).get(reportUrl(report.id)), 200);

      expect(Object.keys(body)).toEqual(
        expect.arrayContaining([
          'id', 'pilotId', 'periodId', 'status', 'revision', 'summary', 'tasks',
          'indicators', 'experiences', 'submittedAt', 'reviews', 'updatedAt',
        ]),
      );
      expect(body).toMatchObject({ id: report.id, pilotId: w.pilot.id, periodId: w.period.id, status: 'accepted', revision: 2, summary: 'second round' });
      const review = (decision: string, note: string) =>
        expect.objectContaining({ decision, note, reviewerId: w.reviewer.user.id, at: expect.stringMatching(ISO_INSTANT) });
      expect(body.reviews).toEqual([review('returned', 'first: add data'), review('accepted', 'second: fine')]);
      expect(Date.parse(body.reviews[0]!.at)).toBeLessThanOrEqual(Date.parse(body.reviews[1]!.at));
      expect(body.tasks).toEqual([expect.objectContaining(reportBody(w.task).tasks[0])]);
      expect(body.indicators).toEqual([expect.objectContaining({ indicatorId: w.task.indicators[0]!.id, value: 12.5 })]);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expectError(await admin.get(reportUrl(UNKNOWN_ID)), 404);
      expectError(await admin.get(`${API}/reports/not-a-uuid`), 400);
    });
  });

  describe('GET /reports/:id/revisions', () => {
    it('holds one immutable snapshot per submission', async () => {
      const w = await fresh();
      const actions = reportActions(t, w);
      const report = await createSubmitted(t, w, { summary: '第一版 first version' });
      const revisionsOf = async () => bodyOf<Page<Revision>>(await t.as(w.reviewer.token).get(reportUrl(report.id, 'revisions')), 200);
      const firstSnapshot = await revisionsOf();
      expect(firstSnapshot.total).toBe(1);

      expect(await actions.return(report.id)).toHaveStatus(200);
      expect(await actions.put(reportBody(w.task, { summary: '第二版 second version' }))).toHaveStatus(200);
      expect(await actions.submit(report.id)).toHaveStatus(200);

      const revisions = await revisionsOf();
      expect(revisions.total).toBe(2);
      const byNumber = new Map(revisions.items.map((r) => [r.revision, r]));
      expect([...byNumber.keys()].sort()).toEqual([1, 2]);
      for (const revision of revisions.items) {
        expect(revision).toMatchObject({ submittedBy: w.pilotUser.user.id, submittedAt: expect.stringMatching(ISO_INSTANT) });
      }
      expect(JSON.stringify(byNumber.get(1)!.content)).toContain('第一版 first version');
      expect(JSON.stringify(byNumber.get(1)!.content)).not.toContain('第二版 second version');
      expect(JSON.stringify(byNumber.get(2)!.content)).toContain('第二版 second version');
      expect(byNumber.get(1)).toEqual(firstSnapshot.items[0]);
    });

    it('is empty for a report never submitted', async () => {
      const w = await fresh();
      const { report } = await createDraft(t, w);
      expect(bodyOf<Page<Revision>>(await admin.get(reportUrl(report.id, 'revisions')), 200)).toEqual({ items: [], total: 0 });
    });
  });

  describe('GET /reports', () => {
    let period: string;
    let submittedReport: Report;
    let draftReport: Report;
    let other: World;

    beforeAll(async () => {
      const shared = await createPeriod(t);
      period = shared.id;
      const [a, b] = await Promise.all([world(t, { period: shared }), world(t, { period: shared })]);
      other = await world(t);
      [submittedReport, { report: draftReport }] = await Promise.all([createSubmitted(t, a), createDraft(t, b)]);
      await createDraft(t, other);
    });

    const list = async (params: Record<string, string | number>) =>
      bodyOf<Page<Report>>(await admin.get(`${API}/reports${query({ limit: 500, ...params })}`), 200);
    const ids = (page: Page<Report>) => page.items.map((r) => r.id).sort();

    it('filters by period', async () => {
      const page = await list({ periodId: period });
      expect(ids(page)).toEqual([submittedReport.id, draftReport.id].sort());
      expect(page.total).toBe(2);
    });

    it('filters by pilot', async () => {
      expect(ids(await list({ pilotId: other.pilot.id }))).toHaveLength(1);
      expect(ids(await list({ pilotId: submittedReport.pilotId }))).toEqual([submittedReport.id]);
    });

    it('filters by status, combined with the period', async () => {
      expect(ids(await list({ periodId: period, status: 'submitted' }))).toEqual([submittedReport.id]);
      expect(ids(await list({ periodId: period, status: 'draft' }))).toEqual([draftReport.id]);
      expect(await list({ periodId: period, status: 'accepted' })).toEqual({ items: [], total: 0 });
    });

    it('pages with limit and offset', async () => {
      const page = await list({ periodId: period, limit: 1 });
      const next = await list({ periodId: period, limit: 1, offset: 1 });
      expect(page.total).toBe(2);
      expect(next.total).toBe(2);
      expect([...ids(page), ...ids(next)].sort()).toEqual([submittedReport.id, draftReport.id].sort());
    });

    it('answers 400 for an unknown status', async () => {
      expectError(await admin.get(`${API}/reports?status=lost`), 400);
    });
  });

  describe('POST /reports/:id/experiences/:experienceId/recommend', () => {
    it('marks and unmarks an experience as recommended', async () => {
      const w = await fresh();
      const report = await createSubmitted(t, w);
      const experience = report.experiences[0]!;
      const recommend = (recommended: boolean) =>
        t.as(w.reviewer.token).post(`${reportUrl(report.id)}/experiences/${experience.id}/recommend`, { recommended });

      const marked = bodyOf<Experience>(await recommend(true), 200);
      expect(marked).toMatchObject({ id: experience.id, title: experience.title, recommended: true });
      expect(bodyOf<Report>(await admin.get(reportUrl(report.id)), 200).experiences[0]).toMatchObject({ recommended: true });

      expect(bodyOf<Experience>(await recommend(false), 200).recommended).toBe(false);
      expect(bodyOf<Report>(await admin.get(reportUrl(report.id)), 200).experiences[0]).toMatchObject({ recommended: false });
    });

    it('lets an admin recommend too', async () => {
      const w = await fresh();
      const report = await createSubmitted(t, w);
      const path = `${reportUrl(report.id)}/experiences/${report.experiences[0]!.id}/recommend`;
      expect(bodyOf<Experience>(await admin.post(path, { recommended: true }), 200).recommended).toBe(true);
    });

    it('answers 400 without a boolean and 404 for an unknown experience', async () => {
      const w = await fresh();
      const report = await createSubmitted(t, w);
      const reviewer = t.as(w.reviewer.token);
      const path = `${reportUrl(report.id)}/experiences/${report.experiences[0]!.id}/recommend`;
      expectInvalidFields(await reviewer.post(path, { recommended: 'yes' }), ['recommended']);
      expectInvalidFields(await reviewer.post(path, {}), ['recommended']);
      expectError(await reviewer.post(`${reportUrl(report.id)}/experiences/${UNKNOWN_ID}/recommend`, { recommended: true }), 404);
    });
  });

  it('lets a report cover several tasks of its pilot', async () => {
    const w = await fresh();
    const second = await createTask(t, w.pilot.id, { category: 'transport' });
    const body = reportBody(w.task, {
      tasks: [
        ...reportBody(w.task).tasks,
        { taskId: second.id, status: 'completed', percentComplete: 100, completedMilestones: [
          { milestoneId: second.milestones[0]!.id, completedOn: '2024-02-01' },
          { milestoneId: second.milestones[1]!.id, completedOn: '2024-03-01' },
        ] },
      ],
      experiences: [{ title: '公交电动化 bus electrification', summary: 'All city buses electric.', category: 'transport' }],
    });
    const report = bodyOf<Report>(await reportActions(t, w).put(body), 201);
    expect(report.tasks).toHaveLength(2);
    expect(report.tasks.find((line) => line.taskId === second.id)?.completedMilestones).toHaveLength(2);
  });
});
