import { APP_TIME_ZONE } from './time-zone';
import type { Language } from './languages';

const INTL_LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en-GB' };

export interface Formatters {
  /** A calendar date (YYYY-MM-DD), which is already a day in APP_TIMEZONE. */
  date(value: string | null | undefined): string;
  /** An instant (ISO-8601), shown in APP_TIMEZONE. */
  dateTime(value: string | null | undefined): string;
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** A ratio from 0 to 1. */
  percent(value: number | null | undefined): string;
  fileSize(bytes: number | null | undefined): string;
}

const EMPTY = '—';

export function createFormatters(language: Language): Formatters {
  const locale = INTL_LOCALE[language];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: APP_TIME_ZONE });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numberFormats.get(digits);
    if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return format;
  };
  const isFiniteNumber = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

  return {
    date: (value) => {
      if (!value) return EMPTY;
      const time = Date.parse(`${value}T00:00:00Z`);
      return Number.isNaN(time) ? value : dateFormat.format(time);
    },
    dateTime: (value) => {
      if (!value) return EMPTY;
      const time = Date.parse(value);
      return Number.isNaN(time) ? value : dateTimeFormat.format(time);
    },
    number: (value, digits = 2) => (isFiniteNumber(value) ? numberFormat(digits).format(value) : EMPTY),
    percent: (value) => (isFiniteNumber(value) ? percentFormat.format(value) : EMPTY),
    fileSize: (bytes) => {
      if (!isFiniteNumber(bytes)) return EMPTY;
      const units = ['B', 'KB', 'MB', 'GB'];
      let size = bytes;
      let unit = 0;
      while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit += 1;
      }
      return `${numberFormat(unit === 0 ? 0 : 1).format(size)} ${units[unit]}`;
    },
  };
}
