import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Period, Review, Task } from '../../../api/types';
import { AttachmentList } from '../../../components/AttachmentList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useErrorText } from '../../../components/useErrorText';
import { useReportTransition, type VersionedReport } from '../../../data/reports';
import { initialFormValues, type FieldPath, type ReportFormValues } from '../../../domain/report-form';
import { useFormat, useT } from '../../../i18n/I18nProvider';
import { ExperienceList } from './ExperienceList';
import { IndicatorTable } from './IndicatorTable';
import { SaveStatus } from './SaveStatus';
import { TaskLineCard } from './TaskLineCard';
import { useAutosave } from './useAutosave';

interface Props {
  pilotId: string;
  period: Period;
  tasks: Task[];
  /** The report as stored, kept current by this editor's own saves; the form starts from the first. */
  current: VersionedReport | null;
  onReload(): void;
  /** Rendered in the page header, beside the status. */
  header(status: ReactNode): ReactNode;
}

function latestReturn(reviews: Review[]): Review | undefined {
  return reviews.filter((review) => review.decision === 'returned').at(-1);
}

export function ReportEditor({ pilotId, period, tasks, current, onReload, header }: Props) {
  const t = useT();
  const format = useFormat();
  const explain = useErrorText();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const [initial] = useState(current);
  const initialValues = useMemo(() => initialFormValues(tasks, initial?.report ?? null), [tasks, initial]);
  const report = current?.report ?? null;
  const editable = !period.closed && (report === null || report.status === 'draft' || report.status === 'returned');

  const onFieldErrors = useCallback(
    (errors: { name: FieldPath; errors: string[] }[]) =>
      // The paths come from toReportInput, which built the body from this very form.
      form.setFields(errors.map(({ name, errors: messages }) => ({ name, errors: messages.map(stripPath) })) as Parameters<typeof form.setFields>[0]),
    [form],
  );
  const autosave = useAutosave({ form, pilotId, periodId: period.id, initial, enabled: editable, onFieldErrors });
  const submit = useReportTransition();

  const onSubmit = async () => {
    try {
      await form.validateFields({ recursive: true });
    } catch {
      form.scrollToField(form.getFieldsError().find((field) => field.errors.length > 0)?.name ?? ['summary'], { behavior: 'smooth', block: 'center', focus: true });
      void message.error(t('report.fixBeforeSubmit'));
      return;
    }
    const confirmed = await modal.confirm({
      title: t('report.confirmSubmitTitle', { period: period.label }),
      content: t('report.confirmSubmit'),
      okText: t('report.submit'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    const saved = await autosave.saveNow();
    if (!saved) return;
    try {
      await submit.mutateAsync({ reportId: saved.report.id, action: 'submit' });
      void message.success(t('report.submitted'));
    } catch (error) {
      void message.error(explain(error));
    }
  };

  const returned = report?.status === 'returned' ? latestReturn(report.reviews) : undefined;

  return (
    <>
      {header(
        <Space wrap>
          {report && report.revision > 0 && <Typography.Text type="secondary">{t('report.statusLine', { revision: report.revision })}</Typography.Text>}
          {editable && <SaveStatus state={autosave.state} />}
        </Space>,
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {returned && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('report.returnedTitle', { date: format.dateTime(returned.at) })}
            description={<Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="return-note">{returned.note}</Typography.Paragraph>}
          />
        )}
        {period.closed && <Alert type="info" showIcon title={t('report.periodClosed')} />}
        {report && !editable && !period.closed && (
          <Alert type="success" showIcon title={t(report.status === 'accepted' ? 'report.readOnlyAccepted' : 'report.readOnlySubmitted', { date: format.dateTime(report.submittedAt) })} />
        )}
        {autosave.state.kind === 'conflict' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('save.conflictTitle')}
            description={t('save.conflict')}
            action={
              <Button type="primary" danger onClick={onReload}>
                {t('save.reload')}
              </Button>
            }
          />
        )}
        {autosave.state.kind === 'invalid' && autosave.state.general.length > 0 && (
          <Alert type="warning" showIcon title={t('save.serverRejected')} description={autosave.state.general.join('; ')} />
        )}
        {autosave.state.kind === 'failed' && <ErrorAlert error={autosave.state.error} title={t('save.failedTitle')} onRetry={() => void autosave.saveNow()} />}

        <Form<ReportFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          disabled={!editable}
          onValuesChange={autosave.changed}
          scrollToFirstError
          aria-label={t('report.formLabel', { period: period.label })}
        >
          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('report.sectionSummary')}</h3>} style={{ marginBottom: 16 }}>
            <Form.Item label={t('report.summary')} name="summary" style={{ marginBottom: 0 }} rules={[{ max: 20000, message: t('validation.tooLong') }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('report.summaryPlaceholder')} />
            </Form.Item>
          </Card>

          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('report.sectionTasks', { count: tasks.length })}</h3>} style={{ marginBottom: 16 }}>
            {tasks.map((task, index) => (
              <TaskLineCard key={task.id} task={task} index={index} periodEnd={period.endDate} />
            ))}
          </Card>

          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('report.sectionIndicators')}</h3>} style={{ marginBottom: 16 }}>
            <IndicatorTable tasks={tasks} />
          </Card>

          <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('report.sectionExperiences')}</h3>} style={{ marginBottom: 16 }}>
            <ExperienceList editable={editable} />
          </Card>
        </Form>

        <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('attachments.title')}</h3>}>
          {report ? <AttachmentList reportId={report.id} editable={editable} /> : <Typography.Text type="secondary">{t('attachments.saveFirst')}</Typography.Text>}
        </Card>

      </Space>
      {editable && (
        <Flex justify="flex-end" gap={12} wrap style={{ position: 'sticky', bottom: 0, padding: '12px 0', marginTop: 16, background: '#f3f5f4', borderTop: '1px solid #e5e7eb', zIndex: 2 }}>
          <Button icon={<SaveOutlined />} onClick={() => void autosave.saveNow()} disabled={autosave.state.kind === 'conflict'} loading={autosave.state.kind === 'saving'}>
            {t('report.saveDraft')}
          </Button>
          <Button type="primary" icon={<SendOutlined />} onClick={() => void onSubmit()} disabled={autosave.state.kind === 'conflict'} loading={submit.isPending}>
            {t('report.submit')}
          </Button>
        </Flex>
      )}
    </>
  );
}

/** "tasks.0.percentComplete must not be greater than 100" → "must not be greater than 100". */
function stripPath(message: string): string {
  return message.replace(/^[A-Za-z_$][\w$]*(?:\.[\w$]+)*\s+/, '');
}
