import type { UserLanguage } from '../../common/domain.js';
import type { Notification } from '../entities/notification.entity.js';

/** What the outbound channels send: the notice plus who it is for. */
export interface OutboundNotice {
  id: string;
  kind: Notification['kind'];
  title: string;
  body: string;
  link: { type: Notification['linkType']; id: string; url: string | null };
  createdAt: string;
  recipient: { id: string; email: string; language: UserLanguage };
}

const LINK_PATHS: Record<Notification['linkType'], string> = {
  report: 'reports',
  milestone: 'milestones',
  task: 'tasks',
  period: 'periods',
};

export function toOutboundNotice(
  notification: Notification,
  recipient: { id: string; email: string; language: UserLanguage },
  publicUrl: string | null,
): OutboundNotice {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: {
      type: notification.linkType,
      id: notification.linkId,
      url: publicUrl ? `${publicUrl}/${LINK_PATHS[notification.linkType]}/${notification.linkId}` : null,
    },
    createdAt: notification.createdAt.toISOString(),
    recipient,
  };
}
