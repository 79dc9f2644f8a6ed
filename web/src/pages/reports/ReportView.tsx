import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Row, Segmented, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Report } from '../../api/types';
import { AttachmentList } from '../../components/AttachmentList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/QueryState';
import { ReportComparison } from '../../components/ReportComparison';
import { ReportStatusTag } from '../../components/tags';
import { useErrorText } from '../../components/useErrorText';
import { useRecommendExperience } from '../../data/reports';
import { useFormat, useI18n } from '../../i18n/I18nProvider';
import { ReviewActions } from './ReviewActions';
import { ReviewHistory } from './ReviewHistory';
import { useReportContext } from './useReportContext';

const NO_BASELINE = 'none';

export function ReportView({ report, canReview }: { report: Report; canReview: boolean }) {
  const { t, language } = useI18n();
  const format = useFormat();
  const navigate = useNavigate();
  const context = useReportContext(report);
  const [baselineKey, setBaselineKey] = useState<string | null>(null);

  if (context.loading) return <Loading />;
  if (context.error || !context.pilot || !context.tasks) return <ErrorAlert error={context.error} title={t('review.loadFailed')} />;

  const pilotName = language === 'zh' ? context.pilot.nameZh : context.pilot.nameEn;
  const province = language === 'zh' ? context.pilot.provinceZh : context.pilot.provinceEn;
  const selectedKey = baselineKey ?? context.baselines[0]?.key ?? NO_BASELINE;
  const baseline = context.baselines.find((b) => b.key === selectedKey) ?? null;
  const editable = !canReview && (report.status === 'draft' || report.status === 'returned');

  return (
    <>
      <PageHeader
        title={t('review.title', { pilot: pilotName, period: context.period?.label ?? '' })}
        subtitle={`${province} · ${context.pilot.code}`}
        extra={
          <>
            <ReportStatusTag status={report.status} />
            {editable && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/my/report/${report.periodId}`)}>
                {t('history.edit')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {/* Below 1600 px the decision panel comes first, in a row of its own. */}
        <Col xs={{ span: 24, order: 2 }} xxl={{ span: 17, order: 1 }}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text strong id="baseline-label">
                  {t('diff.compareWith')}
                </Typography.Text>
                <Segmented
                  aria-labelledby="baseline-label"
                  value={selectedKey}
                  onChange={(value) => setBaselineKey(String(value))}
                  options={[
                    ...context.baselines.map((b) => ({
                      value: b.key,
                      label: b.kind === 'accepted' ? t('diff.previousAccepted', { period: b.label }) : t('diff.revision', { n: b.label }),
                    })),
                    { value: NO_BASELINE, label: t('diff.noCompare') },
                  ]}
                  style={{ maxWidth: '100%', overflowX: 'auto' }}
                />
                {context.baselines.length === 0 && <Typography.Text type="secondary">{t('diff.nothingToCompare')}</Typography.Text>}
              </Space>
            </Card>
            <ReportComparison
              tasks={context.tasks}
              content={report}
              baseline={baseline?.content ?? null}
              experienceAction={canReview ? (experience) => <RecommendSwitch reportId={report.id} experienceId={experience.id} recommended={experience.recommended} title={experience.title} /> : undefined}
            />
            <Card size="small" title={t('attachments.title')}>
              <AttachmentList reportId={report.id} editable={false} />
            </Card>
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xxl={{ span: 7, order: 2 }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8} xxl={24}>
              <Card size="small" title={t('review.details')} style={{ height: '100%' }}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'revision', label: t('review.revision'), children: report.revision },
                    { key: 'submitted', label: t('review.submittedAt'), children: format.dateTime(report.submittedAt) },
                    {
                      key: 'due',
                      label: t('review.dueDate'),
                      children: context.period ? format.date(context.period.dueDate) : '—',
                    },
                    { key: 'updated', label: t('review.updatedAt'), children: format.dateTime(report.updatedAt) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} md={8} xxl={24}>
              {canReview ? <ReviewActions report={report} /> : report.status === 'returned' && <Alert type="warning" showIcon title={t('history.returnedHint')} />}
            </Col>
            <Col xs={24} md={8} xxl={24}>
              <ReviewHistory report={report} revisions={context.revisions ?? []} />
            </Col>
          </Row>
        </Col>
      </Row>
    </>
  );
}

function RecommendSwitch({ reportId, experienceId, recommended, title }: { reportId: string; experienceId: string; recommended: boolean; title: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const explain = useErrorText();
  const recommend = useRecommendExperience(reportId);
  return (
    <Space>
      <Typography.Text aria-hidden>{t('review.recommend')}</Typography.Text>
      <Switch
        checked={recommended}
        loading={recommend.isPending}
        aria-label={t('review.recommendLabel', { title })}
        onChange={(checked) =>
          recommend.mutate(
            { experienceId, recommended: checked },
            {
              onSuccess: () => void message.success(checked ? t('review.recommendedDone') : t('review.unrecommendedDone')),
              onError: (error) => void message.error(explain(error)),
            },
          )
        }
      />
    </Space>
  );
}
