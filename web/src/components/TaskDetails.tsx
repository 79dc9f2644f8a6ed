import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Descriptions, Table, Typography } from 'antd';
import type { Task } from '../api/types';
import { useFormat, useT } from '../i18n/I18nProvider';
import { todayInAppZone } from '../i18n/time-zone';

/** A task's description, milestones and indicators. */
export function TaskDetails({ task, highlightMilestone }: { task: Task; highlightMilestone?: string }) {
  const t = useT();
  const format = useFormat();
  const today = todayInAppZone();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'lead', label: t('task.leadUnit'), children: task.leadUnit ?? '—' },
          { key: 'start', label: t('task.startDate'), children: format.date(task.startDate) },
          { key: 'due', label: t('task.dueDate'), children: format.date(task.dueDate) },
          ...(task.description ? [{ key: 'description', label: t('task.description'), span: 'filled' as const, children: task.description }] : []),
        ]}
      />
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 12 }}>
        {t('task.milestones')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={task.milestones}
        locale={{ emptyText: t('task.noMilestones') }}
        rowClassName={(m) => (m.id === highlightMilestone ? 'changed-cell' : '')}
        columns={[
          { title: t('task.milestone'), dataIndex: 'title' },
          {
            title: t('task.dueDate'),
            dataIndex: 'dueDate',
            width: 180,
            render: (date: string) => <Typography.Text type={date < today ? 'secondary' : undefined}>{format.date(date)}</Typography.Text>,
          },
        ]}
      />
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 12 }}>
        {t('task.indicators')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={task.indicators}
        locale={{ emptyText: t('task.noIndicators') }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('report.indicator'), dataIndex: 'name' },
          { title: t('report.unit'), dataIndex: 'unit', width: 110 },
          {
            title: t('report.baseline'),
            key: 'baseline',
            width: 140,
            render: (_, i) => `${format.number(i.baseline)}${i.baselineYear ? ` (${i.baselineYear})` : ''}`,
          },
          {
            title: t('report.target'),
            key: 'target',
            width: 160,
            render: (_, i) => (
              <span title={t(`direction.${i.direction}`)}>
                {i.direction === 'increase' ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {format.number(i.target)} ({i.targetYear})
              </span>
            ),
          },
        ]}
      />
    </>
  );
}
