import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../api/client';

/** Lists are read whole where they are small by nature (pilots, periods, a pilot's tasks). */
const ALL = 500;

export const referenceKeys = {
  pilots: ['pilots'] as const,
  pilot: (id: string) => ['pilots', id] as const,
  periods: ['periods'] as const,
  tasks: (pilotId: string) => ['tasks', 'of-pilot', pilotId] as const,
  task: (id: string) => ['tasks', id] as const,
};

/** Every pilot in the caller's scope, ordered by code. */
export function usePilots() {
  return useQuery({
    queryKey: referenceKeys.pilots,
    queryFn: () => unwrap(api.GET('/api/v1/pilots', { params: { query: { limit: ALL } } })),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

export function usePilot(id: string | null | undefined) {
  return useQuery({
    queryKey: referenceKeys.pilot(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/pilots/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}

/** Every reporting period, ordered by start date. */
export function usePeriods() {
  return useQuery({
    queryKey: referenceKeys.periods,
    queryFn: () => unwrap(api.GET('/api/v1/periods', { params: { query: { limit: ALL } } })),
    select: (page) => page.items,
    staleTime: 5 * 60_000,
  });
}

/** A pilot's tasks, each with its milestones and indicators, ordered by code. */
export function useTasks(pilotId: string | null | undefined) {
  return useQuery({
    queryKey: referenceKeys.tasks(pilotId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/pilots/{pilotId}/tasks', { params: { path: { pilotId: pilotId! }, query: { limit: ALL } } })),
    select: (page) => page.items,
    enabled: Boolean(pilotId),
    staleTime: 5 * 60_000,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: referenceKeys.task(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** The distinct provinces of the pilots in scope, for filters. */
export function useProvinces() {
  const pilots = usePilots();
  const provinces = useMemo(() => {
    const byName = new Map<string, { zh: string; en: string }>();
    for (const pilot of pilots.data ?? []) byName.set(pilot.provinceZh, { zh: pilot.provinceZh, en: pilot.provinceEn });
    return [...byName.values()];
  }, [pilots.data]);
  return { ...pilots, provinces };
}
