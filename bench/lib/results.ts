import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import type { SeedInfo } from './db.js';
import { RESULTS_DIR } from './processes.js';

/** One row of the results table: a product figure, the floor measured in the same run, their ratio, the target. */
export interface BenchResult {
  id: string;
  title: string;
  /** The product's figures in words, e.g. "410 req/s · p99 180 ms". */
  product: string;
  /** The floor's figures in words, or null when the benchmark has no floor. */
  floor: string | null;
  /** Product ÷ floor for the compared figure (see `ratioOf`). */
  ratio: number | null;
  ratioOf: string | null;
  target: string;
  /** Whether the target is met; null when not judged (smoke scale). */
  met: boolean | null;
  /** Every raw figure (milliseconds, MiB, requests per second) and per-run values. */
  figures: Record<string, number | number[] | string>;
  notes: string[];
}

export interface BenchContext {
  smoke: boolean;
  databaseUrl: string;
  seed: SeedInfo;
  /** Where child processes write V8 CPU profiles (`--profile`), or undefined. */
  profileDir: string | undefined;
  log(line: string): void;
}

export interface Suite {
  id: string;
  run(context: BenchContext): Promise<BenchResult[]>;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function machine(postgres: string) {
  return {
    /** Load averages (1, 5, 15 min) when the results were written: other work on the machine skews every figure. */
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.version,
    postgres,
  };
}

const met = (value: boolean | null) => (value === null ? '—' : value ? 'met' : 'MISSED');

/** The results as a Markdown table (printed, and pasted into bench/README.md). */
export function resultsTable(results: readonly BenchResult[]): string {
  const rows = [
    ['benchmark', 'product', 'floor', 'ratio', 'target', ''],
    ['---', '---', '---', '---:', '---', '---'],
    ...results.map((r) => [
      r.title,
      r.product,
      r.floor ?? '—',
      r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
      r.target,
      met(r.met),
    ]),
  ];
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function writeResults(file: string, context: { smoke: boolean; seed: SeedInfo; postgres: string; seconds: number }, results: BenchResult[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, file);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  writeFileSync(
    path,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        commit: git(['rev-parse', 'HEAD']),
        workingTreeDirty: dirty,
        mode: context.smoke ? 'smoke' : 'full',
        seconds: context.seconds,
        machine: machine(context.postgres),
        data: context.seed,
        results,
      },
      null,
      2,
    )}\n`,
  );
  return path;
}
