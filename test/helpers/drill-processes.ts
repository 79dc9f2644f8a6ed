import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { assertBuilt, repoPath } from './processes.js';

/**
 * Child processes for the fault drills: the built entrypoints (`npm run test:faults` builds
 * `dist/` first) started exactly as production starts them, each tracked by a `ProcessGroup`
 * that a drill empties in `afterEach`/`afterAll`, so nothing outlives a failed drill.
 */

export const API_ENTRY = repoPath('dist/src/main.js');
export const WORKER_ENTRY = repoPath('dist/src/worker.js');

/** The bootstrap admin every drill's API processes create. */
export const DRILL_ADMIN = { email: 'admin@drill.local', password: 'Drill-Password-1' } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How much of a child's output is kept for assertion messages. */
const OUTPUT_LIMIT = 64 * 1024;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<ExitStatus>;
  /** Set once the process has exited. */
  exit: ExitStatus | null;
  /** The last 64 KiB of stdout and stderr, interleaved. */
  output(): string;
  /** Sends a signal (no-op once exited). */
  signal(signal: NodeJS.Signals): void;
  /** The exit status and how long it took, or a rejection naming the child after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<ExitStatus & { afterMs: number }>;
}

/** A TCP port nobody listens on right now (the kernel's pick). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A queue prefix (also the Redis key prefix) no other drill or run uses. */
export const uniquePrefix = (drill: string): string => `pt-drill-${drill}-${process.pid}-${randomBytes(4).toString('hex')}`;

/** A JWT secret for the processes of one drill (they must share it to accept each other's tokens). */
export const newJwtSecret = (): string => `drill-secret-${randomBytes(24).toString('hex')}`;

/** The environment every API and worker process of a drill shares. */
export interface DrillEnv {
  DATABASE_URL: string;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  JWT_SECRET: string;
  [name: string]: string;
}

export function drillEnv(databaseUrl: string, redisUrl: string, drill: string): DrillEnv {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: uniquePrefix(drill),
    JWT_SECRET: newJwtSecret(),
    ADMIN_EMAIL: DRILL_ADMIN.email,
    ADMIN_PASSWORD: DRILL_ADMIN.password,
    LOG_LEVEL: 'warn',
  };
}

/**
 * A guardian process, one per test file, that SIGKILLs every child a drill started still running
 * when the Jest process that started them dies — however it dies (SIGKILL included: its end of
 * the guardian's stdin pipe closes), so no API, worker or redis-server outlives a run. Jest's
 * sandboxed `process` gets no signals or 'exit' of the real one, hence a separate process.
 */
const GUARDIAN_SCRIPT = `
const pids = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  for (let i = pending.indexOf('\\n'); i >= 0; i = pending.indexOf('\\n')) {
    const line = pending.slice(0, i);
    pending = pending.slice(i + 1);
    if (line.startsWith('-')) pids.delete(line.slice(1));
    else if (line) pids.add(line);
  }
});
process.stdin.on('end', () => {
  for (const pid of pids) {
    try { process.kill(Number(pid), 'SIGKILL'); } catch {}
  }
  process.exit(0);
});
`;
let guardian: ChildProcess | null = null;

