/**
 * `npm run bench` runs every benchmark at full scale (3,500 pilots × 30 tasks × 28 periods);
 * `npm run bench -- --smoke` runs each once at a small scale in seconds. Options:
 *   --only report-write,pdf,aggregation,overdue,submit-visible   a subset of the suites
 *   --profile   V8 CPU profiles of the servers and renderers in bench/results/profiles/
 * Prints the results table and writes bench/results/latest.json (and, for a complete run,
 * smoke.json or full.json).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATABASE_URL, connect, databaseName, withDatabaseName, type SeedShape } from './lib/db.js';
import { RESULTS_DIR } from './lib/processes.js';
import { resultsTable, writeResults, type BenchContext, type BenchResult, type Suite } from './lib/results.js';
import { ensureBenchDatabase } from './seed.js';
import { aggregationSuite } from './suites/aggregation.js';
import { overdueSuite } from './suites/overdue.js';
import { pdfSuite } from './suites/pdf.js';
import { reportWriteSuite } from './suites/report-write.js';
import { submitVisibleSuite } from './suites/submit-visible.js';

const SUITES: Suite[] = [reportWriteSuite, submitVisibleSuite, aggregationSuite, overdueSuite, pdfSuite];

const FULL: SeedShape = { pilots: 3500, tasks: 30, periods: 28 };
const SMOKE: SeedShape = { pilots: 35, tasks: 30, periods: 8 };

async function postgresVersion(url: string): Promise<string> {
  const db = await connect(url);
  try {
    return (await db.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' }, profile: { type: 'boolean', default: false } },
  });
  const started = performance.now();
  const log = (line: string) => console.log(line);
  const smoke = values.smoke;
  const url = smoke ? withDatabaseName(BENCH_DATABASE_URL, `${databaseName(BENCH_DATABASE_URL)}_smoke`) : BENCH_DATABASE_URL;
  const only = values.only?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !SUITES.some((suite) => suite.id === id)) ?? [];
  if (unknown.length) throw new Error(`Unknown suite(s) ${unknown.join(', ')}; known: ${SUITES.map((s) => s.id).join(', ')}`);

  const seed = await ensureBenchDatabase(url, smoke ? SMOKE : FULL, log);
  const profileDir = values.profile ? join(RESULTS_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-')) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const context: BenchContext = { smoke, databaseUrl: url, seed, profileDir, log };

  const results: BenchResult[] = [];
  let failed = false;
  for (const suite of SUITES.filter((s) => !only || only.includes(s.id))) {
    const load = loadavg()[0];
    log(`\n▶ ${suite.id} (load average ${load.toFixed(1)})`);
    const suiteStarted = performance.now();
    try {
      const suiteResults = await suite.run(context);
      for (const result of suiteResults) result.figures.loadAverageAtStart = Math.round(load * 100) / 100;
      results.push(...suiteResults);
      for (const result of suiteResults) log(`  ${result.title}: ${result.product}${result.floor ? ` | floor ${result.floor}` : ''}`);
    } catch (error) {
      failed = true;
      console.error(`  ${suite.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    log(`  (${((performance.now() - suiteStarted) / 1000).toFixed(1)} s)`);
  }

  const seconds = Math.round((performance.now() - started) / 1000);
  log(`\n${resultsTable(results)}\n`);
  const path = writeResults('latest.json', { smoke, seed, postgres: await postgresVersion(url), seconds }, results);
  // A complete run is also kept by mode, so a smoke run or a partial one does not replace the last full run.
  if (!only) copyFileSync(path, join(RESULTS_DIR, smoke ? 'smoke.json' : 'full.json'));
  log(`${results.length} results in ${seconds} s → ${path}${profileDir ? `; CPU profiles in ${profileDir}` : ''}`);
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
