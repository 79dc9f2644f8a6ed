export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { zh: '中文', en: 'English' };

/** The value of <html lang>. */
export const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };
