import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

export interface TokenClaims {
  sub: string;
  /** The user's tokenVersion when the token was issued. */
  ver: number;
}

/** Issues and verifies access tokens: HS256 only, with expiry, issuer and audience checked. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(userId: string, tokenVersion: number): Promise<string> {
    const claims: TokenClaims = { sub: userId, ver: tokenVersion };
    return this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.jwt.expiresInSeconds,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
    });
  }

  /** Returns the claims of a valid token, or null for anything else. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<TokenClaims>>(token, {
        algorithms: ['HS256'],
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      });
      if (typeof claims.sub !== 'string' || typeof claims.ver !== 'number') return null;
      return { sub: claims.sub, ver: claims.ver };
    } catch {
      return null;
    }
  }
}
