/**
 * Renders one summary PDF in a process of its own and prints one JSON line with the time and the
 * process's peak resident memory, so the large-report benchmark measures memory per renderer:
 *   node bench/dist/bench/suites/pdf-child.js --renderer product|floor --pilots 3500 --tasks 20
 */
import { parseArgs } from 'node:util';
import { loadPdfFonts } from '../../src/pdf/fonts.js';
import type { SummaryLanguage } from '../../src/pdf/summary-data.js';
import { renderSummaryPdf } from '../../src/pdf/summary-renderer.js';
import { loadSummaryTemplate } from '../../src/pdf/template.js';
import { buildSummaryFixture } from '../../src/pdf/testing/summary-fixture.js';
import { renderFloorPdf } from '../baseline/pdf-floor.js';

export interface PdfChildResult {
  renderer: 'product' | 'floor';
  ms: number;
  pages: number;
  bytes: number;
  /** Peak resident set of the whole process (fonts, fixture and PDF), in bytes. */
  peakRssBytes: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      renderer: { type: 'string', default: 'product' },
      pilots: { type: 'string', default: '3500' },
      tasks: { type: 'string', default: '20' },
      language: { type: 'string', default: 'zh' },
    },
  });
  const renderer = values.renderer === 'floor' ? 'floor' : 'product';
  const fonts = loadPdfFonts();
  const template = loadSummaryTemplate();
  const data = buildSummaryFixture({
    language: values.language as SummaryLanguage,
    pilotCount: Number(values.pilots),
    tasksPerPilot: Number(values.tasks),
  });
  const started = performance.now();
  const { bytes, pageCount } =
    renderer === 'floor' ? await renderFloorPdf(data, template, fonts) : await renderSummaryPdf(data, template, fonts);
  const result: PdfChildResult = {
    renderer,
    ms: performance.now() - started,
    pages: pageCount,
    bytes: bytes.length,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
