import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import type { OverdueItem, OverdueType, Task } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { OverdueTypeTag } from '../../components/tags';
import { useOverdue } from '../../data/overdue';
import { usePeriods, useTasks } from '../../data/reference';
import { useReports } from '../../data/reports';
import { useFormat, useT } from '../../i18n/I18nProvider';
import { addDays, daysBetween, todayInAppZone } from '../../i18n/time-zone';

const SOON_DAYS = 30;

interface DueItem {
  key: string;
  type: OverdueType;
  title: string;
  dueDate: string;
  link: string;
}

/** Milestones, tasks and reports due within 30 days, and everything already overdue. */
export default function DeadlinesPage() {
  const t = useT();
  const user = useCurrentUser();
  const today = todayInAppZone();
  const overdue = useOverdue({ pilotId: user.pilotId! }, { limit: 500, offset: 0 });
  const dueSoon = useDueSoon(user.pilotId!, today);

  return (
    <>
      <PageHeader title={t('deadlines.title')} subtitle={t('deadlines.subtitle', { days: SOON_DAYS })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('deadlines.soon')}</h3>}>
            {dueSoon.error ? (
              <ErrorAlert error={dueSoon.error} />
            ) : (
              <DueTable items={dueSoon.items} loading={dueSoon.loading} empty={t('deadlines.noneSoon')} today={today} />
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('deadlines.overdue')}</h3>}>
            {isApiError(overdue.error, 404) ? (
              <Typography.Text type="secondary">{t('overdue.unavailable')}</Typography.Text>
            ) : (
              <QueryState query={overdue}>
                {(list) => (
                  <>
                    <Statistic title={t('deadlines.overdueCount')} value={list.total} style={{ marginBottom: 12 }} />
                    <OverdueItems items={list.items} />
                  </>
                )}
              </QueryState>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function useDueSoon(pilotId: string, today: string) {
  const tasks = useTasks(pilotId);
  const periods = usePeriods();
  const reports = useReports({ pilotId }, { limit: 200, offset: 0 });
  const items = useMemo(() => {
    const horizon = addDays(today, SOON_DAYS);
    const within = (date: string) => date >= today && date <= horizon;
    const received = new Set((reports.data?.items ?? []).filter((r) => r.status === 'submitted' || r.status === 'accepted').map((r) => r.periodId));
    const list: DueItem[] = [
      ...(tasks.data ?? []).flatMap((task: Task) => [
        ...(within(task.dueDate) ? [{ key: task.id, type: 'task' as const, title: `${task.code} ${task.title}`, dueDate: task.dueDate, link: `/my/tasks?task=${task.id}` }] : []),
        ...task.milestones
          .filter((m) => within(m.dueDate))
          .map((m) => ({ key: m.id, type: 'milestone' as const, title: `${task.code} · ${m.title}`, dueDate: m.dueDate, link: `/my/tasks?task=${task.id}` })),
      ]),
      ...(periods.data ?? [])
        .filter((p) => !p.closed && within(p.dueDate) && !received.has(p.id))
        .map((p) => ({ key: p.id, type: 'report' as const, title: p.label, dueDate: p.dueDate, link: `/my/report/${p.id}` })),
    ];
    return list.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }, [tasks.data, periods.data, reports.data, today]);
  return { items, loading: tasks.isPending || periods.isPending || reports.isPending, error: tasks.error ?? periods.error ?? reports.error };
}

function DueTable({ items, loading, empty, today }: { items: DueItem[]; loading: boolean; empty: string; today: string }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table<DueItem>
      size="small"
      rowKey="key"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: empty }}
      columns={[
        { title: t('overdue.type'), dataIndex: 'type', width: 100, render: (type: OverdueType) => <OverdueTypeTag type={type} /> },
        { title: t('overdue.item'), dataIndex: 'title', render: (title: string, item) => <Link to={item.link}>{title}</Link> },
        { title: t('task.dueDate'), dataIndex: 'dueDate', width: 130, render: (d: string) => format.date(d) },
        { title: t('deadlines.daysLeft'), key: 'left', width: 90, render: (_, item) => daysBetween(today, item.dueDate) },
      ]}
    />
  );
}

function OverdueItems({ items }: { items: OverdueItem[] }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table<OverdueItem>
      size="small"
      rowKey={(item) => `${item.type}:${item.milestoneId ?? item.taskId ?? item.periodId}`}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('deadlines.noneOverdue') }}
      columns={[
        { title: t('overdue.type'), dataIndex: 'type', width: 100, render: (type: OverdueType) => <OverdueTypeTag type={type} /> },
        {
          title: t('overdue.item'),
          dataIndex: 'title',
          render: (title: string, item) => {
            const link = item.type === 'report' ? `/my/report/${item.periodId}` : `/my/tasks?task=${item.taskId}`;
            return <Link to={link}>{item.taskCode ? `${item.taskCode} · ${title}` : title}</Link>;
          },
        },
        { title: t('task.dueDate'), dataIndex: 'dueDate', width: 130, render: (d: string) => format.date(d) },
        {
          title: t('overdue.days'),
          dataIndex: 'daysOverdue',
          width: 90,
          render: (days: number) => <Typography.Text type="danger">{format.number(days, 0)}</Typography.Text>,
        },
      ]}
    />
  );
}
