import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../i18n/I18nProvider';

export default function NotFoundPage() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('error.pageNotFoundTitle')}
      subTitle={t('error.pageNotFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.home')}
        </Button>
      }
    />
  );
}
