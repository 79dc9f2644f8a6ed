import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { isApiError, messagesByField } from '../api/errors';
import { useT } from '../i18n/I18nProvider';
import { useErrorText } from './useErrorText';

interface Props<Values> {
  title: ReactNode;
  initialValues?: Partial<Values>;
  okText?: string;
  /** Saves the values; a 400 is shown next to the fields it names, anything else above them. */
  onSubmit(values: Values): Promise<unknown>;
  onClose(): void;
  children: ReactNode | ((form: FormInstance<Values>) => ReactNode);
  width?: number;
}

/** A modal form for creating or editing one record. */
export function FormDialog<Values extends object>({ title, initialValues, okText, onSubmit, onClose, children, width }: Props<Values>) {
  const t = useT();
  const explain = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      await onSubmit(values);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (isApiError(error, 400)) {
        const { fields, general } = messagesByField(error.messages);
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const placed = [...fields].filter(([path]) => known.has(path.split('.')[0]!));
        form.setFields(placed.map(([path, errors]) => ({ name: path.split('.') as never, errors })));
        const rest = [...general, ...[...fields].filter(([path]) => !known.has(path.split('.')[0]!)).flatMap(([, m]) => m)];
        if (rest.length > 0 || placed.length === 0) setProblem(rest.join('; ') || explain(error));
      } else {
        setProblem(explain(error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'form-dialog', loading: saving }}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> id="form-dialog" form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void onFinish(values)} disabled={saving}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
