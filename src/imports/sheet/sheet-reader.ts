import { HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { isUtf8 } from 'node:buffer';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { XLSX_MEDIA_TYPE } from '../file-body/file-body.js';
import { ImportErrors } from '../import-errors.js';
import { firstSheetRows, isWorkbookArchive } from './xlsx-first-sheet.js';

export type SheetFormat = 'csv' | 'xlsx';

/** One row of the first sheet: its number as a spreadsheet shows it (header = 1) and its cells as text. */
export interface SheetRow {
  number: number;
  cells: string[];
}

/** The largest number of rows (header included) one import reads. */
export const MAX_IMPORT_ROWS = 500_000;

/** The CSV parser is fed slices of this size, so it never holds every record at once. */
const CSV_SLICE_BYTES = 256 * 1024;

/**
 * Judges a file by its bytes: an XLSX workbook, or else text read as CSV. Any other known kind
 * of file (a PDF, an image, an old .xls…) is refused with 415.
 */
export async function detectSheetFormat(file: Buffer): Promise<SheetFormat> {
  const type = await fileTypeFromBuffer(file);
  if (type === undefined) return 'csv';
  if (type.mime === XLSX_MEDIA_TYPE) return 'xlsx';
  // file-type reads a zip's entries in order and gives up on a large one written before
  // [Content_Types].xml (exceljs's streaming writer puts the worksheet first): the archive's
  // central directory tells whether it is a workbook.
  if (type.mime === 'application/zip' && (await isWorkbookArchive(file))) return 'xlsx';
  throw new UnsupportedMediaTypeException(`The file is a .${type.ext} file: send a CSV (UTF-8) or an .xlsx file`);
}

/**
 * Hands each row of the file's first sheet to `onRow` as the parser reads it (at most
 * MAX_IMPORT_ROWS). `onRow` runs synchronously; what it throws stops the reading and is thrown.
 */
export async function readSheet(file: Buffer, format: SheetFormat, onRow: (row: SheetRow) => void): Promise<void> {
  const limited = (row: SheetRow) => {
    if (row.number > MAX_IMPORT_ROWS) throw new PayloadTooLargeException(`The file has more than ${MAX_IMPORT_ROWS} rows`);
    onRow(row);
  };
  if (format === 'xlsx') await readXlsx(file, limited);
  else await readCsv(file, limited);
}

function* slices(file: Buffer): Generator<Buffer> {
  for (let offset = 0; offset < file.length; offset += CSV_SLICE_BYTES) yield file.subarray(offset, offset + CSV_SLICE_BYTES);
}

async function readCsv(file: Buffer, onRow: (row: SheetRow) => void): Promise<void> {
  if (!isUtf8(file)) {
    throw ImportErrors.fileProblem('The CSV file is not UTF-8 text: save it as "CSV UTF-8" (or send the .xlsx workbook)');
  }
  // Empty lines are kept as records (and skipped later), so that counting records counts rows
  // as a spreadsheet shows them.
  let number = 0;
  const rows = new Writable({
    objectMode: true,
    write(record: string[], _encoding, done) {
      try {
        onRow({ number: ++number, cells: record });
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  try {
    await pipeline(Readable.from(slices(file)), parse({ bom: true, relax_column_count: true, skip_empty_lines: false }), rows);
  } catch (error) {
    if (error instanceof CsvError) throw ImportErrors.fileProblem(`The CSV file cannot be read: ${error.message}`);
    throw error;
  }
}

async function readXlsx(file: Buffer, onRow: (row: SheetRow) => void): Promise<void> {
  try {
    for await (const row of firstSheetRows(file)) {
      onRow({ number: row.number, cells: Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellValueText) });
    }
  } catch (error) {
    // What the rows' reader refused passes on; anything else is the workbook's fault.
    if (error instanceof HttpException) throw error;
    throw ImportErrors.fileProblem('The .xlsx file cannot be read: it is damaged or not a workbook');
  }
}

/** A cell's value as the text the importer validates; dates become YYYY-MM-DD. */
export function cellValueText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return cellValueText(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return '';
  if ('text' in value) return cellValueText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}
