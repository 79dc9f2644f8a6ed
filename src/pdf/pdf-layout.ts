import { PDF_FONT_NAMES } from './fonts.js';
import type { TemplateColours } from './template.js';
import { textStyles, type TextStyle, type TextStyles } from './text-styles.js';

export type TextAlign = 'left' | 'center' | 'right';

export interface TextBoxOptions {
  readonly align?: TextAlign;
  /** Clip to this height, ending the last visible line with an ellipsis. */
  readonly maxHeight?: number;
  /** What `measure()` gave for this text, style and width, if the caller already has it. */
  readonly measured?: TextMeasure;
}

/** The size of a text wrapped to a width. */
export interface TextMeasure {
  readonly height: number;
  /** Its width on one line, or Infinity when it wraps. */
  readonly lineWidth: number;
}

/**
 * The drawing surface the sections write on: a cursor moving down the content box of the
 * current page, text measured before it is drawn, and page breaks decided here so nothing
 * crosses the bottom margin (where the footer goes).
 */
export class ReportCanvas {
  readonly styles: TextStyles;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly colours: TemplateColours,
  ) {
    this.styles = textStyles(colours);
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }

  get width(): number {
    return this.right - this.left;
  }

  get top(): number {
    return this.doc.page.margins.top;
  }

  get bottom(): number {
    return this.doc.page.maxY();
  }

  /** The cursor: where the next block starts on the current page. */
  get y(): number {
    return this.doc.y;
  }

  set y(value: number) {
    this.doc.y = value;
  }

  get remaining(): number {
    return this.bottom - this.y;
  }

  /** The height of an empty page's content box: the most any single block can take. */
  get pageContentHeight(): number {
    return this.bottom - this.top;
  }

  startPage(): void {
    this.doc.addPage();
  }

  /** Moves to a new page unless `height` fits below the cursor (or the page is still empty). */
  ensureSpace(height: number): void {
    if (height > this.remaining && this.y > this.top) this.startPage();
  }

  moveDown(points: number): void {
    this.y = Math.min(this.y + points, this.bottom);
  }

  /** Selects the style's font for measuring; writes nothing to the page. */
  private selectFont(style: TextStyle): void {
    this.doc.font(PDF_FONT_NAMES[style.weight]).fontSize(style.size);
  }

  /** Selects font and colour for drawing (the colour is an operator in the page content). */
  private use(style: TextStyle): void {
    this.selectFont(style);
    this.doc.fillColor(style.colour);
  }

  lineHeight(style: TextStyle): number {
    this.selectFont(style);
    return this.doc.currentLineHeight(true) + style.lineGap;
  }

  widthOf(text: string, style: TextStyle): number {
    this.selectFont(style);
    return this.doc.widthOfString(text);
  }

  /**
   * Size of `text` wrapped to `width`. Most table cells hold one short line, so those are
   * answered from the string width without running pdfkit's line wrapper (the costly part).
   */
  measure(text: string, style: TextStyle, width: number): TextMeasure {
    const oneLine = this.lineHeight(style);
    const lineWidth = text.includes('\n') ? Infinity : this.doc.widthOfString(text);
    if (lineWidth <= width) return { height: oneLine, lineWidth };
    return { height: this.doc.heightOfString(text, { width, lineGap: style.lineGap }), lineWidth: Infinity };
  }

  /**
   * Draws text in a box at (x, y) without moving the cursor or ever starting a page: callers
   * measure first and make room. Returns the height drawn.
   */
  textBox(text: string, style: TextStyle, x: number, y: number, width: number, options: TextBoxOptions = {}): number {
    const align = options.align ?? 'left';
    // Measuring is a good part of drawing text: reuse the caller's measurement if it has one.
    const { height, lineWidth } = options.measured ?? this.measure(text, style, width);
    this.use(style);
    if (lineWidth <= width) {
      // Single line: placed directly, which skips the line wrapper.
      this.doc.text(text, x + alignOffset(align, width, lineWidth), y, { lineBreak: false });
      return height;
    }
    const clip = options.maxHeight !== undefined && height > options.maxHeight;
    this.doc.text(text, x, y, {
      width,
      align,
      lineGap: style.lineGap,
      ...(clip ? { height: options.maxHeight, ellipsis: true } : {}),
    });
    return clip ? (options.maxHeight ?? height) : height;
  }

  /**
   * A paragraph at the cursor across the full width, flowing onto further pages when it is
   * long; starts on a new page rather than leave a single line at the bottom of this one.
   */
  paragraph(text: string, style: TextStyle): void {
    this.ensureSpace(this.lineHeight(style) * 2);
    this.use(style);
    this.doc.text(text, this.left, this.y, { width: this.width, lineGap: style.lineGap });
  }

  /** A heading kept on the same page as at least `keepWithNext` points of what follows it. */
  heading(text: string, style: TextStyle, keepWithNext = 40): void {
    const measured = this.measure(text, style, this.width);
    this.ensureSpace(measured.height + keepWithNext);
    this.y += this.textBox(text, style, this.left, this.y, this.width, { measured });
  }

  /** A section's title with a rule under it. */
  sectionTitle(text: string): void {
    this.heading(text, this.styles.sectionTitle, 80);
    this.moveDown(4);
    this.rule(this.colours.primary);
    this.moveDown(12);
  }

  /** Label / value rows, the label in a column of `labelWidth` points; values may wrap. */
  keyValues(rows: readonly (readonly [label: string, value: string])[], labelWidth: number): void {
    const valueWidth = this.width - labelWidth;
    for (const [label, value] of rows) {
      const labelSize = this.measure(label, this.styles.muted, labelWidth - 8);
      const valueSize = this.measure(value, this.styles.bodyBold, valueWidth);
      const height = Math.max(labelSize.height, valueSize.height);
      this.ensureSpace(height);
      this.textBox(label, this.styles.muted, this.left, this.y + 0.5, labelWidth - 8, { measured: labelSize });
      this.textBox(value, this.styles.bodyBold, this.left + labelWidth, this.y, valueWidth, { measured: valueSize });
      this.y += height + 4;
    }
  }

  /**
   * One line of text that never wraps and never starts a page, for page headers and footers
   * (which sit in the margins, where pdfkit's wrapper would otherwise add a page). Text too wide
   * for `width` is shortened with an ellipsis.
   */
  textLine(text: string, style: TextStyle, x: number, y: number, width: number, align: TextAlign = 'left'): void {
    let line = text;
    while (line.length > 1 && this.widthOf(line, style) > width) line = `${line.slice(0, -2)}…`;
    const lineWidth = this.widthOf(line, style);
    this.use(style);
    this.doc.text(line, x + alignOffset(align, width, lineWidth), y, { lineBreak: false });
  }

  /** A small filled label with white text; returns its width. */
  badge(text: string, x: number, y: number, colour: string, style: TextStyle): number {
    const width = this.widthOf(text, style) + 8;
    const height = this.lineHeight(style) - style.lineGap + 2;
    this.doc.roundedRect(x, y, width, height, 2).fill(colour);
    this.textBox(text, { ...style, colour: '#ffffff' }, x + 4, y + 1, width);
    return width;
  }

  /** A hairline across the content width at the cursor. */
  rule(colour = this.colours.border): void {
    this.doc
      .moveTo(this.left, this.y)
      .lineTo(this.right, this.y)
      .lineWidth(0.5)
      .strokeColor(colour)
      .stroke();
  }

  fillRect(x: number, y: number, width: number, height: number, colour: string): void {
    this.doc.rect(x, y, width, height).fill(colour);
  }
}

/** Where a line `textWidth` wide starts in a box `width` wide. */
function alignOffset(align: TextAlign, width: number, textWidth: number): number {
  if (align === 'right') return width - textWidth;
  if (align === 'center') return (width - textWidth) / 2;
  return 0;
}
