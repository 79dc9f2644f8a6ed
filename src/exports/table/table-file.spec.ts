import type { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { csvFile, wallClock, xlsxFile, type TableSheet } from './table-file.js';

interface Row {
  name: string;
  due: string | null;
  at: Date;
  share: number;
  done: number;
}

const sheet = (records: Iterable<Row> | AsyncIterable<Row>): TableSheet<Row> => ({
  name: 'rows',
  columns: [
    { header: '名称 name', type: 'text', width: 30, value: (r) => r.name },
    { header: 'due', type: 'date', width: 12, value: (r) => r.due },
    { header: 'at', type: 'instant', width: 20, value: (r) => r.at },
    { header: 'share', type: 'ratio', width: 10, value: (r) => r.share },
    { header: 'done', type: 'percent', width: 10, value: (r) => r.done },
  ],
  records,
});

const ROWS: Row[] = [
  { name: '=cmd|"/c calc"!A1', due: '2024-02-29', at: new Date('2024-03-01T16:30:00Z'), share: 0.25, done: 40 },
  { name: '普通, "引号"', due: null, at: new Date('2024-03-02T00:00:00Z'), share: 1, done: 100 },
];

async function bytesOf(file: StreamableFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('table files', () => {
  it('writes CSV as UTF-8 with BOM, neutralising formulas', async () => {
    const file = csvFile(sheet(ROWS), { filename: '报表' });
    expect(file.getHeaders()).toMatchObject({ type: 'text/csv; charset=utf-8', disposition: `attachment; filename="??.csv"; filename*=UTF-8''%E6%8A%A5%E8%A1%A8.csv` });
    expect((await bytesOf(file)).toString('utf8')).toBe(
      '\ufeff名称 name,due,at,share,done\r\n' +
        `"'=cmd|""/c calc""!A1",2024-02-29,2024-03-01T16:30:00.000Z,0.25,40\r\n` +
        '"普通, ""引号""",,2024-03-02T00:00:00.000Z,1,100\r\n',
    );
  });

  it('writes a workbook with a frozen header, widths and typed cells', async () => {
    const file = xlsxFile([sheet(ROWS)], { filename: 'rows', timezone: 'Asia/Shanghai' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await bytesOf(file)) as unknown as ArrayBuffer);
    const rows = book.getWorksheet('rows')!;
    expect(rows.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows.getColumn(1).width).toBe(30);
    expect(rows.getRow(1).font).toMatchObject({ bold: true });
    expect(rows.getRow(2).values).toEqual([
      undefined,
      '=cmd|"/c calc"!A1',
      new Date('2024-02-29T00:00:00Z'),
      new Date('2024-03-02T00:30:00Z'),
      0.25,
      0.4,
    ]);
    expect(rows.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(rows.getCell('E2').numFmt).toBe('0.0%');
    expect(rows.getCell('B3').value).toBeNull();
  });

  it.each([
    ['csv', csvFile],
    ['xlsx', (s: TableSheet<Row>, options: { filename: string }) => xlsxFile([s], options)],
  ] as const)('stops reading records once a %s download is cancelled', async (_format, write) => {
    let closed = false;
    async function* endless(): AsyncGenerator<Row> {
      try {
        for (;;) yield { ...ROWS[0]!, name: '一行又一行'.repeat(20) };
      } finally {
        closed = true;
      }
    }
    const stream = write(sheet(endless()), { filename: 'endless' }).getStream();
    stream.once('data', () => stream.destroy());
    for (let waited = 0; !closed && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(closed).toBe(true);
  });

  it('shows instants at the wall-clock time of the zone', () => {
    expect(wallClock(new Date('2024-12-31T16:00:00Z'), 'Asia/Shanghai')).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(wallClock(new Date('2024-07-01T12:00:00Z'), 'UTC')).toEqual(new Date('2024-07-01T12:00:00Z'));
  });
});
