import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Progress, Radio, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Summary, SummaryRequest } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PeriodSelect, ProvinceSelect } from '../../components/selects';
import { SummaryStatusTag } from '../../components/tags';
import { useErrorText } from '../../components/useErrorText';
import { usePeriods } from '../../data/reference';
import { useDownloadSummary, useRequestSummary, useSummaries } from '../../data/summaries';
import { useSearchState } from '../../data/useSearchState';
import { latestReportedPeriod } from '../../domain/periods';
import { useFormat, useI18n } from '../../i18n/I18nProvider';
import { todayInAppZone } from '../../i18n/time-zone';
import { DateField } from '../../components/DateField';

type RequestValues = Required<Pick<SummaryRequest, 'periodId' | 'language'>> & { province?: string; asOf?: string | null };

/** PDF summary reports: request one, watch it render, download it. */
export default function SummariesPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useSearchState({ period: '' });
  const summaries = useSummaries(filter.period || undefined);
  return (
    <>
      <PageHeader title={t('summaries.title')} subtitle={t('summaries.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={6}>
          <RequestForm />
        </Col>
        <Col xs={24} xl={18}>
          <Card
            title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('summaries.list')}</h3>}
            extra={<PeriodSelect allowClear placeholder={t('filter.allPeriods')} value={filter.period || undefined} onChange={(period) => setFilter({ period })} />}
          >
            {summaries.error ? (
              <ErrorAlert error={summaries.error} title={t('error.loadFailed')} onRetry={() => void summaries.refetch()} />
            ) : (
              <SummaryTable summaries={summaries.data?.items ?? []} loading={summaries.isPending} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function RequestForm() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const explain = useErrorText();
  const user = useCurrentUser();
  const periods = usePeriods();
  const request = useRequestSummary();
  const defaultPeriod = latestReportedPeriod(periods.data ?? [], todayInAppZone());

  const onFinish = ({ periodId, language: pdfLanguage, province, asOf }: RequestValues) => {
    request.mutate(
      { periodId, language: pdfLanguage, ...(province ? { province } : {}), ...(asOf ? { asOf } : {}) },
      {
        onSuccess: () => void message.success(t('summaries.requested')),
        onError: (error) => void message.error(explain(error)),
      },
    );
  };

  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('summaries.request')}</h3>}>
      <Form<RequestValues>
        key={defaultPeriod?.id ?? 'none'}
        layout="vertical"
        initialValues={{ periodId: defaultPeriod?.id, language, province: user.province ?? undefined }}
        onFinish={onFinish}
      >
        <Form.Item label={t('filter.period')} name="periodId" rules={[{ required: true, message: t('validation.required') }]}>
          <PeriodSelect aria-label={undefined} />
        </Form.Item>
        <Form.Item label={t('summaries.scope')} name="province" extra={user.province ? t('summaries.scopeFixed') : t('summaries.scopeHint')}>
          <ProvinceSelect aria-label={undefined} placeholder={t('summaries.allInScope')} disabled={Boolean(user.province)} />
        </Form.Item>
        <Form.Item label={t('summaries.language')} name="language">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'zh', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('summaries.asOf')} name="asOf" extra={t('summaries.asOfHint')}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<FilePdfOutlined />} loading={request.isPending} block>
          {t('summaries.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function SummaryTable({ summaries, loading }: { summaries: Summary[]; loading: boolean }) {
  const { t } = useI18n();
  const format = useFormat();
  const { message } = App.useApp();
  const explain = useErrorText();
  const periods = usePeriods();
  const download = useDownloadSummary();
  const labels = useMemo(() => new Map((periods.data ?? []).map((p) => [p.id, p.label])), [periods.data]);

  return (
    <Table<Summary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={summaries}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('summaries.none') }}
      columns={[
        { title: t('summaries.requestedAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => format.dateTime(v) },
        { title: t('filter.period'), dataIndex: 'periodId', width: 100, render: (id: string) => labels.get(id) ?? '—' },
        {
          title: t('summaries.scope'),
          key: 'scope',
          render: (_, s) => (
            <>
              {s.province ?? (s.pilotIds ? t('summaries.pilotCount', { count: s.pilotIds.length }) : t('summaries.allInScope'))}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {s.language === 'zh' ? '中文' : 'English'}
              </Typography.Text>
            </>
          ),
        },
        { title: t('summaries.asOf'), dataIndex: 'asOf', width: 120, render: (v: string) => format.date(v) },
        {
          title: t('report.status'),
          key: 'status',
          width: 110,
          render: (_, s) =>
            s.status === 'running' || s.status === 'queued' ? (
              <>
                <SummaryStatusTag status={s.status} />
                <Progress percent={s.progress} size="small" aria-label={t('summaries.progressLabel', { percent: s.progress })} />
              </>
            ) : (
              <>
                <SummaryStatusTag status={s.status} />
                {s.status === 'failed' && s.error && (
                  <Typography.Paragraph type="danger" style={{ margin: 0, fontSize: 12 }}>
                    {s.error}
                  </Typography.Paragraph>
                )}
              </>
            ),
        },
        {
          title: t('summaries.file'),
          key: 'file',
          width: 120,
          render: (_, s) =>
            s.status === 'ready' && (
              <>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  loading={download.isPending && download.variables?.id === s.id}
                  onClick={() => download.mutate(s, { onError: (error) => void message.error(explain(error)) })}
                  aria-label={t('summaries.downloadLabel', { period: labels.get(s.periodId) ?? '' })}
                >
                  {t('summaries.download')}
                </Button>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('summaries.pages', { count: s.pageCount ?? 0 })} · {format.fileSize(s.bytes)}
                </Typography.Text>
              </>
            ),
        },
      ]}
    />
  );
}
