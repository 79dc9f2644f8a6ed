import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import type { Role } from '../api/types';
import { RequireAuth, RequireRole } from '../auth/guards';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { RouteError } from './RouteError';

// Every page is its own chunk, loaded on first visit.
const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const MyTasksPage = lazy(() => import('../pages/pilot/MyTasksPage'));
const ReportFormPage = lazy(() => import('../pages/pilot/ReportFormPage'));
const ReportHistoryPage = lazy(() => import('../pages/pilot/ReportHistoryPage'));
const DeadlinesPage = lazy(() => import('../pages/pilot/DeadlinesPage'));
const ReportPage = lazy(() => import('../pages/reports/ReportPage'));
const InboxPage = lazy(() => import('../pages/review/InboxPage'));
const ProgressPage = lazy(() => import('../pages/review/ProgressPage'));
const SummariesPage = lazy(() => import('../pages/review/SummariesPage'));
const OverduePage = lazy(() => import('../pages/admin/OverduePage'));
const PilotsPage = lazy(() => import('../pages/admin/PilotsPage'));
const UsersPage = lazy(() => import('../pages/admin/UsersPage'));
const TasksAdminPage = lazy(() => import('../pages/admin/TasksAdminPage'));
const PeriodsPage = lazy(() => import('../pages/admin/PeriodsPage'));
const ImportPage = lazy(() => import('../pages/admin/ImportPage'));
const TaskPage = lazy(() => import('../pages/links/TaskPage'));
const MilestoneLinkPage = lazy(() => import('../pages/links/MilestoneLinkPage'));
const PeriodLinkPage = lazy(() => import('../pages/links/PeriodLinkPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

const PILOT: Role[] = ['pilot'];
const REVIEW: Role[] = ['reviewer', 'admin'];
const ADMIN: Role[] = ['admin'];

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'my',
        element: <RequireRole roles={PILOT} />,
        children: [
          { index: true, element: <Navigate to="report" replace /> },
          { path: 'tasks', element: <MyTasksPage /> },
          { path: 'report/:periodId?', element: <ReportFormPage /> },
          { path: 'reports', element: <ReportHistoryPage /> },
          { path: 'deadlines', element: <DeadlinesPage /> },
        ],
      },
      {
        element: <RequireRole roles={REVIEW} />,
        children: [
          { path: 'review', element: <InboxPage /> },
          { path: 'progress/:periodId?', element: <ProgressPage /> },
          { path: 'summaries', element: <SummariesPage /> },
          { path: 'overdue', element: <OverduePage /> },
        ],
      },
      {
        path: 'admin',
        element: <RequireRole roles={ADMIN} />,
        children: [
          { index: true, element: <Navigate to="pilots" replace /> },
          { path: 'pilots', element: <PilotsPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'tasks', element: <TasksAdminPage /> },
          { path: 'periods', element: <PeriodsPage /> },
          { path: 'import', element: <ImportPage /> },
        ],
      },
      // The targets of notification links (`link.type` / `link.id`), for every role.
      { path: 'reports/:id', element: <ReportPage /> },
      { path: 'tasks/:id', element: <TaskPage /> },
      { path: 'milestones/:id', element: <MilestoneLinkPage /> },
      { path: 'periods/:id', element: <PeriodLinkPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
