import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import unzipper from 'unzipper';

/**
 * The parts of exceljs's streaming WorkbookReader used here (exceljs 4.4, not in its typings):
 * the parsers of the workbook's parts, each reading one archive entry.
 */
interface WorkbookReaderParts {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** An archive path of a workbook relationship target (relative to xl/, or absolute). */
const partPath = (target: string): string => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/** True when the zip archive holds a workbook's content types and workbook part. */
export async function isWorkbookArchive(file: Buffer): Promise<boolean> {
  try {
    const paths = new Set((await unzipper.Open.buffer(file)).files.map((entry) => entry.path.replace(/^\//, '')));
    return paths.has('[Content_Types].xml') && paths.has('xl/workbook.xml');
  } catch {
    return false;
  }
}

/**
 * The rows of a workbook's first sheet, parsed by exceljs as they stream out of the archive.
 *
 * exceljs's own streaming reader reads the archive in one pass and, under load, loses the
 * entries after a worksheet (exceljs/exceljs#3064: sometimes styles.xml, and dates then come
 * out as numbers). So the archive is opened through its central directory instead, and the
 * parts the sheet needs (relationships, workbook, shared strings, styles) are parsed before it,
 * each by exceljs's own parser. Rows are still read one at a time.
 */
export async function* firstSheetRows(file: Buffer): AsyncGenerator<ExcelJS.Row> {
  const directory = await unzipper.Open.buffer(file);
  const entries = new Map(directory.files.map((entry) => [entry.path.replace(/^\//, ''), entry]));
  const open = (path: string): Readable | undefined => entries.get(path)?.stream() as Readable | undefined;

  // Styles are read so that cells formatted as dates come out as dates.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;
  const rels = open('xl/_rels/workbook.xml.rels');
  const book = open('xl/workbook.xml');
  if (!rels || !book) throw new Error('not a workbook');
  await workbook._parseRels(rels);
  await workbook._parseWorkbook(book);
  const sharedStrings = open('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of workbook._parseSharedStrings(sharedStrings));
  const styles = open('xl/styles.xml');
  if (styles) await workbook._parseStyles(styles);

  const first = workbook.model?.sheets?.[0];
  const target = workbook.workbookRels?.find((rel) => rel.Id === first?.rId)?.Target;
  const sheet = target === undefined ? undefined : open(partPath(target));
  if (!sheet) throw new Error('the workbook has no sheet');
  for (const { value: worksheet } of workbook._parseWorksheet(sheet, /sheet(\d+)\.xml$/.exec(target!)?.[1] ?? '1')) {
    yield* worksheet;
  }
}
