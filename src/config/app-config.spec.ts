import { ConfigValidationError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/pilot_tracker',
      redisUrl: 'redis://127.0.0.1:6379',
      queuePrefix: 'pilot-tracker',
      appRole: 'all',
      timezone: 'Asia/Shanghai',
      bootstrapAdmin: null,
    });
    expect(config.jwt.secret).toHaveLength(64);
  });

  it('lists every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'nope',
        APP_ROLE: 'both',
        APP_TIMEZONE: 'Mars/Olympus',
        QUEUE_PREFIX: 'a:b',
        ADMIN_EMAIL: 'admin@example.cn',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'APP_ROLE', 'APP_TIMEZONE', 'QUEUE_PREFIX', 'JWT_SECRET', 'ADMIN_EMAIL and ADMIN_PASSWORD']) {
      expect(problems).toContain(name);
    }
  });

  it('refuses a short JWT secret and a short admin password', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short', ADMIN_EMAIL: 'a@b.cn', ADMIN_PASSWORD: 'short' })).toThrow(
      /JWT_SECRET must be at least 32 characters[\s\S]*ADMIN_PASSWORD must be at least 10 characters/,
    );
  });

  it('lower-cases the bootstrap admin email', () => {
    expect(loadConfig({ ADMIN_EMAIL: 'Admin@Example.CN', ADMIN_PASSWORD: 'long-enough-1' }).bootstrapAdmin).toEqual({
      email: 'admin@example.cn',
      password: 'long-enough-1',
    });
  });
});
