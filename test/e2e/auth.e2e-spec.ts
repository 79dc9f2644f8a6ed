import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { CONTRACT_ROUTES, fillPath, type LoginResponse, type SessionUser, UNKNOWN_ID, UUID } from '../helpers/contract.js';
import { createPilot, createUser, type CreatedUser } from '../helpers/factories.js';
import { API, bodyOf, expectError, expectInvalidFields } from '../helpers/http.js';
import { decodeJwt, nowSeconds, signHs256, unsecured, withPayload, type JwtPart } from '../helpers/jwt.js';

describe('auth', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string) => t.http.post(`${API}/auth/login`).send({ email, password });
  const me = (token: string) => t.as(token).get(`${API}/auth/me`);

  describe('POST /auth/login', () => {
    it('answers 200 with an access token and the session user', async () => {
      const pilot = await createPilot(t);
      const { user, email, password } = await createUser(t, 'pilot', { pilotId: pilot.id });

      const body = bodyOf<LoginResponse>(await login(email, password), 200);

      expect(typeof body.accessToken).toBe('string');
      expect(body.accessToken.split('.')).toHaveLength(3);
      expect(body.user).toMatchObject({ id: user.id, email, role: 'pilot', pilotId: pilot.id, province: null });
      expect(JSON.stringify(body)).not.toMatch(/password|hash|\$argon2/i);
    });

    it('answers the bootstrap admin', async () => {
      const body = bodyOf<LoginResponse>(await login(ADMIN.email, ADMIN.password), 200);
      expect(body.user).toMatchObject({ email: ADMIN.email, role: 'admin', pilotId: null });
      expect(body.user.id).toMatch(UUID);
    });

    it('answers 401 with the same body for an unknown email and for a wrong password', async () => {
      const { email } = await createUser(t, 'reviewer');

      const wrongPassword = await login(email, 'Not-The-Password-1');
      const unknownEmail = await login('nobody-here@example.test', 'Not-The-Password-1');

      expectError(wrongPassword, 401);
      expectError(unknownEmail, 401);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
    });

    it('answers 400 naming the fields when email or password is missing', async () => {
      expectInvalidFields(await t.http.post(`${API}/auth/login`).send({}), ['email', 'password']);
      expectInvalidFields(await t.http.post(`${API}/auth/login`).send({ email: ADMIN.email }), ['password']);
    });
  });

  describe('GET /auth/me', () => {
    it('answers the caller', async () => {
      const reviewer = await createUser(t, 'reviewer', { province: 'Hebei' });
      const body = bodyOf<SessionUser>(await me(reviewer.token), 200);
      expect(body).toMatchObject({ id: reviewer.user.id, email: reviewer.email, role: 'reviewer', province: 'Hebei', pilotId: null });
      expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
    });

    it('answers 401 without a token', async () => {
      expectError(await t.http.get(`${API}/auth/me`), 401);
    });

    it.each([
      ['an empty bearer', 'Bearer '],
      ['another scheme', `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`],
      ['garbage', 'Bearer not.a.token'],
    ])('answers 401 for %s', async (_what, authorization) => {
      expectError(await t.http.get(`${API}/auth/me`).set('authorization', authorization), 401);
    });
  });

  describe('forged tokens', () => {
    let victim: CreatedUser;
    let claims: JwtPart;

    beforeAll(async () => {
      victim = await createUser(t, 'reviewer');
      claims = decodeJwt(victim.token).payload;
    });

    it('accepts a token built the same way with the real key (the forgeries below differ in one thing each)', async () => {
      const token = signHs256(claims, t.config.jwt.secret);
      expect(await me(token)).toHaveStatus(200);
    });

    it.each<[string, () => string]>([
      ['signed with another key', () => signHs256(claims, 'x'.repeat(64))],
      ['using alg none', () => unsecured(claims)],
      ['using alg none with a real signature', () => `${unsecured(claims)}${victim.token.split('.')[2]}`],
      ['that has expired', () => signHs256({ ...claims, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 }, t.config.jwt.secret)],
      ['issued by someone else', () => signHs256({ ...claims, iss: 'someone-else' }, t.config.jwt.secret)],
      ['meant for another audience', () => signHs256({ ...claims, aud: 'another-api' }, t.config.jwt.secret)],
      ['naming an unknown user', () => signHs256({ ...claims, sub: UNKNOWN_ID }, t.config.jwt.secret)],
    ])('answers 401 for a token %s', async (_what, forge) => {
      expectError(await me(forge()), 401);
    });

    it('answers 401 for a real token whose payload was changed to another user', async () => {
      const adminId = decodeJwt(admin).payload.sub;
      const tampered = withPayload(victim.token, { ...claims, sub: adminId });
      expectError(await me(tampered), 401);
      expectError(await t.as(tampered).get(`${API}/users`), 401);
    });
  });

  describe('every /api/v1 route but login', () => {
    const guarded = CONTRACT_ROUTES.filter((route) => !route.public);

    it.each(guarded.map((route) => [`${route.method} ${route.path}`, route] as const))(
      'answers 401 to %s without a token',
      async (_name, route) => {
        const request = t.http[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](fillPath(route.path));
        expectError(await (route.method === 'GET' ? request : request.send({})), 401);
      },
    );
  });

  describe('deactivated users', () => {
    it('lose their existing tokens at once and cannot log in', async () => {
      const user = await createUser(t, 'reviewer');
      expect(await me(user.token)).toHaveStatus(200);

      expect(await t.as(admin).patch(`${API}/users/${user.user.id}`, { active: false })).toHaveStatus(200);

      expectError(await me(user.token), 401);
      expectError(await t.as(user.token).get(`${API}/pilots`), 401);
      const refused = await login(user.email, user.password);
      expectError(refused, 401);
      expect(refused.body).toEqual((await login(user.email, 'Wrong-Password-1')).body);
    });

    it('can log in again once reactivated', async () => {
      const user = await createUser(t, 'reviewer');
      expect(await t.as(admin).patch(`${API}/users/${user.user.id}`, { active: false })).toHaveStatus(200);
      expect(await t.as(admin).patch(`${API}/users/${user.user.id}`, { active: true })).toHaveStatus(200);
      const token = await t.login(user.email, user.password);
      expect(await me(token)).toHaveStatus(200);
    });
  });
});
