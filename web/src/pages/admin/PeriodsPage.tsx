import { EditOutlined, LockOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Popconfirm, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Period, PeriodInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../components/useErrorText';
import { usePeriodOpening, useSavePeriod } from '../../data/admin';
import { usePeriods } from '../../data/reference';
import { useFormat, useT } from '../../i18n/I18nProvider';
import { DateField } from '../../components/DateField';

export default function PeriodsPage() {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const explain = useErrorText();
  const periods = usePeriods();
  const opening = usePeriodOpening();
  const [editing, setEditing] = useState<Period | 'new' | null>(null);

  const toggle = (period: Period) =>
    opening.mutate(
      { id: period.id, closed: !period.closed },
      {
        onSuccess: () => void message.success(period.closed ? t('periods.reopened', { label: period.label }) : t('periods.closedDone', { label: period.label })),
        onError: (error) => void message.error(explain(error)),
      },
    );

  return (
    <>
      <PageHeader
        title={t('periods.title')}
        subtitle={t('periods.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('periods.add')}
          </Button>
        }
      />
      <Card>
        {periods.error ? (
          <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />
        ) : (
          <Table<Period>
            rowKey="id"
            size="small"
            loading={periods.isPending}
            dataSource={periods.data ?? []}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: t('report.noPeriods') }}
            columns={[
              { title: t('periods.label'), dataIndex: 'label', width: 120 },
              { title: t('periods.startDate'), dataIndex: 'startDate', render: (d: string) => format.date(d) },
              { title: t('periods.endDate'), dataIndex: 'endDate', render: (d: string) => format.date(d) },
              { title: t('periods.dueDate'), dataIndex: 'dueDate', render: (d: string) => format.date(d) },
              {
                title: t('report.status'),
                dataIndex: 'closed',
                width: 100,
                render: (closed: boolean) => <Tag color={closed ? 'default' : 'green'}>{closed ? t('period.closed') : t('period.open')}</Tag>,
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 220,
                render: (_, p) => (
                  <>
                    <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('common.editNamed', { name: p.label })}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={p.closed ? t('periods.confirmReopen', { label: p.label }) : t('periods.confirmClose', { label: p.label })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => toggle(p)}
                    >
                      <Button type="link" icon={p.closed ? <UnlockOutlined /> : <LockOutlined />}>
                        {p.closed ? t('periods.reopen') : t('periods.close')}
                      </Button>
                    </Popconfirm>
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing && <PeriodDialog period={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PeriodDialog({ period, onClose }: { period: Period | null; onClose(): void }) {
  const t = useT();
  const save = useSavePeriod();
  const required = { required: true, message: t('validation.required') };
  return (
    <FormDialog<PeriodInput>
      title={period ? t('periods.editTitle', { label: period.label }) : t('periods.add')}
      initialValues={period ?? {}}
      onClose={onClose}
      onSubmit={(values) => save.mutateAsync(period ? { id: period.id, input: values } : { id: null, input: values })}
    >
      <Form.Item label={t('periods.label')} name="label" rules={[required]} extra={t('periods.labelHint')}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item label={t('periods.startDate')} name="startDate" rules={[required]}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('periods.endDate')}
            name="endDate"
            dependencies={['startDate']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value: string | null) =>
                  !value || !getFieldValue('startDate') || value >= getFieldValue('startDate') ? Promise.resolve() : Promise.reject(new Error(t('validation.endBeforeStart'))),
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            label={t('periods.dueDate')}
            name="dueDate"
            dependencies={['endDate']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, value: string | null) =>
                  !value || !getFieldValue('endDate') || value >= getFieldValue('endDate') ? Promise.resolve() : Promise.reject(new Error(t('validation.dueBeforeEnd'))),
              }),
            ]}
          >
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
