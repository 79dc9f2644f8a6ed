import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [extra: string]: unknown;
}

/** PostgreSQL error codes that can only be caused by the request's data. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'A record with the same unique key already exists' },
  '23503': { status: HttpStatus.CONFLICT, message: 'The record is still referenced by other records' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'A value has an invalid format' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'A date or time value is invalid' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'A date or time value is out of range' },
  '22003': { status: HttpStatus.BAD_REQUEST, message: 'A numeric value is out of range' },
  '22001': { status: HttpStatus.BAD_REQUEST, message: 'A text value is too long' },
  '22021': { status: HttpStatus.BAD_REQUEST, message: 'A text value holds a character that cannot be stored (such as NUL)' },
  '22P05': { status: HttpStatus.BAD_REQUEST, message: 'A text value holds a character that cannot be stored (such as NUL)' },
};

/** Errors Fastify raises before a route runs (body parsing, content type, size). */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyLikeError {
  const e = error as FastifyLikeError | null;
  return (
    typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 && typeof e.code === 'string'
  );
}

export function errorBody(statusCode: number, message: string | string[], extra: Record<string, unknown> = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

/**
 * The one place that turns errors into HTTP answers. Client errors say what was wrong; anything
 * unexpected becomes a 500 carrying only a request id, and the details go to the log.
 */
export function toErrorResponse(error: unknown, requestId: string): { body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const headers = (error as HttpException & { headers?: Record<string, string> }).headers ?? {};
    if (typeof response === 'string') return { body: errorBody(status, response), headers };
    const { statusCode: _s, error: _e, message, ...extra } = response as Record<string, unknown>;
    const text = (message as string | string[] | undefined) ?? STATUS_CODES[status] ?? 'Error';
    const body = errorBody(status, text, extra);
    if (status >= 500) body.requestId = requestId;
    return { body, headers };
  }
  if (error instanceof QueryFailedError) {
    const known = PG_CLIENT_ERRORS[(error.driverError as { code?: string }).code ?? ''];
    if (known) return { body: errorBody(known.status, known.message), headers: {} };
  }
  if (isFastifyClientError(error)) {
    return { body: errorBody(error.statusCode!, fastifyMessage(error)), headers: {} };
  }
  return {
    body: errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error', { requestId }),
    headers: {},
  };
}

function fastifyMessage(error: FastifyLikeError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'Request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Unsupported content type: send application/json';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'Body cannot be empty when content-type is application/json';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'Body is not valid JSON';
    default:
      // Fastify's own messages for client errors carry no internals.
      return error.message.replace(/^FST_[A-Z_]+:\s*/, '');
  }
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const { body, headers } = toErrorResponse(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error(
        `${request.method} ${request.url} failed (request ${request.id})`,
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    void reply.status(body.statusCode).headers(headers).send(body);
  }
}
