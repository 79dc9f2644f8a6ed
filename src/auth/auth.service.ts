import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import type { LoginDto, LoginResponse, SessionUser } from './dto/login.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordService } from './password.service.js';
import { TokenService } from './token.service.js';

export function toSessionUser(user: Pick<User, 'id' | 'email' | 'role' | 'pilotId' | 'province' | 'displayName'>): SessionUser {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    pilotId: user.pilotId,
    province: user.province,
    displayName: user.displayName,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Unknown email, wrong password and deactivated account all get the same answer. */
  async login(dto: LoginDto, ip: string | null): Promise<LoginResponse> {
    await this.throttle.assertAllowed(dto.email, ip);
    const user = await this.users.findByEmail(dto.email);
    const valid = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user || !valid || !user.active) {
      await this.audit.record(this.dataSource.manager, { user: null, ip }, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
      });
      await this.throttle.recordFailure(dto.email, ip);
      throw new UnauthorizedException('Invalid email or password');
    }
    await this.throttle.recordSuccess(dto.email);
    await this.audit.record(this.dataSource.manager, { user, ip }, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
    });
    return {
      accessToken: await this.tokens.issue(user.id, user.tokenVersion),
      expiresIn: this.config.jwt.expiresInSeconds,
      user: toSessionUser(user),
    };
  }

  async me(userId: string): Promise<SessionUser> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw new UnauthorizedException('The token is invalid or expired');
    return toSessionUser(user);
  }
}
