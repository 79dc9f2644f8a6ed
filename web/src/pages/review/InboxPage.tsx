import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { ReportListItem, ReportStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { PeriodSelect, ProvinceSelect } from '../../components/selects';
import { ReportStatusTag } from '../../components/tags';
import { usePeriods, usePilots } from '../../data/reference';
import { useReports } from '../../data/reports';
import { useSearchState } from '../../data/useSearchState';
import { REPORT_STATUSES } from '../../domain/enums';
import { useFormat, useI18n } from '../../i18n/I18nProvider';
import { APP_TIME_ZONE } from '../../i18n/time-zone';

const PAGE_SIZE = 20;

/** Reports waiting for review (by default), filterable by period, province and status. */
export default function InboxPage() {
  const { t, language } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const [filter, setFilter] = useSearchState({ period: '', province: '', status: 'submitted', page: '1' });
  const page = Math.max(1, Number(filter.page) || 1);
  const reports = useReports(
    {
      periodId: filter.period || undefined,
      province: filter.province || undefined,
      status: filter.status === 'all' ? undefined : (filter.status as ReportStatus),
    },
    { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
  );
  const pilots = usePilots();
  const periods = usePeriods();
  const pilotById = useMemo(() => new Map((pilots.data ?? []).map((p) => [p.id, p])), [pilots.data]);
  const dueByPeriod = useMemo(() => new Map((periods.data ?? []).map((p) => [p.id, p.dueDate])), [periods.data]);

  const submittedLate = (report: ReportListItem) => {
    const due = dueByPeriod.get(report.periodId);
    if (!report.submittedAt || !due) return false;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE }).format(new Date(report.submittedAt));
    return day > due;
  };

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        subtitle={t('inbox.subtitle')}
        extra={<ExportButton request={{ kind: 'reports', ...(filter.period ? { periodId: filter.period } : {}), ...(filter.province ? { province: filter.province } : {}) }} />}
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('filter.filters')}>
          <PeriodSelect allowClear placeholder={t('filter.allPeriods')} value={filter.period || undefined} onChange={(v) => setFilter({ period: v, page: '1' })} />
          <ProvinceSelect value={filter.province || undefined} onChange={(v) => setFilter({ province: v, page: '1' })} />
          <Select
            aria-label={t('filter.status')}
            value={filter.status}
            onChange={(v) => setFilter({ status: v, page: '1' })}
            style={{ minWidth: 140 }}
            options={[{ value: 'all', label: t('filter.allStatuses') }, ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reportStatus.${s}`) }))]}
          />
        </Flex>
        {reports.error ? (
          <ErrorAlert error={reports.error} title={t('error.loadFailed')} onRetry={() => void reports.refetch()} />
        ) : (
          <Table<ReportListItem>
            rowKey="id"
            loading={reports.isFetching}
            dataSource={reports.data?.items ?? []}
            scroll={{ x: 900 }}
            locale={{ emptyText: filter.status === 'submitted' ? t('inbox.emptySubmitted') : t('inbox.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: reports.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (next) => setFilter({ page: String(next) }),
            }}
            onRow={(report) => ({ onDoubleClick: () => navigate(`/reports/${report.id}`) })}
            columns={[
              {
                title: t('filter.pilot'),
                key: 'pilot',
                render: (_, r) => (
                  <>
                    <Typography.Text strong>{language === 'zh' ? r.pilotNameZh : r.pilotNameEn}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{r.pilotCode}</Typography.Text>
                  </>
                ),
              },
              {
                title: t('filter.province'),
                key: 'province',
                width: 140,
                render: (_, r) => {
                  const pilot = pilotById.get(r.pilotId);
                  return pilot ? (language === 'zh' ? pilot.provinceZh : pilot.provinceEn) : '—';
                },
              },
              { title: t('filter.period'), dataIndex: 'periodLabel', width: 110 },
              { title: t('report.status'), dataIndex: 'status', width: 110, render: (s: ReportStatus) => <ReportStatusTag status={s} /> },
              { title: t('review.revision'), dataIndex: 'revision', width: 80 },
              {
                title: t('review.submittedAt'),
                key: 'submittedAt',
                width: 220,
                render: (_, r) => (
                  <>
                    {format.dateTime(r.submittedAt)}
                    {submittedLate(r) && (
                      <Tag color="red" style={{ marginLeft: 6 }}>
                        {t('inbox.late')}
                      </Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 110,
                fixed: 'right',
                render: (_, r) => (
                  <Button
                    type={r.status === 'submitted' ? 'primary' : 'default'}
                    size="small"
                    onClick={() => navigate(`/reports/${r.id}`)}
                    aria-label={t('inbox.reviewLabel', { pilot: language === 'zh' ? r.pilotNameZh : r.pilotNameEn, period: r.periodLabel })}
                  >
                    {r.status === 'submitted' ? t('inbox.review') : t('inbox.view')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
