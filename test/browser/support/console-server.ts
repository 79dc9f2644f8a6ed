import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createDatabase, databaseUrl, dropDatabase, newRunPrefix } from '../../helpers/databases.js';
import { repoPath, runNode } from '../../helpers/processes.js';
import { deleteRedisKeys } from '../../helpers/redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MAIN = repoPath('dist/src/main.js');
const SEED = repoPath('dist/src/cli/seed.js');
const CONSOLE = repoPath('web/dist/index.html');

/** The demo logins `seed --demo` creates (README "Quick start"). */
export const DEMO_PASSWORD = 'Demo-Password-2026';
export const demoLogin = (name: string) => `${name}@demo.pilot-tracker.cn`;

export interface ConsoleServer {
  baseUrl: string;
  /** What the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/**
 * The built application (`node dist/src/main.js`, API and workers) on a free port, against a
 * fresh database loaded with the demo data and its own queue prefix, serving the built console.
 */
export async function startConsoleServer(): Promise<ConsoleServer> {
  for (const file of [MAIN, SEED, CONSOLE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm test\` does)`);
  }
  const database = `${newRunPrefix()}_browser`;
  const queuePrefix = `pt-browser-${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl(database),
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    PORT: String(port),
    APP_ROLE: 'all',
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  const cleanUp = async () => {
    await dropDatabase(database);
    await deleteRedisKeys(REDIS_URL, queuePrefix);
  };

  await createDatabase(database);
  const seeded = await runNode([SEED, '--demo'], env, 120_000);
  if (seeded.code !== 0) {
    await cleanUp();
    throw new Error(`Seeding the demo data failed (exit ${seeded.code}):\n${seeded.output}`);
  }

  const child = spawn(process.execPath, [MAIN], { cwd: process.cwd(), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await cleanUp();
  };

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}
