import { useMutation } from '@tanstack/react-query';
import { api, unwrapFile } from '../api/client';
import type { SpreadsheetFormat } from '../api/types';
import { saveFile } from './files';

/** The spreadsheets API.md "Data in and out" offers, scoped by role like the lists they mirror. */
export type ExportRequest =
  | { kind: 'reports'; format: SpreadsheetFormat; periodId?: string; province?: string }
  | { kind: 'progress'; periodId: string; province?: string }
  | { kind: 'tasks'; format: SpreadsheetFormat; pilotId?: string; province?: string };

function download(request: ExportRequest) {
  switch (request.kind) {
    case 'reports': {
      const { kind: _kind, ...query } = request;
      return unwrapFile(api.GET('/api/v1/exports/reports', { params: { query }, parseAs: 'blob' }), `reports.${request.format}`);
    }
    case 'progress': {
      const { kind: _kind, ...query } = request;
      return unwrapFile(api.GET('/api/v1/exports/progress', { params: { query: { ...query, format: 'xlsx' } }, parseAs: 'blob' }), 'progress.xlsx');
    }
    case 'tasks': {
      const { kind: _kind, ...query } = request;
      return unwrapFile(api.GET('/api/v1/exports/tasks', { params: { query }, parseAs: 'blob' }), `tasks.${request.format}`);
    }
  }
}

export function useExport() {
  return useMutation({ mutationFn: async (request: ExportRequest) => saveFile(await download(request)) });
}
