import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/I18nProvider';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a deployment). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const chunkMissing = error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="error"
      title={t('error.pageFailedTitle')}
      subTitle={chunkMissing ? t('error.newVersion') : t('error.pageFailed')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
