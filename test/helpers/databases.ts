import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Test databases: one template migrated per Jest run (see test/setup/global-setup.ts), cloned
 * with `CREATE DATABASE … TEMPLATE` for every test file. Every database of a run shares the
 * run's prefix, so the teardown can drop whatever a crashed file left behind.
 */

/** The server the tests use; admin statements go to its `postgres` database. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every test database name starts with this, followed by the pid of the Jest process. */
export const TEST_DATABASE_PREFIX = 'pt_test_';

/** Environment variables through which the global setup tells the test files about the run. */
export const RUN_ENV = { template: 'PT_TEST_TEMPLATE_DB', prefix: 'PT_TEST_DB_PREFIX' } as const;

const OBJECT_IN_USE = '55006';
const DUPLICATE_DATABASE = '42P04';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** A fresh name under the given prefix (lower-case, well within Postgres's 63 characters). */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** The prefix of one Jest run: `pt_test_<pid>_<random>`. */
export function newRunPrefix(): string {
  return `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(3).toString('hex')}`;
}

/** Runs `work` with a client connected to `connectionString`, closing it afterwards. */
export async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString, application_name: 'pilot-tracker-tests' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` connected to the server's `postgres` database, for CREATE / DROP DATABASE. */
export const withAdminClient = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withClient(SERVER_URL, work);

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function createDatabase(name: string): Promise<void> {
  await withAdminClient((client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
}

/**
 * Clones the template into a new database and answers its name. Postgres refuses to copy a
 * template while another session is connected to it (or copying it), so that case is retried
 * with a growing, jittered pause.
 */
export async function cloneDatabase(template: string, prefix: string, attempts = 20): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const name = uniqueDatabaseName(prefix);
    try {
      await withAdminClient((client) =>
        client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`),
      );
      return name;
    } catch (error) {
      const retriable = errorCode(error) === OBJECT_IN_USE || errorCode(error) === DUPLICATE_DATABASE;
      if (!retriable || attempt >= attempts) throw error;
      await sleep(Math.min(50 * attempt, 500) + Math.random() * 50);
    }
  }
}

/** Ends every session on the database, then drops it (no error when it is already gone). */
export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient(async (client) => {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

export async function listDatabases(prefix: string): Promise<string[]> {
  return withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
}

export async function databaseExists(name: string): Promise<boolean> {
  return (await listDatabases(name)).includes(name);
}

export async function dropDatabases(names: readonly string[]): Promise<void> {
  for (const name of names) await dropDatabase(name);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

/** Databases of earlier runs whose Jest process is gone (a killed run never reached its teardown). */
export async function orphanedTestDatabases(): Promise<string[]> {
  const pattern = new RegExp(`^${TEST_DATABASE_PREFIX}(\\d+)_`);
  return (await listDatabases(TEST_DATABASE_PREFIX)).filter((name) => {
    const pid = Number(pattern.exec(name)?.[1]);
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid);
  });
}
