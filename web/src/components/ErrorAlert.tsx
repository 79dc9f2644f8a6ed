import { Alert, Button } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { useErrorText } from './useErrorText';

interface Props {
  error: unknown;
  /** What failed, e.g. "Could not load the reports". */
  title?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ error, title, onRetry }: Props) {
  const t = useT();
  const explain = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? t('error.title')}
      description={explain(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
