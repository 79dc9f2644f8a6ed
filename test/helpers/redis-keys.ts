import { Redis } from 'ioredis';

/** Deletes every Redis key under a test app's prefix (queues, throttling counters), and under prefixes it was extended to. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // An unreachable Redis (some tests point an app at a dead port) has nothing to clean.
  } finally {
    redis.disconnect();
  }
}
