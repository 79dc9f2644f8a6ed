import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import type { SpreadsheetFormat } from '../api/types';
import { useExport, type ExportRequest } from '../data/exports';
import { useT } from '../i18n/I18nProvider';
import { useErrorText } from './useErrorText';

/** What to export; the button asks for the format where there is a choice. */
type WithoutFormat<T> = T extends { format: SpreadsheetFormat } ? Omit<T, 'format'> : T;
type Request = WithoutFormat<ExportRequest>;

/** Downloads what the page shows as a spreadsheet; CSV or xlsx where the API offers both. */
export function ExportButton({ request }: { request: Request }) {
  const t = useT();
  const explain = useErrorText();
  const { message } = App.useApp();
  const exporter = useExport();
  const run = (full: ExportRequest) => exporter.mutate(full, { onError: (error) => void message.error(explain(error)) });

  if (request.kind === 'progress') {
    return (
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => run(request)}>
        {t('export.xlsx')}
      </Button>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({ key: format, label: format.toUpperCase() })),
        onClick: ({ key }) => run({ ...request, format: key as SpreadsheetFormat }),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={exporter.isPending}>
        {t('export.spreadsheet')}
      </Button>
    </Dropdown>
  );
}
