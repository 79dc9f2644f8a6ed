import { INDICATOR_DIRECTIONS } from '../../common/domain.js';
import { cellText, code, date, decimal, integer, oneOf, text } from './cells.js';

const valueOf = <T>(result: { ok: true; value: T } | { ok: false; message: string }) => (result.ok ? result.value : result.message);

describe('import cells', () => {
  it.each([
    ['  屋顶光伏 ', '屋顶光伏'],
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'+86", '+86'],
    ["'-5.5", '-5.5'],
    ["'@home", '@home'],
    ["'quoted", "'quoted"],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('reads %j as %j (the export guard removed)', (raw, expected) => {
    expect(cellText(raw)).toBe(expected);
  });

  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024/3/5', '2024-03-05'],
    ['2024.12.31', '2024-12-31'],
  ])('reads the date %s', (raw, expected) => {
    expect(date(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '31/12/2024', '45658', 'tomorrow'])('refuses the date %s', (raw) => {
    expect(valueOf(date(raw))).toBe('must be an existing calendar date as YYYY-MM-DD');
  });

  it('reads numbers and refuses what only looks like one', () => {
    expect(['12.5', '-3', '+4', '.5', '1e3'].map((v) => valueOf(decimal(v)))).toEqual([12.5, -3, 4, 0.5, 1000]);
    expect(['ten', '1,5', '0x10', 'Infinity', '1e999', ''].map((v) => decimal(v).ok)).toEqual([false, false, false, false, false, false]);
  });

  it('reads whole numbers in range', () => {
    const year = integer(1900, 2100, 'a year');
    expect(valueOf(year('2030'))).toBe(2030);
    expect(valueOf(year('2030.0'))).toBe(2030);
    expect(valueOf(year('2030.5'))).toBe('must be a year from 1900 to 2100');
    expect(valueOf(year('1899'))).toBe('must be a year from 1900 to 2100');
  });

  it('reads enum values case-insensitively, answering the canonical value', () => {
    const direction = oneOf(INDICATOR_DIRECTIONS);
    expect(valueOf(direction('Increase'))).toBe('increase');
    expect(valueOf(direction('up'))).toBe('must be one of increase, decrease');
  });

  it('counts characters, not UTF-16 units, and checks codes', () => {
    expect(text(2)('光伏').ok).toBe(true);
    expect(text(2)('😀😀').ok).toBe(true);
    expect(valueOf(text(2)('光伏站'))).toBe('must be at most 2 characters');
    const taskCode = code(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters or digits');
    expect(taskCode('T-01.a').ok).toBe(true);
    expect(valueOf(taskCode('-T1'))).toBe('must be 1-64 letters or digits, starting with a letter or digit');
  });
});
