import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookSignature } from '../../src/notifications/channels/webhook.sender.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Report } from '../helpers/contract.js';
import { createPeriod, createPilot, createTask, createUser, createSubmitted, reportActions, world } from '../helpers/factories.js';
import { API, bodyOf } from '../helpers/http.js';
import { eventually } from '../helpers/workers.js';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: { type: string; id: string };
  createdAt: string;
  readAt: string | null;
}

describe('notifications and reminders', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const inbox = async (token: string, query = '') =>
    bodyOf<{ items: Notice[]; total: number }>(await t.as(token).get(`${API}/notifications?limit=500${query}`), 200);
  const runAt = async (asOf: string) => bodyOf<{ notified: number }>(await t.as(admin).post(`${API}/reminders/run`, { asOf }), 200);

  describe('workflow events', () => {
    it('tells reviewers in scope of a submission, and the pilot of a return (with the note) and an acceptance', async () => {
      const w = await world(t, { reviewerProvince: '河北省' });
      const elsewhere = await createUser(t, 'reviewer', { province: 'Shanxi' });
      const report = await createSubmitted(t, w);

      const reviewerInbox = await inbox(w.reviewer.token);
      expect(reviewerInbox.items).toContainEqual(expect.objectContaining({ kind: 'report_submitted', link: { type: 'report', id: report.id } }));
      expect((await inbox(elsewhere.token)).items.some((n) => n.link.id === report.id)).toBe(false);

      bodyOf<Report>(await reportActions(t, w).return(report.id, '请补充佐证材料 add evidence'), 200);
      const returned = (await inbox(w.pilotUser.token)).items.find((n) => n.kind === 'report_returned');
      expect(returned?.body).toContain('请补充佐证材料 add evidence');

      bodyOf<Report>(await reportActions(t, w).submit(report.id), 200);
      bodyOf<Report>(await reportActions(t, w).accept(report.id), 200);
      expect((await inbox(w.pilotUser.token)).items.map((n) => n.kind)).toEqual(expect.arrayContaining(['report_returned', 'report_accepted']));
    });

    it('lists unread first, marks one or all read, and hides other users\' notices', async () => {
      const w = await world(t);
      const report = await createSubmitted(t, w);
      bodyOf<Report>(await reportActions(t, w).return(report.id), 200);
      bodyOf<Report>(await reportActions(t, w).submit(report.id), 200);
      bodyOf<Report>(await reportActions(t, w).accept(report.id), 200);
      const [first, second] = (await inbox(w.pilotUser.token)).items;

      const read = bodyOf<Notice>(await t.as(w.pilotUser.token).post(`${API}/notifications/${first!.id}/read`), 200);
      expect(read.readAt).not.toBeNull();
      expect((await inbox(w.pilotUser.token)).items.map((n) => n.id)).toEqual([second!.id, first!.id]);
      expect((await inbox(w.pilotUser.token, '&unread=true')).items.map((n) => n.id)).toEqual([second!.id]);
      expect((await t.as(w.reviewer.token).post(`${API}/notifications/${second!.id}/read`)).status).toBe(404);

      expect(bodyOf<{ updated: number }>(await t.as(w.pilotUser.token).post(`${API}/notifications/read-all`), 200)).toEqual({ updated: 1 });
      expect((await inbox(w.pilotUser.token, '&unread=true')).total).toBe(0);
    });
  });

  describe('the reminder and escalation scan', () => {
    /** A pilot in its own province with one task due 2031-03-31 (no milestones) and one user. */
    async function dueWorld() {
      const province = `省${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
      const pilot = await createPilot(t, { provinceZh: province, provinceEn: province });
      const task = await createTask(t, pilot.id, { dueDate: '2031-03-31', milestones: [], indicators: [] });
      const user = await createUser(t, 'pilot', { pilotId: pilot.id });
      const reviewer = await createUser(t, 'reviewer', { province });
      return { pilot, task, user, reviewer };
    }
    const aboutTask = async (token: string, taskId: string) => (await inbox(token)).items.filter((n) => n.link.id === taskId);

    it('reminds 7 days and 1 day ahead, once each however often it runs', async () => {
      const w = await dueWorld();
      await runAt('2031-03-20');
      expect(await aboutTask(w.user.token, w.task.id)).toEqual([]);
      await runAt('2031-03-24');
      await runAt('2031-03-24');
      expect((await aboutTask(w.user.token, w.task.id)).map((n) => n.kind)).toEqual(['deadline_upcoming']);
      await runAt('2031-03-30');
      const notices = await aboutTask(w.user.token, w.task.id);
      expect(notices.map((n) => n.kind)).toEqual(['deadline_upcoming', 'deadline_upcoming']);
      expect(notices[0]!.title).toContain('1');
    });

    it('sends only the most advanced threshold when several passed at once', async () => {
      const w = await dueWorld();
      await runAt('2031-05-15'); // 45 days late: the overdue notice and both escalations (7 and 30 days) passed
      expect((await aboutTask(w.user.token, w.task.id)).map((n) => n.kind)).toEqual(['item_overdue']);
      const escalations = await aboutTask(w.reviewer.token, w.task.id);
      expect(escalations.map((n) => n.kind)).toEqual(['escalation']);
      expect(escalations[0]!.title).toContain('45');
      expect((await aboutTask(admin, w.task.id)).map((n) => n.kind)).toEqual(['escalation']);
      // Running again, or for an earlier date, adds nothing.
      await runAt('2031-05-15');
      await runAt('2031-04-08');
      expect(await aboutTask(w.reviewer.token, w.task.id)).toHaveLength(1);
    });

    it('never duplicates a notice when scans run at the same moment', async () => {
      const w = await dueWorld();
      const results = await Promise.all(Array.from({ length: 4 }, () => runAt('2031-04-02')));
      expect(results.reduce((sum, r) => sum + r.notified, 0)).toBeGreaterThan(0);
      expect((await aboutTask(w.user.token, w.task.id)).map((n) => n.kind)).toEqual(['item_overdue']);
    });

    it('reminds pilots of reports due soon, and only admins may run the scan', async () => {
      const period = await createPeriod(t, { startDate: '2032-01-01', endDate: '2032-03-31', dueDate: '2032-04-15' });
      const w = await dueWorld();
      await runAt('2032-04-14');
      expect((await inbox(w.user.token)).items.filter((n) => n.link.id === period.id).map((n) => [n.kind, n.link.type])).toEqual([
        ['deadline_upcoming', 'period'],
      ]);
      expect((await t.as(w.user.token).post(`${API}/reminders/run`, {})).status).toBe(403);
      expect((await t.as(admin).post(`${API}/reminders/run`, { asOf: '2032-02-30' })).status).toBe(400);
    });
  });

  describe('webhook channel', () => {
    let server: Server;
    let hooked: TestApp;
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failNext = 1;
    const secret = 'a-test-webhook-secret-123';

    beforeAll(async () => {
      server = createServer((request, response) => {
        let body = '';
        request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        request.on('end', () => {
          received.push({ headers: request.headers, body });
          response.statusCode = failNext-- > 0 ? 500 : 204;
          response.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      hooked = await startTestApp({ WEBHOOK_URLS: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: secret });
    });
    afterAll(async () => {
      await hooked?.close();
      await new Promise((resolve) => server.close(resolve));
    });

    it('posts each notice signed with HMAC-SHA256 and retries after a 500', async () => {
      const w = await world(hooked);
      const report = await createSubmitted(hooked, w);
      // The first attempt answered 500; the retry after the backoff is accepted.
      const delivered = await eventually(async () => received[1], 30_000);
      expect(received[0]!.body).toBe(delivered.body);
      expect(delivered.headers['content-type']).toBe('application/json');
      const notice = JSON.parse(delivered.body) as { kind: string; link: { id: string }; recipient: { email: string } };
      expect(notice).toMatchObject({ kind: 'report_submitted', link: { id: report.id }, recipient: { email: w.reviewer.email } });
      const timestamp = String(delivered.headers['x-pilot-tracker-timestamp']);
      expect(delivered.headers['x-pilot-tracker-signature']).toBe(webhookSignature(secret, timestamp, delivered.body));
    }, 45_000);
  });
});
