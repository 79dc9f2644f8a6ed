/**
 * Memory management pdfkit does not offer publicly, so that a report of thousands of pages
 * renders in a few hundred megabytes. "Page X of Y" footers need `bufferPages: true`, which keeps
 * every page until the document ends, and pdfkit keeps, per page:
 *
 * - its content stream uncompressed, as one small Uint8Array per drawing operator (about ten
 *   times the bytes they hold: a 2,000-page report measured 1.1 GB);
 * - in each font, the laid-out glyph runs of every distinct line of text drawn so far.
 *
 * Everything here reaches into pdfkit internals (`page.content`, `page.dictionary.data.Contents`,
 * `doc.ref()`, `doc._fontFamilies[*].layoutCache`), which have been stable since pdfkit's early
 * releases. Each step checks that what it touches looks as expected and otherwise does nothing:
 * the output stays correct, only the memory saving is lost.
 */

/**
 * How many pages share a layout cache. pdfkit's line wrapper measures CJK text character by
 * character, so an empty cache makes text slow again: clearing it on every page tripled the
 * render time. Never clearing it let a 3,500-pilot report with distinct text grow past 1.2 GB.
 */
const PAGES_PER_LAYOUT_CACHE = 50;

interface ContentStream {
  write(chunk: string): void;
  end(): void;
  buffer?: unknown;
}

interface PageInternals {
  content?: ContentStream;
  dictionary?: { data?: { Contents?: unknown } };
}

interface DocumentInternals {
  ref?: () => ContentStream;
  _fontFamilies?: Record<string, { layoutCache?: unknown }>;
}

/**
 * Once a page is finished (the next one is added), compresses and writes out what was drawn on
 * it, leaving the page a second, empty content stream for what comes later (its footer) — a PDF
 * page may list several content streams, read as one. Every few pages it also forgets the fonts'
 * cached layouts, which help within a page (text is measured, then drawn) but would otherwise
 * grow with every distinct line in the report.
 */
export class PageMemory {
  private pagesSinceCacheCleared = 0;
  private previous: PDFKit.PDFPage | undefined;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    doc.on('pageAdded', () => {
      if (this.previous) writeOutContent(doc, this.previous);
      this.previous = doc.page;
      this.pageDone();
    });
  }

  /** After drawing again on a buffered page (switchToPage): joins the new chunks into one buffer. */
  revisitDone(page: PDFKit.PDFPage): void {
    const content = (page as unknown as PageInternals).content;
    if (content && Array.isArray(content.buffer) && content.buffer.length > 1) {
      content.buffer = [Buffer.concat(content.buffer as Uint8Array[])];
    }
    this.pageDone();
  }

  private pageDone(): void {
    this.pagesSinceCacheCleared += 1;
    if (this.pagesSinceCacheCleared === PAGES_PER_LAYOUT_CACHE) {
      clearFontLayoutCaches(this.doc);
      this.pagesSinceCacheCleared = 0;
    }
  }
}

function writeOutContent(doc: PDFKit.PDFDocument, page: PDFKit.PDFPage): void {
  const { ref } = doc as unknown as DocumentInternals;
  const internals = page as unknown as PageInternals;
  const drawn = internals.content;
  const pageData = internals.dictionary?.data;
  if (typeof ref !== 'function' || !drawn || !pageData || pageData.Contents !== drawn) return;
  const later = ref.call(doc);
  // A blank line keeps the stream valid even if nothing more is drawn on the page.
  later.write('');
  internals.content = later;
  pageData.Contents = [drawn, later];
  drawn.end();
}

function clearFontLayoutCaches(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as DocumentInternals)._fontFamilies ?? {};
  for (const font of Object.values(families)) {
    if (typeof font.layoutCache === 'object' && font.layoutCache !== null) font.layoutCache = Object.create(null);
  }
}
