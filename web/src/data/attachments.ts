import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapFile } from '../api/client';
import type { Attachment } from '../api/types';
import { saveFile } from './files';

const keyOf = (reportId: string) => ['attachments', reportId] as const;

/** The evidence files of a report, oldest first. */
export function useAttachments(reportId: string | undefined) {
  return useQuery({
    queryKey: keyOf(reportId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}/attachments', { params: { path: { id: reportId! }, query: { limit: 100 } } })),
    select: (page) => page.items,
    enabled: Boolean(reportId),
  });
}

export function useUploadAttachment(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/v1/reports/{id}/attachments', {
          params: { path: { id: reportId } },
          body: { file },
          // One part named `file`; the browser sets the multipart boundary.
          bodySerializer: ({ file: part }) => {
            const form = new FormData();
            form.append('file', part, file.name);
            return form;
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(reportId) }),
  });
}

export function useDeleteAttachment(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) =>
      unwrap(api.DELETE('/api/v1/reports/{id}/attachments/{attachmentId}', { params: { path: { id: reportId, attachmentId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keyOf(reportId) }),
  });
}

export function useDownloadAttachment(reportId: string) {
  return useMutation({
    mutationFn: async (attachment: Attachment) =>
      saveFile(
        await unwrapFile(
          api.GET('/api/v1/reports/{id}/attachments/{attachmentId}', { params: { path: { id: reportId, attachmentId: attachment.id } }, parseAs: 'blob' }),
          attachment.filename,
        ),
      ),
  });
}
