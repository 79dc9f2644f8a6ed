import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Typography } from 'antd';
import { useAuth, useCurrentUser } from '../auth/AuthProvider';
import { useT } from '../i18n/I18nProvider';

export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const name = user.displayName ?? user.email;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div>
                <Typography.Text strong>{name}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t(`role.${user.role}`)}
                  {user.province ? ` · ${user.province}` : ''}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">{user.email}</Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), onClick: () => logout('user') },
        ],
      }}
    >
      <Button type="text" aria-label={t('layout.userMenu', { name })} style={{ paddingInline: 4 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#0f5132' }} />
        <span style={{ maxWidth: 180, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{name}</span>
      </Button>
    </Dropdown>
  );
}
