import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import supertest, { type Agent } from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import type { LoginResponse } from './contract.js';
import { cloneDatabase, databaseUrl as urlOf, dropDatabase, RUN_ENV } from './databases.js';
import { API, apiFor, bodyOf, type Api } from './http.js';
import { deleteRedisKeys } from './redis-keys.js';
import { within } from './wait.js';

const CLOSE_TIMEOUT_MS = 15_000;

/** The bootstrap admin every test application starts with. */
export const ADMIN = { email: 'admin@test.local', password: 'Admin-Password-1' } as const;

export interface TestApp {
  app: NestFastifyApplication;
  http: Agent;
  config: AppConfig;
  databaseUrl: string;
  /** Requests carrying `token` as the bearer token; anonymous without one. */
  as(token?: string): Api;
  /** The bootstrap admin's access token (logged in once, then reused). */
  adminToken(): Promise<string>;
  /** Logs in (asserting 200) and answers the access token. */
  login(email: string, password: string): Promise<string>;
  /** Closes the application and drops its database (unless the caller brought its own). */
  close(): Promise<void>;
}

function runEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through jest.config.mjs (its globalSetup sets it)`);
  return value;
}

/**
 * Starts the HTTP application (configured exactly as production does, not listening) against
 * a fresh clone of the migrated template database. `overrides` are environment variables on
 * top of the test defaults; passing `DATABASE_URL` reuses that database instead of cloning one,
 * and leaves it in place on close.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const ownDatabase = overrides.DATABASE_URL
    ? null
    : await cloneDatabase(runEnv(RUN_ENV.template), runEnv(RUN_ENV.prefix));
  const databaseUrl = ownDatabase ? urlOf(ownDatabase) : overrides.DATABASE_URL!;
  const dropOwnDatabase = async () => {
    if (ownDatabase) await dropDatabase(ownDatabase);
  };

  let app: NestFastifyApplication;
  let config: AppConfig;
  try {
    config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JWT_SECRET: `test-secret-${randomBytes(24).toString('hex')}`,
      LOG_LEVEL: 'error',
      QUEUE_PREFIX: `pt-test-${process.pid}-${randomBytes(4).toString('hex')}`,
      ...overrides,
    });
    app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await dropOwnDatabase();
    throw error;
  }

  const http = supertest(app.getHttpServer());
  const login = async (email: string, password: string): Promise<string> => {
    const response = await http.post(`${API}/auth/login`).send({ email, password });
    return bodyOf<LoginResponse>(response, 200).accessToken;
  };
  let adminToken: Promise<string> | undefined;
  let closed = false;

  return {
    app,
    http,
    config,
    databaseUrl,
    as: (token) => apiFor(http, token),
    adminToken: () => (adminToken ??= login(ADMIN.email, ADMIN.password)),
    login,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        // A shutdown that hangs (say, on a dependency that went away) fails the file instead of the run.
        await within(app.close(), CLOSE_TIMEOUT_MS, 'Closing the application');
      } finally {
        await dropOwnDatabase();
        await deleteRedisKeys(config.redisUrl, config.queuePrefix);
      }
    },
  };
}
