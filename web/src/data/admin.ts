import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { PeriodInput, PilotInput, Role, TaskInput, TaskUpdate, User, UserInput, UserUpdate } from '../api/types';
import { referenceKeys } from './reference';
import type { PageRequest } from './reports';

export function useUsers(filter: { role?: Role }, page: PageRequest) {
  return useQuery({
    queryKey: ['users', filter, page] as const,
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { ...filter, ...page } } })),
    placeholderData: keepPreviousData,
  });
}

/** Creates (no id) or updates (id) a record, then refreshes the lists it appears in. */
function useSave<Input, Update, Result>(
  create: (input: Input) => Promise<Result>,
  update: (id: string, input: Update) => Promise<Result>,
  invalidate: readonly (readonly string[])[],
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: { id: null; input: Input } | { id: string; input: Update }) =>
      save.id === null ? create(save.input) : update(save.id, save.input),
    onSuccess: () => Promise.all(invalidate.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function useSaveUser() {
  return useSave<UserInput, UserUpdate, User>(
    (body) => unwrap(api.POST('/api/v1/users', { body })),
    (id, body) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    [['users']],
  );
}

export function useSavePilot() {
  return useSave<PilotInput, Partial<PilotInput>, unknown>(
    (body) => unwrap(api.POST('/api/v1/pilots', { body })),
    (id, body) => unwrap(api.PATCH('/api/v1/pilots/{id}', { params: { path: { id } }, body })),
    [referenceKeys.pilots],
  );
}

export function useSaveTask(pilotId: string) {
  return useSave<TaskInput, TaskUpdate, unknown>(
    (body) => unwrap(api.POST('/api/v1/pilots/{pilotId}/tasks', { params: { path: { pilotId } }, body })),
    (id, body) => unwrap(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body })),
    [['tasks']],
  );
}

export function useSavePeriod() {
  return useSave<PeriodInput, Partial<PeriodInput>, unknown>(
    (body) => unwrap(api.POST('/api/v1/periods', { body })),
    (id, body) => unwrap(api.PATCH('/api/v1/periods/{id}', { params: { path: { id } }, body })),
    [referenceKeys.periods],
  );
}

export function usePeriodOpening() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, closed }: { id: string; closed: boolean }) =>
      unwrap(
        closed
          ? api.POST('/api/v1/periods/{id}/close', { params: { path: { id } } })
          : api.POST('/api/v1/periods/{id}/reopen', { params: { path: { id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referenceKeys.periods }),
  });
}

/** Runs the reminder and escalation scan now (API.md "Notifications and reminders"). */
export function useRunReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/reminders/run', { body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
