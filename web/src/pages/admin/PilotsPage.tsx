import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { Pilot, PilotInput } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { ProvinceSelect } from '../../components/selects';
import { useSavePilot } from '../../data/admin';
import { usePilots } from '../../data/reference';
import { useI18n } from '../../i18n/I18nProvider';

const KINDS = ['city', 'park'] as const satisfies readonly Pilot['kind'][];

export default function PilotsPage() {
  const { t } = useI18n();
  const pilots = usePilots();
  const [province, setProvince] = useState<string>();
  const [kind, setKind] = useState<Pilot['kind']>();
  const [editing, setEditing] = useState<Pilot | 'new' | null>(null);
  const visible = useMemo(
    () => (pilots.data ?? []).filter((p) => (!kind || p.kind === kind) && (!province || p.provinceZh === province || p.provinceEn === province)),
    [pilots.data, kind, province],
  );

  return (
    <>
      <PageHeader
        title={t('pilots.title')}
        subtitle={t('pilots.subtitle', { count: pilots.data?.length ?? 0 })}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('pilots.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('filter.filters')}>
          <ProvinceSelect value={province} onChange={setProvince} />
          <Select<Pilot['kind']>
            aria-label={t('pilots.kind')}
            placeholder={t('pilots.allKinds')}
            allowClear
            value={kind}
            onChange={setKind}
            style={{ minWidth: 140 }}
            options={KINDS.map((value) => ({ value, label: t(`pilotKind.${value}`) }))}
          />
        </Flex>
        {pilots.error ? (
          <ErrorAlert error={pilots.error} onRetry={() => void pilots.refetch()} />
        ) : (
          <Table<Pilot>
            rowKey="id"
            size="small"
            loading={pilots.isPending}
            dataSource={visible}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: 900 }}
            locale={{ emptyText: t('pilots.none') }}
            columns={[
              { title: t('pilots.code'), dataIndex: 'code', width: 190 },
              { title: t('pilots.nameZh'), dataIndex: 'nameZh' },
              { title: t('pilots.nameEn'), dataIndex: 'nameEn' },
              { title: t('pilots.kind'), dataIndex: 'kind', width: 100, render: (k: Pilot['kind']) => <Tag>{t(`pilotKind.${k}`)}</Tag> },
              { title: t('filter.province'), key: 'province', width: 200, render: (_, p) => `${p.provinceZh} / ${p.provinceEn}` },
              { title: t('pilots.batch'), dataIndex: 'batch', width: 80 },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 100,
                render: (_, p) => (
                  <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('common.editNamed', { name: p.nameZh })}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing && <PilotDialog pilot={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function PilotDialog({ pilot, onClose }: { pilot: Pilot | null; onClose(): void }) {
  const { t } = useI18n();
  const save = useSavePilot();
  return (
    <FormDialog<PilotInput>
      title={pilot ? t('pilots.editTitle', { name: pilot.nameZh }) : t('pilots.add')}
      initialValues={pilot ?? { kind: 'city', batch: 1 }}
      onClose={onClose}
      width={640}
      onSubmit={(values) => save.mutateAsync(pilot ? { id: pilot.id, input: values } : { id: null, input: values })}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label={t('pilots.code')} name="code" rules={[{ required: true, message: t('validation.required') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, message: t('validation.code') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('pilots.kind')} name="kind" rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={KINDS.map((value) => ({ value, label: t(`pilotKind.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item label={t('pilots.batch')} name="batch">
            <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('pilots.nameZh')} name="nameZh" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('pilots.nameEn')} name="nameEn" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('pilots.provinceZh')} name="provinceZh" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label={t('pilots.provinceEn')} name="provinceEn" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
