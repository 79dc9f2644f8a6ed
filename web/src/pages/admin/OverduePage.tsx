import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import type { OverdueItem, OverdueType } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PilotSelect, ProvinceSelect } from '../../components/selects';
import { OverdueTypeTag } from '../../components/tags';
import { useErrorText } from '../../components/useErrorText';
import { useRunReminders } from '../../data/admin';
import { useExportOverdue, useOverdue, type OverdueFilter } from '../../data/overdue';
import { usePilots } from '../../data/reference';
import { useSearchState } from '../../data/useSearchState';
import { OVERDUE_TYPES } from '../../domain/enums';
import { useFormat, useI18n } from '../../i18n/I18nProvider';
import { todayInAppZone } from '../../i18n/time-zone';
import { DateField } from '../../components/DateField';

const PAGE_SIZE = 20;

/** Milestones, tasks and reports past their deadline, most overdue first. */
export default function OverduePage() {
  const { t, language } = useI18n();
  const format = useFormat();
  const { message } = App.useApp();
  const explain = useErrorText();
  const user = useCurrentUser();
  const [state, setState] = useSearchState({ asOf: '', type: '', province: '', pilot: '', page: '1' });
  const page = Math.max(1, Number(state.page) || 1);
  const filter: OverdueFilter = {
    asOf: state.asOf || undefined,
    type: (state.type || undefined) as OverdueType | undefined,
    province: state.province || undefined,
    pilotId: state.pilot || undefined,
  };
  const overdue = useOverdue(filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const exporter = useExportOverdue();
  const reminders = useRunReminders();
  const pilots = usePilots();
  const provinceOf = useMemo(() => new Map((pilots.data ?? []).map((p) => [p.id, language === 'zh' ? p.provinceZh : p.provinceEn])), [pilots.data, language]);
  const missingRoute = isApiError(overdue.error, 404);

  return (
    <>
      <PageHeader
        title={t('overdue.title')}
        subtitle={t('overdue.subtitle', { date: format.date(state.asOf || todayInAppZone()) })}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              loading={exporter.isPending}
              disabled={missingRoute}
              onClick={() => exporter.mutate(filter, { onError: (error) => void message.error(explain(error)) })}
            >
              {t('overdue.exportCsv')}
            </Button>
            {user.role === 'admin' && (
              <Button
                icon={<BellOutlined />}
                loading={reminders.isPending}
                onClick={() =>
                  reminders.mutate(undefined, {
                    onSuccess: (result) => void message.success(t('overdue.remindersSent', { count: result.notified })),
                    onError: (error) => void message.error(isApiError(error, 404) ? t('overdue.remindersUnavailable') : explain(error)),
                  })
                }
              >
                {t('overdue.runReminders')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('filter.filters')}>
          <DateField aria-label={t('overdue.asOf')} placeholder={t('overdue.asOfToday')} value={state.asOf || null} onChange={(asOf) => setState({ asOf: asOf ?? '', page: '1' })} />
          <Select
            aria-label={t('overdue.type')}
            placeholder={t('overdue.allTypes')}
            allowClear
            value={state.type || undefined}
            onChange={(type?: string) => setState({ type, page: '1' })}
            style={{ minWidth: 140 }}
            options={OVERDUE_TYPES.map((value) => ({ value, label: t(`overdueType.${value}`) }))}
          />
          <ProvinceSelect value={state.province || undefined} onChange={(province) => setState({ province, page: '1' })} />
          <PilotSelect value={state.pilot || undefined} onChange={(pilot) => setState({ pilot, page: '1' })} />
        </Flex>
        {missingRoute ? (
          <Alert type="info" showIcon title={t('overdue.unavailable')} />
        ) : overdue.error ? (
          <ErrorAlert error={overdue.error} onRetry={() => void overdue.refetch()} />
        ) : (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col>
                <Statistic title={t('overdue.total')} value={overdue.data?.total ?? 0} loading={overdue.isPending} styles={{ content: { color: '#b91c1c' } }} />
              </Col>
            </Row>
            <Table<OverdueItem>
              rowKey={(item) => `${item.type}:${item.pilotId}:${item.milestoneId ?? item.taskId ?? item.periodId}`}
              size="small"
              loading={overdue.isFetching}
              dataSource={overdue.data?.items ?? []}
              scroll={{ x: 980 }}
              locale={{ emptyText: t('overdue.none') }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: overdue.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('common.total', { total }),
                onChange: (next) => setState({ page: String(next) }),
              }}
              columns={[
                {
                  title: t('overdue.days'),
                  dataIndex: 'daysOverdue',
                  width: 100,
                  render: (days: number) => (
                    <Typography.Text strong type={days >= 30 ? 'danger' : days >= 7 ? 'warning' : undefined}>
                      {t('overdue.daysValue', { days: format.number(days, 0) })}
                    </Typography.Text>
                  ),
                },
                { title: t('overdue.type'), dataIndex: 'type', width: 100, render: (type: OverdueType) => <OverdueTypeTag type={type} /> },
                {
                  title: t('filter.pilot'),
                  key: 'pilot',
                  width: 200,
                  render: (_, item) => (
                    <>
                      {language === 'zh' ? item.pilotName : item.pilotNameEn}
                      <br />
                      <Typography.Text type="secondary">{provinceOf.get(item.pilotId) ?? item.pilotCode}</Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('overdue.item'),
                  key: 'title',
                  render: (_, item) => (
                    <Link to={item.type === 'report' ? `/progress/${item.periodId}` : `/tasks/${item.taskId}`}>
                      {item.taskCode ? `${item.taskCode} · ${item.title}` : item.title}
                    </Link>
                  ),
                },
                { title: t('task.dueDate'), dataIndex: 'dueDate', width: 140, render: (d: string) => format.date(d) },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
