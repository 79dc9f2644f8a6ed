import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { THEME } from '../app/theme';
import { createFormatters, type Formatters } from './format';
import { HTML_LANG, LANGUAGES, type Language } from './languages';
import { en } from './messages.en';
import { zh, type MessageKey } from './messages.zh';

const STORAGE_KEY = 'pilot-tracker.language';
const MESSAGES: Record<Language, Record<MessageKey, string>> = { zh, en };
const ANTD_LOCALES = { zh: zhCN, en: enUS } as const;
const DAYJS_LOCALES: Record<Language, string> = { zh: 'zh-cn', en: 'en' };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nContextValue {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
  format: Formatters;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh';
}

/** 中文 by default; the choice is remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = HTML_LANG[language];
    dayjs.locale(DAYJS_LOCALES[language]);
  }, [language]);

  const value = useMemo<I18nContextValue>(() => {
    const messages = MESSAGES[language];
    const t: Translate = (key, params) => {
      const text = messages[key];
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
    };
    return { language, setLanguage, t, format: createFormatters(language) };
  }, [language, setLanguage]);

  return (
    <I18nContext value={value}>
      <ConfigProvider
        locale={ANTD_LOCALES[language]}
        theme={THEME}
        // “登录”, not “登 录”: the label stays the word screen readers and tests expect.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext>
  );
}

export function useI18n(): I18nContextValue {
  const context = use(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useFormat(): Formatters {
  return useI18n().format;
}
