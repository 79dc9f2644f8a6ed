import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module.js';
import { ConfigValidationError, loadConfig } from '../config/app-config.js';
import { migrateDatabase } from '../database/migrate.js';
import { DEMO_DOMAIN, DEMO_PASSWORD } from './seed/demo-plan.js';
import { readPilotList } from './seed/pilot-list.js';
import { seedDemo } from './seed/seed-demo.js';
import { pilotIdsByCode, seedPilots } from './seed/seed-pilots.js';

/**
 * `npm run seed` loads the first-batch pilots (idempotent, by code).
 * `npm run seed -- --demo` also loads demo users, tasks, periods and reports in every state.
 */
async function main(): Promise<void> {
  const demo = process.argv.includes('--demo');
  const env = { ...process.env };
  // The demo needs an admin to act as; without ADMIN_* it brings its own.
  if (demo && !env.ADMIN_EMAIL) {
    env.ADMIN_EMAIL = `admin@${DEMO_DOMAIN}`;
    env.ADMIN_PASSWORD = DEMO_PASSWORD;
  }
  const config = loadConfig(env);
  await migrateDatabase(config.databaseUrl);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, appRole: 'api', logLevel: 'warn' }), {
    logger: ['fatal', 'error', 'warn'],
  });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const pilots = await seedPilots(dataSource, await readPilotList());
    console.log(`Pilots: ${pilots.created} created, ${pilots.updated} updated.`);
    if (!demo) return;

    const logins = await seedDemo(app, [...(await pilotIdsByCode(dataSource)).values()].sort((a, b) => a.code.localeCompare(b.code)), config.bootstrapAdmin!.email);
    if (!logins) {
      console.log('Demo data is already loaded.');
      return;
    }
    console.log('Demo data loaded. Log in with:');
    for (const login of logins) {
      const password = login.email === config.bootstrapAdmin!.email ? config.bootstrapAdmin!.password : DEMO_PASSWORD;
      console.log(`  ${login.role.padEnd(8)} ${login.email.padEnd(40)} ${password.padEnd(20)} ${login.note}`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
