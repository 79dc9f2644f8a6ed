import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { API, expectError } from '../helpers/http.js';

/**
 * API.md: after 5 failures for one account within 15 minutes, or 50 from one IP, further
 * attempts answer 429 with Retry-After; 429s do not count as failures; a successful login
 * resets the account's count; other accounts are not slowed by one account's failures.
 * Every request here comes from 127.0.0.1, so the per-IP limit runs last, in its own app.
 */
describe('login throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password: string) => t.http.post(`${API}/auth/login`).send({ email, password });
  const failTimes = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) expectError(await attempt(email, `Wrong-Password-${i}`), 401);
  };

  it('answers 429 with Retry-After after 5 failures for one account, even to the right password', async () => {
    const user = await createUser(t, 'reviewer');
    await failTimes(user.email, 5);

    for (const password of ['Wrong-Password-6', user.password]) {
      const response = await attempt(user.email, password);
      expectError(response, 429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('does not slow down other accounts', async () => {
    const [victim, bystander] = await Promise.all([createUser(t, 'reviewer'), createUser(t, 'reviewer')]);
    await failTimes(victim.email, 5);
    expect(await attempt(bystander.email, bystander.password)).toHaveStatus(200);
  });

  it('resets the account\'s count after a successful login', async () => {
    const user = await createUser(t, 'reviewer');
    await failTimes(user.email, 4);
    expect(await attempt(user.email, user.password)).toHaveStatus(200);
    await failTimes(user.email, 4);
    expect(await attempt(user.email, user.password)).toHaveStatus(200);
  });

  it('answers 429 after 50 failures from one IP, across accounts, even to the right password', async () => {
    const perIp = await startTestApp();
    try {
      const user = await createUser(perIp, 'reviewer');
      // 10 unknown accounts × 5 failures: no account is over its own limit, the IP reaches 50.
      for (let account = 0; account < 10; account++) {
        for (let i = 0; i < 5; i++) {
          const response = await perIp.http.post(`${API}/auth/login`).send({ email: `nobody-${account}@example.test`, password: `Wrong-${i}-pass` });
          expectError(response, 401);
        }
      }
      const response = await perIp.http.post(`${API}/auth/login`).send({ email: user.email, password: user.password });
      expectError(response, 429);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await perIp.close();
    }
    // 50 password hashes (argon2, on purpose slow) take a while on a busy 2-core machine.
  }, 120_000);
});
