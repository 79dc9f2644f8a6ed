import { startTestApp, type TestApp } from '../helpers/app.js';
import type { Page } from '../helpers/contract.js';
import { createDraft, createPeriod, createPilot, createTask, inNewPeriod, world } from '../helpers/factories.js';
import { API, bodyOf, expectInvalidFields, type Api } from '../helpers/http.js';

/**
 * Every list answers `{items, total}` and takes `limit` (default 50; an integer 1–500) and
 * `offset` (default 0; a non-negative integer); anything else answers 400.
 */
describe('paging', () => {
  let t: TestApp;
  let admin: Api;
  let pilotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
    // At least three records in every list.
    const w = await world(t);
    pilotId = w.pilot.id;
    await Promise.all([createTask(t, pilotId), createTask(t, pilotId), createPilot(t), createPilot(t), createPeriod(t), createPeriod(t)]);
    const [w2, w3] = await Promise.all([inNewPeriod(t, w), inNewPeriod(t, w)]);
    await Promise.all([createDraft(t, w), createDraft(t, w2), createDraft(t, w3)]);
  });
  afterAll(() => t?.close());

  const lists: [string, () => string][] = [
    ['users', () => `${API}/users`],
    ['pilots', () => `${API}/pilots`],
    ['tasks of a pilot', () => `${API}/pilots/${pilotId}/tasks`],
    ['periods', () => `${API}/periods`],
    ['reports', () => `${API}/reports`],
    ['audit events', () => `${API}/audit`],
  ];

  describe.each(lists)('%s', (_name, path) => {
    const page = async (params = '') => bodyOf<Page<{ id: string }>>(await admin.get(`${path()}${params}`), 200);

    it('answers {items, total} with defaults limit 50 and offset 0', async () => {
      const body = await page();
      expect(Object.keys(body).sort()).toEqual(['items', 'total']);
      expect(Array.isArray(body.items)).toBe(true);
      expect(body.total).toBeGreaterThanOrEqual(3);
      expect(body.items.length).toBe(Math.min(body.total, 50));
    });

    it('pages consistently with limit and offset', async () => {
      const all = await page('?limit=500');
      const first = await page('?limit=1');
      const second = await page('?limit=2&offset=1');
      expect(first.total).toBe(all.total);
      expect(second.total).toBe(all.total);
      expect(first.items.map((i) => i.id)).toEqual([all.items[0]!.id]);
      expect(second.items.map((i) => i.id)).toEqual(all.items.slice(1, 3).map((i) => i.id));
    });

    it('answers an empty page past the end, with the total', async () => {
      const all = await page('?limit=500');
      expect(await page(`?offset=${all.total}`)).toEqual({ items: [], total: all.total });
    });

    it.each(['0', '501', '-1', '1.5', 'ten'])('answers 400 for limit=%j', async (limit) => {
      expectInvalidFields(await admin.get(`${path()}?limit=${limit}`), ['limit']);
    });

    it.each(['-1', '0.5', 'first'])('answers 400 for offset=%j', async (offset) => {
      expectInvalidFields(await admin.get(`${path()}?offset=${offset}`), ['offset']);
    });

    it('accepts the bounds limit=1 and limit=500', async () => {
      expect((await page('?limit=1')).items).toHaveLength(1);
      expect(await admin.get(`${path()}?limit=500&offset=0`)).toHaveStatus(200);
    });
  });
});
