import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Typography, Upload } from 'antd';
import type { Attachment } from '../api/types';
import { useAttachments, useDeleteAttachment, useDownloadAttachment, useUploadAttachment } from '../data/attachments';
import { useFormat, useT } from '../i18n/I18nProvider';
import { ErrorAlert } from './ErrorAlert';
import { useErrorText } from './useErrorText';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx';
const MAX_BYTES = 20 * 1024 * 1024;

/** A report's evidence files: download for readers, upload and delete while it can be edited. */
export function AttachmentList({ reportId, editable }: { reportId: string; editable: boolean }) {
  const t = useT();
  const format = useFormat();
  const explain = useErrorText();
  const { message } = App.useApp();
  const attachments = useAttachments(reportId);
  const upload = useUploadAttachment(reportId);
  const remove = useDeleteAttachment(reportId);
  const download = useDownloadAttachment(reportId);

  if (attachments.error) return <ErrorAlert error={attachments.error} onRetry={() => void attachments.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={attachments.isPending}
        dataSource={attachments.data ?? []}
        pagination={false}
        locale={{ emptyText: t('attachments.none') }}
        columns={[
          {
            title: t('attachments.file'),
            dataIndex: 'filename',
            render: (_, attachment) => (
              <Button
                type="link"
                icon={<PaperClipOutlined />}
                style={{ paddingInline: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                onClick={() => download.mutate(attachment, { onError: (error) => void message.error(explain(error)) })}
                aria-label={t('attachments.downloadNamed', { name: attachment.filename })}
              >
                {attachment.filename}
              </Button>
            ),
          },
          { title: t('attachments.size'), dataIndex: 'bytes', width: 110, render: (bytes: number) => format.fileSize(bytes) },
          { title: t('attachments.uploadedAt'), dataIndex: 'createdAt', width: 180, render: (at: string) => format.dateTime(at) },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, attachment: Attachment) => (
                    <Popconfirm
                      title={t('attachments.confirmDelete', { name: attachment.filename })}
                      okText={t('common.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutate(attachment.id, { onError: (error) => void message.error(explain(error)) })}
                    >
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('attachments.deleteNamed', { name: attachment.filename })} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Flex gap={12} align="center" wrap>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              if (file.size > MAX_BYTES) {
                void message.error(t('attachments.tooLarge', { name: file.name }));
                return Upload.LIST_IGNORE;
              }
              upload.mutate(file, {
                onSuccess: () => void message.success(t('attachments.uploaded', { name: file.name })),
                onError: (error) => void message.error(`${file.name}: ${explain(error)}`),
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              {t('attachments.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('attachments.hint')}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
