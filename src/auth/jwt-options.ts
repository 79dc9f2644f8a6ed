import { createSecretKey } from 'node:crypto';
import type { JwtModuleOptions } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config.js';

/**
 * The signing key as a parsed key object: given a string, the token library would first try to
 * parse it as a PEM public key on every verification, and throw and catch on each request.
 */
export function jwtModuleOptions(config: AppConfig): JwtModuleOptions {
  return { secret: createSecretKey(Buffer.from(config.jwt.secret, 'utf8')) };
}
