import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { useCurrentUser } from '../auth/AuthProvider';

export const HOME_OF: Record<Role, string> = {
  pilot: '/my/report',
  reviewer: '/review',
  admin: '/overdue',
};

export function HomeRedirect() {
  return <Navigate to={HOME_OF[useCurrentUser().role]} replace />;
}
