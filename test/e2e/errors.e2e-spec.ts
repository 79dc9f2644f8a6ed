import type { Response } from 'supertest';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { UNKNOWN_ID } from '../helpers/contract.js';
import { createUser, uniq, USER_PASSWORD, world, type World } from '../helpers/factories.js';
import { API, bearer, errorMessages, expectError, expectInvalidFields, expectNoLeaks, type Api } from '../helpers/http.js';

/** How the API answers bad input: always a 4xx with `{statusCode, error, message}`, never a 5xx or internals. */
describe('errors', () => {
  let t: TestApp;
  let token: string;
  let admin: Api;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.adminToken();
    admin = t.as(token);
    w = await world(t);
  });
  afterAll(() => t?.close());

  const pilotInput = () => ({
    code: uniq('e-'),
    kind: 'city',
    nameZh: '测试',
    nameEn: 'Test',
    provinceZh: '河北省',
    provinceEn: 'Hebei',
  });
  /** A raw body on a JSON route, with the given content type. */
  const rawPost = (path: string, body: string | Buffer, contentType: string) =>
    t.http.post(path).set(bearer(token)).set('content-type', contentType).send(body);

  describe('validation', () => {
    it('names every invalid field in the message list', async () => {
      const response = await admin.post(`${API}/pilots`, {
        code: '',
        kind: 'village',
        nameZh: 7,
        nameEn: ['x'],
        provinceZh: null,
        batch: 'first',
      });
      const messages = expectInvalidFields(response, ['code', 'kind', 'nameZh', 'nameEn', 'provinceZh', 'provinceEn', 'batch']);
      expect(Array.isArray(response.body.message)).toBe(true);
      expect(messages.length).toBeGreaterThanOrEqual(7);
    });

    it('answers 400 naming an unknown JSON field instead of dropping it', async () => {
      const response = await admin.post(`${API}/pilots`, { ...pilotInput(), mayor: '某某' });
      expectInvalidFields(response, ['mayor']);
    });

    it('rejects unknown fields in nested objects too', async () => {
      const response = await admin.post(`${API}/pilots/${w.pilot.id}/tasks`, {
        code: uniq('T'),
        title: 'nested',
        category: 'energy',
        dueDate: '2025-12-31',
        milestones: [{ title: 'm', dueDate: '2025-01-01', owner: 'someone' }],
      });
      expectInvalidFields(response, ['owner']);
    });

    it('answers 400 for an impossible calendar date', async () => {
      const response = await admin.post(`${API}/periods`, {
        label: uniq('P'),
        startDate: '2024-02-30',
        endDate: '2024-03-31',
        dueDate: '2024-04-15',
      });
      expectInvalidFields(response, ['startDate']);
    });

    it.each(['2024-2-1', '2024/02/01', '20240201', '2024-02-01T00:00:00Z', ''])('answers 400 for the date %j', async (date) => {
      expectInvalidFields(
        await admin.post(`${API}/periods`, { label: uniq('P'), startDate: date, endDate: '2024-03-31', dueDate: '2024-04-15' }),
        ['startDate'],
      );
    });

    it.each([
      ['pilots', `${API}/pilots/not-a-uuid`],
      ['users', `${API}/users/12345`],
      ['tasks', `${API}/tasks/not-a-uuid`],
      ['reports', `${API}/reports/not-a-uuid`],
      ['reports by pilot', `${API}/pilots/not-a-uuid/periods/${UNKNOWN_ID}/report`],
    ])('answers 400 for an invalid UUID in the path (%s)', async (_route, path) => {
      expectError(await admin.get(path), 400);
    });
  });

  describe('bodies', () => {
    it('answers 400 for malformed JSON', async () => {
      expectError(await rawPost(`${API}/pilots`, '{"code": "x", ', 'application/json'), 400);
    });

    it.each([
      ['a JSON array', '[]'],
      ['JSON null', 'null'],
      ['a JSON string', '"pilot"'],
      ['a JSON number', '42'],
    ])('answers 400 for %s where an object is expected', async (_what, body) => {
      expectError(await rawPost(`${API}/pilots`, body, 'application/json'), 400);
    });

    it('answers 400 for an empty JSON body', async () => {
      expectError(await rawPost(`${API}/pilots`, '', 'application/json'), 400);
    });

    it.each([
      ['text/plain', JSON.stringify({ code: 'x' })],
      ['application/x-www-form-urlencoded', 'code=x&kind=city'],
      ['application/xml', '<pilot><code>x</code></pilot>'],
    ])('answers 415 for %s on a JSON route', async (contentType, body) => {
      expectError(await rawPost(`${API}/pilots`, body, contentType), 415);
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const huge = JSON.stringify({ ...pilotInput(), nameZh: 'x'.repeat(1024 * 1024 + 1) });
      expectError(await rawPost(`${API}/pilots`, huge, 'application/json'), 413);
    });

    it('accepts a body just under the limit (then judges its content)', async () => {
      const body = JSON.stringify({ ...pilotInput(), nameZh: 'x'.repeat(1000 * 1000) });
      const response = await rawPost(`${API}/pilots`, body, 'application/json');
      expectInvalidFields(response, ['nameZh']);
    });

    it('accepts JSON with a charset parameter', async () => {
      const response = await rawPost(`${API}/pilots`, JSON.stringify(pilotInput()), 'application/json; charset=utf-8');
      expect(response).toHaveStatus(201);
    });
  });

  describe('bad input never answers 5xx', () => {
    it.each<[string, () => Promise<Response>]>([
      ['a NUL character in a name', () => admin.post(`${API}/pilots`, { ...pilotInput(), nameZh: 'bad\u0000name' })],
      ['a NUL character in a login email', () => t.http.post(`${API}/auth/login`).send({ email: 'a\u0000@x.test', password: 'whatever-123' })],
      ['a NUL character in a filter', () => admin.get(`${API}/pilots?province=He%00bei`)],
      ['a huge batch number', () => admin.post(`${API}/pilots`, { ...pilotInput(), batch: 1e20 })],
      ['a fractional batch number', () => admin.post(`${API}/pilots`, { ...pilotInput(), batch: 1.5 })],
      ['an over-long code', () => admin.post(`${API}/pilots`, { ...pilotInput(), code: 'c'.repeat(500) })],
      ['an over-long name', () => admin.post(`${API}/pilots`, { ...pilotInput(), nameEn: 'n'.repeat(5000) })],
      ['a repeated query parameter', () => admin.get(`${API}/pilots?limit=1&limit=2`)],
      ['an object as a query parameter', () => admin.get(`${API}/pilots?province[$ne]=x`)],
      ['a year out of range', () => admin.post(`${API}/periods`, { label: uniq('P'), startDate: '99999-01-01', endDate: '2024-01-01', dueDate: '2024-01-01' })],
      ['an over-long password', () => admin.post(`${API}/users`, { email: `${uniq('u')}@example.test`, password: 'p'.repeat(100_000), role: 'reviewer' })],
      ['a deeply nested body', () => admin.post(`${API}/pilots`, { ...pilotInput(), extra: nest(200) })],
    ])('%s', async (_case, request) => {
      const response = await request();
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectError(response, response.status);
    });
  });

  describe('error bodies', () => {
    it('answer 404 for an unknown id with the contract\'s shape', async () => {
      const body = expectError(await admin.get(`${API}/pilots/${UNKNOWN_ID}`), 404);
      expect(body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });

    it('answer 404 for an unknown route', async () => {
      expectError(await admin.get(`${API}/no-such-thing`), 404);
    });

    it('answer 409 for a duplicate without any SQL or constraint names', async () => {
      const { email } = await createUser(t, 'reviewer');
      const response = await admin.post(`${API}/users`, { email, password: USER_PASSWORD, role: 'reviewer' });
      expectError(response, 409);
      expect(errorMessages(response).join(' ')).not.toMatch(/UQ_|IDX_|constraint|23505/);
    });

    it('answer 401 and 403 with the contract\'s shape', async () => {
      expect(expectError(await t.http.get(`${API}/pilots`), 401)).toMatchObject({ error: 'Unauthorized' });
      expect(expectError(await t.as(w.pilotUser.token).get(`${API}/users`), 403)).toMatchObject({ error: 'Forbidden' });
    });

    it('answer a wrong login without saying which part was wrong', async () => {
      const response = await t.http.post(`${API}/auth/login`).send({ email: ADMIN.email, password: 'wrong-password-1' });
      expectError(response, 401);
      expect(errorMessages(response).join(' ')).not.toMatch(/unknown|not found|no such user|wrong password/i);
    });
  });

  describe('security headers', () => {
    it.each<[string, () => Promise<Response>]>([
      ['a 200 answer', () => admin.get(`${API}/pilots`)],
      ['a 201 answer', () => admin.post(`${API}/pilots`, pilotInput())],
      ['a 400 answer', () => admin.get(`${API}/pilots/not-a-uuid`)],
      ['a 401 answer', () => t.http.get(`${API}/pilots`)],
      ['a 404 answer', () => t.http.get('/nowhere')],
      ['the health check', () => t.http.get('/health')],
    ])('are on %s', async (_case, request) => {
      const response = await request();
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers).not.toHaveProperty('x-powered-by');
      expectNoLeaks(response);
    });
  });
});

/** `{ a: { a: { … } } }`, `depth` levels deep. */
function nest(depth: number): object {
  let value: object = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
