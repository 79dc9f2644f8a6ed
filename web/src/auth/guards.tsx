import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { useAuth } from './AuthProvider';

/** Sends visitors without a session to the login page, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** Renders the nested pages only for the given roles; others learn why they cannot see them. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const { user } = useAuth();
  const t = useT();
  if (!user || !roles.includes(user.role)) {
    return <Result status="403" title={t('error.pageForbiddenTitle')} subTitle={t('error.pageForbidden')} />;
  }
  return <Outlet />;
}
