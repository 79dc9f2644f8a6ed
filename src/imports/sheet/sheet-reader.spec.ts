import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { detectSheetFormat, readSheet, type SheetFormat, type SheetRow } from './sheet-reader.js';

async function rowsOf(file: Buffer, format: SheetFormat): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  await readSheet(file, format, (row) => rows.push(row));
  return rows;
}

async function workbook(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('sheet reader', () => {
  it('reads CSV with a BOM, quoted commas and newlines, numbering rows as a spreadsheet does', async () => {
    const text = '\ufeffcode,title\r\np1,"a, b"\r\n\r\np2,"line 1\nline 2"\r\n';
    expect(await rowsOf(Buffer.from(text), 'csv')).toEqual([
      { number: 1, cells: ['code', 'title'] },
      { number: 2, cells: ['p1', 'a, b'] },
      { number: 3, cells: [''] },
      { number: 4, cells: ['p2', 'line 1\nline 2'] },
    ]);
  });

  it('keeps Chinese text whole across the slices the parser is fed', async () => {
    const title = '碳达峰试点'.repeat(60_000);
    const [, row] = await rowsOf(Buffer.from(`code,title\np1,${title}\n`), 'csv');
    expect(row!.cells[1]).toBe(title);
  });

  it('refuses CSV that is not UTF-8, or not well formed', async () => {
    await expect(rowsOf(Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xce, 0xdd, 0x0a]), 'csv')).rejects.toThrow(BadRequestException);
    await expect(rowsOf(Buffer.from('code,title\np1,"unclosed\n'), 'csv')).rejects.toThrow(BadRequestException);
  });

  it('reads the first sheet of a workbook, dates as YYYY-MM-DD and numbers as text', async () => {
    const file = await workbook({
      tasks: [['code', 'due', 'target'], ['T1', new Date('2026-12-31T00:00:00Z'), 12.5], [null, { richText: [{ text: '富' }, { text: '文本' }] }, { formula: '1+1', result: 2 }]],
      other: [['ignored']],
    });
    expect(await detectSheetFormat(file)).toBe('xlsx');
    expect(await rowsOf(file, 'xlsx')).toEqual([
      { number: 1, cells: ['code', 'due', 'target'] },
      { number: 2, cells: ['T1', '2026-12-31', '12.5'] },
      { number: 3, cells: ['', '富文本', '2'] },
    ]);
  });

  it('reads every part of a workbook every time (exceljs/exceljs#3064 lost them now and then)', async () => {
    const file = await workbook({ tasks: [['due'], [new Date('2026-12-31T00:00:00Z')]] });
    const dates = new Set<string | undefined>();
    for (let i = 0; i < 300; i++) dates.add((await rowsOf(file, 'xlsx'))[1]?.cells[0]);
    expect([...dates]).toEqual(['2026-12-31']);
    // 300 reads take about 2 s on an idle machine; a loaded CI machine must not fail on time.
  }, 60_000);

  it('knows a large workbook from exceljs\'s streaming writer (worksheet before [Content_Types].xml) as a workbook', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
    const sheet = writer.addWorksheet('tasks');
    sheet.addRow(['code', 'note']).commit();
    // Text that does not compress, so the worksheet entry is larger than file-type reads through.
    for (let i = 0; i < 3_000; i++) sheet.addRow([`T${i}`, randomBytes(400).toString('base64')]).commit();
    sheet.commit();
    await writer.commit();
    const file = Buffer.concat(chunks);
    expect(file.length).toBeGreaterThan(1_200_000);
    expect(await detectSheetFormat(file)).toBe('xlsx');
    const rows = await rowsOf(file, 'xlsx');
    expect(rows).toHaveLength(3_001);
    expect(rows[3_000]!.cells[0]).toBe('T2999');
  });

  it('refuses a damaged workbook, and files that are neither text nor a workbook', async () => {
    const file = await workbook({ tasks: [['code']] });
    await expect(rowsOf(file.subarray(0, file.length / 2), 'xlsx')).rejects.toThrow(BadRequestException);
    await expect(detectSheetFormat(Buffer.from('%PDF-1.7\n'))).rejects.toThrow(UnsupportedMediaTypeException);
    expect(await detectSheetFormat(Buffer.from('code,title\n'))).toBe('csv');
  });

  it('passes on what the row handler throws', async () => {
    const stop = new Error('stop');
    await expect(readSheet(Buffer.from('a\nb\n'), 'csv', () => { throw stop; })).rejects.toBe(stop);
  });
});
