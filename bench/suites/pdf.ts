import { join } from 'node:path';
import { loadPdfFonts } from '../../src/pdf/fonts.js';
import { renderSummaryPdf } from '../../src/pdf/summary-renderer.js';
import { loadSummaryTemplate } from '../../src/pdf/template.js';
import { buildSummaryFixture } from '../../src/pdf/testing/summary-fixture.js';
import { renderFloorPdf } from '../baseline/pdf-floor.js';
import { runNode } from '../lib/processes.js';
import type { BenchContext, BenchResult, Suite } from '../lib/results.js';
import { median, round } from '../lib/stats.js';
import type { PdfChildResult } from './pdf-child.js';

const TASKS = 20;
const MB = 1_000_000;

/** Renders the 35-pilot report in this process, product and floor alternating, with the same parsed fonts. */
async function smallReport(context: BenchContext): Promise<BenchResult> {
  // A render takes well under a second, so a few more runs steady the medians cheaply.
  const runs = context.smoke ? 1 : 9;
  const fonts = loadPdfFonts();
  const template = loadSummaryTemplate();
  const data = buildSummaryFixture({ language: 'zh', pilotCount: 35, tasksPerPilot: TASKS });
  const product: number[] = [];
  const floor: number[] = [];
  let pages = { productPages: 0, floorPages: 0, productBytes: 0 };
  for (let run = -1; run < runs; run += 1) {
    let started = performance.now();
    const rendered = await renderSummaryPdf(data, template, fonts);
    const productMs = performance.now() - started;
    started = performance.now();
    const bare = await renderFloorPdf(data, template, fonts);
    const floorMs = performance.now() - started;
    pages = { productPages: rendered.pageCount, floorPages: bare.pageCount, productBytes: rendered.bytes.length };
    // Run -1 warms up (JIT, glyph caches in the shared font objects) for both.
    if (run >= 0) {
      product.push(productMs);
      floor.push(floorMs);
    }
  }
  const productMs = median(product);
  const floorMs = median(floor);
  const ratio = productMs / floorMs;
  return {
    id: 'pdf-35',
    title: `summary PDF, 35 pilots × ${TASKS} tasks`,
    product: `${round(productMs / 1000, 2)} s (${pages.productPages} pages, ${round(pages.productBytes / MB, 1)} MB)`,
    floor: `${round(floorMs / 1000, 2)} s (${pages.floorPages} pages)`,
    ratio: round(ratio, 2),
    ratioOf: 'render time, product ÷ bare pdfkit',
    target: '≤ 1.5× floor; < 3 s',
    met: context.smoke ? null : ratio <= 1.5 && productMs < 3000,
    figures: { productMs: round(productMs), floorMs: round(floorMs), productRunsMs: product.map((t) => round(t)), floorRunsMs: floor.map((t) => round(t)), ...pages },
    notes: ['same SummaryData fixture, template and parsed font objects; the floor draws no charts'],
  };
}

async function child(renderer: 'product' | 'floor', pilots: number, profileDir: string | undefined): Promise<PdfChildResult> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `pdf-${renderer}-${pilots}.cpuprofile`] : [];
  const script = join(process.cwd(), 'bench/dist/bench/suites/pdf-child.js');
  const output = await runNode([...profile, script, '--renderer', renderer, '--pilots', String(pilots), '--tasks', String(TASKS)]);
  return JSON.parse(output.trim().split('\n').pop()!) as PdfChildResult;
}

/** The national-scale report, each render in a fresh child process so its peak memory is its own. */
async function largeReport(context: BenchContext): Promise<BenchResult> {
  const pilots = context.smoke ? 200 : 3500;
  // A national-scale render takes about a minute: two of the product, one of the floor (which
  // holds every page uncompressed and takes longer) keep the whole run within ten minutes.
  const runs = context.smoke ? 1 : 2;
  const product: PdfChildResult[] = [];
  const floor: PdfChildResult[] = [];
  for (let run = 0; run < runs; run += 1) {
    product.push(await child('product', pilots, context.profileDir));
    if (run === 0) floor.push(await child('floor', pilots, context.profileDir));
    context.log(`  ${pilots} pilots run ${run + 1}/${runs}: product ${round(product[run].ms / 1000, 1)} s${run === 0 ? `, floor ${round(floor[0].ms / 1000, 1)} s` : ''}`);
  }
  const seconds = (results: PdfChildResult[]) => median(results.map((r) => r.ms)) / 1000;
  const rss = (results: PdfChildResult[]) => Math.max(...results.map((r) => r.peakRssBytes)) / MB;
  const ratio = seconds(product) / seconds(floor);
  return {
    id: 'pdf-3500',
    title: `summary PDF, ${pilots.toLocaleString('en-US')} pilots × ${TASKS} tasks`,
    product: `${round(seconds(product), 1)} s, peak RSS ${Math.round(rss(product))} MB (${product[0].pages} pages, ${round(product[0].bytes / MB, 1)} MB)`,
    floor: `${round(seconds(floor), 1)} s, peak RSS ${Math.round(rss(floor))} MB (${floor[0].pages} pages)`,
    ratio: round(ratio, 2),
    ratioOf: 'render time, product ÷ bare pdfkit',
    target: '< 120 s; peak RSS < 600 MB',
    met: context.smoke ? null : seconds(product) < 120 && rss(product) < 600,
    figures: {
      productSeconds: round(seconds(product), 2),
      floorSeconds: round(seconds(floor), 2),
      productPeakRssMB: Math.round(rss(product)),
      floorPeakRssMB: Math.round(rss(floor)),
      productRunsSeconds: product.map((r) => round(r.ms / 1000, 2)),
      floorRunsSeconds: floor.map((r) => round(r.ms / 1000, 2)),
      productPages: product[0].pages,
      floorPages: floor[0].pages,
    },
    notes: [`each render in its own child process (peak RSS = whole process: fonts, fixture, PDF); product ${runs} run(s), floor 1`],
  };
}

export const pdfSuite: Suite = {
  id: 'pdf',
  async run(context: BenchContext): Promise<BenchResult[]> {
    return [await smallReport(context), await largeReport(context)];
  },
};
