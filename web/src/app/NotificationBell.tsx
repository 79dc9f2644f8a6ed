import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/errors';
import type { Notification } from '../api/types';
import { useCurrentUser } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../data/notifications';
import { useFormat, useT } from '../i18n/I18nProvider';
import { notificationPath } from './notification-links';

export function NotificationBell() {
  const t = useT();
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const count = unread.data ?? 0;
  // A server without notifications answers 404: the bell then says so instead of a count.
  const unavailable = isApiError(unread.error, 404);

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('notifications.title')}
      content={open && (unavailable ? <Typography.Text type="secondary">{t('notifications.unavailable')}</Typography.Text> : <NotificationList onNavigate={() => setOpen(false)} />)}
    >
      <Button
        type="text"
        aria-label={unavailable ? t('notifications.title') : t('notifications.bellLabel', { count })}
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}

function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const t = useT();
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const openNotification = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id);
    onNavigate();
    navigate(notificationPath(notification.link, user.role));
  };

  if (notifications.isPending) return <Spin description={t('common.loading')} />;
  if (notifications.error) return <ErrorAlert error={notifications.error} />;
  const items = notifications.data.items;
  return (
    <div style={{ width: 'min(380px, 80vw)' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul aria-label={t('notifications.title')} style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
          {items.map((notification) => (
            <li key={notification.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
              <button
                type="button"
                onClick={() => openNotification(notification)}
                className="notification-item"
              >
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong={!notification.readAt}>
                    {!notification.readAt && <Badge status="processing" aria-label={t('notifications.unread')} style={{ marginRight: 6 }} />}
                    {notification.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
                    {format.dateTime(notification.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>
                  {notification.body}
                </Typography.Paragraph>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Button size="small" icon={<CheckOutlined />} loading={markAllRead.isPending} disabled={items.every((n) => n.readAt)} onClick={() => markAllRead.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
    </div>
  );
}
