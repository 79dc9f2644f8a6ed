import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** Injection token of the shared Redis client for short keys (throttling, idempotency). */
export const REDIS = Symbol('REDIS');

const ERROR_LOG_INTERVAL_MS = 30_000;

/** Closes the client on shutdown. */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

/**
 * One client per process. Commands fail at once while Redis is away (no offline queue), so a
 * caller can decide what to do instead of hanging.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Redis => {
        const logger = new Logger('Redis');
        let lastLogged = 0;
        const client = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
        client.on('error', (error: Error) => {
          if (Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return;
          lastLogged = Date.now();
          logger.error(`Redis connection problem: ${error.message}`);
        });
        return client;
      },
    },
    RedisLifecycle,
  ],
  exports: [REDIS],
})
export class RedisModule {}
