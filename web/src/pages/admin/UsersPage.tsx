import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Radio, Select, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { Role, User, UserInput, UserLanguage } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { PageHeader } from '../../components/PageHeader';
import { PilotSelect, ProvinceSelect } from '../../components/selects';
import { useSaveUser, useUsers } from '../../data/admin';
import { usePilots } from '../../data/reference';
import { useSearchState } from '../../data/useSearchState';
import { ROLES } from '../../domain/enums';
import { useFormat, useI18n } from '../../i18n/I18nProvider';

const PAGE_SIZE = 20;

interface UserValues {
  email: string;
  displayName?: string;
  password?: string;
  role: Role;
  pilotId?: string | null;
  province?: string | null;
  active?: boolean;
  language: UserLanguage;
}

export default function UsersPage() {
  const { t, language } = useI18n();
  const format = useFormat();
  const [filter, setFilter] = useSearchState({ role: '', page: '1' });
  const page = Math.max(1, Number(filter.page) || 1);
  const users = useUsers({ role: (filter.role || undefined) as Role | undefined }, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pilots = usePilots();
  const pilotNames = useMemo(() => new Map((pilots.data ?? []).map((p) => [p.id, language === 'zh' ? p.nameZh : p.nameEn])), [pilots.data, language]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('filter.filters')}>
          <Select
            aria-label={t('users.role')}
            placeholder={t('users.allRoles')}
            allowClear
            value={filter.role || undefined}
            onChange={(role?: string) => setFilter({ role, page: '1' })}
            style={{ minWidth: 150 }}
            options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          />
        </Flex>
        {users.error ? (
          <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Table<User>
            rowKey="id"
            size="small"
            loading={users.isFetching}
            dataSource={users.data?.items ?? []}
            scroll={{ x: 960 }}
            locale={{ emptyText: t('users.none') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
              onChange: (next) => setFilter({ page: String(next) }),
            }}
            columns={[
              { title: t('users.email'), dataIndex: 'email' },
              { title: t('users.displayName'), dataIndex: 'displayName', render: (v: string | null) => v ?? '—' },
              { title: t('users.role'), dataIndex: 'role', width: 110, render: (r: Role) => <Tag>{t(`role.${r}`)}</Tag> },
              {
                title: t('users.scope'),
                key: 'scope',
                render: (_, u) => (u.pilotId ? (pilotNames.get(u.pilotId) ?? '—') : u.province ?? (u.role === 'reviewer' ? t('users.national') : '—')),
              },
              { title: t('users.active'), dataIndex: 'active', width: 90, render: (v: boolean) => <Tag color={v ? 'green' : 'default'}>{v ? t('users.activeYes') : t('users.activeNo')}</Tag> },
              { title: t('users.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => format.dateTime(v) },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 100,
                render: (_, u) => (
                  <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={t('common.editNamed', { name: u.email })}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      {editing && <UserDialog user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function UserDialog({ user, onClose }: { user: User | null; onClose(): void }) {
  const { t } = useI18n();
  const save = useSaveUser();

  const onSubmit = ({ email, password, role, pilotId, province, displayName, active, language }: UserValues) => {
    const scope = { pilotId: role === 'pilot' ? pilotId : null, province: role === 'reviewer' ? province || null : null };
    if (user) {
      return save.mutateAsync({
        id: user.id,
        input: { role, ...scope, displayName: displayName || null, active, language, ...(password ? { password } : {}) },
      });
    }
    const input: UserInput = {
      email,
      password: password!,
      role,
      language,
      ...(scope.pilotId ? { pilotId: scope.pilotId } : {}),
      ...(scope.province ? { province: scope.province } : {}),
      ...(displayName ? { displayName } : {}),
    };
    return save.mutateAsync({ id: null, input });
  };

  return (
    <FormDialog<UserValues>
      title={user ? t('users.editTitle', { email: user.email }) : t('users.add')}
      initialValues={user ? { ...user, displayName: user.displayName ?? undefined } : { role: 'pilot', active: true, language: 'zh' }}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      {(form) => (
        <>
          <Form.Item label={t('users.email')} name="email" rules={[{ required: true, message: t('validation.required') }, { type: 'email', message: t('login.emailInvalid') }]}>
            <Input disabled={Boolean(user)} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('users.displayName')} name="displayName">
            <Input />
          </Form.Item>
          <Form.Item
            label={user ? t('users.newPassword') : t('users.password')}
            name="password"
            extra={t('users.passwordHint')}
            rules={[{ required: !user, message: t('validation.required') }, { min: 10, message: t('validation.passwordLength') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t('users.role')} name="role" rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))} />
          </Form.Item>
          <Form.Item noStyle dependencies={['role']}>
            {() => {
              const role = form.getFieldValue('role') as Role;
              if (role === 'pilot') {
                return (
                  <Form.Item label={t('users.pilot')} name="pilotId" rules={[{ required: true, message: t('validation.required') }]}>
                    <PilotSelect aria-label={undefined} placeholder={t('users.choosePilot')} />
                  </Form.Item>
                );
              }
              if (role === 'reviewer') {
                return (
                  <Form.Item label={t('users.province')} name="province" extra={t('users.provinceHint')}>
                    <ProvinceSelect aria-label={undefined} placeholder={t('users.national')} />
                  </Form.Item>
                );
              }
              return null;
            }}
          </Form.Item>
          <Form.Item label={t('users.language')} name="language" extra={t('users.languageHint')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'zh', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          {user && (
            <Form.Item label={t('users.active')} name="active" valuePropName="checked" extra={t('users.activeHint')}>
              <Switch />
            </Form.Item>
          )}
        </>
      )}
    </FormDialog>
  );
}
