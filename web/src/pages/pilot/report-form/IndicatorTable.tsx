import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Form, Input, InputNumber, Table, Typography } from 'antd';
import type { Indicator, Task } from '../../../api/types';
import { indicatorsOf } from '../../../domain/report-form';
import { useFormat, useT } from '../../../i18n/I18nProvider';

/** The period's value of every indicator of the pilot's tasks. */
export function IndicatorTable({ tasks }: { tasks: Task[] }) {
  const t = useT();
  const format = useFormat();
  const rows = indicatorsOf(tasks).map((row, index) => ({ ...row, index }));
  const target = (indicator: Indicator) => `${format.number(indicator.target)} (${indicator.targetYear})`;

  return (
    <Table
      size="small"
      rowKey={(row) => row.indicator.id}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('report.indicator'),
          key: 'name',
          render: (_, { task, indicator }) => (
            <>
              <Typography.Text>{indicator.name}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{task.code}</Typography.Text>
            </>
          ),
        },
        { title: t('report.unit'), key: 'unit', width: 90, render: (_, { indicator }) => indicator.unit },
        {
          title: t('report.baseline'),
          key: 'baseline',
          width: 130,
          render: (_, { indicator }) => `${format.number(indicator.baseline)}${indicator.baselineYear ? ` (${indicator.baselineYear})` : ''}`,
        },
        {
          title: t('report.target'),
          key: 'target',
          width: 150,
          render: (_, { indicator }) => (
            <span title={t(`direction.${indicator.direction}`)}>
              {indicator.direction === 'increase' ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {target(indicator)}
            </span>
          ),
        },
        {
          title: t('report.value'),
          key: 'value',
          width: 170,
          render: (_, { indicator, index }) => (
            <Form.Item name={['indicators', index, 'value']} style={{ margin: 0 }}>
              <InputNumber aria-label={t('report.valueFor', { name: indicator.name })} style={{ width: '100%' }} suffix={indicator.unit.length <= 4 ? indicator.unit : undefined} />
            </Form.Item>
          ),
        },
        {
          title: t('report.note'),
          key: 'note',
          width: 240,
          render: (_, { indicator, index }) => (
            <Form.Item name={['indicators', index, 'note']} style={{ margin: 0 }} rules={[{ max: 2000, message: t('validation.tooLong') }]}>
              <Input aria-label={t('report.noteFor', { name: indicator.name })} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
