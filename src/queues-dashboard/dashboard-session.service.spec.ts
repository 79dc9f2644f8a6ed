import { jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { jwtModuleOptions } from '../auth/jwt-options.js';
import type { TokenService } from '../auth/token.service.js';
import { loadConfig } from '../config/app-config.js';
import type { User } from '../users/user.entity.js';
import type { UsersService } from '../users/users.service.js';
import { DashboardSessions } from './dashboard-session.service.js';

const ADMIN = { id: '6f1c1b0e-8d3a-4c57-9a51-0f2a3c4d5e6f', role: 'admin', tokenVersion: 0, active: true } as User;
const MINUTE = 60_000;

describe('DashboardSessions', () => {
  const config = loadConfig({ JWT_EXPIRES_IN_SECONDS: '3600' });
  const users = { findActiveById: async (id: string) => (id === ADMIN.id ? ADMIN : null) } as unknown as UsersService;
  const sessions = new DashboardSessions(new JwtService(jwtModuleOptions(config)), {} as TokenService, users, config);
  const cookieOf = (setCookie: string) => ({ cookie: setCookie.split(';')[0] });

  // Only the clock moves: the token library signs and verifies through real callbacks.
  let now = 0;
  const advance = (ms: number) => (now += ms);
  beforeEach(() => {
    now = Date.parse('2026-03-01T08:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('renews the cookie in the second half of its life, and never past the login lifetime', async () => {
    let cookie = cookieOf((await sessions.open(ADMIN.id, 'http')).setCookie);
    expect(await sessions.check(cookie, 'http')).toEqual({ status: 200, setCookie: null });

    // Used every few minutes, the session lives on, one renewal at a time...
    for (let minutes = 10; minutes <= 50; minutes += 10) {
      advance(10 * MINUTE);
      const verdict = await sessions.check(cookie, 'http');
      expect(verdict).toMatchObject({ status: 200, setCookie: expect.stringContaining('Max-Age=') });
      if (verdict.status === 200 && verdict.setCookie) cookie = cookieOf(verdict.setCookie);
    }
    // ...but the renewal at 50 minutes lasts only to the hour the login would have lasted.
    advance(11 * MINUTE);
    expect(await sessions.check(cookie, 'http')).toMatchObject({ status: 401 });
  });

  it('ends a session left unused for its lifetime', async () => {
    const cookie = cookieOf((await sessions.open(ADMIN.id, 'http')).setCookie);
    advance(16 * MINUTE);
    expect(await sessions.check(cookie, 'http')).toMatchObject({ status: 401 });
  });

  it('marks the cookie Secure over HTTPS only', async () => {
    expect((await sessions.open(ADMIN.id, 'https')).setCookie).toMatch(/; Secure$/);
    expect((await sessions.open(ADMIN.id, 'http')).setCookie).not.toContain('Secure');
  });
});
