import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  NestInterceptor,
  UnprocessableEntityException,
  UseInterceptors,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { firstValueFrom, type Observable, of } from 'rxjs';
import type { AuthUser } from '../../auth/auth-user.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { REDIS } from '../../redis/redis.module.js';
import { toErrorResponse } from './all-exceptions.filter.js';

const KEEP_SECONDS = 24 * 3600;
/** How long a repeat waits for the first request with the same key to finish. */
const WAIT_FOR_FIRST_MS = 30_000;
const POLL_MS = 50;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Response headers worth replaying. */
const REPLAYED_HEADERS = ['etag', 'location'];

interface StoredResponse {
  state: 'done';
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
interface Pending {
  state: 'pending';
  fingerprint: string;
}

/**
 * `Idempotency-Key` for POSTs that create or transition: the same key with the same body answers
 * the first response again, with another body 422; keys live 24 hours. Concurrent repeats wait
 * for the first request. Server errors are not remembered, so they can be retried. While Redis
 * is away the request is simply processed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0]! : header;
    if (!KEY_PATTERN.test(key)) {
      throw new HttpException({ message: ['Idempotency-Key must be 1-200 visible ASCII characters'] }, HttpStatus.BAD_REQUEST);
    }

    const redisKey = `${this.config.queuePrefix}:idempotency:${request.user?.id ?? 'anonymous'}:${key}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    let claimed: boolean;
    try {
      const pending: Pending = { state: 'pending', fingerprint };
      claimed = (await this.redis.set(redisKey, JSON.stringify(pending), 'EX', KEEP_SECONDS, 'NX')) === 'OK';
    } catch (error) {
      this.logger.warn(`Idempotency keys are unavailable, processing normally: ${(error as Error).message}`);
      return next.handle();
    }

    if (!claimed) return of(this.replay(reply, await this.awaitFirst(redisKey, fingerprint)));

    try {
      const body = await firstValueFrom(next.handle(), { defaultValue: undefined });
      await this.remember(redisKey, fingerprint, reply.statusCode, this.headersOf(reply), body);
      return of(body);
    } catch (error) {
      const { body } = toErrorResponse(error, String(request.id));
      if (body.statusCode < 500) await this.remember(redisKey, fingerprint, body.statusCode, {}, body);
      else await this.redis.del(redisKey).catch(() => undefined);
      throw error;
    }
  }

  private async awaitFirst(redisKey: string, fingerprint: string): Promise<StoredResponse> {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const raw = await this.redis.get(redisKey);
      const stored = raw ? (JSON.parse(raw) as StoredResponse | Pending) : null;
      if (stored && stored.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException('This Idempotency-Key was already used with a different request');
      }
      if (stored?.state === 'done') return stored;
      if (!stored || Date.now() > deadline) {
        throw new HttpException('The first request with this Idempotency-Key is still running; retry shortly', HttpStatus.CONFLICT);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Answers the stored response again; a stored client error is thrown again through the error filter. */
  private replay(reply: FastifyReply, stored: StoredResponse): unknown {
    void reply.headers({ ...stored.headers, 'idempotent-replayed': 'true' });
    if (stored.status >= 400) throw new HttpException(stored.body as Record<string, unknown>, stored.status);
    return stored.body;
  }

  private headersOf(reply: FastifyReply): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    return headers;
  }

  private async remember(redisKey: string, fingerprint: string, status: number, headers: Record<string, string>, body: unknown): Promise<void> {
    const stored: StoredResponse = { state: 'done', fingerprint, status, headers, body };
    try {
      await this.redis.set(redisKey, JSON.stringify(stored), 'EX', KEEP_SECONDS);
    } catch (error) {
      this.logger.warn(`Could not remember the response for an Idempotency-Key: ${(error as Error).message}`);
    }
  }
}

/** Accepts `Idempotency-Key` on a route that creates or transitions. */
export const Idempotent = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Repeating a request with the same key and body answers the first response again (kept 24 h); another body → 422',
    }),
  );
