import { useMemo } from 'react';
import type { Report, ReportContent } from '../../api/types';
import { usePeriods, usePilot, useTasks } from '../../data/reference';
import { useReport, useReports, useRevisions } from '../../data/reports';

export interface Baseline {
  key: string;
  kind: 'accepted' | 'revision';
  /** The period label (accepted report of an earlier period) or the revision number. */
  label: string;
  content: ReportContent;
}

/** What a report page needs beside the report: its pilot, period, tasks and the versions to compare with. */
export function useReportContext(report: Report | undefined) {
  const pilot = usePilot(report?.pilotId);
  const periods = usePeriods();
  const tasks = useTasks(report?.pilotId);
  const revisions = useRevisions(report?.id);
  const period = periods.data?.find((p) => p.id === report?.periodId);

  // The pilot's accepted report of the latest earlier period.
  const accepted = useReports({ pilotId: report?.pilotId, status: 'accepted' }, { limit: 100, offset: 0 }, { enabled: Boolean(report) });
  const previousAcceptedId = useMemo(() => {
    if (!period || !periods.data || !accepted.data) return undefined;
    const starts = new Map(periods.data.map((p) => [p.id, p.startDate]));
    return accepted.data.items
      .filter((r) => r.id !== report?.id && (starts.get(r.periodId) ?? '') < period.startDate)
      .sort((a, b) => (starts.get(b.periodId) ?? '').localeCompare(starts.get(a.periodId) ?? ''))[0];
  }, [accepted.data, period, periods.data, report?.id]);
  const previousAccepted = useReport(previousAcceptedId?.id);

  const baselines = useMemo<Baseline[]>(() => {
    const list: Baseline[] = [];
    if (previousAcceptedId && previousAccepted.data) {
      list.push({ key: `accepted:${previousAcceptedId.id}`, kind: 'accepted', label: previousAcceptedId.periodLabel, content: previousAccepted.data });
    }
    // Earlier submissions of this report, newest first (e.g. the one that was returned).
    for (const revision of [...(revisions.data ?? [])].reverse()) {
      if (report && revision.revision < report.revision) {
        list.push({ key: `revision:${revision.revision}`, kind: 'revision', label: String(revision.revision), content: revision.content });
      }
    }
    return list;
  }, [previousAcceptedId, previousAccepted.data, revisions.data, report]);

  const loading = pilot.isPending || periods.isPending || tasks.isPending;
  const error = pilot.error ?? periods.error ?? tasks.error;
  return { pilot: pilot.data, period, tasks: tasks.data, revisions: revisions.data, baselines, loading, error };
}
