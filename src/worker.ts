import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigValidationError, loadConfig } from './config/app-config.js';
import { migrateDatabase } from './database/migrate.js';
import { createWorkerApp } from './worker.factory.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await migrateDatabase(config.databaseUrl);
  await createWorkerApp(config);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) console.error(error.message);
  else new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
