import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** Served by the API process (bull-board), outside the console's router. */
export const QUEUES_DASHBOARD_PATH = '/admin/queues';

/**
 * Opens the queue dashboard in a new tab. A link cannot carry the bearer token, so the server
 * first trades it for a cookie scoped to the dashboard, then the tab goes there.
 */
export function useOpenQueuesDashboard() {
  return useMutation({
    mutationFn: async () => {
      // Opened while the click still counts, or the browser would block it as a pop-up.
      const tab = window.open('', '_blank');
      try {
        const { url } = await unwrap(api.POST('/api/v1/admin/queues-session'));
        if (!tab) return window.location.assign(url);
        tab.opener = null;
        tab.location.replace(url);
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
  });
}

/**
 * Ends the dashboard session with the console's; best effort, the cookie expires on its own.
 * Sent past the API client, whose 401 handling would report a logout as an expired session.
 */
export function closeQueuesDashboard(accessToken: string): void {
  void fetch('/api/v1/admin/queues-session', { method: 'DELETE', headers: { authorization: `Bearer ${accessToken}` }, keepalive: true }).catch(() => undefined);
}
