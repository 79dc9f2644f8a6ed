import { startTestApp, type TestApp } from '../helpers/app.js';
import { type Page, type Period, type PeriodInput, UNKNOWN_ID, UUID } from '../helpers/contract.js';
import { createPeriod, uniq } from '../helpers/factories.js';
import { API, bodyOf, expectError, expectInvalidFields, type Api } from '../helpers/http.js';

describe('periods', () => {
  let t: TestApp;
  let admin: Api;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
  });
  afterAll(() => t?.close());

  const input = (over: Partial<PeriodInput> = {}): PeriodInput => ({
    label: uniq('2024-Q'),
    startDate: '2024-07-01',
    endDate: '2024-09-30',
    dueDate: '2024-10-15',
    ...over,
  });

  describe('POST /periods', () => {
    it('creates an open period and answers 201 with it', async () => {
      const body = input();
      const period = bodyOf<Period>(await admin.post(`${API}/periods`, body), 201);
      expect(period).toMatchObject({ ...body, closed: false });
      expect(period.id).toMatch(UUID);
    });

    it('accepts a period whose dates coincide', async () => {
      const body = input({ startDate: '2024-12-31', endDate: '2024-12-31', dueDate: '2024-12-31' });
      expect(bodyOf<Period>(await admin.post(`${API}/periods`, body), 201)).toMatchObject(body);
    });

    it.each([
      ['startDate after endDate', { startDate: '2024-10-01', endDate: '2024-09-30' }],
      ['endDate after dueDate', { endDate: '2024-10-16', dueDate: '2024-10-15' }],
    ])('answers 400 for %s', async (_case, dates) => {
      expectError(await admin.post(`${API}/periods`, input(dates)), 400);
    });

    it('answers 400 naming an impossible date', async () => {
      expectInvalidFields(await admin.post(`${API}/periods`, input({ startDate: '2024-02-30' })), ['startDate']);
    });

    it('names every missing field', async () => {
      expectInvalidFields(await admin.post(`${API}/periods`, {}), ['label', 'startDate', 'endDate', 'dueDate']);
    });

    it('answers 409 for a duplicate label', async () => {
      const { label } = await createPeriod(t);
      expectError(await admin.post(`${API}/periods`, input({ label })), 409);
    });
  });

  describe('GET /periods', () => {
    it('lists periods as {items, total} ordered by startDate', async () => {
      const late = await createPeriod(t, { startDate: '2030-07-01', endDate: '2030-09-30', dueDate: '2030-10-15' });
      const early = await createPeriod(t, { startDate: '2020-01-01', endDate: '2020-03-31', dueDate: '2020-04-15' });

      const page = bodyOf<Page<Period>>(await admin.get(`${API}/periods?limit=500`), 200);
      expect(page.total).toBe(page.items.length);
      const starts = page.items.map((p) => p.startDate);
      expect(starts).toEqual([...starts].sort());
      const ids = page.items.map((p) => p.id);
      expect(ids.indexOf(early.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(early.id)).toBeLessThan(ids.indexOf(late.id));
    });

    it('pages with limit and offset', async () => {
      await Promise.all([createPeriod(t), createPeriod(t)]);
      const all = bodyOf<Page<Period>>(await admin.get(`${API}/periods?limit=500`), 200);
      const page = bodyOf<Page<Period>>(await admin.get(`${API}/periods?limit=1&offset=1`), 200);
      expect(page).toEqual({ items: [all.items[1]], total: all.total });
    });
  });

  describe('POST /periods/:id/close and /reopen', () => {
    it('closes and reopens a period, answering 200 with it', async () => {
      const period = await createPeriod(t);

      const closed = bodyOf<Period>(await admin.post(`${API}/periods/${period.id}/close`), 200);
      expect(closed).toMatchObject({ id: period.id, label: period.label, closed: true });

      const reopened = bodyOf<Period>(await admin.post(`${API}/periods/${period.id}/reopen`), 200);
      expect(reopened).toMatchObject({ id: period.id, closed: false });
    });

    it('shows the closed state in the list', async () => {
      const period = await createPeriod(t);
      expect(await admin.post(`${API}/periods/${period.id}/close`)).toHaveStatus(200);
      const page = bodyOf<Page<Period>>(await admin.get(`${API}/periods?limit=500`), 200);
      expect(page.items.find((p) => p.id === period.id)).toMatchObject({ closed: true });
    });

    it.each(['close', 'reopen'])('answers 404 to %s an unknown period', async (action) => {
      expectError(await admin.post(`${API}/periods/${UNKNOWN_ID}/${action}`), 404);
    });
  });
});
