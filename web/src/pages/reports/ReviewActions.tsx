import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Report } from '../../api/types';
import { useErrorText } from '../../components/useErrorText';
import { useReportTransition } from '../../data/reports';
import { useT } from '../../i18n/I18nProvider';

type Decision = 'return' | 'accept';

/** Return (a note is required) or accept a submitted report. */
export function ReviewActions({ report }: { report: Report }) {
  const t = useT();
  const [decision, setDecision] = useState<Decision | null>(null);
  if (report.status !== 'submitted') {
    return (
      <Card size="small" title={t('review.decision')} style={{ height: '100%' }}>
        <Typography.Text type="secondary">{t(`review.notAwaiting.${report.status}`)}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title={t('review.decision')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary">{t('review.decisionHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button danger icon={<RollbackOutlined />} onClick={() => setDecision('return')}>
          {t('review.return')}
        </Button>
        <Button type="primary" icon={<CheckOutlined />} onClick={() => setDecision('accept')}>
          {t('review.accept')}
        </Button>
      </Flex>
      {decision && <DecisionDialog report={report} decision={decision} onClose={() => setDecision(null)} />}
    </Card>
  );
}

function DecisionDialog({ report, decision, onClose }: { report: Report; decision: Decision; onClose(): void }) {
  const t = useT();
  const explain = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const transition = useReportTransition();
  const isReturn = decision === 'return';

  const onFinish = ({ note }: { note?: string }) => {
    const trimmed = note?.trim() ?? '';
    transition.mutate(isReturn ? { reportId: report.id, action: 'return', note: trimmed } : { reportId: report.id, action: 'accept', note: trimmed || undefined }, {
      onSuccess: () => {
        void message.success(isReturn ? t('review.returnedDone') : t('review.acceptedDone'));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={isReturn ? t('review.returnTitle') : t('review.acceptTitle')}
      okText={isReturn ? t('review.return') : t('review.accept')}
      okButtonProps={{ danger: isReturn, loading: transition.isPending, htmlType: 'submit', form: 'review-decision' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form id="review-decision" form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={isReturn ? t('review.returnNote') : t('review.acceptNote')}
          name="note"
          rules={isReturn ? [{ required: true, whitespace: true, message: t('review.noteRequired') }] : []}
          extra={isReturn ? t('review.returnNoteHint') : undefined}
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 4, maxRows: 10 }} />
        </Form.Item>
      </Form>
      {transition.error && <Typography.Text type="danger" role="alert">{explain(transition.error)}</Typography.Text>}
    </Modal>
  );
}
