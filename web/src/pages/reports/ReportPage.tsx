import { useParams } from 'react-router';
import { useCurrentUser } from '../../auth/AuthProvider';
import { QueryState } from '../../components/QueryState';
import { useReport } from '../../data/reports';
import { useT } from '../../i18n/I18nProvider';
import { ReportView } from './ReportView';

/** A report: pilot staff read it with its history; reviewers and admins review it. */
export default function ReportPage() {
  const t = useT();
  const { id } = useParams();
  const user = useCurrentUser();
  const report = useReport(id);
  return (
    <QueryState query={report} errorTitle={t('review.loadFailed')}>
      {(data) => <ReportView report={data} canReview={user.role !== 'pilot'} />}
    </QueryState>
  );
}
