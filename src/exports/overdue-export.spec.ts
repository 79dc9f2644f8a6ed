import ExcelJS from 'exceljs';
import type { OverdueItem } from '../overdue/overdue.repository.js';
import { overdueFile } from './overdue-export.js';

const item: OverdueItem = {
  type: 'milestone',
  pilotId: '11111111-1111-4111-8111-111111111111',
  pilotCode: 'zhangjiakou',
  pilotName: '张家口市',
  pilotNameEn: 'Zhangjiakou',
  taskId: '22222222-2222-4222-8222-222222222222',
  taskCode: 'T01',
  milestoneId: '33333333-3333-4333-8333-333333333333',
  periodId: null,
  title: '完成屋顶资源普查',
  dueDate: '2024-02-29',
  daysOverdue: 31,
};

describe('overdue workbook', () => {
  it('holds the items on one sheet, due dates as dates and days as numbers', async () => {
    const file = overdueFile('xlsx', { asOf: '2024-03-31', items: [item] });
    expect(file.getHeaders()).toMatchObject({
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: 'attachment; filename=overdue-2024-03-31.xlsx',
    });
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) chunks.push(Buffer.from(chunk as Uint8Array));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('overdue')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('类型 type');
    expect(sheet.getRow(1).getCell(12).value).toBe('period_id');
    expect((sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1, 9)).toEqual([
      'milestone',
      'zhangjiakou',
      '张家口市',
      'Zhangjiakou',
      'T01',
      '完成屋顶资源普查',
      new Date('2024-02-29T00:00:00Z'),
      31,
    ]);
  });
});
