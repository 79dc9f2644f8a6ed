import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { UserRole } from '../../common/domain.js';

export const ROLES = 'roles';

/** Restricts a route to the given roles; other authenticated callers get 403. */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES, roles), ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }));
