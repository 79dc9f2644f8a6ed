import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Divider, Empty, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Task, TaskInput, TaskUpdate } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { PilotSelect } from '../../components/selects';
import { TaskTable } from '../../components/TaskTable';
import { useSaveTask } from '../../data/admin';
import { useTasks } from '../../data/reference';
import { useSearchState } from '../../data/useSearchState';
import { TASK_CATEGORIES } from '../../domain/enums';
import { useT } from '../../i18n/I18nProvider';
import { DateField } from '../../components/DateField';

/** The form edits milestones and indicators with their ids, as a PATCH sends them. */
type TaskValues = Omit<TaskInput, 'milestones' | 'indicators'> & { milestones: NonNullable<TaskUpdate['milestones']>; indicators: NonNullable<TaskUpdate['indicators']> };

export default function TasksAdminPage() {
  const t = useT();
  const [filter, setFilter] = useSearchState({ pilot: '', task: '' });
  const tasks = useTasks(filter.pilot || undefined);
  const [editing, setEditing] = useState<Task | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('tasksAdmin.title')}
        subtitle={t('tasksAdmin.subtitle')}
        extra={
          <>
            <PilotSelect allowClear={false} placeholder={t('tasksAdmin.choosePilot')} value={filter.pilot || undefined} onChange={(pilot) => setFilter({ pilot, task: '' })} />
            <ExportButton request={{ kind: 'tasks', ...(filter.pilot ? { pilotId: filter.pilot } : {}) }} />
            <Button type="primary" icon={<PlusOutlined />} disabled={!filter.pilot} onClick={() => setEditing('new')}>
              {t('tasksAdmin.add')}
            </Button>
          </>
        }
      />
      <Card>
        {!filter.pilot ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasksAdmin.pickPilot')} />
        ) : (
          <QueryState query={tasks} empty={{ when: (list) => list.length === 0, description: t('tasks.none') }}>
            {(list) => (
              <TaskTable
                key={filter.pilot}
                tasks={list}
                focus={filter.task || undefined}
                actions={(task) => (
                  <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(task)} aria-label={t('common.editNamed', { name: task.code })}>
                    {t('common.edit')}
                  </Button>
                )}
              />
            )}
          </QueryState>
        )}
      </Card>
      {editing && filter.pilot && <TaskDialog pilotId={filter.pilot} task={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function TaskDialog({ pilotId, task, onClose }: { pilotId: string; task: Task | null; onClose(): void }) {
  const t = useT();
  const save = useSaveTask(pilotId);
  const required = { required: true, message: t('validation.required') };

  const onSubmit = (values: TaskValues) => {
    if (task) return save.mutateAsync({ id: task.id, input: values });
    // A new task's milestones and indicators have no ids yet.
    const input: TaskInput = {
      ...values,
      milestones: values.milestones.map(({ title, dueDate }) => ({ title, dueDate })),
      indicators: values.indicators.map(({ id: _id, ...indicator }) => indicator),
    };
    return save.mutateAsync({ id: null, input });
  };

  return (
    <FormDialog<TaskValues>
      title={task ? t('tasksAdmin.editTitle', { code: task.code }) : t('tasksAdmin.add')}
      width={880}
      initialValues={
        task
          ? {
              ...task,
              description: task.description ?? undefined,
              leadUnit: task.leadUnit ?? undefined,
              startDate: task.startDate ?? undefined,
              indicators: task.indicators.map((i) => ({ ...i, baselineYear: i.baselineYear ?? undefined })),
            }
          : { category: 'energy', milestones: [], indicators: [] }
      }
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Row gutter={16}>
        <Col xs={24} sm={6}>
          <Form.Item label={t('task.code')} name="code" rules={[required, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: t('validation.code') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={18}>
          <Form.Item label={t('task.title')} name="title" rules={[{ ...required, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item label={t('filter.category')} name="category" rules={[required]}>
            <Select options={TASK_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item label={t('task.leadUnit')} name="leadUnit">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item label={t('task.startDate')} name="startDate">
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item label={t('task.dueDate')} name="dueDate" rules={[required]}>
            <DateField style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('task.description')} name="description">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>

      <Divider titlePlacement="start">{t('task.milestones')}</Divider>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="flex-start" wrap>
                <Form.Item name={[field.name, 'title']} rules={[{ ...required, whitespace: true }]} style={{ flex: '1 1 320px' }}>
                  <Input aria-label={t('tasksAdmin.milestoneTitleN', { n: index + 1 })} placeholder={t('task.milestone')} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} rules={[required]}>
                  <DateField aria-label={t('tasksAdmin.milestoneDueN', { n: index + 1 })} placeholder={t('task.dueDate')} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('tasksAdmin.removeMilestoneN', { n: index + 1 })} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', dueDate: null })}>
              {t('tasksAdmin.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('task.indicators')}</Divider>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={<Typography.Text>{t('tasksAdmin.indicatorN', { n: index + 1 })}</Typography.Text>}
                extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('tasksAdmin.removeIndicatorN', { n: index + 1 })} />}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={16}>
                    <Form.Item label={t('report.indicator')} name={[field.name, 'name']} rules={[{ ...required, whitespace: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item label={t('report.unit')} name={[field.name, 'unit']} rules={[{ ...required, whitespace: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item label={t('report.baseline')} name={[field.name, 'baseline']} rules={[required]}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item label={t('tasksAdmin.baselineYear')} name={[field.name, 'baselineYear']}>
                      <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item label={t('report.target')} name={[field.name, 'target']} rules={[required]}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={6}>
                    <Form.Item label={t('tasksAdmin.targetYear')} name={[field.name, 'targetYear']} rules={[required]}>
                      <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item label={t('tasksAdmin.direction')} name={[field.name, 'direction']} rules={[required]} style={{ marginBottom: 0 }}>
                      <Select
                        options={[
                          { value: 'increase', label: t('direction.increase') },
                          { value: 'decrease', label: t('direction.decrease') },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ direction: 'increase' })}>
              {t('tasksAdmin.addIndicator')}
            </Button>
          </>
        )}
      </Form.List>
    </FormDialog>
  );
}
