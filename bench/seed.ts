/**
 * `npm run bench:seed -- --pilots 3500 --tasks 30 --periods 28`: drops and recreates the bench
 * database (BENCH_DATABASE_URL, default pilot_tracker_bench), migrates it with the application's
 * own CLI, generates the data set inside PostgreSQL and aggregates every period with the
 * application's ProgressService, as its worker would have.
 */
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { OverdueRepository } from '../src/overdue/overdue.repository.js';
import { ProgressService } from '../src/progress/progress.service.js';
import { BENCH_DATABASE_URL, connect, databaseName, migrate, readSeedInfo, recreateDatabase, SEED_VERSION, writeSeedInfo, type SeedInfo, type SeedShape } from './lib/db.js';
import { openAppContext } from './lib/nest-context.js';
import { generateData } from './seed/generate.js';

/**
 * The bench database at the wanted shape: reused when it has it (with the build's newer
 * migrations applied), else seeded now.
 */
export async function ensureBenchDatabase(url: string, shape: SeedShape, log: (line: string) => void, reseed = false): Promise<SeedInfo> {
  const existing = await readSeedInfo(url);
  if (!reseed && existing && existing.pilots === shape.pilots && existing.tasks === shape.tasks && existing.periods === shape.periods) {
    log(`Using ${databaseName(url)} (seeded ${existing.seededAt}: ${shape.pilots} pilots × ${shape.tasks} tasks × ${shape.periods} periods)`);
    await migrate(url);
    return existing;
  }
  return seedBenchDatabase(url, shape, log);
}

export async function seedBenchDatabase(url: string, shape: SeedShape, log: (line: string) => void = console.log): Promise<SeedInfo> {
  const started = performance.now();
  log(`Seeding ${databaseName(url)}: ${shape.pilots} pilots × ${shape.tasks} tasks × ${shape.periods} periods`);
  await recreateDatabase(url);
  await migrate(url);
  const client = await connect(url);
  try {
    const rows = await generateData(client, shape, log);
    const aggregated = performance.now();
    await aggregateEveryPeriod(url);
    log(`  ${'aggregate periods'.padEnd(22)} ${((performance.now() - aggregated) / 1000).toFixed(1)} s`);
    const info: SeedInfo = {
      ...shape,
      version: SEED_VERSION,
      seededAt: new Date().toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rows,
    };
    await writeSeedInfo(client, url, info);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    log(`Seeded ${total.toLocaleString('en-US')} rows in ${info.seconds} s`);
    return info;
  } finally {
    await client.end();
  }
}

/**
 * Derives what the application keeps as reports move (the overdue rules' state on milestones and
 * tasks), then stores every period's progress figures, so no worker starts by catching up on them.
 */
async function aggregateEveryPeriod(url: string): Promise<void> {
  const context = await openAppContext(url);
  try {
    await context.get(DataSource).transaction((manager) => context.get(OverdueRepository).refreshState(manager));
    const client = await connect(url);
    const { rows } = await client.query<{ id: string }>('SELECT id FROM reporting_periods ORDER BY start_date');
    await client.end();
    const progress = context.get(ProgressService);
    for (const { id } of rows) await progress.aggregate({ periodId: id });
  } finally {
    await context.close();
  }
}

function positiveInteger(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pilots: { type: 'string', default: '3500' },
      tasks: { type: 'string', default: '30' },
      periods: { type: 'string', default: '28' },
    },
  });
  await seedBenchDatabase(BENCH_DATABASE_URL, {
    pilots: positiveInteger('pilots', values.pilots),
    tasks: positiveInteger('tasks', values.tasks),
    periods: positiveInteger('periods', values.periods),
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
