import type { NotificationLinkType, Role } from '../api/types';

/** Where a notification's link leads in the console (the same paths outbound notices use). */
export function notificationPath(link: { type: NotificationLinkType; id: string }, role: Role): string {
  switch (link.type) {
    case 'report':
      return `/reports/${link.id}`;
    case 'task':
      return `/tasks/${link.id}`;
    case 'milestone':
      return `/milestones/${link.id}`;
    case 'period':
      return role === 'pilot' ? `/my/report/${link.id}` : `/progress/${link.id}`;
  }
}
