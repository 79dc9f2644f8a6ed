/**
 * Renders the summary-PDF fixture and reports time and peak memory, to look at the output and
 * to check the renderer's budget (35 pilots well under 3 s; 3,500 pilots under 120 s, < 600 MB).
 *
 *   npx tsc -p tsconfig.json --outDir /tmp/pdf-bench
 *   NODE_PATH=$PWD/node_modules node /tmp/pdf-bench/bench/pdf-sample.js [--pilots 35] [--tasks 20] [--languages zh,en] [--out /tmp/summary]
 *
 * Writes <out>-<language>.pdf; run from the repository root (fonts, templates and pilot data are
 * found from the working directory).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadPdfFonts } from '../src/pdf/fonts.js';
import { renderSummaryPdf } from '../src/pdf/summary-renderer.js';
import type { SummaryLanguage } from '../src/pdf/summary-data.js';
import { loadSummaryTemplate } from '../src/pdf/template.js';
import { buildSummaryFixture } from '../src/pdf/testing/summary-fixture.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pilots: { type: 'string', default: '35' },
      tasks: { type: 'string', default: '20' },
      languages: { type: 'string', default: 'zh,en' },
      out: { type: 'string', default: '/tmp/summary' },
    },
  });
  const pilotCount = Number(values.pilots);
  const tasksPerPilot = Number(values.tasks);

  let started = performance.now();
  const fonts = loadPdfFonts();
  const template = loadSummaryTemplate();
  console.log(`fonts and template loaded in ${Math.round(performance.now() - started)} ms`);

  for (const language of values.languages.split(',') as SummaryLanguage[]) {
    const data = buildSummaryFixture({ language, pilotCount, tasksPerPilot });
    started = performance.now();
    const { bytes, pageCount } = await renderSummaryPdf(data, template, fonts);
    const seconds = (performance.now() - started) / 1000;
    const file = `${values.out}-${language}.pdf`;
    writeFileSync(file, bytes);
    console.log(
      `${language}: ${pilotCount} pilots × ${tasksPerPilot} tasks → ${pageCount} pages, ` +
        `${(bytes.length / 1024 / 1024).toFixed(1)} MiB in ${seconds.toFixed(2)} s → ${file}`,
    );
  }
  // maxRSS is the process's peak resident set in KiB, fonts and fixture data included.
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
