import { Injectable } from '@nestjs/common';
import { loadPdfFonts, type PdfFonts } from '../pdf/fonts.js';
import type { SummaryData } from '../pdf/summary-data.js';
import { renderSummaryPdf } from '../pdf/summary-renderer.js';
import { loadSummaryTemplate, type SummaryTemplate } from '../pdf/template.js';

/** Holds the parsed font and template for the life of the process (parsing them per PDF is slow). */
@Injectable()
export class SummaryRendererService {
  private resources: { fonts: PdfFonts; template: SummaryTemplate } | null = null;

  render(data: SummaryData, onProgress?: (percent: number) => void | Promise<void>): Promise<{ bytes: Buffer; pageCount: number }> {
    this.resources ??= { fonts: loadPdfFonts(), template: loadSummaryTemplate() };
    return renderSummaryPdf(data, this.resources.template, this.resources.fonts, { onProgress });
  }
}
