import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort, trackChild } from './drill-processes.js';

/**
 * A private `redis-server` for drills that stop Redis: the machine's shared Redis is never
 * stopped or flushed. No persistence (`--save "" --appendonly no`), so a restart comes back
 * empty, like a Redis that lost its data: the harshest case for the queues.
 */
export interface PrivateRedis {
  port: number;
  url: string;
  /** True while the server runs. */
  running(): boolean;
  /** Stops the server (SIGKILL: as abrupt as a crash), waiting until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  start(): Promise<void>;
  /** Stops it for good (safe to call twice, and when it is already stopped). */
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function ping(port: number): Promise<boolean> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let server: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  const start = async (): Promise<void> => {
    if (server) throw new Error('This private Redis is already running');
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--loglevel', 'warning'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    server = child;
    trackChild(child);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-8000)));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-8000)));
    exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    void exited.then(() => {
      if (server === child) server = null;
    });
    const deadline = Date.now() + 15_000;
    while (!(await ping(port))) {
      if (server !== child) throw new Error(`redis-server on port ${port} exited at start:\n${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within 15 s:\n${output}`);
      await sleep(50);
    }
  };

  const stop = async (): Promise<void> => {
    const child = server;
    if (!child) return;
    child.kill('SIGKILL');
    await exited;
    server = null;
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    running: () => server !== null,
    stop,
    start,
    dispose: stop,
  };
}
