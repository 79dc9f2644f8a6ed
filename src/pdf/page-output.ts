/**
 * Writes each page's drawing out as soon as the page is finished, although the document buffers
 * its pages. "Page X of Y" footers need `bufferPages: true`, which keeps every page until the
 * end; pdfkit holds a page's content uncompressed, as one small array per drawing operator, so a
 * 10,000-page report kept well over 1 GB. Instead, when a page is finished its content stream is
 * ended (compressed and written to the output) and the page gets a second, empty content stream
 * for what is drawn later — the footer. A PDF page may list several content streams; they are
 * read as one.
 *
 * pdfkit has no public API for this. It relies on `page.content` being the page's stream and
 * `page.dictionary.data.Contents` pointing at it, as they have since pdfkit's first releases; if
 * that ever changes, pages are simply left buffered as before and the output stays correct.
 */
export function writeOutFinishedPages(doc: PDFKit.PDFDocument): void {
  let previous: PDFKit.PDFPage | undefined;
  doc.on('pageAdded', () => {
    if (previous) writeOutContent(doc, previous);
    previous = doc.page;
  });
}

interface ContentStream {
  write(chunk: string): void;
  end(): void;
}

interface PageInternals {
  content: ContentStream;
  dictionary: { data: { Contents?: unknown } };
}

function writeOutContent(doc: PDFKit.PDFDocument, page: PDFKit.PDFPage): void {
  const internals = page as unknown as PageInternals;
  const drawn = internals.content;
  if (internals.dictionary.data.Contents !== drawn) return;
  const later = (doc as unknown as { ref(): ContentStream }).ref();
  // A blank line keeps the stream valid even if nothing more is drawn on the page.
  later.write('');
  internals.content = later;
  internals.dictionary.data.Contents = [drawn, later];
  drawn.end();
}
