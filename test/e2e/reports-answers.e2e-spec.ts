import type { EntitySubscriberInterface } from 'typeorm';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Report, ReportBody } from '../helpers/contract.js';
import { createTask, reportActions, world, type World } from '../helpers/factories.js';
import { bodyOf } from '../helpers/http.js';
import { postMultipart } from '../fixtures/spreadsheets.js';
import type { Response } from 'supertest';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Save and submit build their answer from what they wrote instead of reading the report back:
 * the answer must be exactly what a GET answers right after, ETag included.
 */
describe('report answers (save, submit) = the report as read afterwards', () => {
  let t: TestApp;
  let w: World;
  let body: (experiences: string[]) => ReportBody;
  /** Statements sent to PostgreSQL per request, logged for the record. */
  const counted: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
    const second = await createTask(t, w.pilot.id, {
      milestones: [
        { title: 'a', dueDate: '2024-03-31' },
        { title: 'b', dueDate: '2024-06-30' },
        { title: 'c', dueDate: '2024-09-30' },
      ],
      indicators: [
        { name: 'x', unit: 't', baseline: 1, baselineYear: 2020, target: 2, targetYear: 2030, direction: 'increase' },
        { name: 'y', unit: 't', baseline: 1, baselineYear: 2020, target: 2, targetYear: 2030, direction: 'decrease' },
      ],
    });
    body = (experiences) => ({
      summary: '本期 summary',
      tasks: [
        {
          taskId: second.id,
          status: 'delayed',
          percentComplete: 15,
          // Out of date order: the answer lists them by date, as a read does.
          completedMilestones: [
            { milestoneId: second.milestones[2]!.id, completedOn: '2024-09-01' },
            { milestoneId: second.milestones[0]!.id, completedOn: '2024-02-01' },
            { milestoneId: second.milestones[1]!.id, completedOn: '2024-05-01' },
          ],
        },
        {
          taskId: w.task.id,
          status: 'on_track',
          percentComplete: 40,
          narrative: '已完成选址',
          completedMilestones: [{ milestoneId: w.task.milestones[0]!.id, completedOn: '2024-03-20' }],
        },
      ],
      indicators: [
        { indicatorId: second.indicators[1]!.id, value: 0.30000000000000004, note: '注' },
        { indicatorId: w.task.indicators[0]!.id, value: 1e21 },
        { indicatorId: second.indicators[0]!.id, value: -12.5 },
      ],
      experiences: experiences.map((title, i) => ({ title, summary: `s${i}`, category: 'energy', tags: i ? ['a', 'b'] : undefined })),
    }) as ReportBody;
  });
  afterAll(async () => {
    console.log(`statements per request: ${JSON.stringify(counted)}`);
    await t?.close();
  });

  async function counting(name: string, request: () => PromiseLike<Response>): Promise<Response> {
    const dataSource = t.app.get(DataSource);
    let n = 0;
    const recorder: EntitySubscriberInterface = { beforeQuery: () => void (n += 1) };
    dataSource.subscribers.push(recorder);
    try {
      return await request();
    } finally {
      dataSource.subscribers.splice(dataSource.subscribers.indexOf(recorder), 1);
      counted[name] = n;
    }
  }

  async function expectAsRead(response: Response, status: number): Promise<Report> {
    const answered = bodyOf<Report>(response, status);
    const read = await reportActions(t, w).get();
    expect(read).toHaveStatus(200);
    expect(response.text).toBe(read.text);
    expect(response.headers.etag).toBe(read.headers.etag);
    return answered;
  }

  it('answers every save and submit as a GET reads it, through create, update, submit, return and resubmit', async () => {
    const actions = reportActions(t, w);
    const pilot = t.as(w.pilotUser.token);
    const path = `/api/v1/pilots/${w.pilot.id}/periods/${w.period.id}/report`;

    const created = await expectAsRead(await counting('save (create)', () => pilot.put(path, body(['甲', '乙']))), 201);
    expect(created.experiences.map((e) => e.title)).toEqual(['甲', '乙']);

    const upload = await postMultipart(t, w.pilotUser.token, `/api/v1/reports/${created.id}/attachments`, PDF, 'e.pdf');
    expect(upload).toHaveStatus(201);
    const etag = String((await actions.get()).headers.etag);

    // 乙 keeps its id, 甲 goes, 丙 is new; the order is the body's.
    const updated = await expectAsRead(
      await counting('save (update)', () => pilot.put(path, body(['丙', '乙'])).set('if-match', etag)),
      200,
    );
    expect(updated.experiences[1]!.id).toBe(created.experiences[1]!.id);
    expect((updated as Report & { attachments: unknown[] }).attachments).toHaveLength(1);

    const submitted = await expectAsRead(await counting('submit', () => actions.submit(created.id)), 200);
    expect(submitted).toMatchObject({ status: 'submitted', revision: 1 });

    await expectAsRead(await actions.return(created.id), 200);
    const edited = await expectAsRead(await counting('save (returned)', () => pilot.put(path, body(['乙']))), 200);
    expect(edited.reviews).toHaveLength(1);
    expect(edited.experiences[0]!.id).toBe(created.experiences[1]!.id);

    const resubmitted = await expectAsRead(await counting('resubmit', () => actions.submit(created.id)), 200);
    expect(resubmitted).toMatchObject({ status: 'submitted', revision: 2 });
  });
});
