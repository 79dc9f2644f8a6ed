import { Navigate, useParams } from 'react-router';
import { useCurrentUser } from '../../auth/AuthProvider';

/** A period notice leads pilots to their report for it, reviewers and admins to its progress. */
export default function PeriodLinkPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  return <Navigate to={user.role === 'pilot' ? `/my/report/${id}` : `/progress/${id}`} replace />;
}
