import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';

/** The benchmark database: never the application's own. Overridable, e.g. to point at another server. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pilot_tracker_bench';

/** The size of a seeded data set. */
export interface SeedShape {
  pilots: number;
  tasks: number;
  periods: number;
}

/** What the seeder leaves in the database comment, so a run can tell whether to seed again. */
export interface SeedInfo extends SeedShape {
  version: number;
  seededAt: string;
  seconds: number;
  rows: Record<string, number>;
}

/** Bump when the generator changes shape, so older bench databases are seeded again. */
export const SEED_VERSION = 4;

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** Runs `work` with a client connected to the server's maintenance database. */
async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'pilot-tracker-bench' });
  await client.connect();
  return client;
}

/** Drops (disconnecting anyone still attached) and creates the database. */
export async function recreateDatabase(url: string): Promise<void> {
  const name = pg.escapeIdentifier(databaseName(url));
  await onServer(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
}

export async function readSeedInfo(url: string): Promise<SeedInfo | null> {
  return onServer(url, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [databaseName(url)],
    );
    try {
      const info = JSON.parse(rows[0]?.comment ?? 'null') as SeedInfo | null;
      return info?.version === SEED_VERSION ? info : null;
    } catch {
      return null;
    }
  });
}

export async function writeSeedInfo(client: pg.Client, url: string, info: SeedInfo): Promise<void> {
  const comment = JSON.stringify(info).replaceAll("'", "''");
  await client.query(`COMMENT ON DATABASE ${pg.escapeIdentifier(databaseName(url))} IS '${comment}'`);
}

/** Applies the application's migrations with its own CLI from the build (`npm run build` first). */
export function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/src/cli/migrate.js')], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`migrate exited with ${code} (did you run \`npm run build\`?):\n${output}`)),
    );
  });
}
