import { startTestApp, type TestApp } from '../helpers/app.js';
import { type Page, type User, UNKNOWN_ID, UUID } from '../helpers/contract.js';
import { createPilot, createUser, uniq, USER_PASSWORD } from '../helpers/factories.js';
import { API, bodyOf, expectError, expectInvalidFields, type Api } from '../helpers/http.js';

describe('users', () => {
  let t: TestApp;
  let admin: Api;
  let pilotId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.as(await t.adminToken());
    pilotId = (await createPilot(t)).id;
  });
  afterAll(() => t?.close());

  const newEmail = () => `${uniq('user')}@example.test`;

  describe('POST /users', () => {
    it('creates a reviewer and answers 201 without any password or hash', async () => {
      const email = newEmail();
      const response = await admin.post(`${API}/users`, {
        email,
        password: USER_PASSWORD,
        role: 'reviewer',
        province: '河北省',
        displayName: '审核员 Reviewer',
      });

      const user = bodyOf<User>(response, 201);
      expect(user).toMatchObject({ email, role: 'reviewer', province: '河北省', pilotId: null, displayName: '审核员 Reviewer' });
      expect(user.id).toMatch(UUID);
      expect(response.text).not.toMatch(/password|hash|\$argon2/i);
      expect(response.text).not.toContain(USER_PASSWORD);
    });

    it('creates a pilot user bound to its pilot', async () => {
      const user = bodyOf<User>(
        await admin.post(`${API}/users`, { email: newEmail(), password: USER_PASSWORD, role: 'pilot', pilotId }),
        201,
      );
      expect(user).toMatchObject({ role: 'pilot', pilotId });
    });

    it('creates an admin who can manage users', async () => {
      const other = await createUser(t, 'admin');
      expect(other.user.role).toBe('admin');
      expect(await t.as(other.token).get(`${API}/users`)).toHaveStatus(200);
    });

    it('answers 400 when a pilot user has no pilotId', async () => {
      const response = await admin.post(`${API}/users`, { email: newEmail(), password: USER_PASSWORD, role: 'pilot' });
      expectInvalidFields(response, ['pilotId']);
    });

    it.each(['reviewer', 'admin'] as const)('answers 400 when a %s is given a pilotId', async (role) => {
      const response = await admin.post(`${API}/users`, { email: newEmail(), password: USER_PASSWORD, role, pilotId });
      expectInvalidFields(response, ['pilotId']);
    });

    it('answers 400 for a pilotId that names no pilot', async () => {
      const response = await admin.post(`${API}/users`, {
        email: newEmail(),
        password: USER_PASSWORD,
        role: 'pilot',
        pilotId: UNKNOWN_ID,
      });
      expectInvalidFields(response, ['pilotId']);
    });

    it('answers 400 for a password shorter than 10 characters', async () => {
      const response = await admin.post(`${API}/users`, { email: newEmail(), password: 'Short-1', role: 'reviewer' });
      expectInvalidFields(response, ['password']);
    });

    it('accepts a password of exactly 10 characters', async () => {
      const email = newEmail();
      expect(await admin.post(`${API}/users`, { email, password: 'Exactly-10', role: 'reviewer' })).toHaveStatus(201);
      expect(typeof (await t.login(email, 'Exactly-10'))).toBe('string');
    });

    it('names every invalid field at once', async () => {
      const response = await admin.post(`${API}/users`, { email: 'not-an-email', password: 'short', role: 'superuser' });
      expectInvalidFields(response, ['email', 'password', 'role']);
    });

    it('answers 409 for a duplicate email', async () => {
      const { email } = await createUser(t, 'reviewer');
      const response = await admin.post(`${API}/users`, { email, password: USER_PASSWORD, role: 'reviewer' });
      expectError(response, 409);
    });
  });

  describe('GET /users', () => {
    it('lists users as {items, total}, including the ones created', async () => {
      const created = await createUser(t, 'reviewer');
      const page = bodyOf<Page<User>>(await admin.get(`${API}/users?limit=500`), 200);
      expect(page.total).toBeGreaterThanOrEqual(page.items.length);
      expect(page.items.map((u) => u.id)).toContain(created.user.id);
      expect(JSON.stringify(page)).not.toMatch(/password|hash|\$argon2/i);
    });

    it('pages with limit and offset', async () => {
      await Promise.all([createUser(t, 'reviewer'), createUser(t, 'reviewer')]);
      const all = bodyOf<Page<User>>(await admin.get(`${API}/users?limit=500`), 200);
      const second = bodyOf<Page<User>>(await admin.get(`${API}/users?limit=1&offset=1`), 200);
      expect(second.total).toBe(all.total);
      expect(second.items).toHaveLength(1);
      expect(second.items[0]!.id).toBe(all.items[1]!.id);
    });
  });

  describe('PATCH /users/:id', () => {
    it('updates the display name and province and answers 200 with the user', async () => {
      const { user } = await createUser(t, 'reviewer');
      const updated = bodyOf<User>(
        await admin.patch(`${API}/users/${user.id}`, { displayName: '新名字 New name', province: 'Shanxi' }),
        200,
      );
      expect(updated).toMatchObject({ id: user.id, displayName: '新名字 New name', province: 'Shanxi' });
    });

    it('changes the password: the new one logs in, the old one no longer does', async () => {
      const { user, email, password } = await createUser(t, 'reviewer');
      const newPassword = 'A-New-Password-2';
      expect(await admin.patch(`${API}/users/${user.id}`, { password: newPassword })).toHaveStatus(200);

      expect(typeof (await t.login(email, newPassword))).toBe('string');
      expectError(await t.http.post(`${API}/auth/login`).send({ email, password }), 401);
    });

    it('answers 400 for a short new password', async () => {
      const { user } = await createUser(t, 'reviewer');
      expectInvalidFields(await admin.patch(`${API}/users/${user.id}`, { password: 'short' }), ['password']);
    });

    it('answers 400 when a user becomes a pilot user without a pilotId', async () => {
      const { user } = await createUser(t, 'reviewer');
      expectInvalidFields(await admin.patch(`${API}/users/${user.id}`, { role: 'pilot' }), ['pilotId']);
    });

    it('makes a reviewer a pilot user when given a pilotId', async () => {
      const { user } = await createUser(t, 'reviewer');
      const updated = bodyOf<User>(await admin.patch(`${API}/users/${user.id}`, { role: 'pilot', pilotId, province: null }), 200);
      expect(updated).toMatchObject({ role: 'pilot', pilotId });
    });

    it('answers 404 for an unknown user', async () => {
      expectError(await admin.patch(`${API}/users/${UNKNOWN_ID}`, { displayName: 'x' }), 404);
    });

    it('answers 400 for an unknown field', async () => {
      const { user } = await createUser(t, 'reviewer');
      expectInvalidFields(await admin.patch(`${API}/users/${user.id}`, { email: 'new@example.test' }), ['email']);
    });
  });
});
