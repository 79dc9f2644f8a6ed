import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createPilot, createUser, type CreatedUser } from '../helpers/factories.js';
import { API, bearer, bodyOf, expectError, expectNoLeaks } from '../helpers/http.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { eventually } from '../helpers/wait.js';

const DASHBOARD = '/admin/queues';
const SESSION = `${API}/admin/queues-session`;
/** The job catalogue's queues (src/jobs/job-catalogue.ts), as the dashboard must list them. */
const QUEUES = ['aggregation', 'summaries', 'notifications'];

/** The `name=value` of the dashboard cookie a response sets, with its attributes. */
function sessionCookie(response: Response): { pair: string; attributes: string } {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((c) => c.startsWith('pilot_tracker_queues='));
  if (!header) throw new Error(`No dashboard cookie in ${JSON.stringify(response.headers)}`);
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { pair: pair!, attributes: attributes.join('; ') };
}

async function openSession(t: TestApp, token: string): Promise<string> {
  const response = await t.as(token).post(SESSION);
  expect(bodyOf<{ url: string; expiresAt: string }>(response, 200)).toMatchObject({ url: `${DASHBOARD}/` });
  return sessionCookie(response).pair;
}

const queueNames = (response: Response) => (response.body as { queues: { name: string }[] }).queues.map((queue) => queue.name);

