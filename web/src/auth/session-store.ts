import type { SessionUser } from '../api/types';

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted. */
  expiresAt: number;
  user: SessionUser;
}

const KEY = 'pilot-tracker.session';

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return typeof v.accessToken === 'string' && typeof v.expiresAt === 'number' && typeof v.user?.id === 'string';
}

/** The session lives in localStorage so every tab of the console shares one login. */
export const sessionStore = {
  read(): Session | null {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
      return isSession(parsed) && parsed.expiresAt > Date.now() ? parsed : null;
    } catch {
      return null;
    }
  },
  write(session: Session): void {
    localStorage.setItem(KEY, JSON.stringify(session));
  },
  clear(): void {
    localStorage.removeItem(KEY);
  },
  /** Calls back when another tab logs in or out. */
  subscribe(listener: () => void): () => void {
    const onStorage = (event: StorageEvent) => {
      if (event.key === KEY || event.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
};
