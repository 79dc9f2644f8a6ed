import { createHmac, timingSafeEqual } from 'node:crypto';

/** The issuer and audience the application puts in and checks on its access tokens. */
export const TOKEN_ISSUER = 'pilot-tracker';
export const TOKEN_AUDIENCE = 'pilot-tracker-api';

export interface AccessClaims {
  sub: string;
  ver: number;
}

const encode = (part: object): string => Buffer.from(JSON.stringify(part)).toString('base64url');
const signature = (unsigned: string, secret: string): Buffer => createHmac('sha256', secret).update(unsigned).digest();

/** An HS256 access token the application accepts (the benchmarks sign their own, no login needed). */
export function signAccessToken(claims: AccessClaims, secret: string, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...claims, iat: now, exp: now + lifetimeSeconds, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })}`;
  return `${unsigned}.${signature(unsigned, secret).toString('base64url')}`;
}

/** The claims of a valid HS256 token with the application's issuer and audience, or null. */
export function verifyAccessToken(token: string, secret: string): AccessClaims | null {
  const [header, payload, signed] = token.split('.');
  if (!header || !payload || !signed) return null;
  const expected = signature(`${header}.${payload}`, secret);
  const given = Buffer.from(signed, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const valid =
      alg === 'HS256' &&
      claims.iss === TOKEN_ISSUER &&
      claims.aud === TOKEN_AUDIENCE &&
      typeof claims.exp === 'number' &&
      claims.exp > Date.now() / 1000 &&
      typeof claims.sub === 'string' &&
      typeof claims.ver === 'number';
    return valid ? { sub: claims.sub as string, ver: claims.ver as number } : null;
  } catch {
    return null;
  }
}
