import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../src/config/app-config.js';
import { ConfigModule } from '../../src/config/config.module.js';
import { DatabaseModule } from '../../src/database/database.module.js';
import { OverdueModule } from '../../src/overdue/overdue.module.js';
import { ProgressModule } from '../../src/progress/progress.module.js';

/** The slice of the application the SQL benchmarks call into: its repositories, no HTTP, no queues. */
@Module({})
class BenchModule {
  static forRoot(databaseUrl: string): DynamicModule {
    const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl });
    return { module: BenchModule, imports: [ConfigModule.forRoot(config), DatabaseModule, ProgressModule, OverdueModule] };
  }
}

/** A Nest application context on the given database, with the application's own providers. */
export function openAppContext(databaseUrl: string): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(BenchModule.forRoot(databaseUrl), { logger: ['fatal', 'error', 'warn'] });
}
