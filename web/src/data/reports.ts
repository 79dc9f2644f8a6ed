import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '../api/client';
import type { Experience, Report, ReportInput, ReportStatus } from '../api/types';

export interface ReportFilter {
  periodId?: string;
  pilotId?: string;
  status?: ReportStatus;
  province?: string;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

/** A report with the ETag to send back as If-Match. */
export interface VersionedReport {
  report: Report;
  etag: string | null;
}

export const reportKeys = {
  all: ['reports'] as const,
  list: (filter: ReportFilter, page: PageRequest) => ['reports', 'list', filter, page] as const,
  one: (id: string) => ['reports', 'one', id] as const,
  forPeriod: (pilotId: string, periodId: string) => ['reports', 'for-period', pilotId, periodId] as const,
  revisions: (id: string) => ['reports', 'revisions', id] as const,
};

export function useReports(filter: ReportFilter, page: PageRequest, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reportKeys.list(filter, page),
    queryFn: () => unwrap(api.GET('/api/v1/reports', { params: { query: { ...filter, ...page } } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useReport(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.one(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/**
 * A pilot's report for a period with its ETag, or null while it has none. Found through the
 * list (an empty list, not a 404, when there is none) and read by id for the ETag.
 */
export async function fetchReportForPeriod(pilotId: string, periodId: string): Promise<VersionedReport | null> {
  const found = await unwrap(api.GET('/api/v1/reports', { params: { query: { pilotId, periodId, limit: 1 } } }));
  const item = found.items[0];
  if (!item) return null;
  const { data, etag } = await unwrapWithEtag(api.GET('/api/v1/reports/{id}', { params: { path: { id: item.id } } }));
  return { report: data, etag };
}

export function useReportForPeriod(pilotId: string | null | undefined, periodId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.forPeriod(pilotId ?? '', periodId ?? ''),
    queryFn: () => fetchReportForPeriod(pilotId!, periodId!),
    enabled: Boolean(pilotId && periodId),
    // The form owns its copy while it is open; a background refetch must not reset it.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}

export function useRevisions(id: string | undefined) {
  return useQuery({
    queryKey: reportKeys.revisions(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}/revisions', { params: { path: { id: id! }, query: { limit: 500 } } })),
    select: (page) => page.items,
    enabled: Boolean(id),
  });
}

/** Creates or replaces the draft; with an ETag, only if nobody saved in between (else 412). */
export function useSaveDraft(pilotId: string, periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: ReportInput; etag: string | null }): Promise<VersionedReport> => {
      const { data, etag: next } = await unwrapWithEtag(
        api.PUT('/api/v1/pilots/{pilotId}/periods/{periodId}/report', {
          params: { path: { pilotId, periodId }, header: etag ? { 'If-Match': etag } : {} },
          body,
        }),
      );
      return { report: data, etag: next };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.forPeriod(pilotId, periodId), saved);
      queryClient.setQueryData(reportKeys.one(saved.report.id), saved.report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all, predicate: (query) => query.queryKey[1] === 'list' });
    },
  });
}

export type Transition = { reportId: string } & ({ action: 'submit' } | { action: 'return'; note: string } | { action: 'accept'; note?: string });

/** Moves a report through its workflow (API.md "Milestone reports"). */
export function useReportTransition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (transition: Transition): Promise<VersionedReport> => {
      const path = { params: { path: { id: transition.reportId } } };
      const call =
        transition.action === 'submit'
          ? api.POST('/api/v1/reports/{id}/submit', path)
          : transition.action === 'return'
            ? api.POST('/api/v1/reports/{id}/return', { ...path, body: { note: transition.note } })
            : api.POST('/api/v1/reports/{id}/accept', { ...path, body: transition.note ? { note: transition.note } : {} });
      const { data, etag } = await unwrapWithEtag(call);
      return { report: data, etag };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(reportKeys.one(saved.report.id), saved.report);
      queryClient.setQueryData(reportKeys.forPeriod(saved.report.pilotId, saved.report.periodId), saved);
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['progress'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useRecommendExperience(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ experienceId, recommended }: { experienceId: string; recommended: boolean }) =>
      unwrap(
        api.POST('/api/v1/reports/{id}/experiences/{experienceId}/recommend', {
          params: { path: { id: reportId, experienceId } },
          body: { recommended },
        }),
      ),
    onSuccess: (experience: Experience) => {
      queryClient.setQueryData<Report>(reportKeys.one(reportId), (report) =>
        report && { ...report, experiences: report.experiences.map((e) => (e.id === experience.id ? experience : e)) },
      );
    },
  });
}
