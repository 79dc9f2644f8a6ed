import { Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Task } from '../../../api/types';
import { CategoryTag } from '../../../components/tags';
import { TASK_STATUSES } from '../../../domain/enums';
import type { ReportFormValues } from '../../../domain/report-form';
import { useFormat, useT } from '../../../i18n/I18nProvider';
import { DateField } from '../../../components/DateField';

interface Props {
  task: Task;
  index: number;
  periodEnd: string;
}

/** One task's line of the report: status, % complete, milestones reached and a narrative. */
export function TaskLineCard({ task, index, periodEnd }: Props) {
  const t = useT();
  const format = useFormat();
  const form = Form.useFormInstance<ReportFormValues>();
  const base = ['tasks', index] as const;

  return (
    <Card
      size="small"
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {task.code} · {task.title}
        </Typography.Text>
      }
      extra={
        <Flex gap={8} align="center" wrap>
          <CategoryTag category={task.category} />
          <Typography.Text type="secondary">{t('report.taskDue', { date: format.date(task.dueDate) })}</Typography.Text>
        </Flex>
      }
      style={{ marginBottom: 16 }}
      data-testid={`task-line-${task.code}`}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12} md={8}>
          <Form.Item label={t('report.status')} name={[...base, 'status']} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={TASK_STATUSES.map((value) => ({ value, label: t(`taskStatus.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item
            label={t('report.percentComplete')}
            name={[...base, 'percentComplete']}
            rules={[
              { required: true, message: t('validation.required') },
              { type: 'integer', min: 0, max: 100, message: t('validation.percent') },
            ]}
          >
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {task.milestones.length > 0 && (
        <fieldset style={{ border: 0, margin: '0 0 8px', padding: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8, border: 0 }}>{t('report.milestonesReached')}</legend>
          {task.milestones.map((milestone, j) => {
            const path = [...base, 'milestones', j] as const;
            return (
              <Flex key={milestone.id} gap={12} align="baseline" wrap style={{ marginBottom: 4 }}>
                <Form.Item name={[...path, 'reached']} valuePropName="checked" style={{ marginBottom: 8, flex: '1 1 320px' }}>
                  <Checkbox>
                    {milestone.title}
                    <Typography.Text type="secondary"> · {t('report.milestoneDue', { date: format.date(milestone.dueDate) })}</Typography.Text>
                  </Checkbox>
                </Form.Item>
                <Form.Item noStyle dependencies={[[...path, 'reached']]}>
                  {() => {
                    const reached = Boolean(form.getFieldValue([...path, 'reached']));
                    return (
                      <Form.Item
                        name={[...path, 'completedOn']}
                        style={{ marginBottom: 8 }}
                        rules={[
                          { required: reached, message: t('validation.completedOnRequired') },
                          {
                            validator: (_rule, value: string | null) =>
                              !reached || !value || value <= periodEnd ? Promise.resolve() : Promise.reject(new Error(t('validation.completedOnAfterPeriod'))),
                          },
                        ]}
                      >
                        <DateField disabled={!reached} aria-label={t('report.completedOnFor', { title: milestone.title })} placeholder={t('report.completedOn')} />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Flex>
            );
          })}
        </fieldset>
      )}
      <Form.Item label={t('report.narrative')} name={[...base, 'narrative']} style={{ marginBottom: 0 }} rules={[{ max: 20000, message: t('validation.tooLong') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={t('report.narrativePlaceholder')} />
      </Form.Item>
    </Card>
  );
}
