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

/** Starts `node <args>` on a free port (env PORT), its output in bench/results/<name>.log, and waits until it answers. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const log = createWriteStream(join(RESULTS_DIR, `${options.name}.log`));
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--cpu-prof-name', `${options.name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...options.args], {
    env: { ...process.env, ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode}; see bench/results/${options.name}.log`);
    try {
      const response = await fetch(`${url}${options.readyPath}`);
      if (response.ok) return { name: options.name, url, child, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not answer ${options.readyPath} in time; see bench/results/${options.name}.log`);
    }
    await sleep(100);
  }
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
  mkdirSync(RESULTS_DIR, { recursive: true });
  const log = createWriteStream(join(RESULTS_DIR, `${options.name}.log`));
  const nodeFlags = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir, '--cpu-prof-name', `${options.name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...options.args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < 100_000) output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
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
  while (!output.includes(options.readyLine)) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode}; see bench/results/${options.name}.log`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not log "${options.readyLine}" in time; see bench/results/${options.name}.log`);
    }
    await sleep(100);
  }
  return { name: options.name, url: '', child, stop };
}
