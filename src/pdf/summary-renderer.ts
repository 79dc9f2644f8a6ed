import PDFDocument from 'pdfkit';
import { ByteCollector } from './byte-collector.js';
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
import type { SectionId, SummaryTemplate, TemplateLabels } from './template.js';

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
  const doc = createDocument(data, template, labels);
  const bytes = collectBytes(doc);
  registerPdfFonts(doc, fonts);
  const pageMemory = new PageMemory(doc);
  const canvas = new ReportCanvas(doc, template.colours);
  const progress = new RenderProgress(options.onProgress, data.pilots.length);
  const pilotDrawn = async (drawn: number): Promise<void> => {
    if (drawn % PILOTS_PER_YIELD === 0) await yieldToEventLoop();
    await progress.pilotsDrawn(drawn);
  };

  await progress.start();
  const coverPages = new Set<number>();
  for (const section of template.sections) {
    canvas.startPage();
    const firstPage = doc.bufferedPageRange().count - 1;
    const bookmark = doc.outline.addItem(labels.sectionTitles[section]);
    await SECTION_RENDERERS[section]({ canvas, data, labels, colours: template.colours, bookmark, pilotDrawn });
    // The cover carries no running header.
    if (section === 'cover') {
      for (let page = firstPage; page < doc.bufferedPageRange().count; page += 1) coverPages.add(page);
    }
    await yieldToEventLoop();
  }

  // Only now is the page count known: revisit every page for its header and footer.
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

function createDocument(data: SummaryData, template: SummaryTemplate, labels: TemplateLabels): PDFKit.PDFDocument {
  const generatedAt = new Date(data.generatedAt);
  return new PDFDocument({
    size: template.page.size,
    margins: { ...template.page.margins },
    // Pages stay open until the end, for "page X of Y" (see PageMemory for what that costs).
    bufferPages: true,
    autoFirstPage: false,
    lang: data.language === 'zh' ? 'zh-CN' : 'en',
    displayTitle: true,
    // No clock: pdfkit derives the file identifier from this dictionary, so it is stable too.
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
}

/** The document's output, as one buffer once it has all been written. */
function collectBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const output = new ByteCollector();
    doc.on('data', (chunk: Uint8Array) => output.append(chunk));
    doc.on('end', () => resolve(output.toBuffer()));
    doc.on('error', reject);
  });
}
