import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { SERVER_URL } from './databases.js';
import type { Child } from './drill-processes.js';

/**
 * Looking into a drill's queues from outside the processes under test: the same Redis, the same
 * prefix, read-only except for `fastForwardStalledJob`.
 */

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface QueueProbe {
  queue: Queue;
  redis: Redis;
  close(): Promise<void>;
}

/** A BullMQ queue handle on `name` under `prefix` (names as in src/jobs/job-catalogue.ts). */
export function probeQueue(redisUrl: string, prefix: string, name: string): QueueProbe {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  redis.on('error', () => undefined);
  const queue = new Queue(name, { prefix, connection: redis });
  queue.on('error', () => undefined);
  return {
    queue,
    redis,
    close: async () => {
      // Closing waits for Redis, which may be the one a drill stopped.
      await Promise.race([queue.close().catch(() => undefined), sleep(3000)]);
      redis.disconnect();
    },
  };
}

/**
 * Waits until `count` worker connections consume the queue, failing early when one of the
 * `children` exits (with its output).
 */
export async function waitForWorkers(probe: QueueProbe, count: number, children: Child[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = children.find((c) => c.exit);
    if (dead) throw new Error(`${dead.name} exited (${JSON.stringify(dead.exit)}) while starting; its output:\n${dead.output()}`);
    if ((await probe.queue.getWorkersCount()) >= count) return;
    if (Date.now() > deadline) {
      throw new Error(`${count} worker(s) did not connect to ${probe.queue.name} within ${timeoutMs} ms:\n${children.map((c) => c.output()).join('\n')}`);
    }
    await sleep(200);
  }
}

/**
 * Makes a job whose worker died look, to the next stalled-job check, as it would once BullMQ's
 * timers had run out — without waiting for them: the lock is gone (its `lockDuration` passed
 * without renewal), the job is marked as a stall candidate (a check ran since, which a live
 * worker would have undone by renewing its lock), and the check's throttle key is gone (its
 * `stalledInterval` passed). A worker starting afterwards runs its check at once and moves the
 * job back to waiting. Only keys of the drill's own prefix are touched.
 */
export async function fastForwardStalledJob(probe: QueueProbe, jobId: string): Promise<void> {
  const base = `${probe.queue.opts.prefix}:${probe.queue.name}`;
  await probe.redis.del(`${base}:${jobId}:lock`);
  await probe.redis.sadd(`${base}:stalled`, jobId);
  await probe.redis.del(`${base}:stalled-check`);
}

/** The remaining time to live of a job's lock in ms (-2 when there is no lock). */
export function lockTtl(probe: QueueProbe, jobId: string): Promise<number> {
  return probe.redis.pttl(`${probe.queue.opts.prefix}:${probe.queue.name}:${jobId}:lock`);
}

/**
 * The drills start several processes each and time what they do; two at once on a 2-core
 * machine would mostly measure each other. A drill holds this Postgres advisory lock for its
 * whole run (Jest runs files in parallel; e2e files keep using the other slot). The lock lives
 * in its own session, so a crashed Jest worker releases it.
 */
const DRILL_LOCK_KEY = 7_102_023_007;

export async function acquireDrillSlot(): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: SERVER_URL, application_name: 'pilot-tracker-drill-slot' });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [DRILL_LOCK_KEY]);
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [DRILL_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  };
}
