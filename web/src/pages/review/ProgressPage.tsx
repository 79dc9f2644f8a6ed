import { Card, Col, Empty, Flex, Progress as ProgressBar, Row, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Pilot, Progress } from '../../api/types';
import { COLOURS } from '../../app/theme';
import type { ChartOption } from '../../charts/Chart';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { Loading, QueryState } from '../../components/QueryState';
import { PeriodSelect, ProvinceSelect } from '../../components/selects';
import { ReportStatusTag } from '../../components/tags';
import { usePeriods, usePilots } from '../../data/reference';
import { usePeriodProgress } from '../../data/progress';
import { useSearchState } from '../../data/useSearchState';
import { latestReportedPeriod } from '../../domain/periods';
import { TASK_STATUSES } from '../../domain/enums';
import { useFormat, useI18n, type Translate } from '../../i18n/I18nProvider';
import type { Formatters } from '../../i18n/format';
import type { Language } from '../../i18n/languages';
import { todayInAppZone } from '../../i18n/time-zone';

// echarts is loaded with the first chart, not with the console.
const Chart = lazy(() => import('../../charts/Chart'));

type PilotRow = Progress['byPilot'][number] & { pilot: Pilot | undefined };

export default function ProgressPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { periodId } = useParams();
  const periods = usePeriods();
  const [filter, setFilter] = useSearchState({ province: '' });
  const period = periodId ? periods.data?.find((p) => p.id === periodId) : latestReportedPeriod(periods.data ?? [], todayInAppZone());
  const progress = usePeriodProgress(period?.id, filter.province || undefined);

  return (
    <>
      <PageHeader
        title={t('progress.title', { period: period?.label ?? '' })}
        subtitle={t('progress.subtitle')}
        extra={
          <>
            <PeriodSelect value={period?.id} onChange={(id) => navigate(`/progress/${id}${filter.province ? `?province=${encodeURIComponent(filter.province)}` : ''}`)} />
            <ProvinceSelect value={filter.province || undefined} onChange={(province) => setFilter({ province })} />
            {period && <ExportButton request={{ kind: 'progress', periodId: period.id, ...(filter.province ? { province: filter.province } : {}) }} />}
          </>
        }
      />
      <QueryState query={periods} empty={{ when: (list) => list.length === 0, description: t('report.noPeriods') }}>
        {() => (
          <QueryState query={progress} empty={{ when: (p) => p.expected === 0, description: t('progress.noPilots') }}>
            {(data) => <ProgressDashboard progress={data} />}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}

function ProgressDashboard({ progress }: { progress: Progress }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const pilots = usePilots();
  const rows = useMemo<PilotRow[]>(() => {
    const byId = new Map((pilots.data ?? []).map((p) => [p.id, p]));
    return progress.byPilot.map((row) => ({ ...row, pilot: byId.get(row.pilotId) }));
  }, [pilots.data, progress.byPilot]);

  const counts: { key: keyof Progress & string; label: string; colour?: string }[] = [
    { key: 'expected', label: t('progress.expected') },
    { key: 'received', label: t('progress.received') },
    { key: 'accepted', label: t('progress.accepted'), colour: COLOURS.reportStatuses.accepted },
    { key: 'returned', label: t('progress.returned'), colour: COLOURS.reportStatuses.returned },
    { key: 'draft', label: t('progress.draft') },
    { key: 'missing', label: t('progress.missing'), colour: COLOURS.notSubmitted },
    { key: 'onTime', label: t('progress.onTime') },
    { key: 'late', label: t('progress.late') },
  ];

  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Flex justify="space-around" wrap gap={16}>
              <Rate label={t('progress.completeness')} value={progress.completeness} format={format} />
              <Rate label={t('progress.timeliness')} value={progress.timeliness} format={format} />
            </Flex>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: '12px 0 0' }}>
              {t('progress.milestones', { completed: format.number(progress.milestones.completed, 0), due: format.number(progress.milestones.due, 0) })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" style={{ height: '100%' }}>
            <Row gutter={[16, 16]}>
              {counts.map((c) => (
                <Col xs={12} sm={6} key={c.key}>
                  <Statistic title={c.label} value={progress[c.key] as number} formatter={(v) => format.number(Number(v), 0)} styles={{ content: c.colour ? { color: c.colour } : undefined }} />
                </Col>
              ))}
            </Row>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('progress.aggregatedAt', { time: format.dateTime(progress.aggregatedAt) })}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Suspense fallback={<Loading />}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('progress.byProvince')}>
              <Chart label={t('progress.byProvince')} height={340} option={provinceChart(progress, t, language)} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('progress.tasksByStatus')} style={{ height: '100%' }}>
              {progress.received === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.noneReceived')} />
              ) : (
                <Chart label={t('progress.tasksByStatus')} height={340} option={statusChart(progress, t)} />
              )}
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title={t('progress.byCategory')}>
              {progress.received === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('progress.noneReceived')} />
              ) : (
                <Chart label={t('progress.byCategory')} height={320} option={categoryChart(progress, t)} />
              )}
            </Card>
          </Col>
        </Row>
      </Suspense>
      <Card size="small" title={t('progress.byPilot')}>
        <Table<PilotRow>
          size="small"
          rowKey="pilotId"
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 860 }}
          columns={[
            {
              title: t('filter.pilot'),
              key: 'pilot',
              sorter: (a, b) => (a.pilot?.code ?? '').localeCompare(b.pilot?.code ?? ''),
              render: (_, r) => (r.pilot ? (language === 'zh' ? r.pilot.nameZh : r.pilot.nameEn) : r.pilotId),
            },
            { title: t('filter.province'), key: 'province', width: 140, render: (_, r) => (r.pilot ? (language === 'zh' ? r.pilot.provinceZh : r.pilot.provinceEn) : '—') },
            {
              title: t('report.status'),
              dataIndex: 'reportStatus',
              width: 110,
              render: (s: PilotRow['reportStatus']) => <ReportStatusTag status={s} />,
            },
            { title: t('review.submittedAt'), dataIndex: 'submittedAt', width: 190, render: (v: string | null) => format.dateTime(v) },
            { title: t('progress.onTimeColumn'), dataIndex: 'onTime', width: 90, render: (v: boolean, r) => (r.submittedAt ? (v ? t('common.yes') : t('common.no')) : '—') },
            { title: t('progress.tasksCompleted'), key: 'tasks', width: 120, render: (_, r) => `${r.tasksCompleted} / ${r.tasksTotal}` },
            {
              title: t('progress.avgPercent'),
              dataIndex: 'avgPercentComplete',
              width: 160,
              sorter: (a, b) => (a.avgPercentComplete ?? -1) - (b.avgPercentComplete ?? -1),
              render: (v: number | null) => (v === null ? '—' : <ProgressBar percent={Math.round(v)} size="small" strokeColor={COLOURS.primary} />),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

function Rate({ label, value, format }: { label: string; value: number; format: Formatters }) {
  return (
    <Flex vertical align="center" gap={8}>
      <ProgressBar type="circle" percent={Math.round(value * 1000) / 10} format={() => format.percent(value)} strokeColor={COLOURS.primary} size={108} aria-label={`${label} ${format.percent(value)}`} />
      <Typography.Text strong>{label}</Typography.Text>
    </Flex>
  );
}

function provinceChart(progress: Progress, t: Translate, language: Language): ChartOption {
  const provinces = progress.byProvince;
  const names = provinces.map((p) => (language === 'zh' ? p.provinceZh : p.provinceEn));
  const series = (name: string, colour: string, values: number[]) => ({ type: 'bar' as const, name, stack: 'reports', data: values, itemStyle: { color: colour }, barMaxWidth: 28 });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      series(t('progress.onTime'), COLOURS.reportStatuses.accepted, provinces.map((p) => p.onTime)),
      series(t('progress.late'), COLOURS.accent, provinces.map((p) => p.late)),
      series(t('progress.missing'), COLOURS.notSubmitted, provinces.map((p) => p.missing)),
    ],
  };
}

function statusChart(progress: Progress, t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}: {c}' },
        data: TASK_STATUSES.filter((status) => progress.tasksByStatus[status] > 0).map((status) => ({
          name: t(`taskStatus.${status}`),
          value: progress.tasksByStatus[status],
          itemStyle: { color: COLOURS.taskStatuses[status] },
        })),
      },
    ],
  };
}

function categoryChart(progress: Progress, t: Translate): ChartOption {
  const categories = progress.byCategory;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: categories.map((c) => t(`category.${c.category}`)), axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: t('progress.taskLines'), minInterval: 1 },
      { type: 'value', name: '%', max: 100 },
    ],
    series: [
      { type: 'bar', name: t('progress.taskLines'), data: categories.map((c) => c.tasks), itemStyle: { color: COLOURS.neutral }, barMaxWidth: 24 },
      { type: 'bar', name: t('progress.completedLines'), data: categories.map((c) => c.completed), itemStyle: { color: COLOURS.taskStatuses.completed }, barMaxWidth: 24 },
      {
        type: 'bar',
        name: t('progress.avgPercent'),
        yAxisIndex: 1,
        data: categories.map((c) => (c.avgPercentComplete === null ? null : Math.round(c.avgPercentComplete))),
        itemStyle: { color: COLOURS.primary },
        barMaxWidth: 24,
      },
    ],
  };
}
