import {
  RUN_ENV,
  createDatabase,
  databaseUrl,
  dropDatabases,
  newRunPrefix,
  orphanedTestDatabases,
} from '../helpers/databases';
import { migrate } from '../helpers/processes';

/**
 * Runs once per Jest run, before any e2e file: migrates a template database with the built
 * migration CLI (the same code production runs) and hands its name to the test files through
 * the environment. Each file then clones it, which takes milliseconds instead of a migration.
 *
 * Imports here carry no `.js` suffix: Jest loads global hooks through `require`, outside its
 * module mapper.
 */
export default async function globalSetup(): Promise<void> {
  await dropDatabases(await orphanedTestDatabases());

  const prefix = newRunPrefix();
  const template = `${prefix}_tpl`;
  await createDatabase(template);
  const result = await migrate(databaseUrl(template));
  if (result.code !== 0) {
    await dropDatabases([template]);
    throw new Error(`Migrating the template database failed (exit ${result.code}):\n${result.output}`);
  }

  process.env[RUN_ENV.prefix] = prefix;
  process.env[RUN_ENV.template] = template;
}
