import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

const POLL_MS = 60_000;

/** The caller's notices, unread first, polled once a minute. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 20 } } })),
    refetchInterval: POLL_MS,
    // A server without the notifications route answers 404: that is its answer, not a glitch.
    retry: false,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { unread: true, limit: 1 } } })),
    select: (page) => page.total,
    refetchInterval: POLL_MS,
    retry: false,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
