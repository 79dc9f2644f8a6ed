import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export function usePeriodProgress(periodId: string | undefined, province: string | undefined) {
  return useQuery({
    queryKey: ['progress', periodId, province ?? null] as const,
    queryFn: () =>
      unwrap(api.GET('/api/v1/periods/{id}/progress', { params: { path: { id: periodId! }, query: province ? { province } : {} } })),
    enabled: Boolean(periodId),
    placeholderData: keepPreviousData,
  });
}
