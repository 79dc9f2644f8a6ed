import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Report, Revision } from '../helpers/contract.js';
import { createDraft, reportUrl, world } from '../helpers/factories.js';
import { API, bodyOf } from '../helpers/http.js';

describe('Idempotency-Key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (token: string, path: string, key: string, body?: object) => {
    const request = t.http.post(path).set('authorization', `Bearer ${token}`).set('idempotency-key', key);
    return body === undefined ? request : request.send(body);
  };

  it('answers the first response again to concurrent repeats, and submits once', async () => {
    const w = await world(t);
    const { report } = await createDraft(t, w);
    const key = `submit-${report.id}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(w.pilotUser.token, reportUrl(report.id, 'submit'), key)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(responses.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(7);
    const revisions = bodyOf<{ total: number; items: Revision[] }>(await t.as(w.pilotUser.token).get(reportUrl(report.id, 'revisions')), 200);
    expect(revisions.total).toBe(1);
  });

  it('refuses the same key with another body (422) and replays remembered client errors', async () => {
    const w = await world(t);
    const { report } = await createDraft(t, w);
    bodyOf<Report>(await t.as(w.pilotUser.token).post(reportUrl(report.id, 'submit')), 200);
    const key = `return-${report.id}`;
    const first = await post(w.reviewer.token, reportUrl(report.id, 'return'), key, { note: '补充材料' });
    expect(first.status).toBe(200);
    expect((await post(w.reviewer.token, reportUrl(report.id, 'return'), key, { note: 'another note' })).status).toBe(422);
    expect((await post(w.reviewer.token, reportUrl(report.id, 'return'), key, { note: '补充材料' })).body).toEqual(first.body);

    // An illegal transition is remembered like any answer.
    const conflictKey = `accept-${report.id}`;
    const conflict = await post(w.reviewer.token, reportUrl(report.id, 'accept'), conflictKey, {});
    expect(conflict.status).toBe(409);
    const again = await post(w.reviewer.token, reportUrl(report.id, 'accept'), conflictKey, {});
    expect(again.status).toBe(409);
    expect(again.body).toEqual(conflict.body);
  });

  it('creates one summary per key, and keys belong to their user', async () => {
    const w = await world(t);
    const admin = await t.adminToken();
    const body = { periodId: w.period.id };
    const [a, b] = await Promise.all([post(admin, `${API}/summaries`, 'summary-key', body), post(admin, `${API}/summaries`, 'summary-key', body)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).toBe(b.body.id);
    const other = await post(w.reviewer.token, `${API}/summaries`, 'summary-key', body);
    expect(other.status).toBe(202);
    expect(other.body.id).not.toBe(a.body.id);
    expect((await post(admin, `${API}/summaries`, ' bad key ', body)).status).toBe(400);
  });
});
