import { startTestApp, type TestApp } from '../helpers/app.js';
import { type Page, type Pilot, type PilotInput, UNKNOWN_ID, UUID } from '../helpers/contract.js';
import { createPilot, uniq } from '../helpers/factories.js';
import { API, bodyOf, expectError, expectInvalidFields, query, type Api } from '../helpers/http.js';

describe('pilots', () => {
  let t: TestApp;
  let admin: Api;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
  });
  afterAll(() => t?.close());

  const list = async (params: Record<string, string | number> = {}) =>
    bodyOf<Page<Pilot>>(await admin.get(`${API}/pilots${query({ limit: 500, ...params })}`), 200);

  describe('POST /pilots', () => {
    it('creates a pilot and answers 201 with it', async () => {
      const input: PilotInput = {
        code: uniq('zhangjiakou-'),
        kind: 'city',
        nameZh: '张家口市',
        nameEn: 'Zhangjiakou',
        provinceZh: '河北省',
        provinceEn: 'Hebei',
        batch: 1,
      };
      const pilot = bodyOf<Pilot>(await admin.post(`${API}/pilots`, input), 201);
      expect(pilot).toMatchObject(input);
      expect(pilot.id).toMatch(UUID);
    });

    it('creates a park of the second batch', async () => {
      const pilot = await createPilot(t, { kind: 'park', batch: 2 });
      expect(pilot).toMatchObject({ kind: 'park', batch: 2 });
    });

    it('answers 409 for a duplicate code', async () => {
      const { code } = await createPilot(t);
      const response = await admin.post(`${API}/pilots`, {
        code,
        kind: 'park',
        nameZh: '另一个',
        nameEn: 'Another',
        provinceZh: '山西省',
        provinceEn: 'Shanxi',
      });
      expectError(response, 409);
    });

    it('names every invalid or missing field', async () => {
      const response = await admin.post(`${API}/pilots`, { code: 'has spaces!', kind: 'town', nameZh: 42 });
      expectInvalidFields(response, ['code', 'kind', 'nameZh', 'nameEn', 'provinceZh', 'provinceEn']);
    });
  });

  describe('GET /pilots', () => {
    let hebeiCity: Pilot;
    let hebeiPark: Pilot;
    let shanxiCity: Pilot;

    beforeAll(async () => {
      // Created out of order, to see the list sorted by code.
      shanxiCity = await createPilot(t, { code: uniq('c-'), provinceZh: '山西省', provinceEn: 'Shanxi' });
      hebeiPark = await createPilot(t, { code: uniq('b-'), kind: 'park', provinceZh: '河北省', provinceEn: 'Hebei' });
      hebeiCity = await createPilot(t, { code: uniq('a-'), provinceZh: '河北省', provinceEn: 'Hebei' });
    });

    it('lists pilots as {items, total} ordered by code', async () => {
      const page = await list();
      expect(page.total).toBe(page.items.length);
      const codes = page.items.map((p) => p.code);
      expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(codes).toEqual(expect.arrayContaining([hebeiCity.code, hebeiPark.code, shanxiCity.code]));
    });

    it('filters by kind', async () => {
      const parks = await list({ kind: 'park' });
      expect(parks.items.length).toBeGreaterThan(0);
      expect(parks.items.every((p) => p.kind === 'park')).toBe(true);
      expect(parks.items.map((p) => p.id)).toContain(hebeiPark.id);
      expect(parks.items.map((p) => p.id)).not.toContain(hebeiCity.id);
    });

    it.each([
      ['English', 'Shanxi'],
      ['Chinese', '山西省'],
    ])('filters by province by its %s name', async (_language, province) => {
      const page = await list({ province });
      expect(page.items.map((p) => p.id)).toEqual([shanxiCity.id]);
      expect(page.total).toBe(1);
    });

    it('combines filters', async () => {
      const page = await list({ province: 'Hebei', kind: 'city' });
      expect(page.items.map((p) => p.id)).toContain(hebeiCity.id);
      expect(page.items.every((p) => p.kind === 'city' && p.provinceEn === 'Hebei')).toBe(true);
    });

    it('answers 200 with an empty list when a filter matches nothing', async () => {
      expect(await list({ province: 'Atlantis' })).toEqual({ items: [], total: 0 });
    });

    it('pages with limit and offset over the same order', async () => {
      const all = await list();
      const page = await list({ limit: 2, offset: 1 });
      expect(page.total).toBe(all.total);
      expect(page.items.map((p) => p.id)).toEqual(all.items.slice(1, 3).map((p) => p.id));
    });
  });

  describe('GET /pilots/:id', () => {
    it('answers the pilot', async () => {
      const pilot = await createPilot(t);
      expect(bodyOf<Pilot>(await admin.get(`${API}/pilots/${pilot.id}`), 200)).toEqual(pilot);
    });

    it('answers 404 for an unknown id', async () => {
      expectError(await admin.get(`${API}/pilots/${UNKNOWN_ID}`), 404);
    });
  });

  describe('PATCH /pilots/:id', () => {
    it('updates the given fields and keeps the others', async () => {
      const pilot = await createPilot(t);
      const updated = bodyOf<Pilot>(await admin.patch(`${API}/pilots/${pilot.id}`, { nameEn: 'Renamed City', batch: 2 }), 200);
      expect(updated).toMatchObject({ ...pilot, nameEn: 'Renamed City', batch: 2, updatedAt: expect.any(String) });
      expect(bodyOf<Pilot>(await admin.get(`${API}/pilots/${pilot.id}`), 200).nameEn).toBe('Renamed City');
    });

    it('answers 409 when the new code is taken', async () => {
      const [first, second] = await Promise.all([createPilot(t), createPilot(t)]);
      expectError(await admin.patch(`${API}/pilots/${second.id}`, { code: first.code }), 409);
    });

    it('answers 400 for an invalid kind', async () => {
      const pilot = await createPilot(t);
      expectInvalidFields(await admin.patch(`${API}/pilots/${pilot.id}`, { kind: 'village' }), ['kind']);
    });

    it('answers 404 for an unknown id', async () => {
      expectError(await admin.patch(`${API}/pilots/${UNKNOWN_ID}`, { nameEn: 'x' }), 404);
    });
  });
});
