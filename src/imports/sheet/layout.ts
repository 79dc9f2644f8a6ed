import type { ImportErrors } from '../import-errors.js';
import { cellText, type CellParser } from './cells.js';
import type { SheetRow } from './sheet-reader.js';

/** How a column's values are written to a workbook: dates as dates, numbers as numbers. */
export type ColumnType = 'text' | 'date' | 'number';

/** One column of an import layout; its key is the English header, `zh` the Chinese one. */
export interface Column<T> {
  zh: string;
  parse: CellParser<T>;
  type: ColumnType;
  /** Width in a workbook, in characters. */
  width: number;
}

export type Layout = Record<string, Column<unknown>>;

/** A row's values by column key; absent where the cell is blank (or invalid). */
export type LayoutValues<L extends Layout> = { [K in keyof L]?: L[K] extends Column<infer T> ? T : never };

export interface ParsedRow<L extends Layout> {
  row: number;
  values: LayoutValues<L>;
  /** Columns whose cell holds a value that is not valid (already reported). */
  invalid: ReadonlySet<keyof L>;
}

/** A header in both languages, as templates and exports write them: e.g. `试点编码 pilot_code` (just the key without a Chinese name). */
export const bilingualHeader = (zh: string, key: string): string => (zh ? `${zh} ${key}` : key);

export const headerLabel = <L extends Layout>(layout: L, key: keyof L & string): string => bilingualHeader(layout[key]!.zh, key);

/** A spreadsheet's name for the 0-based column index: A, B, …, Z, AA, … */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

interface Header<L extends Layout> {
  /** The column key under each header cell; undefined under a blank or unknown header. */
  keys: (keyof L & string)[];
  /** Indexes of blank header cells, and the number of header cells. */
  blank: Set<number>;
  width: number;
}

/**
 * Reads row 1: each header cell is a column key, its Chinese name, or both (in either order,
 * separated by spaces). Unknown and repeated headers are reported; a missing required column
 * stops the import at once, since no row can be read without it.
 */
function readHeader<L extends Layout>(row: SheetRow, layout: L, required: readonly (keyof L & string)[], errors: ImportErrors): Header<L> {
  if (row.number !== 1 || row.cells.every((cell) => cellText(cell) === '')) {
    errors.add(1, null, 'row 1 must hold the column headers');
    errors.throwIfAny();
  }
  const byName = new Map<string, keyof L & string>();
  for (const [key, column] of Object.entries(layout)) {
    byName.set(key.toLowerCase(), key);
    byName.set(column.zh, key);
  }
  const header: Header<L> = { keys: [], blank: new Set(), width: row.cells.length };
  const seen = new Set<string>();
  row.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') {
      header.blank.add(index);
      return;
    }
    const named = new Set(text.split(/[\s/|()（）]+/).filter(Boolean).map((token) => byName.get(token.toLowerCase())));
    const [key] = named;
    if (named.size !== 1 || key === undefined) {
      errors.add(1, text, `unknown column "${text}": use ${Object.keys(layout).join(', ')} or their Chinese names`);
    } else if (seen.has(key)) {
      errors.add(1, key, `column ${key} appears more than once`);
    } else {
      seen.add(key);
      header.keys[index] = key;
    }
  });
  const missing = required.filter((key) => !seen.has(key));
  for (const key of missing) errors.add(null, key, `column ${key} (${layout[key]!.zh}) is missing`);
  if (missing.length) errors.throwIfAny();
  return header;
}

/** Most rows are valid: they share this empty set. */
const NONE_INVALID: ReadonlySet<never> = new Set();

/**
 * The values a sheet's rows keep, each stored once. A parser's strings may be slices of the
 * whole chunk of XML or text they were read from, so keeping a short value could keep that
 * chunk alive: a value is kept as a copy of its own (in UTF-16, so any text survives as is),
 * and values that repeat (titles, units, dates, codes) share that copy.
 */
class StringPool {
  private readonly strings = new Map<string, string>();

  keep<T>(value: T): T {
    if (typeof value !== 'string') return value;
    let kept = this.strings.get(value);
    if (kept === undefined) {
      kept = value.length < 13 ? value : Buffer.from(value, 'utf16le').toString('utf16le');
      this.strings.set(kept, kept);
    }
    return kept as T;
  }
}

function readRow<L extends Layout>(row: SheetRow, header: Header<L>, layout: L, errors: ImportErrors, pool: StringPool): ParsedRow<L> | null {
  const values: Record<string, unknown> = {};
  let invalid: Set<keyof L> | undefined;
  let blank = true;
  row.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') return;
    blank = false;
    const key = header.keys[index];
    if (key === undefined) {
      // A value under an unknown header was reported with the header; one under none is reported here.
      if (header.blank.has(index) || index >= header.width) {
        errors.add(row.number, null, `column ${columnLetters(index)} has a value but no header`);
      }
      return;
    }
    const result = layout[key]!.parse(text);
    if (result.ok) values[key] = pool.keep(result.value);
    else {
      (invalid ??= new Set()).add(key);
      errors.add(row.number, key, result.message);
    }
  });
  return blank ? null : { row: row.number, values: values as LayoutValues<L>, invalid: invalid ?? NONE_INVALID };
}

/**
 * Reads a sheet laid out as `layout`, row by row: row 1 is the header; each data row's cells are
 * validated, invalid ones reported to `errors` (and left out of its values); blank rows are skipped.
 */
export class LayoutReader<L extends Layout> {
  private header: Header<L> | undefined;
  private readonly pool = new StringPool();

  constructor(
    private readonly layout: L,
    private readonly required: readonly (keyof L & string)[],
    private readonly errors: ImportErrors,
    private readonly onRow: (row: ParsedRow<L>) => void,
  ) {}

  push(row: SheetRow): void {
    if (this.header === undefined) {
      this.header = readHeader(row, this.layout, this.required, this.errors);
      return;
    }
    const parsed = readRow(row, this.header, this.layout, this.errors, this.pool);
    if (parsed) this.onRow(parsed);
  }

  /** Called once the last row is pushed. */
  end(): void {
    if (this.header !== undefined) return;
    this.errors.add(1, null, 'the file is empty: row 1 must hold the column headers');
    this.errors.throwIfAny();
  }
}