function tellGuardian(line: string): void {
  if (!guardian) {
    guardian = spawn(process.execPath, ['-e', GUARDIAN_SCRIPT], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    guardian.unref();
    (guardian.stdin as unknown as { unref(): void }).unref();
  }
  guardian.stdin!.write(`${line}\n`);
}

/** Has `child` killed if this process dies while it still runs. */
export function trackChild(child: ChildProcess): void {
  if (child.pid === undefined) return;
  const pid = child.pid;
  tellGuardian(String(pid));
  child.once('exit', () => tellGuardian(`-${pid}`));
}

/** Every child a drill started; `stopAll` SIGKILLs whatever is still running. */
export class ProcessGroup {
  private readonly children: Child[] = [];

  /** Starts `node <entry>` from the repository root with `env` on top of this process's environment. */
  start(name: string, entry: string, env: Record<string, string>): Child {
    assertBuilt(entry);
    const child = spawn(process.execPath, [entry], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid === undefined) throw new Error(`Could not start ${name}`);
    trackChild(child);
    let output = '';
    const append = (chunk: string) => {
      output += chunk;
      if (output.length > OUTPUT_LIMIT * 2) output = output.slice(-OUTPUT_LIMIT);
    };
    child.stdout!.setEncoding('utf8').on('data', append);
    child.stderr!.setEncoding('utf8').on('data', append);
    const handle: Child = {
      name,
      pid: child.pid,
      process: child,
      exit: null,
      exited: new Promise<ExitStatus>((resolve) => {
        child.once('exit', (code, signal) => {
          handle.exit = { code, signal };
          resolve(handle.exit);
        });
      }),
      output: () => output.slice(-OUTPUT_LIMIT),
      signal: (signal) => {
        if (handle.exit === null) child.kill(signal);
      },
      waitForExit: async (timeoutMs) => {
        const started = Date.now();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${name} (pid ${child.pid}) did not exit within ${timeoutMs} ms; its output:\n${output.slice(-4000)}`)),
            timeoutMs,
          );
        });
        try {
          const status = await Promise.race([handle.exited, timeout]);
          return { ...status, afterMs: Date.now() - started };
        } finally {
          clearTimeout(timer);
        }
      },
    };
    this.children.push(handle);
    return handle;
  }

  /** SIGKILLs every child still running and waits for them to be gone. */
  async stopAll(): Promise<void> {
    const running = this.children.filter((c) => c.exit === null);
    for (const child of running) child.signal('SIGKILL');
    await Promise.all(running.map((c) => c.waitForExit(10_000).catch(() => undefined)));
    this.children.length = 0;
  }

  /** What every child printed, for a failure message. */
  outputs(): string {
    return this.children.map((c) => `--- ${c.name} (pid ${c.pid}, exit ${JSON.stringify(c.exit)}) ---\n${c.output().slice(-3000)}`).join('\n');
  }
}

/**
 * Polls `GET /health` until the API answers at all (503 counts: Redis may be down on purpose),
 * failing at once with the child's output if it exits first.
 */
export async function waitForHttp(child: Child, baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exit) throw new Error(`${child.name} exited (${JSON.stringify(child.exit)}) before serving; its output:\n${child.output()}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${child.name} did not serve ${baseUrl} within ${timeoutMs} ms; its output:\n${child.output()}`);
    await sleep(200);
  }
}

export interface ApiProcess {
  child: Child;
  port: number;
  baseUrl: string;
}

/** Starts `node dist/src/main.js` with APP_ROLE=api on a free port and waits until it serves. */
export async function startApi(group: ProcessGroup, env: DrillEnv, name = 'api', extra: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = group.start(name, API_ENTRY, { ...env, APP_ROLE: 'api', PORT: String(port), ...extra });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(child, baseUrl);
  return { child, port, baseUrl };
}

/** Starts `node dist/src/worker.js` (readiness: see `waitForWorkers` in drill-queues.ts). */
export function startWorker(group: ProcessGroup, env: DrillEnv, name = 'worker', extra: Record<string, string> = {}): Child {
  return group.start(name, WORKER_ENTRY, { ...env, ...extra });
}

/**
 * Polls `probe` until it answers something truthy and answers that (like `eventually` in
 * workers.ts, without loading the application's modules into the test process). A probe that
 * throws counts as "not yet". On timeout the error names `what` and shows the last answer.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  { timeoutMs = 30_000, everyMs = 100 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const answer = await probe();
      if (answer) return answer;
      last = answer;
    } catch (error) {
      last = error instanceof Error ? `${error.name}: ${error.message}` : error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last answer: ${JSON.stringify(last)?.slice(0, 1000)}`);
    await sleep(everyMs);
  }
}
