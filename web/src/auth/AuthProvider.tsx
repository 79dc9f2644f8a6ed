import { useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionRejected, unwrap } from '../api/client';
import type { SessionUser } from '../api/types';
import { closeQueuesDashboard } from '../data/queues-dashboard';
import { sessionStore, type Session } from './session-store';

export type LogoutReason = 'user' | 'expired';

interface AuthContextValue {
  user: SessionUser | null;
  /** Why the last session ended, so the login page can say so. */
  endedBecause: LogoutReason | null;
  login(email: string, password: string): Promise<SessionUser>;
  logout(reason?: LogoutReason): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(() => sessionStore.read());
  const [endedBecause, setEndedBecause] = useState<LogoutReason | null>(null);

  const logout = useCallback(
    (reason: LogoutReason = 'user') => {
      const ending = sessionStore.read();
      if (reason === 'user' && ending?.user.role === 'admin') closeQueuesDashboard(ending.accessToken);
      sessionStore.clear();
      setSession(null);
      setEndedBecause(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => onSessionRejected(() => logout('expired')), [logout]);

  // Another tab logged in or out: follow it.
  useEffect(() => sessionStore.subscribe(() => setSession(sessionStore.read())), []);

  // End the session when its token expires, rather than on the next failed call.
  useEffect(() => {
    if (!session) return;
    const timer = window.setTimeout(() => logout('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session, logout]);

  const login = useCallback(
    async (email: string, password: string) => {
      const answer = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      const next: Session = {
        accessToken: answer.accessToken,
        expiresAt: Date.now() + answer.expiresIn * 1000,
        user: answer.user,
      };
      queryClient.clear();
      sessionStore.write(next);
      setSession(next);
      setEndedBecause(null);
      return answer.user;
    },
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(
    () => ({ user: session?.user ?? null, endedBecause, login, logout }),
    [session, endedBecause, login, logout],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const context = use(AuthContext);
  if (!context) throw new Error('useAuth must be used inside <AuthProvider>');
  return context;
}

/** The logged-in user; only for components rendered behind <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser needs a logged-in user');
  return user;
}
