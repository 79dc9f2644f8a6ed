import PDFDocument from 'pdfkit';
import { PDF_FONT_NAMES, registerPdfFonts, type PdfFonts } from '../../src/pdf/fonts.js';
import { fillLabel, formatInstant, formatNumber, formatPercent, localName, NO_VALUE } from '../../src/pdf/format.js';
import type { SummaryData } from '../../src/pdf/summary-data.js';
import type { SummaryTemplate } from '../../src/pdf/template.js';

/**
 * The floor for the summary PDF: bare pdfkit drawing the same text and tables from the same
 * SummaryData, with the same registered font objects, page size, margins and "page X of Y"
 * footers (so `bufferPages` too) — but no layout layer, no charts, no memory management. Cells
 * that fit on one line are placed directly; only the others go through pdfkit's line wrapper.
 */

type Align = 'left' | 'right';
interface Column {
  header: string;
  weight: number;
  align?: Align;
}

const CELL_SIZE = 7.5;
const BODY_SIZE = 9;
const PAD = 4;

class Page {
  constructor(readonly doc: PDFKit.PDFDocument) {}

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  font(bold: boolean, size: number): this {
    this.doc.font(PDF_FONT_NAMES[bold ? 'bold' : 'regular']).fontSize(size);
    return this;
  }

  /** A paragraph across the page, flowing onto the next page as pdfkit does by itself. */
  text(text: string, size = BODY_SIZE, bold = false): void {
    if (this.doc.y + 2 * size > this.bottom) this.doc.addPage();
    this.font(bold, size).doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 2 });
  }

  heading(text: string, size: number): void {
    if (this.doc.y + 60 > this.bottom) this.doc.addPage();
    this.doc.moveDown(0.5);
    this.text(text, size, true);
    this.doc.moveDown(0.3);
  }

  /** Height of a cell: one line when it fits, else what the line wrapper needs. */
  private cellHeight(text: string, width: number): number {
    if (this.doc.widthOfString(text) <= width) return this.doc.currentLineHeight(true);
    return this.doc.heightOfString(text, { width, lineGap: 1 });
  }

  table(columns: readonly Column[], rows: readonly (readonly string[])[]): void {
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (this.width * c.weight) / total - 2 * PAD);
    const drawRow = (cells: readonly string[], bold: boolean) => {
      this.font(bold, CELL_SIZE);
      const height = Math.max(...cells.map((cell, i) => this.cellHeight(cell, widths[i]))) + 2 * PAD;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!bold) drawRow(columns.map((c) => c.header), true);
        this.font(bold, CELL_SIZE);
      }
      const top = this.doc.y;
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = widths[i];
        if (this.doc.widthOfString(cell) <= width) {
          const offset = columns[i].align === 'right' ? width - this.doc.widthOfString(cell) : 0;
          this.doc.text(cell, x + PAD + offset, top + PAD, { lineBreak: false });
        } else {
          this.doc.text(cell, x + PAD, top + PAD, { width, lineGap: 1, height: height - 2 * PAD, ellipsis: true });
        }
        x += width + 2 * PAD;
      });
      this.doc.moveTo(this.left, top + height).lineTo(this.left + this.width, top + height).lineWidth(0.5).stroke('#d1d5db');
      this.doc.y = top + height;
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.doc.x = this.left;
    this.doc.moveDown(0.5);
  }
}

