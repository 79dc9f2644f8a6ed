import { createHmac } from 'node:crypto';

/** Hand-made JSON Web Tokens, to check that the API refuses every kind of forgery. */

export type JwtPart = Record<string, unknown>;

const encode = (part: JwtPart): string => Buffer.from(JSON.stringify(part)).toString('base64url');

export function decodeJwt(token: string): { header: JwtPart; payload: JwtPart; signature: string } {
  const [header, payload, signature] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined) throw new Error(`not a JWT: ${token}`);
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as JwtPart;
  return { header: decode(header), payload: decode(payload), signature };
}

/** Signs with HMAC-SHA256 under `secret`. */
export function signHs256(payload: JwtPart, secret: string, header: JwtPart = {}): string {
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT', ...header })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** An unsecured token (`alg: none`, empty signature). */
export function unsecured(payload: JwtPart): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}

/** `token` with its payload swapped for `payload`, keeping the original header and signature. */
export function withPayload(token: string, payload: JwtPart): string {
  const [header, , signature] = token.split('.');
  return `${header}.${encode(payload)}.${signature}`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
