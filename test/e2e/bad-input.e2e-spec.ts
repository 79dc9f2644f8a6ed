import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createDraft, world, type World } from '../helpers/factories.js';
import { API, expectNoLeaks } from '../helpers/http.js';

/**
 * Property-based armour: generated junk thrown at every write route and query string must get
 * a 4xx naming the problem — never a 5xx — and must leave the stored data exactly as it was.
 * `endOnFailure`: a counterexample is reported as found; shrinking it through HTTP would outlast
 * the test's time limit and hide the answer behind a timeout.
 */

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const NASTY_STRINGS = ['\u0000', 'a\u0000b', '\ud800', '\uffff', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u202e', "' OR 1=1 --", '%00', '../../etc/passwd', '${jndi:x}', '<script>', ''];

const encodable = (text: string): boolean => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false; // lone surrogates cannot travel in a URL at all
  }
};

/** Any JSON value, leaning towards the shapes that break parsers and validators. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.integer({ min: 2, max: 60 }).map((depth) => JSON.parse('['.repeat(depth * 5) + ']'.repeat(depth * 5)) as unknown),
  fc.constantFrom(-1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 0.5, true, null, [], {}),
);

/**
 * An object with some of the route's real fields (holding junk) and at least one hostile key
 * that is not a field, so no generated body can be valid by chance.
 */
function junkBody(fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const notAField = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ minLength: 1, maxLength: 12 })).filter((k) => !fields.includes(k));
  return fc
    .record({
      known: fc.dictionary(fc.constantFrom(...fields), junkValue, { maxKeys: fields.length }),
      extra: fc.dictionary(notAField, junkValue, { minKeys: 1, maxKeys: 3 }),
    })
    .map(({ known, extra }) => {
      // Built from JSON text so "__proto__" is an own key, as it is when a client sends it.
      const entries = [...Object.entries(extra), ...Object.entries(known)];
      return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v ?? null)}`).join(',')}}`) as Record<string, unknown>;
    });
}

