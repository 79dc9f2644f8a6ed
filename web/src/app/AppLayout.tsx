import { App, Grid, Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../auth/AuthProvider';
import { Loading } from '../components/QueryState';
import { useErrorText } from '../components/useErrorText';
import { QUEUES_DASHBOARD_PATH, useOpenQueuesDashboard } from '../data/queues-dashboard';
import { useT } from '../i18n/I18nProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { NAVIGATION, selectedNavPath } from './navigation';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  // Tablets in portrait get the narrow menu; it can be opened with the trigger at its foot.
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const isCollapsed = collapsed ?? !screens.lg;
  const selected = selectedNavPath(user.role, location.pathname);
  const { message } = App.useApp();
  const explain = useErrorText();
  const queuesDashboard = useOpenQueuesDashboard();
  const open = (path: string) => {
    if (path !== QUEUES_DASHBOARD_PATH) return navigate(path);
    queuesDashboard.mutate(undefined, { onError: (error) => void message.error(explain(error)) });
  };

  const items = NAVIGATION[user.role].map((group) => ({
    type: 'group' as const,
    key: group.label,
    label: isCollapsed ? null : t(group.label),
    children: group.items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) })),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <Sider
        collapsible
        collapsed={isCollapsed}
        onCollapse={setCollapsed}
        width={216}
        aria-label={t('layout.navigation')}
      >
        {/* The menu stays in view while long pages scroll; the sider's background runs the full height. */}
        <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
          <div style={{ padding: isCollapsed ? '16px 8px' : '16px 20px', color: '#fff', fontWeight: 600, lineHeight: 1.4, textAlign: isCollapsed ? 'center' : 'left' }}>
            <img src="/favicon.svg" alt="" width={28} height={28} style={{ verticalAlign: 'middle', marginRight: isCollapsed ? 0 : 8 }} />
            {!isCollapsed && <span>{t('app.shortName')}</span>}
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={({ key }) => open(key)} />
        </div>
      </Sider>
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            padding: '0 24px',
            borderBottom: '1px solid #e5e7eb',
          }}
        >
          <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
            {t('app.name')}
          </Typography.Text>
          <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </div>
        </Header>
        <Content id="main-content" tabIndex={-1} style={{ padding: screens.md ? 24 : 12, outline: 'none' }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
