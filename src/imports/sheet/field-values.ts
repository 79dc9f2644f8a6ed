import type { ImportErrors } from '../import-errors.js';
import type { Layout, LayoutValues, ParsedRow } from './layout.js';

interface Given<V> {
  value: V;
  row: number;
}

/**
 * The values several rows give for one record (a task, a milestone, a pilot…): the first row
 * that fills a column sets it, later rows may leave it blank, and a later row that gives a
 * different value is reported.
 */
export class FieldValues<L extends Layout, K extends keyof L & string> {
  private readonly given: { [P in K]?: Given<NonNullable<LayoutValues<L>[P]>> } = {};
  /** Created on the first invalid value: most records have none. */
  private invalid: Set<K> | undefined;

  constructor(private readonly keys: readonly K[]) {}

  add(row: ParsedRow<L>, errors: ImportErrors): void {
    for (const key of this.keys) {
      if (row.invalid.has(key)) {
        (this.invalid ??= new Set()).add(key);
        continue;
      }
      const value = row.values[key] as NonNullable<LayoutValues<L>[K]> | undefined;
      if (value === undefined) continue;
      const earlier = this.given[key];
      if (earlier === undefined) this.given[key] = { value, row: row.row };
      else if (earlier.value !== value) errors.add(row.row, key, `differs from row ${earlier.row}, which gives "${String(earlier.value)}"`);
    }
  }

  /** True when some row fills the column, even with a value already reported as invalid. */
  has(key: K): boolean {
    return this.given[key] !== undefined || this.invalid?.has(key) === true;
  }

  value<P extends K>(key: P): NonNullable<LayoutValues<L>[P]> | undefined {
    return this.given[key]?.value;
  }

  /** The row that gave the column's value, if one did. */
  rowOf(key: K): number | undefined {
    return this.given[key]?.row;
  }

  /** Reports each of `keys` that no row fills, at `row`. */
  requireAll(keys: readonly K[], row: number, what: string, errors: ImportErrors): void {
    for (const key of keys) if (!this.has(key)) errors.add(row, key, `is required for ${what}`);
  }
}
