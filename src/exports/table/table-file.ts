import { StreamableFile } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { PassThrough, pipeline, Readable } from 'node:stream';
import { neutraliseFormula } from '../../common/csv.js';
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '../../imports/file-body/file-body.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How a column's values are written. In a workbook: `date` (YYYY-MM-DD) as a date, `instant`
 * (a Date) as a date-time in the export's time zone, `percent` (0–100) and `ratio` (0–1) as
 * numbers shown as percentages. In CSV every value is text, instants as ISO-8601 UTC.
 */
export type CellType = 'text' | 'date' | 'instant' | 'number' | 'percent' | 'ratio';

export type CellValue = string | number | Date | null | undefined;

export interface TableColumn<R> {
  header: string;
  type: CellType;
  /** Width in a workbook, in characters. */
  width: number;
  /** Declared as a method so that sheets of different records fit in one list of `TableSheet<unknown>`. */
  value(record: R): CellValue;
}

export interface TableSheet<R> {
  name: string;
  columns: readonly TableColumn<R>[];
  records: Iterable<R> | AsyncIterable<R>;
}

export interface TableFileOptions {
  /** The download's name, without extension. */
  filename: string;
  /** The zone instants are shown in (workbooks only). */
  timezone?: string;
}

const NUMBER_FORMATS: Partial<Record<CellType, string>> = {
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm:ss',
  percent: '0.0%',
  ratio: '0.0%',
};

/** How often, in rows, a workbook being written waits for the client to catch up. */
const DRAIN_EVERY_ROWS = 500;

function csvText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return neutraliseFormula(value instanceof Date ? value.toISOString() : String(value));
}

/** The wall-clock time of an instant in `timezone`, as the Date a workbook stores it as (zone-less). */
export function wallClock(instant: Date, timezone: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
}

function workbookValue(type: CellType, value: CellValue, timezone: string): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'instant':
      return wallClock(value instanceof Date ? value : new Date(value), timezone);
    case 'percent':
      return Number(value) / 100;
    case 'number':
    case 'ratio':
      return Number(value);
    case 'text':
      return String(value);
  }
}

async function* csvRecords<R>(sheet: TableSheet<R>): AsyncGenerator<string[]> {
  yield sheet.columns.map((c) => csvText(c.header));
  for await (const record of sheet.records) yield sheet.columns.map((c) => csvText(c.value(record)));
}

/** A CSV download (UTF-8 with BOM), written as its records arrive. */
export function csvFile<R>(sheet: TableSheet<R>, options: TableFileOptions): StreamableFile {
  const output = stringify({ bom: true, record_delimiter: 'windows' });
  pipeline(Readable.from(csvRecords(sheet)), output, () => undefined);
  return new StreamableFile(output, {
    type: `${CSV_MEDIA_TYPE}; charset=utf-8`,
    disposition: contentDisposition(`${options.filename}.csv`),
  });
}

/**
 * Waits until the client has taken what was written so far; false once it went away (the
 * download was cancelled), so that the writer stops and the database cursor is closed.
 */
function drained(output: PassThrough): Promise<boolean> {
  if (output.destroyed) return Promise.resolve(false);
  if (!output.writableNeedDrain) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = () => {
      output.off('drain', settle).off('close', settle);
      resolve(!output.destroyed);
    };
    output.on('drain', settle).on('close', settle);
  });
}

/** Writes one sheet; false when the download was cancelled meanwhile. */
async function writeSheet<R>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: TableSheet<R>, output: PassThrough, timezone: string): Promise<boolean> {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  worksheet.columns = sheet.columns.map((c, index) => ({
    key: String(index),
    header: c.header,
    width: c.width,
    style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {},
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let rows = 0;
  for await (const record of sheet.records) {
    worksheet.addRow(sheet.columns.map((c) => workbookValue(c.type, c.value(record), timezone))).commit();
    if (++rows % DRAIN_EVERY_ROWS === 0 && !(await drained(output))) return false;
  }
  worksheet.commit();
  return true;
}

/** An .xlsx download of one or more sheets, each with a frozen header row, written as its records arrive. */
export function xlsxFile(sheets: readonly TableSheet<unknown>[], options: TableFileOptions): StreamableFile {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const write = async () => {
    for (const sheet of sheets) {
      if (!(await writeSheet(workbook, sheet, output, options.timezone ?? 'UTC'))) return;
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  return new StreamableFile(output, { type: XLSX_MEDIA_TYPE, disposition: contentDisposition(`${options.filename}.xlsx`) });
}

/** One sheet as the requested format. */
export function tableFile<R>(format: ExportFormat, sheet: TableSheet<R>, options: TableFileOptions): StreamableFile {
  return format === 'csv' ? csvFile(sheet, options) : xlsxFile([sheet], options);
}
