import { bilingualHeader } from '../../imports/sheet/layout.js';
import type { CellType, CellValue, TableColumn } from '../table/table-file.js';

/** A column headed in both languages (`试点编码 pilot_code`) whose values `value` computes. */
export const column = <R>(zh: string, key: string, type: CellType, width: number, value: (record: R) => CellValue): TableColumn<R> => ({
  header: bilingualHeader(zh, key),
  type,
  width,
  value,
});

/** A column showing the record's own field `key`. */
export const field = <R>(zh: string, key: keyof R & string, type: CellType, width: number): TableColumn<R> =>
  column<R>(zh, key, type, width, (record) => record[key] as CellValue);
