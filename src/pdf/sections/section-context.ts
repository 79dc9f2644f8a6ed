import type { ReportCanvas } from '../pdf-layout.js';
import type { SummaryData } from '../summary-data.js';
import type { TemplateColours, TemplateLabels } from '../template.js';

/** What every section renderer draws with. */
export interface SectionContext {
  readonly canvas: ReportCanvas;
  readonly data: SummaryData;
  /** The labels of the report's language. */
  readonly labels: TemplateLabels;
  readonly colours: TemplateColours;
  /** The section's outline entry, for entries below it (one per pilot). */
  readonly bookmark: PDFKit.PDFOutline;
  /**
   * Called after each pilot section with the number drawn so far: yields to the event loop now
   * and then (so a queue job can renew its lock) and reports progress.
   */
  readonly pilotDrawn: (pilotsDrawn: number) => Promise<void>;
}

/** Draws one section, starting at the top of a fresh page. */
export type SectionRenderer = (context: SectionContext) => void | Promise<void>;
