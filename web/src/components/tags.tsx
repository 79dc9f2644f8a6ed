import { Tag } from 'antd';
import type { OverdueType, ReportStatus, Summary, TaskCategory, TaskProgressStatus } from '../api/types';
import { useT } from '../i18n/I18nProvider';

const REPORT_COLORS: Record<ReportStatus | 'none', string> = {
  none: 'default',
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export function ReportStatusTag({ status }: { status: ReportStatus | 'none' }) {
  const t = useT();
  return <Tag color={REPORT_COLORS[status]}>{t(`reportStatus.${status}`)}</Tag>;
}

const TASK_COLORS: Record<TaskProgressStatus, string> = {
  not_started: 'default',
  on_track: 'green',
  at_risk: 'orange',
  delayed: 'red',
  completed: 'blue',
};

export function TaskStatusTag({ status }: { status: TaskProgressStatus }) {
  const t = useT();
  return <Tag color={TASK_COLORS[status]}>{t(`taskStatus.${status}`)}</Tag>;
}

export function CategoryTag({ category }: { category: TaskCategory }) {
  const t = useT();
  return <Tag variant="filled">{t(`category.${category}`)}</Tag>;
}

const SUMMARY_COLORS: Record<Summary['status'], string> = { queued: 'default', running: 'processing', ready: 'success', failed: 'error' };

export function SummaryStatusTag({ status }: { status: Summary['status'] }) {
  const t = useT();
  return <Tag color={SUMMARY_COLORS[status]}>{t(`summaryStatus.${status}`)}</Tag>;
}

const OVERDUE_COLORS: Record<OverdueType, string> = { milestone: 'purple', task: 'volcano', report: 'gold' };

export function OverdueTypeTag({ type }: { type: OverdueType }) {
  const t = useT();
  return <Tag color={OVERDUE_COLORS[type]}>{t(`overdueType.${type}`)}</Tag>;
}
