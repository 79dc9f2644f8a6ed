import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useCurrentUser } from '../../auth/AuthProvider';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n/I18nProvider';

/**
 * Milestones have no page of their own: this finds the task a milestone belongs to — among the
 * pilot's own tasks, or for reviewers and admins among the overdue items (escalations) — and
 * opens it with the milestone marked.
 */
export default function MilestoneLinkPage() {
  const t = useT();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const owner = useQuery({
    queryKey: ['milestone-task', id, user.pilotId] as const,
    queryFn: async (): Promise<string | null> => {
      if (user.pilotId) {
        const tasks = await unwrap(api.GET('/api/v1/pilots/{pilotId}/tasks', { params: { path: { pilotId: user.pilotId }, query: { limit: 500 } } }));
        return tasks.items.find((task) => task.milestones.some((m) => m.id === id))?.id ?? null;
      }
      const overdue = await unwrap(api.GET('/api/v1/overdue', { params: { query: { type: 'milestone', limit: 500 } } }));
      return overdue.items.find((item) => item.milestoneId === id)?.taskId ?? null;
    },
  });
  return (
    <QueryState query={owner} empty={{ when: (taskId) => taskId === null, description: t('links.milestoneNotFound') }}>
      {(taskId) => <Navigate to={`/tasks/${taskId}?milestone=${id}`} replace />}
    </QueryState>
  );
}
