import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates would shift them by the
// server's UTC offset.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

/**
 * A client whose connection dies while it is checked out of the pool (a failover, or
 * `pg_terminate_backend`) emits 'error'; pg's pool listens only while the client is idle, and an
 * unheard 'error' event would end the process. The query in flight already rejects with the same
 * error and the pool discards the client, so hearing it is all that is needed.
 */
class ResilientClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** One options function feeds the application, the CLI and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Optional list filters are passed as undefined and mean "no filter"; a null stays an error.
    invalidWhereValuesBehavior: { undefined: 'ignore', null: 'throw' },
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, application_name: 'pilot-tracker', Client: ResilientClient },
  };
}
