import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapFile } from '../api/client';
import type { Summary, SummaryRequest } from '../api/types';
import { saveFile } from './files';

const POLL_MS = 1500;

const isWorking = (summary: Summary) => summary.status === 'queued' || summary.status === 'running';

/** Summaries, newest first; polled while any of them is still being rendered. */
export function useSummaries(periodId: string | undefined) {
  return useQuery({
    queryKey: ['summaries', periodId ?? null] as const,
    queryFn: () => unwrap(api.GET('/api/v1/summaries', { params: { query: { limit: 100, ...(periodId ? { periodId } : {}) } } })),
    refetchInterval: (query) => (query.state.data?.items.some(isWorking) ? POLL_MS : false),
  });
}

export function useRequestSummary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: SummaryRequest) => unwrap(api.POST('/api/v1/summaries', { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['summaries'] }),
  });
}

export function useDownloadSummary() {
  return useMutation({
    mutationFn: async (summary: Summary) =>
      saveFile(
        await unwrapFile(
          api.GET('/api/v1/summaries/{id}/pdf', { params: { path: { id: summary.id } }, parseAs: 'blob', headers: { accept: 'application/pdf' } }),
          `summary-${summary.asOf}.pdf`,
        ),
      ),
  });
}