export async function renderFloorPdf(data: SummaryData, template: SummaryTemplate, fonts: PdfFonts): Promise<{ bytes: Buffer; pageCount: number }> {
  const labels = template.labels[data.language];
  const name = (zh: string, en: string) => localName(data.language, zh, en);
  const doc = new PDFDocument({
    size: template.page.size,
    margins: { ...template.page.margins },
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: `${labels.coverTitle} ${data.period.label}`, CreationDate: new Date(data.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerPdfFonts(doc, fonts);
  const page = new Page(doc);
  const { columns } = labels;

  // Cover
  doc.addPage();
  page.heading(labels.coverTitle, 24);
  page.text(`${labels.periodLabel} ${data.period.label} · ${fillLabel(labels.periodDates, { start: data.period.startDate, end: data.period.endDate })}`);
  page.text(`${labels.dueDate} ${data.period.dueDate} · ${labels.asOf} ${data.asOf}`);
  page.text(`${labels.generatedAt} ${formatInstant(data.generatedAt, data.timezone)} · ${labels.summaryId} ${data.summaryId}`);

  // Overview: the key figures and both tables
  doc.addPage();
  const overview = data.overview;
  page.heading(labels.sectionTitles.overview, 16);
  page.text(
    [
      `${labels.metrics.expected} ${overview.expected}`,
      `${labels.metrics.received} ${overview.received}`,
      `${labels.metrics.accepted} ${overview.accepted}`,
      `${labels.metrics.missing} ${overview.missing}`,
      `${labels.metrics.completeness} ${formatPercent(overview.completeness)}`,
      `${labels.metrics.timeliness} ${formatPercent(overview.timeliness)}`,
      `${labels.metrics.milestones} ${overview.milestones.completed} / ${overview.milestones.due}`,
    ].join(' · '),
  );
  page.heading(labels.byCategoryHeading, 10.5);
  page.table(
    [{ header: columns.category, weight: 2.2 }, { header: columns.tasks, weight: 1, align: 'right' }, { header: columns.completed, weight: 1, align: 'right' }, { header: columns.milestones, weight: 1.6, align: 'right' }],
    overview.byCategory.map((c) => [labels.categories[c.category], String(c.tasks), String(c.completed), `${c.milestonesCompleted} / ${c.milestonesDue}`]),
  );
  page.heading(labels.byProvinceHeading, 10.5);
  page.table(
    [{ header: columns.province, weight: 2.2 }, { header: columns.expected, weight: 1, align: 'right' }, { header: columns.received, weight: 1, align: 'right' }, { header: columns.completeness, weight: 1.3, align: 'right' }, { header: columns.timeliness, weight: 1.3, align: 'right' }],
    overview.byProvince.map((p) => [name(p.provinceZh, p.provinceEn), String(p.expected), String(p.received), formatPercent(p.completeness), formatPercent(p.timeliness)]),
  );

  // Overdue items
  doc.addPage();
  page.heading(labels.sectionTitles.overdue, 16);
  page.text(fillLabel(labels.overdueIntro, { asOf: data.asOf, count: data.overdue.length }));
  page.table(
    [{ header: columns.type, weight: 0.8 }, { header: columns.pilot, weight: 2 }, { header: columns.title, weight: 3.4 }, { header: columns.dueDate, weight: 1.1 }, { header: columns.daysOverdue, weight: 1, align: 'right' }],
    data.overdue.map((o) => [labels.overdueTypes[o.type], name(o.pilotNameZh, o.pilotNameEn), o.taskCode ? `${o.taskCode} ${o.title}` : o.title, o.dueDate, String(o.daysOverdue)]),
  );

  // One part per pilot
  const outline = doc.outline.addItem(labels.sectionTitles.pilots);
  for (const [index, pilot] of data.pilots.entries()) {
    doc.addPage();
    outline.addItem(name(pilot.nameZh, pilot.nameEn));
    page.heading(name(pilot.nameZh, pilot.nameEn), 14);
    page.text(fillLabel(labels.pilotMeta, { kind: labels.pilotKinds[pilot.kind], province: name(pilot.provinceZh, pilot.provinceEn), code: pilot.code }), 8.5);
    const report = pilot.report;
    page.text(
      report === null
        ? `${labels.notSubmitted} ${labels.notSubmittedNote}`
        : `${labels.reportStatuses[report.status]} · ${fillLabel(labels.revision, { revision: report.revision })}` +
            (report.submittedAt ? ` · ${labels.submittedAt} ${formatInstant(report.submittedAt, data.timezone)} · ${report.onTime ? labels.submittedOnTime : labels.submittedLate}` : ''),
      BODY_SIZE,
      true,
    );
    page.heading(`${labels.tasksHeading} (${pilot.tasks.length})`, 10.5);
    page.table(
      [{ header: columns.code, weight: 0.8 }, { header: columns.task, weight: 3.3 }, { header: columns.category, weight: 1 }, { header: columns.status, weight: 1.15 }, { header: columns.percentComplete, weight: 0.9, align: 'right' }, { header: columns.milestones, weight: 1.1, align: 'right' }],
      pilot.tasks.map((t) => [
        t.code,
        t.title,
        labels.categories[t.category],
        t.status === null ? labels.notReported : labels.taskStatuses[t.status],
        t.percentComplete === null ? NO_VALUE : `${t.percentComplete}%`,
        `${t.milestonesCompleted} / ${t.milestonesDue}`,
      ]),
    );
    if (pilot.indicators.length) {
      page.heading(labels.indicatorsHeading, 10.5);
      page.table(
        [{ header: columns.indicator, weight: 2.6 }, { header: columns.unit, weight: 1 }, { header: columns.baseline, weight: 1.2, align: 'right' }, { header: columns.latestValue, weight: 1, align: 'right' }, { header: columns.target, weight: 1.3, align: 'right' }, { header: columns.progress, weight: 1, align: 'right' }],
        pilot.indicators.map((i) => [
          `${i.taskCode} ${i.name}`,
          i.unit,
          formatNumber(i.baseline),
          i.latestValue === null ? NO_VALUE : formatNumber(i.latestValue),
          formatNumber(i.target),
          i.progress === null ? NO_VALUE : formatPercent(i.progress),
        ]),
      );
    }
    if (report?.summary) {
      page.heading(labels.summaryHeading, 10.5);
      page.text(report.summary);
    }
    const narrated = pilot.tasks.filter((t) => t.narrative);
    if (narrated.length) page.heading(labels.narrativesHeading, 10.5);
    for (const task of narrated) {
      page.text(`${task.code} ${task.title}`, BODY_SIZE, true);
      page.text(task.narrative ?? '');
    }
    if (report?.reviews.length) page.heading(labels.reviewsHeading, 10.5);
    for (const review of report?.reviews ?? []) {
      page.text(`${formatInstant(review.at, data.timezone)} · ${labels.reviewDecisions[review.decision]}`, BODY_SIZE, true);
      page.text(review.note ?? labels.reviewNoNote);
    }
    if (pilot.attachments.length) page.heading(labels.attachmentsHeading, 10.5);
    for (const file of pilot.attachments) page.text(`•  ${file}`);
    // Long synchronous work yields now and then, as the product's renderer does.
    if (index % 5 === 4) await new Promise((resolve) => setImmediate(resolve));
  }

  // Experiences
  doc.addPage();
  page.heading(labels.sectionTitles.experiences, 16);
  page.text(data.experiences.length ? labels.experiencesIntro : labels.experiencesNone, 8.5);
  for (const entry of data.experiences) {
    page.text(`${entry.title}${entry.recommended ? ` · ${labels.recommended}` : ''}`, BODY_SIZE, true);
    page.text(`${name(entry.pilotNameZh, entry.pilotNameEn)} · ${entry.tags.join(', ')}`, 8.5);
    page.text(entry.summary);
  }

  // "Page X of Y" on every page, once the page count is known
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(index);
    const footer = fillLabel(labels.pageFooter, { page: index + 1, pages: range.count });
    const x = page.left + (page.width - page.font(false, 7.5).doc.widthOfString(footer)) / 2;
    doc.text(footer, x, doc.page.height - doc.page.margins.bottom + 20, { lineBreak: false });
  }
  doc.end();
  return { bytes: await ended, pageCount: range.count };
}
