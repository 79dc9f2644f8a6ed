import { Redis } from 'ioredis';
import { cloneDatabase, databaseUrl, dropDatabase, RUN_ENV } from './databases.js';
import { drillEnv, ProcessGroup, type DrillEnv } from './drill-processes.js';
import { acquireDrillSlot } from './drill-queues.js';
import { deleteRedisKeys } from './redis-keys.js';
import { within } from './wait.js';

/** The machine's shared Redis: drills use it under their own prefix and never stop or flush it. */
export const SHARED_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** How long a drill may wait for its turn (see `acquireDrillSlot`) before its `beforeAll` fails. */
export const SLOT_TIMEOUT_MS = 15 * 60_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
};

/**
 * Keys in the shared Redis under drill prefixes (`pt-drill-<drill>-<pid>-<random>`, see
 * `uniquePrefix`) whose Jest process is gone: a run killed before its cleanup left them.
 */
async function deleteOrphanedDrillKeys(): Promise<void> {
  const redis = new Redis(SHARED_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const orphans = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'pt-drill-*', 'COUNT', 1000);
      for (const key of keys) {
        const prefix = /^(pt-drill-[a-z-]+-(\d+)-[0-9a-f]{8})(?::|$)/.exec(key);
        if (prefix && !isAlive(Number(prefix[2]))) orphans.add(prefix[1]!);
      }
      cursor = next;
    } while (cursor !== '0');
    for (const prefix of orphans) await deleteRedisKeys(SHARED_REDIS_URL, prefix);
  } catch {
    // Nothing to clear when the shared Redis does not answer; the drills will say so themselves.
  } finally {
    redis.disconnect();
  }
}

function runEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the drills through jest.config.mjs (its globalSetup sets it)`);
  return value;
}

/**
 * What one drill owns, released by `cleanup()` (in `afterEach`) whatever happened: its child
 * processes, its databases, its Redis keys and anything else registered with `onCleanup` (queue
 * probes, a private redis-server); `end()` (in `afterAll`) also gives up its turn on the drill slot.
 */
export class Drill {
  readonly processes = new ProcessGroup();
  private readonly databases = new Set<string>();
  private readonly redisPrefixes: { url: string; prefix: string }[] = [];
  private readonly cleanups: (() => Promise<unknown>)[] = [];
  private releaseSlot: (() => Promise<void>) | null = null;

  constructor(readonly name: string) {}

  /** Waits for this drill's turn (one drill at a time per machine), then clears what killed runs left in Redis. */
  async begin(): Promise<void> {
    this.releaseSlot = await acquireDrillSlot();
    await deleteOrphanedDrillKeys();
  }

  /** A fresh clone of the run's migrated template; answers its URL. */
  async cloneDatabase(): Promise<string> {
    const name = await cloneDatabase(runEnv(RUN_ENV.template), runEnv(RUN_ENV.prefix));
    this.databases.add(name);
    return databaseUrl(name);
  }

  /** A database name under the run's prefix that does not exist yet (dropped on cleanup if created). */
  newDatabaseName(): string {
    const name = `${runEnv(RUN_ENV.prefix)}_empty_${Math.random().toString(36).slice(2, 10)}`;
    this.databases.add(name);
    return name;
  }

  /**
   * The environment of this drill's API and worker processes: its database, a queue prefix of
   * its own (whose keys are deleted on cleanup unless the Redis is private and thrown away).
   */
  env(databaseUrl: string, redisUrl = SHARED_REDIS_URL, { privateRedis = false } = {}): DrillEnv {
    const env = drillEnv(databaseUrl, redisUrl, this.name);
    if (!privateRedis) this.redisPrefixes.push({ url: redisUrl, prefix: env.QUEUE_PREFIX });
    return env;
  }

  onCleanup(cleanup: () => Promise<unknown>): void {
    this.cleanups.push(cleanup);
  }

  /** Runs `body`; a failure carries the output of every process the drill started. */
  async run(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      const outputs = this.processes.outputs();
      if (error instanceof Error && outputs) {
        const original = error.message;
        error.message = `${original}\n\nProcess output:\n${outputs}`;
        // Jest prints the stack, which was formatted with the original message.
        if (error.stack?.includes(original)) error.stack = error.stack.replace(original, () => error.message);
        else error.stack = `${error.stack ?? ''}\n\nProcess output:\n${outputs}`;
      }
      throw error;
    }
  }

  /** Releases what the drill's test started (processes, databases, keys, registered cleanups). */
  async cleanup(): Promise<void> {
    const problems: unknown[] = [];
    // Each step on its own clock: one that hangs must not keep the others from running.
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await within(work(), 20_000, 'A cleanup step');
      } catch (error) {
        problems.push(error);
      }
    };
    await attempt(() => this.processes.stopAll());
    for (const cleanup of this.cleanups.splice(0).reverse()) await attempt(cleanup);
    for (const name of this.databases) await attempt(() => dropDatabase(name));
    this.databases.clear();
    for (const { url, prefix } of this.redisPrefixes.splice(0)) await attempt(() => deleteRedisKeys(url, prefix));
    if (problems.length) throw new Error(`Cleaning up drill ${this.name} failed: ${problems.map(String).join('; ')}`);
  }

  /** `cleanup()`, then gives the slot to the next drill. */
  async end(): Promise<void> {
    try {
      await this.cleanup();
    } finally {
      await this.releaseSlot?.();
      this.releaseSlot = null;
    }
  }
}
