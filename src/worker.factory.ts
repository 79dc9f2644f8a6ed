import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerAppModule } from './app.module.js';
import { logLevelsFrom } from './app.factory.js';
import type { AppConfig } from './config/app-config.js';

/** Starts the BullMQ workers with no HTTP server. */
export async function createWorkerApp(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerAppModule.forRoot(config), {
    logger: logLevelsFrom(config.logLevel),
    abortOnError: false,
  });
  // SIGTERM/SIGINT close the workers (finishing or releasing their jobs) before the queues, then
  // exit 0: a signal death would read as a crash.
  app.enableShutdownHooks([], { useProcessExit: true });
  new Logger('Worker').log(`Workers started (queue prefix "${config.queuePrefix}")`);
  return app;
}
