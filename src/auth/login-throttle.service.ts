import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { REDIS } from '../redis/redis.module.js';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 50;

export class TooManyLoginAttemptsException extends HttpException {
  readonly headers: Record<string, string>;

  constructor(retryAfterSeconds: number) {
    super('Too many failed logins; try again later', HttpStatus.TOO_MANY_REQUESTS);
    this.headers = { 'retry-after': String(retryAfterSeconds) };
  }
}

/**
 * Failed-login limits over a sliding 15-minute window, per account and per client address.
 * The failures live in Redis sorted sets, so every API process of a deployment shares them.
 * When Redis does not answer, logins are let through rather than locking everybody out.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws 429 with Retry-After when the account or the address is over its limit. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const now = Date.now();
    const checks = [{ key: this.accountKey(email), limit: MAX_FAILURES_PER_ACCOUNT }];
    if (ip) checks.push({ key: this.ipKey(ip), limit: MAX_FAILURES_PER_IP });
    try {
      const pipeline = this.redis.multi();
      for (const { key } of checks) {
        pipeline.zremrangebyscore(key, 0, now - WINDOW_MS);
        // The oldest failure that still counts decides when the window frees up.
        pipeline.zrange(key, 0, -1, 'WITHSCORES');
      }
      const results = (await pipeline.exec()) ?? [];
      for (const [index, { limit }] of checks.entries()) {
        const entries = (results[index * 2 + 1]?.[1] as string[] | undefined) ?? [];
        const scores = entries.filter((_, i) => i % 2 === 1).map(Number);
        if (scores.length >= limit) {
          const freesAt = scores[scores.length - limit]! + WINDOW_MS;
          throw new TooManyLoginAttemptsException(Math.max(1, Math.ceil((freesAt - now) / 1000)));
        }
      }
    } catch (error) {
      if (error instanceof TooManyLoginAttemptsException) throw error;
      this.logger.warn(`Login throttling is unavailable: ${(error as Error).message}`);
    }
  }

  async recordFailure(email: string, ip: string | null): Promise<void> {
    const now = Date.now();
    const keys = [this.accountKey(email), ...(ip ? [this.ipKey(ip)] : [])];
    try {
      const pipeline = this.redis.multi();
      for (const key of keys) {
        pipeline.zadd(key, now, `${now}-${randomUUID()}`);
        pipeline.pexpire(key, WINDOW_MS);
      }
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`Could not record a failed login: ${(error as Error).message}`);
    }
  }

  /** A successful login clears the account's failures (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    try {
      await this.redis.del(this.accountKey(email));
    } catch (error) {
      this.logger.warn(`Could not reset failed logins: ${(error as Error).message}`);
    }
  }

  private accountKey(email: string): string {
    return `${this.config.queuePrefix}:login-failures:account:${email.trim().toLowerCase()}`;
  }

  private ipKey(ip: string): string {
    return `${this.config.queuePrefix}:login-failures:ip:${ip}`;
  }
}
