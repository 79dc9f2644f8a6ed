import PDFDocument from 'pdfkit';
import { registerPdfFonts, type PdfFonts } from './fonts.js';
import { drawPageFurniture } from './page-furniture.js';
import { ReportCanvas } from './pdf-layout.js';
import { PageMemory } from './pdfkit-memory.js';
import { RenderProgress, yieldToEventLoop, type ProgressCallback } from './progress.js';
import { drawCover } from './sections/cover.js';
import { drawExperiences } from './sections/experiences.js';
import { drawOverdue } from './sections/overdue.js';
import { drawOverview } from './sections/overview.js';
import { drawPilots } from './sections/pilots.js';
import type { SectionRenderer } from './sections/section-context.js';
import type { SummaryData } from './summary-data.js';
import type { SectionId, SummaryTemplate } from './template.js';

export interface RenderSummaryOptions {
  /** Called with 0–100 as the pilot sections are drawn (awaited, so it may write to a queue). */
  onProgress?: ProgressCallback;
}

export interface RenderedSummary {
  bytes: Buffer;
  pageCount: number;
}

const SECTION_RENDERERS: Readonly<Record<SectionId, SectionRenderer>> = {
  cover: drawCover,
  overview: drawOverview,
  overdue: drawOverdue,
  pilots: drawPilots,
  experiences: drawExperiences,
};

/** Yielding after every few pilots keeps the event loop responsive without measurable cost. */
const PILOTS_PER_YIELD = 5;

/**
 * Turns summary data into PDF bytes: the template's sections in its order, in the language of
 * `data.language`, with an outline entry per section and per pilot and "page X of Y" on every
 * page. The same data, template and fonts always give the same bytes (no clock, no random ids).
 */
export async function renderSummaryPdf(
  data: SummaryData,
  template: SummaryTemplate,
  fonts: PdfFonts,
  options: RenderSummaryOptions = {},
): Promise<RenderedSummary> {
  const labels = template.labels[data.language];
  const generatedAt = new Date(data.generatedAt);
  const doc = new PDFDocument({
    size: template.page.size,
    margins: { ...template.page.margins },
    bufferPages: true,
    autoFirstPage: false,
    lang: data.language === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    // pdfkit derives the file identifier from this dictionary, so fixed dates make it stable too.
    info: {
      Title: `${labels.coverTitle} ${data.period.label}`,
      Author: labels.author,
      Subject: data.summaryId,
      Creator: labels.author,
      Producer: 'PDFKit',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const bytes = collectBytes(doc);
  registerPdfFonts(doc, fonts);
  const pageMemory = new PageMemory(doc);

  const canvas = new ReportCanvas(doc, template.colours);
  const progress = new RenderProgress(options.onProgress, data.pilots.length);
  const pilotDrawn = async (drawn: number): Promise<void> => {
    if (drawn % PILOTS_PER_YIELD === 0) await yieldToEventLoop();
    await progress.pilotsDrawn(drawn);
  };
  const coverPages = new Set<number>();

  await progress.start();
  for (const section of template.sections) {
    canvas.startPage();
    const firstPage = doc.bufferedPageRange().count - 1;
    const bookmark = doc.outline.addItem(labels.sectionTitles[section]);
    await SECTION_RENDERERS[section]({ canvas, data, labels, colours: template.colours, bookmark, pilotDrawn });
    if (section === 'cover') {
      for (let page = firstPage; page < doc.bufferedPageRange().count; page += 1) coverPages.add(page);
    }
    await yieldToEventLoop();
  }

  const furniture = { labels, headerNote: data.period.label, pagesWithoutHeader: coverPages };
  const pageCount = doc.bufferedPageRange().count;
  for (let pageIndex = 0; pageIndex < pageCount; pageIndex += 1) {
    doc.switchToPage(pageIndex);
    drawPageFurniture(canvas, furniture, pageIndex, pageCount);
    pageMemory.revisitDone(doc.page);
  }
  doc.end();
  const result = { bytes: await bytes, pageCount };
  await progress.finished();
  return result;
}

/** The document's output, joined into one buffer once it has all been written. */
function collectBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Chunks are copied: a compressed stream arrives as a small view of zlib's 16 KiB output
    // buffer, and keeping the views would keep every one of those buffers alive until the end.
    doc.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
