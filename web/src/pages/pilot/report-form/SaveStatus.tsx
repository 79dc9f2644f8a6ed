import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../../../components/useErrorText';
import { useFormat, useT } from '../../../i18n/I18nProvider';
import type { SaveState } from './useAutosave';

/** What happened to the user's last changes, announced politely to screen readers. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  const format = useFormat();
  const explain = useErrorText();
  let icon: ReactNode;
  let text: string;
  let type: 'secondary' | 'warning' | 'danger' | 'success' = 'secondary';
  switch (state.kind) {
    case 'saved':
      if (!state.at) return null;
      icon = <CheckCircleOutlined />;
      text = t('save.savedAt', { time: format.dateTime(state.at) });
      type = 'success';
      break;
    case 'pending':
      icon = <EditOutlined />;
      text = t('save.pending');
      break;
    case 'saving':
      icon = <LoadingOutlined />;
      text = t('save.saving');
      break;
    case 'invalid':
      icon = <ExclamationCircleOutlined />;
      text = t('save.invalid');
      type = 'warning';
      break;
    case 'conflict':
      icon = <CloseCircleOutlined />;
      text = t('save.conflictShort');
      type = 'danger';
      break;
    case 'failed':
      icon = <CloseCircleOutlined />;
      text = t('save.failed', { reason: explain(state.error) });
      type = 'danger';
      break;
  }
  return (
    <Typography.Text type={type} role="status" aria-live="polite" data-testid="save-status" data-state={state.kind}>
      {icon} {text}
    </Typography.Text>
  );
}
