import { fillLabel } from './format.js';
import type { ReportCanvas } from './pdf-layout.js';
import type { TemplateLabels } from './template.js';

export interface PageFurniture {
  readonly labels: TemplateLabels;
  /** Right-hand side of the running header (the period). */
  readonly headerNote: string;
  /** Zero-based pages that get no running header (the cover). */
  readonly pagesWithoutHeader: ReadonlySet<number>;
}

/**
 * Writes the running header and the "page X of Y" footer on the current page (zero-based
 * `pageIndex` of `pageCount`). Both sit inside the page margins, clear of the content box.
 */
export function drawPageFurniture(canvas: ReportCanvas, furniture: PageFurniture, pageIndex: number, pageCount: number): void {
  const { doc, styles } = canvas;
  const { margins, height } = doc.page;
  if (!furniture.pagesWithoutHeader.has(pageIndex)) {
    const headerY = margins.top - 14 - canvas.lineHeight(styles.pageFurniture);
    const halfWidth = canvas.width / 2;
    canvas.textLine(furniture.labels.coverTitle, styles.pageFurniture, canvas.left, headerY, halfWidth);
    canvas.textLine(furniture.headerNote, styles.pageFurniture, canvas.left + halfWidth, headerY, halfWidth, 'right');
    canvas.y = margins.top - 10;
    canvas.rule();
  }
  const footer = fillLabel(furniture.labels.pageFooter, { page: pageIndex + 1, pages: pageCount });
  canvas.textLine(footer, styles.pageFurniture, canvas.left, height - margins.bottom + 20, canvas.width, 'center');
}
