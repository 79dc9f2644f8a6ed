import { Card } from 'antd';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TaskTable } from '../../components/TaskTable';
import { usePilot, useTasks } from '../../data/reference';
import { useI18n } from '../../i18n/I18nProvider';

export default function MyTasksPage() {
  const { t, language } = useI18n();
  const user = useCurrentUser();
  const pilot = usePilot(user.pilotId);
  const tasks = useTasks(user.pilotId);
  const [params] = useSearchParams();
  const pilotName = pilot.data ? (language === 'zh' ? pilot.data.nameZh : pilot.data.nameEn) : '';
  return (
    <>
      <PageHeader title={t('tasks.myTitle')} subtitle={pilotName && t('tasks.mySubtitle', { pilot: pilotName })} />
      <Card>
        <QueryState query={tasks} empty={{ when: (list) => list.length === 0, description: t('tasks.none') }}>
          {(list) => <TaskTable tasks={list} focus={params.get('task') ?? undefined} />}
        </QueryState>
      </Card>
    </>
  );
}
