import { Card } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TaskDetails } from '../../components/TaskDetails';
import { CategoryTag } from '../../components/tags';
import { usePilot, useTask } from '../../data/reference';
import { useI18n } from '../../i18n/I18nProvider';

/** One task with its milestones and indicators (the target of task and milestone notices). */
export default function TaskPage() {
  const { t, language } = useI18n();
  const { id } = useParams();
  const [params] = useSearchParams();
  const task = useTask(id);
  const pilot = usePilot(task.data?.pilotId);
  const pilotName = pilot.data ? (language === 'zh' ? pilot.data.nameZh : pilot.data.nameEn) : '';
  return (
    <QueryState query={task} errorTitle={t('tasks.loadFailed')}>
      {(data) => (
        <>
          <PageHeader title={`${data.code} · ${data.title}`} subtitle={pilotName} extra={<CategoryTag category={data.category} />} />
          <Card>
            <TaskDetails task={data} highlightMilestone={params.get('milestone') ?? undefined} />
          </Card>
        </>
      )}
    </QueryState>
  );
}
