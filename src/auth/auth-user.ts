import type { UserRole } from '../common/domain.js';

/** The caller of a request, as the auth guard resolved it. */
export interface AuthUser {
  id: string;
  email: string;
  role: UserRole;
  pilotId: string | null;
  province: string | null;
}

/** Who did something and from where, for the audit trail. */
export interface Actor {
  user: AuthUser | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { user: null, ip: null };
