import { Alert, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Period } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ReportStatusTag } from '../../components/tags';
import { PeriodSelect } from '../../components/selects';
import { usePeriods, useTasks } from '../../data/reference';
import { reportKeys, useReportForPeriod, useReports } from '../../data/reports';
import { currentPeriod } from '../../domain/periods';
import { useFormat, useT } from '../../i18n/I18nProvider';
import { daysBetween, todayInAppZone } from '../../i18n/time-zone';
import { ReportEditor } from './report-form/ReportEditor';

/** The pilot's report for a period: the current one unless the address names another. */
export default function ReportFormPage() {
  const t = useT();
  const { periodId } = useParams();
  const periods = usePeriods();
  return (
    <QueryState query={periods} empty={{ when: (list) => list.length === 0, description: t('report.noPeriods') }}>
      {(list) => {
        const period = periodId ? list.find((p) => p.id === periodId) : currentPeriod(list, todayInAppZone());
        if (!period) return <Alert type="error" showIcon title={t('report.periodNotFound')} />;
        return <PeriodReport key={period.id} period={period} />;
      }}
    </QueryState>
  );
}

function PeriodReport({ period }: { period: Period }) {
  const t = useT();
  const user = useCurrentUser();
  const pilotId = user.pilotId!;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tasks = useTasks(pilotId);
  const report = useReportForPeriod(pilotId, period.id);
  // Resetting the query unmounts the editor until the stored report is read again (after a 412).
  const reload = () => queryClient.resetQueries({ queryKey: reportKeys.forPeriod(pilotId, period.id) });

  const header = (status: ReactNode) => (
    <PageHeader
      title={t('report.title', { period: period.label })}
      subtitle={<PeriodDeadline period={period} />}
      extra={
        <>
          {status}
          <ReportStatusTag status={report.data?.report.status ?? 'none'} />
          <PeriodSelect value={period.id} onChange={(id) => navigate(`/my/report/${id}`)} />
        </>
      }
    />
  );

  return (
    <>
      <OtherReturnedReports pilotId={pilotId} periodId={period.id} />
      <QueryState query={tasks} empty={{ when: (list) => list.length === 0, description: t('report.noTasks') }}>
        {(taskList) => (
          <QueryState query={report}>
            {(current) => (
              <ReportEditor pilotId={pilotId} period={period} tasks={taskList} current={current} onReload={() => void reload()} header={header} />
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function PeriodDeadline({ period }: { period: Period }) {
  const t = useT();
  const format = useFormat();
  const days = daysBetween(todayInAppZone(), period.dueDate);
  const due = days > 0 ? t('report.dueIn', { days }) : days === 0 ? t('report.dueToday') : t('report.overdueBy', { days: -days });
  return (
    <>
      {t('report.periodRange', { start: format.date(period.startDate), end: format.date(period.endDate) })} ·{' '}
      {t('report.deadline', { date: format.date(period.dueDate) })}{' '}
      <Typography.Text type={days < 0 ? 'danger' : days <= 7 ? 'warning' : 'secondary'}>({due})</Typography.Text>
    </>
  );
}

/** Returned reports of other periods are waiting for the pilot too. */
function OtherReturnedReports({ pilotId, periodId }: { pilotId: string; periodId: string }) {
  const t = useT();
  const returned = useReports({ pilotId, status: 'returned' }, { limit: 20, offset: 0 });
  const others = (returned.data?.items ?? []).filter((r) => r.periodId !== periodId);
  if (others.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('report.otherReturned')}
      description={
        <Space wrap>
          {others.map((r) => (
            <Link key={r.id} to={`/my/report/${r.periodId}`}>
              {r.periodLabel}
            </Link>
          ))}
        </Space>
      }
    />
  );
}
