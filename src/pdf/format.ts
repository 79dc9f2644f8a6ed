import type { SummaryLanguage } from './summary-data.js';

/** Shown wherever a value is absent (no report, no reported value). */
export const NO_VALUE = '—';

/** Replaces `{name}` placeholders; the template validation guarantees the names exist. */
export function fillLabel(label: string, values: Readonly<Record<string, string | number>>): string {
  return label.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}

/** The name of a pilot or province in the report's language. */
export function localName(language: SummaryLanguage, zh: string, en: string): string {
  return language === 'zh' ? zh : en;
}

/** 0.857 → "85.7%"; whole numbers lose the ".0". */
export function formatPercent(ratio: number): string {
  const percent = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

// Built once: constructing Intl formatters is far slower than using them, and the renderer formats
// tens of thousands of values in a large report.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Grouped digits and at most two decimals (the same in Chinese and English reports). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO-8601 instant as "YYYY-MM-DD HH:mm" on the wall clock of `timeZone`. */
export function formatInstant(iso: string, timeZone: string): string {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    instantFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
