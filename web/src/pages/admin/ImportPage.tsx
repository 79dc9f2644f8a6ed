import { CheckCircleOutlined, DownloadOutlined, ExperimentOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Radio, Row, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, isApiError } from '../../api/errors';
import type { ImportCounts, ImportKind, ImportRowError } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { useErrorText } from '../../components/useErrorText';
import { useDownloadTemplate, useImport } from '../../data/imports';
import { useFormat, useT } from '../../i18n/I18nProvider';

const RECORDS = ['pilots', 'tasks', 'milestones', 'indicators'] as const;

type Outcome = { dryRun: boolean; counts: ImportCounts } | { dryRun: boolean; error: unknown };

/** Spreadsheet import: template, dry run with every bad cell listed, then the import itself. */
export default function ImportPage() {
  const t = useT();
  const format = useFormat();
  const { message } = App.useApp();
  const explain = useErrorText();
  const [kind, setKind] = useState<ImportKind>('tasks');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importer = useImport();
  const template = useDownloadTemplate();
  const checked = outcome !== null && outcome.dryRun && 'counts' in outcome;

  const run = (dryRun: boolean) => {
    if (!file) return;
    importer.mutate(
      { kind, file, dryRun },
      {
        onSuccess: (counts) => {
          setOutcome({ dryRun, counts });
          if (!dryRun) void message.success(t('import.done'));
        },
        onError: (error) => setOutcome({ dryRun, error }),
      },
    );
  };

  const choose = (next: File | null) => {
    setFile(next);
    setOutcome(null);
  };

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('import.step1')}</h3>} style={{ marginBottom: 16 }}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Radio.Group
                aria-label={t('import.kind')}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as ImportKind);
                  setOutcome(null);
                }}
                optionType="button"
                options={[
                  { value: 'tasks', label: t('import.kindTasks') },
                  { value: 'pilots', label: t('import.kindPilots') },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t(kind === 'tasks' ? 'import.tasksHint' : 'import.pilotsHint')}
              </Typography.Paragraph>
              <Flex gap={8} wrap>
                {(['xlsx', 'csv'] as const).map((spreadsheet) => (
                  <Button
                    key={spreadsheet}
                    icon={<DownloadOutlined />}
                    loading={template.isPending && template.variables?.format === spreadsheet}
                    onClick={() =>
                      template.mutate(
                        { kind, format: spreadsheet },
                        { onError: (error) => void message.error(isApiError(error, 404) ? t('import.unavailable') : explain(error)) },
                      )
                    }
                  >
                    {t('import.template', { format: spreadsheet.toUpperCase() })}
                  </Button>
                ))}
              </Flex>
            </Space>
          </Card>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('import.step2')}</h3>}>
            <Upload.Dragger
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [{ uid: 'chosen', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(chosen) => {
                choose(chosen);
                return false;
              }}
              onRemove={() => choose(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            {file && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {file.name} · {format.fileSize(file.size)}
              </Typography.Text>
            )}
            <Flex gap={8} wrap style={{ marginTop: 16 }}>
              <Button icon={<ExperimentOutlined />} disabled={!file} loading={importer.isPending && importer.variables?.dryRun} onClick={() => run(true)}>
                {t('import.dryRun')}
              </Button>
              <Button type="primary" icon={<UploadOutlined />} disabled={!checked} loading={importer.isPending && !importer.variables?.dryRun} onClick={() => run(false)}>
                {t('import.run')}
              </Button>
            </Flex>
            {!checked && file && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {t('import.dryRunFirst')}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('import.step3')}</h3>}>
            {outcome === null ? (
              <Typography.Text type="secondary">{t('import.noResult')}</Typography.Text>
            ) : 'counts' in outcome ? (
              <ImportResult outcome={outcome} />
            ) : (
              <ImportFailure error={outcome.error} dryRun={outcome.dryRun} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function ImportResult({ outcome }: { outcome: { dryRun: boolean; counts: ImportCounts } }) {
  const t = useT();
  const format = useFormat();
  const created: Record<string, number> = outcome.counts.created;
  const updated: Record<string, number> = outcome.counts.updated;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={outcome.dryRun ? t('import.dryRunOk') : t('import.done')} />
      <Descriptions
        bordered
        size="small"
        column={1}
        items={RECORDS.filter((record) => record in created).map((record) => ({
          key: record,
          label: t(`import.record.${record}`),
          children: t('import.counts', { created: format.number(created[record], 0), updated: format.number(updated[record] ?? 0, 0) }),
        }))}
      />
    </Space>
  );
}

function ImportFailure({ error, dryRun }: { error: unknown; dryRun: boolean }) {
  const t = useT();
  const explain = useErrorText();
  if (isApiError(error, 404)) return <Alert type="info" showIcon title={t('import.unavailable')} />;
  const rows: ImportRowError[] = error instanceof ApiError ? error.rowErrors : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="error" showIcon role="alert" title={dryRun ? t('import.dryRunFailed') : t('import.failed')} description={rows.length === 0 ? explain(error) : t('import.rowErrors', { count: rows.length })} />
      {rows.length > 0 && (
        <Table<ImportRowError>
          size="small"
          rowKey="key"
          dataSource={rows.map((row, index) => ({ ...row, key: index }))}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80, render: (row: number | null) => row ?? t('import.wholeFile') },
            { title: t('import.column'), dataIndex: 'column', width: 180, render: (column: string | null) => column ?? '—' },
            { title: t('import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}
