import { isCalendarDate } from '../../common/validation/calendar-date.js';

/** What reading one cell gives: its value, or why it is not a valid one. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads the text of a non-blank cell (trimmed, formula guard removed) as a value of the column. */
export type CellParser<T> = (text: string) => CellResult<T>;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

/**
 * The text a cell holds, as the importer reads it: surrounding white space trimmed, and the `'`
 * that exports put before `= + - @` (so spreadsheets do not run the cell as a formula) removed.
 */
export function cellText(raw: string): string {
  const text = raw.trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

export const text =
  (maxLength: number): CellParser<string> =>
  (value) =>
    [...value].length <= maxLength ? ok(value) : fail(`must be at most ${maxLength} characters`);

export const code =
  (pattern: RegExp, allowed: string): CellParser<string> =>
  (value) =>
    pattern.test(value) ? ok(value) : fail(`must be 1-64 ${allowed}, starting with a letter or digit`);

export const oneOf =
  <T extends string>(values: readonly T[]): CellParser<T> =>
  (value) => {
    const lower = value.toLowerCase();
    return (values as readonly string[]).includes(lower) ? ok(lower as T) : fail(`must be one of ${values.join(', ')}`);
  };

const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** A calendar date that exists, as YYYY-MM-DD (also read: YYYY/M/D and YYYY.M.D). */
export const date: CellParser<string> = (value) => {
  const match = LOOSE_DATE.exec(value);
  const normalized = match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : value;
  return isCalendarDate(normalized) ? ok(normalized) : fail('must be an existing calendar date as YYYY-MM-DD');
};

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export const decimal: CellParser<number> = (value) => {
  const number = Number(value);
  return DECIMAL.test(value) && Number.isFinite(number) ? ok(number) : fail('must be a number');
};

export const integer =
  (min: number, max: number, what = 'a whole number'): CellParser<number> =>
  (value) => {
    const number = Number(value);
    return /^[+-]?\d+(\.0*)?$/.test(value) && number >= min && number <= max ? ok(number) : fail(`must be ${what} from ${min} to ${max}`);
  };
