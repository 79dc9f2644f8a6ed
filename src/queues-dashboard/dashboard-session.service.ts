import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { IncomingHttpHeaders } from 'node:http';
import { TokenService } from '../auth/token.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';

/** Where the queue dashboard is served; the session cookie is scoped to it. */
export const QUEUES_DASHBOARD_PATH = '/admin/queues';
export const SESSION_COOKIE = 'pilot_tracker_queues';
/** The cookie is renewed while the dashboard is in use, so it can be short. */
const SESSION_TTL_SECONDS = 15 * 60;
/** A different audience from access tokens: neither kind of token passes for the other. */
const AUDIENCE = 'pilot-tracker-queues';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BEARER = /^Bearer\s+(\S+)$/i;

interface SessionClaims {
  sub: string;
  /** The user's tokenVersion: a password change ends the session like it ends access tokens. */
  ver: number;
  /** Epoch seconds after which no renewal is given: a session lasts at most one login's lifetime. */
  until: number;
}

export type Verdict =
  | { status: 200; setCookie: string | null }
  | { status: 401 | 403; message: string };

/**
 * The dashboard is opened by a plain browser navigation, which cannot carry the console's bearer
 * token: an admin's console trades its token for this cookie (httpOnly, SameSite=Strict, scoped to
 * the dashboard's path), and every dashboard request is checked against the user as it is now.
 * Scripts may send an access token instead, as they do to the API.
 */
@Injectable()
export class DashboardSessions {
  constructor(
    private readonly jwt: JwtService,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new session for an admin who just authenticated with an access token (the guards checked both). */
  async open(userId: string, protocol: string): Promise<{ setCookie: string; expiresAt: Date }> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw new Error(`User ${userId} vanished between the guard and the handler`);
    const until = nowSeconds() + this.config.jwt.expiresInSeconds;
    return this.issue({ sub: user.id, ver: user.tokenVersion, until }, this.secure(protocol));
  }

  /** A Set-Cookie value that removes the session. */
  close(protocol: string): string {
    return serializeCookie('', 0, this.secure(protocol));
  }

  /** Checks a dashboard request's credentials; renews the cookie once half its life is gone. */
  async check(headers: IncomingHttpHeaders, protocol: string): Promise<Verdict> {
    const bearer = BEARER.exec(headers.authorization ?? '')?.[1];
    if (bearer) {
      const claims = await this.tokens.verify(bearer);
      const user = claims && UUID.test(claims.sub) ? await this.currentUser(claims.sub, claims.ver) : null;
      return user ? this.adminOnly(user, null) : { status: 401, message: 'The token is invalid or expired' };
    }
    const token = readCookie(headers.cookie, SESSION_COOKIE);
    if (!token) return { status: 401, message: 'Open the queue dashboard from the console (admins only)' };
    const claims = await this.verify(token);
    if (!claims) return { status: 401, message: 'The dashboard session is invalid or expired: open it again from the console' };
    const user = await this.currentUser(claims.sub, claims.ver);
    if (!user) return { status: 401, message: 'The dashboard session is no longer valid' };
    const renew = claims.exp - nowSeconds() < SESSION_TTL_SECONDS / 2 && claims.until > nowSeconds();
    return this.adminOnly(user, renew ? (await this.issue(claims, this.secure(protocol))).setCookie : null);
  }

  /** The user while active and holding the same token version (deactivation, a new password or role end it). */
  private async currentUser(id: string, tokenVersion: number): Promise<User | null> {
    const user = await this.users.findActiveById(id);
    return user && user.tokenVersion === tokenVersion ? user : null;
  }

  private adminOnly(user: User, setCookie: string | null): Verdict {
    return user.role === 'admin' ? { status: 200, setCookie } : { status: 403, message: 'The queue dashboard is only for: admin' };
  }

  /** Plain-HTTP intranet deployments must work; behind a TLS proxy PUBLIC_URL says https. */
  private secure(protocol: string): boolean {
    return protocol === 'https' || (this.config.channels.publicUrl?.startsWith('https:') ?? false);
  }

  private async issue(claims: SessionClaims, secure: boolean): Promise<{ setCookie: string; expiresAt: Date }> {
    const lifetime = Math.max(1, Math.min(SESSION_TTL_SECONDS, claims.until - nowSeconds()));
    const token = await this.jwt.signAsync(
      { sub: claims.sub, ver: claims.ver, until: claims.until },
      { algorithm: 'HS256', expiresIn: lifetime, issuer: this.config.jwt.issuer, audience: AUDIENCE },
    );
    return { setCookie: serializeCookie(token, lifetime, secure), expiresAt: new Date((nowSeconds() + lifetime) * 1000) };
  }

  private async verify(token: string): Promise<(SessionClaims & { exp: number }) | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<SessionClaims & { exp: number }>>(token, {
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: AUDIENCE,
      });
      const { sub, ver, until, exp } = claims;
      if (typeof sub !== 'string' || !UUID.test(sub) || typeof ver !== 'number' || typeof until !== 'number' || typeof exp !== 'number') return null;
      return { sub, ver, until, exp };
    } catch {
      return null;
    }
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function serializeCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, `Path=${QUEUES_DASHBOARD_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || null;
  }
  return null;
}
