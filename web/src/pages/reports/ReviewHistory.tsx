import { Card, Empty, Timeline, Typography } from 'antd';
import type { Report, Revision } from '../../api/types';
import { useFormat, useT } from '../../i18n/I18nProvider';

interface Event {
  at: string;
  kind: 'submitted' | 'returned' | 'accepted';
  revision: number;
  note: string | null;
}

/** Submissions and decisions, oldest first, with the reviewers' notes. */
export function ReviewHistory({ report, revisions }: { report: Report; revisions: Revision[] }) {
  const t = useT();
  const format = useFormat();
  const events: Event[] = [
    ...revisions.map((r) => ({ at: r.submittedAt, kind: 'submitted' as const, revision: r.revision, note: null })),
    ...report.reviews.map((r) => ({ at: r.at, kind: r.decision, revision: r.revision, note: r.note })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <Card size="small" title={t('history.timeline')} style={{ height: '100%' }}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.noEvents')} />
      ) : (
        <Timeline
          items={events.map((event) => ({
            key: `${event.kind}-${event.revision}-${event.at}`,
            color: event.kind === 'returned' ? 'red' : event.kind === 'accepted' ? 'green' : 'blue',
            title: format.dateTime(event.at),
            content: (
              <>
                <Typography.Text strong>{t(`history.event.${event.kind}`, { n: event.revision })}</Typography.Text>
                {event.note && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="review-note">
                    {event.note}
                  </Typography.Paragraph>
                )}
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
