import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/languages';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Segmented<Language>
      aria-label={t('layout.language')}
      size="small"
      value={language}
      onChange={setLanguage}
      options={LANGUAGES.map((value) => ({ value, label: <span lang={value === 'zh' ? 'zh-CN' : 'en'}>{LANGUAGE_NAMES[value]}</span> }))}
    />
  );
}
