import {
  cloneDatabase,
  databaseExists,
  databaseUrl,
  dropDatabase,
  RUN_ENV,
  uniqueDatabaseName,
  withClient,
} from '../helpers/databases.js';
import { assertBuilt, DATA_SOURCE, migrate, runNode, TYPEORM_CLI, type ProcessResult } from '../helpers/processes.js';

/** A failed child process shows its whole output in the assertion message. */
function expectSuccess(result: ProcessResult): void {
  expect({ code: result.code, signal: result.signal, output: result.output }).toMatchObject({ code: 0, signal: null });
}

describe('schema and migrations', () => {
  const prefix = () => process.env[RUN_ENV.prefix]!;

  it('match the entities: the TypeORM drift check finds nothing to generate', async () => {
    assertBuilt(DATA_SOURCE);
    const name = await cloneDatabase(process.env[RUN_ENV.template]!, prefix());
    try {
      const result = await runNode(
        [TYPEORM_CLI, 'migration:generate', '-d', DATA_SOURCE, 'migrations/DriftCheck', '--check'],
        { DATABASE_URL: databaseUrl(name) },
      );
      expectSuccess(result);
      expect(result.output).toMatch(/No changes in database schema were found/);
    } finally {
      await dropDatabase(name);
    }
  });

  describe('the migration CLI', () => {
    const name = uniqueDatabaseName(`${prefix()}_new`);
    afterAll(() => dropDatabase(name));

    it('creates a database that does not exist yet and migrates it', async () => {
      expect(await databaseExists(name)).toBe(false);

      expectSuccess(await migrate(databaseUrl(name)));

      expect(await databaseExists(name)).toBe(true);
      expect(await appliedMigrations(name)).not.toHaveLength(0);
    });

    it('is idempotent: running it again applies nothing and changes nothing', async () => {
      const before = await appliedMigrations(name);
      const again = await migrate(databaseUrl(name));
      expectSuccess(again);
      expect(again.output).toMatch(/up to date/i);
      expect(await appliedMigrations(name)).toEqual(before);
    });

    it('applies each migration once when several processes start at once', async () => {
      const racing = uniqueDatabaseName(`${prefix()}_race`);
      try {
        const results = await Promise.all([1, 2, 3].map(() => migrate(databaseUrl(racing))));
        results.forEach(expectSuccess);
        const applied = await appliedMigrations(racing);
        expect(new Set(applied).size).toBe(applied.length);
        expect(applied).toEqual(await appliedMigrations(name));
      } finally {
        await dropDatabase(racing);
      }
    });
  });
});

/** The names in TypeORM's migrations table, in the order they ran. */
function appliedMigrations(database: string): Promise<string[]> {
  return withClient(databaseUrl(database), async (client) => {
    const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    return rows.map((row) => row.name);
  });
}
