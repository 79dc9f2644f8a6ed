import { RUN_ENV, dropDatabases, listDatabases } from '../helpers/databases';

/** Drops the run's template and any clone a test file did not drop itself. */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env[RUN_ENV.prefix];
  if (!prefix) return;
  await dropDatabases(await listDatabases(`${prefix}_`));
}