describe('queue dashboard (bull-board)', () => {
  let t: TestApp;
  let adminCookie: string;
  let pilot: CreatedUser;
  let reviewer: CreatedUser;

  beforeAll(async () => {
    t = await startTestApp();
    [pilot, reviewer] = await Promise.all([createPilot(t).then((p) => createUser(t, 'pilot', { pilotId: p.id })), createUser(t, 'reviewer')]);
    adminCookie = await openSession(t, await t.adminToken());
  });
  afterAll(() => t?.close());

  describe('without an admin session', () => {
    it.each([`${DASHBOARD}`, `${DASHBOARD}/`, `${DASHBOARD}/api/queues`, `${DASHBOARD}/queue/aggregation`, `${DASHBOARD}/static/favicon-32x32.png`])(
      'answers 401 to an anonymous GET %s, never the console page',
      async (path) => {
        expectError(await t.http.get(path).set('accept', 'text/html,application/json'), 401);
      },
    );

    it('answers 401 to a session request without a token', async () => {
      expectError(await t.http.post(SESSION), 401);
    });

    it('answers 403 to pilots and reviewers asking for a session, and sets no cookie', async () => {
      for (const user of [pilot, reviewer]) {
        const response = await t.as(user.token).post(SESSION);
        expectError(response, 403);
        expect(response.headers['set-cookie']).toBeUndefined();
      }
    });

    it('answers 403 to pilots and reviewers sending their access token to the dashboard', async () => {
      for (const user of [pilot, reviewer]) {
        expectError(await t.http.get(`${DASHBOARD}/api/queues`).set(bearer(user.token)), 403);
        expectError(await t.http.get(`${DASHBOARD}/`).set(bearer(user.token)).set('accept', 'text/html'), 403);
      }
    });

    it('takes no access token passed off as the cookie, nor the cookie as an access token', async () => {
      const token = await t.adminToken();
      expectError(await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', `pilot_tracker_queues=${token}`), 401);
      expectError(await t.as(adminCookie.split('=')[1]).get(`${API}/auth/me`), 401);
      expectError(await t.http.get(`${DASHBOARD}/api/queues`).set(bearer(adminCookie.split('=')[1]!)), 401);
    });

    it('refuses a forged or mangled cookie', async () => {
      const [name, value] = adminCookie.split('=') as [string, string];
      const mangled = `${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`;
      expectError(await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', `${name}=${mangled}`), 401);
    });
  });

  describe('with an admin session', () => {
    it('sets an httpOnly, SameSite=Strict cookie scoped to the dashboard, short-lived and not Secure over plain HTTP', async () => {
      const response = await t.as(await t.adminToken()).post(SESSION);
      const { attributes } = sessionCookie(response);
      expect(attributes).toContain('HttpOnly');
      expect(attributes).toContain('SameSite=Strict');
      expect(attributes).toContain(`Path=${DASHBOARD}`);
      expect(Number(/Max-Age=(\d+)/.exec(attributes)?.[1])).toBeLessThanOrEqual(15 * 60);
      expect(attributes).not.toContain('Secure');
    });

    it('serves the dashboard page with its assets, under the API security headers', async () => {
      const page = await t.http.get(`${DASHBOARD}/`).set('cookie', adminCookie).set('accept', 'text/html');
      expect(page).toHaveStatus(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain(`<base href="${DASHBOARD}/"`);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-content-type-options']).toBe('nosniff');

      const script = /<script defer src="(static\/js\/main[^"]+)"/.exec(page.text)?.[1];
      expect(script).toBeDefined();
      const asset = await t.http.get(`${DASHBOARD}/${script}`).set('cookie', adminCookie);
      expect(asset).toHaveStatus(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      // A page of the dashboard's own router, reloaded in the browser.
      expect(await t.http.get(`${DASHBOARD}/queue/summaries`).set('cookie', adminCookie)).toHaveStatus(200);
    });

    it('lists every queue of the job catalogue through its API', async () => {
      const response = await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', adminCookie);
      expect(response).toHaveStatus(200);
      expect(queueNames(response).sort()).toEqual([...QUEUES].sort());
    });

    it("takes an admin's access token too, for scripts", async () => {
      const response = await t.http.get(`${DASHBOARD}/api/queues`).set(bearer(await t.adminToken()));
      expect(response).toHaveStatus(200);
      expect(queueNames(response).sort()).toEqual([...QUEUES].sort());
    });

    it('ends the session on DELETE', async () => {
      const response = await t.as(await t.adminToken()).delete(SESSION);
      expect(response).toHaveStatus(204);
      expect(sessionCookie(response)).toMatchObject({ pair: 'pilot_tracker_queues=' });
      expect(sessionCookie(response).attributes).toContain('Max-Age=0');
    });
  });

  describe('an admin whose account changes', () => {
    let other: CreatedUser;
    let cookie: string;

    beforeEach(async () => {
      other = await createUser(t, 'admin');
      cookie = await openSession(t, other.token);
      expect(await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie)).toHaveStatus(200);
    });

    it('loses the dashboard at once when deactivated', async () => {
      bodyOf(await t.as(await t.adminToken()).patch(`${API}/users/${other.user.id}`, { active: false }), 200);
      expectError(await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie), 401);
      expectError(await t.http.get(`${DASHBOARD}/`).set('cookie', cookie), 401);
    });

    it('loses the dashboard at once when no longer an admin', async () => {
      bodyOf(await t.as(await t.adminToken()).patch(`${API}/users/${other.user.id}`, { role: 'reviewer' }), 200);
      expectError(await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie), 401);
    });

    it('loses the dashboard when the password changes', async () => {
      bodyOf(await t.as(await t.adminToken()).patch(`${API}/users/${other.user.id}`, { password: 'Another-Password-7' }), 200);
      expectError(await t.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie), 401);
    });
  });

  it('answers an error, not a crash, while Redis is away, and works again once it is back', async () => {
    const redis = new URL(t.config.redisUrl);
    const proxy = await startTcpProxy(Number(redis.port || 6379), redis.hostname);
    const app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, LOG_LEVEL: 'fatal' });
    try {
      const cookie = await openSession(app, await app.adminToken());
      expect(await app.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie)).toHaveStatus(200);

      proxy.cut();
      const failed = await app.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie);
      expect(failed.status).toBeGreaterThanOrEqual(500);
      expectNoLeaks(failed);
      expect(await app.http.get(`${DASHBOARD}/`).set('cookie', cookie)).toHaveStatus(200);
      expect(await app.as(await app.adminToken()).get(`${API}/auth/me`)).toHaveStatus(200);

      proxy.restore();
      await eventually(async () => expect(await app.http.get(`${DASHBOARD}/api/queues`).set('cookie', cookie)).toHaveStatus(200));
    } finally {
      proxy.restore();
      await app.close();
      await proxy.close();
    }
  });
});
