import type { ImportErrors } from '../import-errors.js';
import type { Layout, LayoutValues, ParsedRow } from './layout.js';

/**
 * The values several rows give for one record (a task, a milestone, a pilot…): the first row
 * that fills a column sets it, later rows may leave it blank, and a later row that gives a
 * different value is reported.
 *
 * A national file makes hundreds of thousands of these, so they are kept compact: the values and
 * the rows that gave them in two arrays by the key's position, created on the first value given.
 */
export class FieldValues<L extends Layout, K extends keyof L & string> {
  private values: unknown[] | undefined;
  private rows: number[] | undefined;
  /** Created on the first invalid value: most records have none. */
  private invalid: Set<K> | undefined;

  constructor(private readonly keys: readonly K[]) {}

  add(row: ParsedRow<L>, errors: ImportErrors): void {
    const { keys } = this;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (row.invalid.has(key)) {
        (this.invalid ??= new Set()).add(key);
        continue;
      }
      const value = row.values[key];
      if (value === undefined) continue;
      if (this.values === undefined || this.rows === undefined) {
        this.values = new Array<unknown>(keys.length);
        this.rows = new Array<number>(keys.length).fill(0);
      }
      const earlier = this.values[index];
      if (earlier === undefined) {
        this.values[index] = value;
        this.rows[index] = row.row;
      } else if (earlier !== value) errors.add(row.row, key, `differs from row ${this.rows[index]}, which gives "${String(earlier)}"`);
    }
  }

  /** True when some row fills the column, even with a value already reported as invalid. */
  has(key: K): boolean {
    return this.value(key) !== undefined || this.invalid?.has(key) === true;
  }

  value<P extends K>(key: P): NonNullable<LayoutValues<L>[P]> | undefined {
    return this.values?.[this.keys.indexOf(key)] as NonNullable<LayoutValues<L>[P]> | undefined;
  }

  /** The row that gave the column's value, if one did. */
  rowOf(key: K): number | undefined {
    return this.value(key) === undefined ? undefined : this.rows![this.keys.indexOf(key)];
  }

  /** Reports each of `keys` that no row fills, at `row`. */
  requireAll(keys: readonly K[], row: number, what: string, errors: ImportErrors): void {
    for (const key of keys) if (!this.has(key)) errors.add(row, key, `is required for ${what}`);
  }
}
