import { loadConfig } from '../config/app-config.js';
import { migrateDatabase } from '../database/migrate.js';

/** `npm run migration:run`: creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const applied = await migrateDatabase(loadConfig().databaseUrl);
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'The schema is up to date.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
