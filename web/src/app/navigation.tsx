import {
  AlertOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ClockCircleOutlined,
  EditOutlined,
  FilePdfOutlined,
  HistoryOutlined,
  InboxOutlined,
  ProfileOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { QUEUES_DASHBOARD_PATH } from '../data/queues-dashboard';
import type { MessageKey } from '../i18n/messages.zh';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
}

export interface NavGroup {
  label: MessageKey;
  items: NavItem[];
}

const REVIEW_ITEMS: NavItem[] = [
  { path: '/review', label: 'nav.inbox', icon: <InboxOutlined /> },
  { path: '/progress', label: 'nav.progress', icon: <BarChartOutlined /> },
  { path: '/summaries', label: 'nav.summaries', icon: <FilePdfOutlined /> },
  { path: '/overdue', label: 'nav.overdue', icon: <AlertOutlined /> },
];

/** The menu of each role; a page a role cannot use never appears in its menu. */
export const NAVIGATION: Record<Role, NavGroup[]> = {
  pilot: [
    {
      label: 'nav.groupReporting',
      items: [
        { path: '/my/report', label: 'nav.currentReport', icon: <EditOutlined /> },
        { path: '/my/tasks', label: 'nav.myTasks', icon: <ProfileOutlined /> },
        { path: '/my/deadlines', label: 'nav.deadlines', icon: <ClockCircleOutlined /> },
        { path: '/my/reports', label: 'nav.history', icon: <HistoryOutlined /> },
      ],
    },
  ],
  reviewer: [{ label: 'nav.groupReview', items: REVIEW_ITEMS }],
  admin: [
    { label: 'nav.groupReview', items: REVIEW_ITEMS },
    {
      label: 'nav.groupAdmin',
      items: [
        { path: '/admin/pilots', label: 'nav.pilots', icon: <ApartmentOutlined /> },
        { path: '/admin/tasks', label: 'nav.tasks', icon: <ProfileOutlined /> },
        { path: '/admin/periods', label: 'nav.periods', icon: <CalendarOutlined /> },
        { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
        { path: '/admin/import', label: 'nav.import', icon: <UploadOutlined /> },
        // Served by the API, not the console: the layout opens it in a new tab.
        { path: QUEUES_DASHBOARD_PATH, label: 'nav.queues', icon: <ClusterOutlined /> },
      ],
    },
  ],
};

/** The menu entry a location belongs to: the longest path that prefixes it. */
export function selectedNavPath(role: Role, pathname: string): string | undefined {
  return NAVIGATION[role]
    .flatMap((group) => group.items)
    .map((item) => item.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
