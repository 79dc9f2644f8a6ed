import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { HOME_OF } from '../../app/HomeRedirect';
import { useAuth } from '../../auth/AuthProvider';
import { useErrorText } from '../../components/useErrorText';
import { useT } from '../../i18n/I18nProvider';

interface Credentials {
  email: string;
  password: string;
}

/** Only paths inside the console are followed after login. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  const t = useT();
  const explain = useErrorText();
  const { user, login, endedBecause } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (user) return <Navigate to={safeNext(params.get('next')) ?? HOME_OF[user.role]} replace />;

  const onFinish = async ({ email, password }: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      const loggedIn = await login(email.trim(), password);
      navigate(safeNext(params.get('next')) ?? HOME_OF[loggedIn.role], { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  };

  const errorText = isApiError(error, 401) ? t('login.wrongCredentials') : error ? explain(error) : null;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #0b2e20 0%, #0f5132 55%, #e8f3ee 55%)' }}>
      <main style={{ width: '100%', maxWidth: 420 }}>
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <LanguageSwitch />
        </Flex>
        <Card>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0 0', textAlign: 'center' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </Flex>
          {endedBecause === 'expired' && !error && (
            <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} />
          )}
          {errorText && <Alert type="error" showIcon role="alert" title={errorText} style={{ marginBottom: 16 }} />}
          <Form<Credentials> layout="vertical" requiredMark={false} onFinish={onFinish} disabled={submitting}>
            <Form.Item
              label={t('login.email')}
              name="email"
              rules={[{ required: true, message: t('login.emailRequired') }, { type: 'email', message: t('login.emailInvalid') }]}
            >
              <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" autoFocus size="large" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </Flex>
  );
}
