import { BadRequestException } from '@nestjs/common';
import { ImportErrors } from '../import-errors.js';
import { PILOT_LAYOUT } from '../layouts.js';
import { LayoutReader, type ParsedRow } from './layout.js';

type PilotRow = ParsedRow<typeof PILOT_LAYOUT>;

function read(rows: string[][]): { rows: PilotRow[]; errors: ImportErrors } {
  const errors = new ImportErrors();
  const parsed: PilotRow[] = [];
  const reader = new LayoutReader(PILOT_LAYOUT, ['code'], errors, (row) => parsed.push(row));
  rows.forEach((cells, index) => reader.push({ number: index + 1, cells }));
  reader.end();
  return { rows: parsed, errors };
}

function problems(rows: string[][]): unknown {
  try {
    const { errors } = read(rows);
    errors.throwIfAny();
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { errors: unknown }).errors;
  }
  return [];
}

describe('LayoutReader', () => {
  it('reads headers as keys, Chinese names or both, in any order and case', () => {
    const { rows, errors } = read([
      ['CODE', '类型', '中文名称 name_zh', 'name_en 英文名称', '省份', 'province_en', '批次'],
      ['p1', 'city', '甲市', 'City A', '河北省', 'Hebei', '2'],
    ]);
    expect(errors.count).toBe(0);
    expect(rows).toEqual([
      { row: 2, values: { code: 'p1', kind: 'city', name_zh: '甲市', name_en: 'City A', province_zh: '河北省', province_en: 'Hebei', batch: 2 }, invalid: new Set() },
    ]);
  });

  it('skips blank rows but keeps counting them', () => {
    const { rows } = read([['code', 'kind'], ['', ' '], ['p2', '']]);
    expect(rows.map((r) => [r.row, r.values])).toEqual([[3, { code: 'p2' }]]);
  });

  it('reports unknown, repeated and contradictory headers, and values under no header', () => {
    expect(problems([['code', 'mayor', '类型 name_zh', 'code', ''], ['p1', 'x', 'y', 'p1', 'stray']])).toEqual([
      { row: 1, column: 'mayor', message: expect.stringMatching(/^unknown column "mayor"/) },
      { row: 1, column: '类型 name_zh', message: expect.stringMatching(/^unknown column/) },
      { row: 1, column: 'code', message: 'column code appears more than once' },
      { row: 2, column: null, message: 'column E has a value but no header' },
    ]);
  });

  it('stops at once when a required column is missing, and on an empty file', () => {
    expect(() => read([['kind'], ['city']])).toThrow(BadRequestException);
    expect(problems([['kind'], ['city']])).toEqual([{ row: null, column: 'code', message: 'column code (试点编码) is missing' }]);
    expect(problems([])).toEqual([{ row: 1, column: null, message: 'the file is empty: row 1 must hold the column headers' }]);
  });

  it('leaves invalid cells out of the values and names them', () => {
    const { rows, errors } = read([['code', 'batch'], ['p1', 'first']]);
    expect(rows[0]).toEqual({ row: 2, values: { code: 'p1' }, invalid: new Set(['batch']) });
    expect(errors.count).toBe(1);
  });
});
