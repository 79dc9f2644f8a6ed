import { Flex, Input, Select, Table } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { Task, TaskCategory } from '../api/types';
import { TASK_CATEGORIES } from '../domain/enums';
import { useFormat, useI18n } from '../i18n/I18nProvider';
import { TaskDetails } from './TaskDetails';
import { CategoryTag } from './tags';

/** Tasks with their milestones and indicators folded underneath; `focus` opens one. */
export function TaskTable({ tasks, focus, actions }: { tasks: Task[]; focus?: string; actions?: (task: Task) => ReactNode }) {
  const { t } = useI18n();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<TaskCategory | undefined>();
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return tasks.filter(
      (task) => (!category || task.category === category) && (!needle || `${task.code} ${task.title} ${task.leadUnit ?? ''}`.toLowerCase().includes(needle)),
    );
  }, [tasks, search, category]);

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('tasks.search')} placeholder={t('tasks.search')} allowClear onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 320 }} />
        <Select<TaskCategory>
          aria-label={t('filter.category')}
          placeholder={t('filter.allCategories')}
          allowClear
          value={category}
          onChange={setCategory}
          style={{ minWidth: 160 }}
          options={TASK_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
        />
      </Flex>
      <Table<Task>
        rowKey="id"
        dataSource={visible}
        pagination={false}
        scroll={{ x: 860 }}
        expandable={{
          defaultExpandedRowKeys: focus ? [focus] : [],
          expandedRowRender: (task) => <TaskDetails task={task} />,
        }}
        columns={[
          { title: t('task.code'), dataIndex: 'code', width: 80 },
          { title: t('task.title'), dataIndex: 'title' },
          { title: t('filter.category'), dataIndex: 'category', width: 130, render: (c: TaskCategory) => <CategoryTag category={c} /> },
          { title: t('task.leadUnit'), dataIndex: 'leadUnit', width: 200, render: (v: string | null) => v ?? '—' },
          { title: t('task.dueDate'), dataIndex: 'dueDate', width: 140, render: (d: string) => format.date(d) },
          { title: t('task.milestoneCount'), key: 'milestones', width: 90, render: (_, task) => task.milestones.length },
          ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 120, render: (_: unknown, task: Task) => actions(task) }] : []),
        ]}
      />
    </>
  );
}
