import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, unwrapFile } from '../api/client';
import type { OverdueType } from '../api/types';
import { saveFile } from './files';
import type { PageRequest } from './reports';

export interface OverdueFilter {
  asOf?: string;
  type?: OverdueType;
  pilotId?: string;
  province?: string;
}

export function useOverdue(filter: OverdueFilter, page: PageRequest, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['overdue', filter, page] as const,
    queryFn: () => unwrap(api.GET('/api/v1/overdue', { params: { query: { ...filter, ...page } } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The whole filtered list as CSV, as the server writes it. */
export function useExportOverdue() {
  return useMutation({
    mutationFn: async (filter: OverdueFilter) =>
      saveFile(
        await unwrapFile(
          api.GET('/api/v1/overdue', { params: { query: { ...filter, format: 'csv' } }, parseAs: 'blob', headers: { accept: 'text/csv' } }),
          `overdue-${filter.asOf ?? 'today'}.csv`,
        ),
      ),
  });
}
