import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UsersService } from '../../users/users.service.js';
import type { AuthenticatedRequest } from '../decorators/current-user.decorator.js';
import { IS_PUBLIC } from '../decorators/public.decorator.js';
import { TokenService } from '../token.service.js';

const BEARER = /^Bearer\s+(\S+)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). The user is
 * re-read on every request so deactivation and password changes take effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw new UnauthorizedException('A bearer token is required');
    const claims = await this.tokens.verify(token);
    if (!claims || !UUID.test(claims.sub)) throw new UnauthorizedException('The token is invalid or expired');
    const user = await this.users.findSessionUser(claims.sub);
    if (!user || user.tokenVersion !== claims.ver) throw new UnauthorizedException('The token is invalid or expired');
    request.user = {
      id: user.id,
      email: user.email,
      role: user.role,
      pilotId: user.pilotId,
      province: user.province,
    };
    return true;
  }
}
