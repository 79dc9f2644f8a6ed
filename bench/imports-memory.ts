/**
 * Measures a national task import (ImportsService.importTasks) on a scratch database: wall
 * time and peak RSS of a fresh process that reads the xlsx file and imports it.
 *
 *   tsc -p tsconfig.build.json && tsc -p bench/tsconfig.json
 *   node bench/dist/bench/imports-memory.js [rows]     # default 105000 rows, 3,500 pilots
 *
 * The workbook is written with exceljs's streaming writer to a temp file (in a child process,
 * so that writing it does not count), the scratch database is migrated with
 * dist/src/cli/migrate.js and seeded with the pilots, then a child process imports the file
 * and reports; the scratch database is dropped at the end.
 */
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import type { JobQueue } from '../src/jobs/job-queue.service.js';
import { ImportsRepository } from '../src/imports/imports.repository.js';
import { ImportsService } from '../src/imports/imports.service.js';
import { TASK_LAYOUT } from '../src/imports/layouts.js';
import { bilingualHeader } from '../src/imports/sheet/layout.js';

const SERVER = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432';
const PILOTS = 3_500;
const MILESTONES_PER_TASK = 3;

const pilotCode = (p: number) => `P${String(p).padStart(5, '0')}`;

async function generate(file: string, rows: number): Promise<void> {
  const tasksPerPilot = Math.ceil(rows / PILOTS / MILESTONES_PER_TASK);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = writer.addWorksheet('tasks');
  const keys = Object.keys(TASK_LAYOUT) as (keyof typeof TASK_LAYOUT)[];
  sheet.columns = keys.map((key) => ({ key, style: TASK_LAYOUT[key].type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  sheet.addRow(keys.map((key) => bilingualHeader(TASK_LAYOUT[key].zh, key))).commit();
  let written = 0;
  for (let p = 0; p < PILOTS && written < rows; p++) {
    for (let t = 0; t < tasksPerPilot && written < rows; t++) {
      for (let m = 0; m < MILESTONES_PER_TASK && written < rows; m++, written++) {
        const first = m === 0;
        sheet
          .addRow({
            pilot_code: pilotCode(p),
            task_code: `T${String(t + 1).padStart(2, '0')}`,
            title: first ? `整县推进屋顶分布式光伏开发 任务 ${t + 1}` : null,
            category: first ? 'energy' : null,
            lead_unit: first ? '市发展改革委（能源局）' : null,
            start_date: first ? new Date(Date.UTC(2025, 0, 1)) : null,
            due_date: first ? new Date(Date.UTC(2027, 11, 31)) : null,
            description: first ? '党政机关、学校、医院屋顶光伏全覆盖，推动整县屋顶分布式光伏开发。Rooftop PV on every public building in the county.' : null,
            milestone_title: `阶段节点 ${m + 1} Milestone ${m + 1}`,
            milestone_due_date: new Date(Date.UTC(2025 + m, 5, 30)),
            indicator_name: `指标 ${m + 1} Indicator ${m + 1}`,
            indicator_unit: '%',
            baseline: 12.5 + m,
            baseline_year: 2020,
            target: 25 + m,
            target_year: 2030,
            direction: 'increase',
          })
          .commit();
      }
    }
  }
  sheet.commit();
  await writer.commit();
}

async function importFile(file: string, databaseUrl: string, dryRun: boolean): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  const jobs = { enqueue: async () => true } as unknown as JobQueue;
  const service = new ImportsService(new ImportsRepository(dataSource), new AuditService(dataSource), jobs);
  const body = readFileSync(file);
  const before = process.resourceUsage().maxRSS;
  const started = performance.now();
  const counts = await service.importTasks({ user: null, ip: null }, body, dryRun);
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS;
  await dataSource.destroy();
  console.log(JSON.stringify({ dryRun, seconds: Number(seconds.toFixed(2)), peakRssMiB: Math.round(peak / 1024), rssBeforeImportMiB: Math.round(before / 1024), counts }));
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'generate') return generate(args[0]!, Number(args[1]));
  if (mode === 'import') return importFile(args[0]!, args[1]!, args[2] === 'dry');

  const rows = Number(mode ?? 105_000);
  const dir = mkdtempSync(join(tmpdir(), 'imports-bench-'));
  const file = join(dir, 'tasks.xlsx');
  const name = `imports_bench_${process.pid}`;
  const databaseUrl = `${SERVER}/${name}`;
  const self = process.argv[1]!;
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  try {
    execFileSync(process.execPath, [self, 'generate', file, String(rows)], { stdio: 'inherit' });
    console.log(`${rows} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB xlsx`);
    execFileSync(process.execPath, ['dist/src/cli/migrate.js'], { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } });
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      `INSERT INTO pilots (code, kind, name_zh, name_en, province_zh, province_en, batch)
       SELECT 'P' || lpad(i::text, 5, '0'), 'city', '试点' || i, 'Pilot ' || i, '河北省', 'Hebei', 1 FROM generate_series(0, $1 - 1) i`,
      [PILOTS],
    );
    await db.end();
    // A dry run, then the real import into empty tables, then the same file again (all updates, no change).
    for (const run of ['dry', 'commit', 'commit']) {
      const result = spawnSync(process.execPath, [self, 'import', file, databaseUrl, run], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      process.stdout.write(`${run}: ${result.stdout}`);
      if (result.status !== 0) throw new Error(`the ${run} import failed`);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
