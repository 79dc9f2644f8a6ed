import type { ReportCanvas, TextAlign, TextMeasure } from './pdf-layout.js';
import { withColour, withWeight, type TextStyle } from './text-styles.js';

export interface TableCell {
  readonly text: string;
  readonly colour?: string;
  readonly bold?: boolean;
  /** A thin progress bar under the text, `fraction` of the cell wide (clamped to 0..1). */
  readonly bar?: { readonly fraction: number; readonly colour: string };
}

export interface TableColumn<Row> {
  readonly header: string;
  /** Share of the table width, relative to the other columns' weights. */
  readonly weight: number;
  readonly align?: TextAlign;
  readonly cell: (row: Row) => string | TableCell;
}

const PAD_X = 4;
const PAD_Y = 3.5;
const BAR_GAP = 2;
const BAR_HEIGHT = 2.5;

interface LaidOutCell {
  readonly cell: TableCell;
  readonly style: TextStyle;
  readonly measured: TextMeasure;
}

/**
 * Draws a table across the content width at the cursor. Every row is measured before it is
 * drawn: a row that does not fit goes to the next page, under a repeated header row; long text
 * wraps inside its cell; a row taller than a whole page (pathological input) is clipped with an
 * ellipsis rather than overflow the margin.
 */
export function drawTable<Row>(canvas: ReportCanvas, columns: readonly TableColumn<Row>[], rows: Iterable<Row>): void {
  const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
  const widths = columns.map((column) => (canvas.width * column.weight) / totalWeight);
  const textWidths = widths.map((width) => width - 2 * PAD_X);

  const layOut = (cells: readonly TableCell[], baseStyle: TextStyle): LaidOutCell[] =>
    cells.map((cell, index) => {
      const style = withColour(cell.bold ? withWeight(baseStyle, 'bold') : baseStyle, cell.colour);
      return { cell, style, measured: canvas.measure(cell.text, style, textWidths[index]) };
    });
  const rowHeight = (cells: readonly LaidOutCell[]): number =>
    2 * PAD_Y + Math.max(...cells.map(({ cell, measured }) => measured.height + (cell.bar ? BAR_GAP + BAR_HEIGHT : 0)));

  const header = layOut(
    columns.map((column) => ({ text: column.header })),
    canvas.styles.tableHeader,
  );
  const headerHeight = rowHeight(header);
  const tallestRow = canvas.pageContentHeight - headerHeight;

  const drawRow = (cells: readonly LaidOutCell[], height: number, background: string | undefined): void => {
    const top = canvas.y;
    if (background) canvas.fillRect(canvas.left, top, canvas.width, height, background);
    let x = canvas.left;
    cells.forEach(({ cell, style, measured }, index) => {
      const barSpace = cell.bar ? BAR_GAP + BAR_HEIGHT : 0;
      const drawnHeight = canvas.textBox(cell.text, style, x + PAD_X, top + PAD_Y, textWidths[index], {
        align: columns[index].align,
        measured,
        maxHeight: height - 2 * PAD_Y - barSpace,
      });
      if (cell.bar) drawBar(canvas, cell.bar, x + PAD_X, top + PAD_Y + drawnHeight + BAR_GAP, textWidths[index]);
      x += widths[index];
    });
    canvas.y = top + height;
    canvas.rule();
  };

  let headerOnPage = false;
  let rowIndex = 0;
  for (const row of rows) {
    const cells = layOut(
      columns.map((column) => normaliseCell(column.cell(row))),
      canvas.styles.tableCell,
    );
    const height = Math.min(rowHeight(cells), tallestRow);
    if ((headerOnPage ? 0 : headerHeight) + height > canvas.remaining) {
      canvas.startPage();
      headerOnPage = false;
    }
    if (!headerOnPage) {
      drawRow(header, headerHeight, canvas.colours.tableHeader);
      headerOnPage = true;
    }
    drawRow(cells, height, rowIndex % 2 === 1 ? canvas.colours.tableStripe : undefined);
    rowIndex += 1;
  }
}

function normaliseCell(value: string | TableCell): TableCell {
  return typeof value === 'string' ? { text: value } : value;
}

function drawBar(canvas: ReportCanvas, bar: NonNullable<TableCell['bar']>, x: number, y: number, width: number): void {
  canvas.fillRect(x, y, width, BAR_HEIGHT, canvas.colours.neutral);
  const filled = width * Math.min(Math.max(bar.fraction, 0), 1);
  if (filled > 0) canvas.fillRect(x, y, filled, BAR_HEIGHT, bar.colour);
}
