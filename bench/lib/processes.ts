import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sleep } from './stats.js';

export const RESULTS_DIR = join(process.cwd(), 'bench/results');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** The script and its arguments, after node's own flags. */
  args: string[];
  env: Record<string, string>;
  /** Path answering 2xx once the server is ready. */
  readyPath: string;
  /** Directory for a V8 CPU profile of the whole process (`--cpu-prof`). */
  cpuProfileDir?: string;
  timeoutMs?: number;
}

/**
 * Spawns `node <args>` with its output in bench/results/<name>.log (and handed to `onOutput`),
 * then waits until `isReady()` answers true; the process is stopped again when it exits or
 * `isReady` does not come true in time.
 */
async function startLogged(
  options: Omit<StartOptions, 'readyPath'>,
  env: Record<string, string>,
  waitingFor: string,
  isReady: () => Promise<boolean>,
  onOutput?: (chunk: Buffer) => void,
): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const log = createWriteStream(join(RESULTS_DIR, `${options.name}.log`));
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--cpu-prof-name', `${options.name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...options.args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (onOutput) {
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
  }
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(await isReady())) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode}; see bench/results/${options.name}.log`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not ${waitingFor} in time; see bench/results/${options.name}.log`);
    }
    await sleep(100);
  }
  return { child, stop };
}

/** Starts `node <args>` on a free port (env PORT), its output in bench/results/<name>.log, and waits until it answers. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const answers = async () => {
    try {
      return (await fetch(`${url}${options.readyPath}`)).ok;
    } catch {
      return false; // not listening yet
    }
  };
  const { child, stop } = await startLogged(options, { ...options.env, PORT: String(port) }, `answer ${options.readyPath}`, answers);
  return { name: options.name, url, child, stop };
}

/** Runs `node <args>` to completion and returns its stdout; fails with its output on a non-zero exit. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr || stdout}`))));
  });
}

/**
 * Starts a process with no HTTP port (a worker: `node dist/src/worker.js`), its output in
 * bench/results/<name>.log, and waits until that output contains `readyLine`.
 */
export async function startWorker(options: Omit<StartOptions, 'readyPath'> & { readyLine: string }): Promise<ServerProcess> {
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < 100_000) output += chunk.toString();
  };
  const logged = async () => output.includes(options.readyLine);
  const { child, stop } = await startLogged(options, options.env, `log "${options.readyLine}"`, logged, collect);
  return { name: options.name, url: '', child, stop };
}
