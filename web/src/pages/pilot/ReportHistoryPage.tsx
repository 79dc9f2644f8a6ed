import { Button, Card, Table } from 'antd';
import { useNavigate } from 'react-router';
import type { ReportListItem, ReportStatus } from '../../api/types';
import { useCurrentUser } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ReportStatusTag } from '../../components/tags';
import { useReports } from '../../data/reports';
import { useFormat, useT } from '../../i18n/I18nProvider';

/** Every report of the pilot, with its revisions and reviewers' notes one click away. */
export default function ReportHistoryPage() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const reports = useReports({ pilotId: user.pilotId! }, { limit: 200, offset: 0 });
  return (
    <>
      <PageHeader title={t('history.title')} subtitle={t('history.subtitle')} />
      <Card>
        <QueryState query={reports} empty={{ when: (page) => page.total === 0, description: t('history.none') }}>
          {(page) => (
            <Table<ReportListItem>
              rowKey="id"
              dataSource={[...page.items].sort((a, b) => b.periodLabel.localeCompare(a.periodLabel))}
              pagination={false}
              scroll={{ x: 720 }}
              columns={[
                { title: t('filter.period'), dataIndex: 'periodLabel', width: 120 },
                { title: t('report.status'), dataIndex: 'status', width: 120, render: (s: ReportStatus) => <ReportStatusTag status={s} /> },
                { title: t('review.revision'), dataIndex: 'revision', width: 100 },
                { title: t('review.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => format.dateTime(v) },
                { title: t('review.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => format.dateTime(v) },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_, r) => (
                    <>
                      <Button type="link" onClick={() => navigate(`/reports/${r.id}`)} aria-label={t('history.openLabel', { period: r.periodLabel })}>
                        {t('history.open')}
                      </Button>
                      {(r.status === 'draft' || r.status === 'returned') && (
                        <Button type="link" onClick={() => navigate(`/my/report/${r.periodId}`)} aria-label={t('history.editLabel', { period: r.periodLabel })}>
                          {t('history.edit')}
                        </Button>
                      )}
                    </>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