const junkQuery: fc.Arbitrary<string> = fc
  .dictionary(
    fc.oneof(fc.constantFrom('limit', 'offset', 'province', 'kind', 'status', 'periodId', 'pilotId', 'asOf', 'type', 'format', 'unread', '__proto__'), fc.string({ maxLength: 8 })),
    fc.oneof(fc.constantFrom(...NASTY_STRINGS, '-1', '1e9', 'NaN', '2024-02-30', '00000000-0000-0000-0000-000000000000'), fc.string({ maxLength: 30 })),
    { minKeys: 1, maxKeys: 4 },
  )
  .filter((params) => Object.entries(params).every(([k, v]) => encodable(k) && encodable(v)))
  .map((params) => Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

describe('bad input never answers 5xx nor changes stored data', () => {
  let t: TestApp;
  let admin: string;
  let w: World;
  let reportId: string;

  /** Everything a write could touch, without timestamps that reads refresh. */
  async function snapshot(): Promise<string> {
    const db = t.app.get(DataSource);
    const tables = ['pilots', 'users', 'tasks', 'milestones', 'indicators', 'reporting_periods', 'milestone_reports', 'report_task_lines', 'experiences', 'report_reviews', 'report_revisions', 'summary_reports'];
    const parts: unknown[] = [];
    for (const table of tables) {
      const rows = await db.query(`SELECT to_jsonb(x) - 'updated_at' - 'created_at' AS row FROM ${table} x ORDER BY 1::text`);
      parts.push(table, rows.map((r: { row: unknown }) => JSON.stringify(r.row)).sort());
    }
    return JSON.stringify(parts);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    w = await world(t);
    reportId = (await createDraft(t, w)).report.id;
  });
  afterAll(() => t.close());

  const writes = () => [
    { method: 'post', path: `${API}/auth/login`, fields: ['email', 'password'], token: undefined },
    { method: 'post', path: `${API}/pilots`, fields: ['code', 'kind', 'nameZh', 'nameEn', 'provinceZh', 'provinceEn', 'batch'], token: admin },
    { method: 'patch', path: `${API}/pilots/${w.pilot.id}`, fields: ['code', 'kind', 'nameZh', 'batch'], token: admin },
    { method: 'post', path: `${API}/users`, fields: ['email', 'password', 'role', 'pilotId', 'province', 'displayName', 'language'], token: admin },
    { method: 'patch', path: `${API}/users/${w.reviewer.user.id}`, fields: ['active', 'role', 'pilotId', 'province', 'password', 'language'], token: admin },
    { method: 'post', path: `${API}/pilots/${w.pilot.id}/tasks`, fields: ['code', 'title', 'category', 'dueDate', 'startDate', 'milestones', 'indicators'], token: admin },
    { method: 'patch', path: `${API}/tasks/${w.task.id}`, fields: ['title', 'category', 'dueDate', 'milestones', 'indicators'], token: admin },
    { method: 'post', path: `${API}/periods`, fields: ['label', 'startDate', 'endDate', 'dueDate'], token: admin },
    { method: 'patch', path: `${API}/periods/${w.period.id}`, fields: ['label', 'startDate', 'endDate', 'dueDate'], token: admin },
    { method: 'put', path: `${API}/pilots/${w.pilot.id}/periods/${w.period.id}/report`, fields: ['summary', 'tasks', 'indicators', 'experiences'], token: w.pilotUser.token },
    { method: 'post', path: `${API}/reports/${reportId}/return`, fields: ['note'], token: admin },
    { method: 'post', path: `${API}/summaries`, fields: ['periodId', 'province', 'pilotIds', 'language', 'asOf'], token: admin },
    { method: 'post', path: `${API}/reminders/run`, fields: ['asOf'], token: admin },
  ] as const;

  it('refuses junk bodies on every write route with a 4xx and no change', async () => {
    const before = await snapshot();
    for (const route of writes()) {
      await fc.assert(
        fc.asyncProperty(junkBody([...route.fields]), async (body) => {
          const request = t.http[route.method](route.path).set('content-type', 'application/json');
          if (route.token) void request.set('authorization', `Bearer ${route.token}`);
          const response = await request.send(JSON.stringify(body));
          const answer = `${route.method.toUpperCase()} ${route.path} answered ${response.status}: ${response.text.slice(0, 200)}`;
          expect({ answer, clientError: response.status >= 400 && response.status < 500 }).toEqual({ answer, clientError: true });
          expect(response.body.message).toBeTruthy();
          expectNoLeaks(response);
        }),
        { numRuns: 25, endOnFailure: true },
      );
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('refuses junk query strings on every list with a 4xx (or answers a list) and never a 5xx', async () => {
    const lists = [`${API}/pilots`, `${API}/users`, `${API}/periods`, `${API}/reports`, `${API}/overdue`, `${API}/audit`, `${API}/notifications`, `${API}/summaries`, `${API}/pilots/${w.pilot.id}/tasks`, `${API}/periods/${w.period.id}/progress`];
    const before = await snapshot();
    for (const path of lists) {
      await fc.assert(
        fc.asyncProperty(junkQuery, async (query) => {
          const response = await t.as(admin).get(`${path}?${query}`);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(response.body.message).toBeTruthy();
          expectNoLeaks(response);
        }),
        { numRuns: 30, endOnFailure: true },
      );
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('refuses text holding a lone surrogate with a 400 naming the field', async () => {
    const response = await t
      .as(admin)
      .post(`${API}/users`)
      .set('content-type', 'application/json')
      .send('{"email":"x\\udc00y@example.cn","password":"a-long-password","role":"reviewer"}');
    expect(response).toHaveStatus(400);
    expect(response.body.message).toEqual(['property email holds text that is not valid Unicode (a lone surrogate)']);
  });

  it('treats junk in path ids as 400 or 404', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(...NASTY_STRINGS.filter(Boolean))).filter(encodable), async (id) => {
        const response = await t.as(admin).get(`${API}/reports/${encodeURIComponent(id)}`);
        expect([400, 404]).toContain(response.status);
      }),
      { numRuns: 50, endOnFailure: true },
    );
  });
});
