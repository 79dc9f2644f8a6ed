import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigValidationError, loadConfig } from './config/app-config.js';
import { migrateDatabase } from './database/migrate.js';
import { createWorkerApp } from './worker.factory.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  await migrateDatabase(config.databaseUrl);
  if (config.appRole === 'worker') {
    await createWorkerApp(config);
    return;
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  const workers = config.appRole === 'all' ? ' with workers' : '';
  new Logger('Bootstrap').log(`API${workers} listening on http://127.0.0.1:${config.port} (docs at /docs)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigValidationError) console.error(error.message);
  else new Logger('Bootstrap').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
