import { StarFilled } from '@ant-design/icons';
import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Experience, ReportContent, Task } from '../api/types';
import { diffReport, type IndicatorDiff, type TaskLineDiff } from '../domain/report-diff';
import { useFormat, useT } from '../i18n/I18nProvider';
import { CategoryTag, TaskStatusTag } from './tags';

interface Props {
  tasks: Task[];
  content: ReportContent;
  /** The version to compare with; changes against it are highlighted. */
  baseline: ReportContent | null;
  /** E.g. the reviewer's "recommend" switch. */
  experienceAction?: (experience: Experience) => ReactNode;
}

/** A report's content, with what changed since a baseline marked in place. */
export function ReportComparison({ tasks, content, baseline, experienceAction }: Props) {
  const t = useT();
  const diff = diffReport(tasks, content, baseline);
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('report.sectionSummary')} extra={diff.summaryChanged && <ChangedTag />}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{content.summary || t('common.none')}</Typography.Paragraph>
        {diff.summaryChanged && <Previous text={baseline?.summary ?? ''} />}
      </Card>
      <Card size="small" title={t('report.sectionTasks', { count: tasks.length })}>
        <TaskLines diffs={diff.tasks} hasBaseline={baseline !== null} />
      </Card>
      <Card size="small" title={t('report.sectionIndicators')}>
        <IndicatorValues diffs={diff.indicators} hasBaseline={baseline !== null} />
      </Card>
      <Card size="small" title={t('report.sectionExperiences')}>
        {diff.experiences.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noExperiences')} />
        ) : (
          <Flex vertical gap={12}>
            {diff.experiences.map(({ experience, isNew }, index) => (
              <Card
                key={'id' in experience ? experience.id : index}
                size="small"
                type="inner"
                title={
                  <Flex gap={8} align="center" wrap>
                    {experience.recommended && <StarFilled style={{ color: '#faad14' }} aria-label={t('review.recommended')} />}
                    <span style={{ whiteSpace: 'normal' }}>{experience.title}</span>
                    {isNew && <Tag color="green">{t('diff.new')}</Tag>}
                  </Flex>
                }
                extra={experienceAction?.(experience)}
              >
                <Flex gap={4} wrap style={{ marginBottom: 8 }}>
                  <CategoryTag category={experience.category} />
                  {experience.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                </Flex>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{experience.summary}</Typography.Paragraph>
              </Card>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

function ChangedTag() {
  const t = useT();
  return <Tag color="orange">{t('diff.changed')}</Tag>;
}

function Previous({ text }: { text: string }) {
  const t = useT();
  return (
    <details style={{ marginTop: 6 }}>
      <summary style={{ cursor: 'pointer', color: '#8c8c8c' }}>{t('diff.showPrevious')}</summary>
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
        {text || t('common.none')}
      </Typography.Paragraph>
    </details>
  );
}

function TaskLines({ diffs, hasBaseline }: { diffs: TaskLineDiff[]; hasBaseline: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table<TaskLineDiff>
      size="small"
      rowKey={(d) => d.task.id}
      dataSource={diffs}
      pagination={false}
      scroll={{ x: 960 }}
      columns={[
        {
          title: t('task.title'),
          key: 'task',
          width: 220,
          render: (_, { task }) => (
            <>
              <Typography.Text strong>{task.code}</Typography.Text> {task.title}
            </>
          ),
        },
        {
          title: t('report.status'),
          key: 'status',
          width: 170,
          onCell: (d) => ({ className: d.statusChanged ? 'changed-cell' : '' }),
          render: (_, d) =>
            d.current ? (
              <>
                {d.statusChanged && d.previous && <span className="diff-old">{t(`taskStatus.${d.previous.status}`)}</span>}
                <TaskStatusTag status={d.current.status} />
              </>
            ) : (
              <Typography.Text type="secondary">{t('report.noLine')}</Typography.Text>
            ),
        },
        {
          title: t('report.percentComplete'),
          key: 'percent',
          width: 130,
          onCell: (d) => ({ className: d.percentDelta ? 'changed-cell' : '' }),
          render: (_, d) =>
            d.current && (
              <>
                {format.number(d.current.percentComplete, 0)}%
                {d.percentDelta !== null && d.percentDelta !== 0 && (
                  <Typography.Text type={d.percentDelta > 0 ? 'success' : 'danger'} style={{ marginLeft: 6 }}>
                    ({d.percentDelta > 0 ? '+' : ''}
                    {format.number(d.percentDelta, 0)})
                  </Typography.Text>
                )}
              </>
            ),
        },
        {
          title: t('report.milestonesReached'),
          key: 'milestones',
          width: 280,
          onCell: (d) => ({ className: d.newlyCompleted.size > 0 ? 'changed-cell' : '' }),
          render: (_, d) => {
            const completed = d.current?.completedMilestones ?? [];
            if (completed.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
            const titles = new Map(d.task.milestones.map((m) => [m.id, m.title]));
            return (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {completed.map((m) => (
                  <li key={m.milestoneId}>
                    {titles.get(m.milestoneId) ?? m.milestoneId} · {format.date(m.completedOn)}
                    {d.newlyCompleted.has(m.milestoneId) && (
                      <Tag color="green" style={{ marginLeft: 6 }}>
                        {t('diff.new')}
                      </Tag>
                    )}
                  </li>
                ))}
              </ul>
            );
          },
        },
        {
          title: t('report.narrative'),
          key: 'narrative',
          onCell: (d) => ({ className: d.narrativeChanged ? 'changed-cell' : '' }),
          render: (_, d) => (
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 4, expandable: 'collapsible' }}>
                {d.current?.narrative || '—'}
              </Typography.Paragraph>
              {hasBaseline && d.narrativeChanged && <Previous text={d.previous?.narrative ?? ''} />}
            </>
          ),
        },
      ]}
    />
  );
}

function IndicatorValues({ diffs, hasBaseline }: { diffs: IndicatorDiff[]; hasBaseline: boolean }) {
  const t = useT();
  const format = useFormat();
  return (
    <Table<IndicatorDiff>
      size="small"
      rowKey={(d) => d.indicator.id}
      dataSource={diffs}
      pagination={false}
      locale={{ emptyText: t('task.noIndicators') }}
      scroll={{ x: 760 }}
      columns={[
        { title: t('report.indicator'), key: 'name', render: (_, d) => d.indicator.name },
        { title: t('report.unit'), key: 'unit', width: 100, render: (_, d) => d.indicator.unit },
        ...(hasBaseline ? [{ title: t('diff.previousValue'), key: 'previous', width: 130, render: (_: unknown, d: IndicatorDiff) => format.number(d.previous?.value) }] : []),
        {
          title: t('report.value'),
          key: 'value',
          width: 130,
          onCell: (d) => ({ className: hasBaseline && d.current?.value !== d.previous?.value ? 'changed-cell' : '' }),
          render: (_, d) => format.number(d.current?.value),
        },
        ...(hasBaseline
          ? [
              {
                title: t('diff.change'),
                key: 'delta',
                width: 110,
                render: (_: unknown, d: IndicatorDiff) => (d.delta === null ? '—' : `${d.delta > 0 ? '+' : ''}${format.number(d.delta)}`),
              },
            ]
          : []),
        { title: t('report.note'), key: 'note', render: (_, d) => d.current?.note || '—' },
      ]}
    />
  );
}
