import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapFile } from '../api/client';
import type { ImportCounts, ImportKind, SpreadsheetFormat } from '../api/types';
import { saveFile } from './files';
import { referenceKeys } from './reference';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server judges the file by its bytes; the header only has to name one of the two types. */
function contentTypeOf(file: File): 'text/csv' | typeof XLSX {
  return file.type === XLSX || file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
}

export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file, dryRun }: { kind: ImportKind; file: File; dryRun: boolean }): Promise<ImportCounts> => {
      // The body is the file itself, sent as it is.
      const request = { params: { query: { dryRun } }, body: file, bodySerializer: (body: Blob) => body, headers: { 'content-type': contentTypeOf(file) } };
      return kind === 'tasks'
        ? unwrap(api.POST('/api/v1/imports/tasks', request))
        : unwrap(api.POST('/api/v1/imports/pilots', request));
    },
    onSuccess: (_counts, { dryRun }) => {
      if (dryRun) return;
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: referenceKeys.pilots });
    },
  });
}

export function useDownloadTemplate() {
  return useMutation({
    mutationFn: async ({ kind, format }: { kind: ImportKind; format: SpreadsheetFormat }) => {
      const request = { params: { query: { format } }, parseAs: 'blob' as const };
      const call = kind === 'tasks' ? api.GET('/api/v1/imports/tasks/template', request) : api.GET('/api/v1/imports/pilots/template', request);
      saveFile(await unwrapFile(call, `${kind}-template.${format}`));
    },
  });
}
