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
 * Writes the running header and "page X of Y" footer on every buffered page, once the page
 * count is known. Both sit inside the page margins, clear of the content box.
 */
export function drawPageFurniture(canvas: ReportCanvas, { labels, headerNote, pagesWithoutHeader }: PageFurniture): void {
  const { doc, styles } = canvas;
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { margins, height } = doc.page;
    const furnitureHeight = canvas.lineHeight(styles.pageFurniture);
    if (!pagesWithoutHeader.has(index)) {
      const headerY = margins.top - 14 - furnitureHeight;
      const halfWidth = canvas.width / 2;
      canvas.textLine(labels.coverTitle, styles.pageFurniture, canvas.left, headerY, halfWidth);
      canvas.textLine(headerNote, styles.pageFurniture, canvas.left + halfWidth, headerY, halfWidth, 'right');
      canvas.y = margins.top - 10;
      canvas.rule();
    }
    const footer = fillLabel(labels.pageFooter, { page: index + 1, pages: count });
    canvas.textLine(footer, styles.pageFurniture, canvas.left, height - margins.bottom + 20, canvas.width, 'center');
  }
}
