import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Form, Input, Row, Select } from 'antd';
import { TASK_CATEGORIES } from '../../../domain/enums';
import type { ExperienceValues } from '../../../domain/report-form';
import { useT } from '../../../i18n/I18nProvider';

const NEW_EXPERIENCE: ExperienceValues = { title: '', summary: '', category: undefined, tags: [] };

/** The practices the pilot proposes as replicable (可复制可推广的经验做法). */
export function ExperienceList({ editable }: { editable: boolean }) {
  const t = useT();
  return (
    <Form.List name="experiences">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.noExperiences')} />}
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('report.experienceN', { n: index + 1 })}
              style={{ marginBottom: 12 }}
              extra={
                editable && (
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('report.removeExperienceN', { n: index + 1 })}>
                    {t('common.remove')}
                  </Button>
                )
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={16}>
                  <Form.Item
                    label={t('report.experienceTitle')}
                    name={[field.name, 'title']}
                    rules={[
                      { required: true, whitespace: true, message: t('validation.required') },
                      { max: 300, message: t('validation.tooLong') },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item label={t('report.experienceCategory')} name={[field.name, 'category']} rules={[{ required: true, message: t('validation.required') }]}>
                    <Select options={TASK_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label={t('report.experienceSummary')}
                name={[field.name, 'summary']}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  { max: 20000, message: t('validation.tooLong') },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
              <Form.Item label={t('report.experienceTags')} name={[field.name, 'tags']} style={{ marginBottom: 0 }} rules={[{ type: 'array', max: 20, message: t('validation.tooManyTags') }]}>
                <Select mode="tags" open={false} suffixIcon={null} placeholder={t('report.tagsPlaceholder')} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Card>
          ))}
          {editable && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_EXPERIENCE })} block>
              {t('report.addExperience')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
