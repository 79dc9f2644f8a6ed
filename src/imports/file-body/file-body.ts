import {
  applyDecorators,
  BadRequestException,
  createParamDecorator,
  type ExecutionContext,
  PayloadTooLargeException,
  type PipeTransform,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

export const CSV_MEDIA_TYPE = 'text/csv';
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';

/** Bodies that are files rather than JSON: only the routes that declare them take them. */
const FILE_MEDIA_TYPES: readonly string[] = [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE, MULTIPART_MEDIA_TYPE];

/** File bodies handed to their route as the unread request stream (multipart has its own parser). */
export const RAW_MEDIA_TYPES: readonly string[] = [CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE];

const METHODS_WITH_BODIES = new Set(['POST', 'PUT', 'PATCH']);

interface FileBodyRouteConfig {
  fileBody?: readonly string[];
}

/**
 * Marks a route whose body is a file of one of these media types; it then refuses any other
 * type (415), while every other route keeps refusing these (JSON routes stay JSON-only).
 */
export function AcceptsFileBody(...mediaTypes: string[]): MethodDecorator {
  return applyDecorators(
    RouteConfig({ fileBody: mediaTypes } satisfies FileBodyRouteConfig),
    ApiConsumes(...mediaTypes),
    ApiUnsupportedMediaTypeResponse({ description: `The body is not ${mediaTypes.join(' or ')}` }),
  );
}

function mediaTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** The `onRequest` check behind `AcceptsFileBody`: it runs before any byte of the body is read. */
export function assertBodyMediaType(request: FastifyRequest): void {
  if (request.is404 || !METHODS_WITH_BODIES.has(request.method)) return;
  const accepted = (request.routeOptions.config as FileBodyRouteConfig).fileBody;
  const type = mediaTypeOf(request.headers['content-type']);
  if (accepted) {
    if (type === undefined || !accepted.includes(type)) {
      throw new UnsupportedMediaTypeException(`Unsupported content type: send ${accepted.join(' or ')}`);
    }
  } else if (type !== undefined && FILE_MEDIA_TYPES.includes(type)) {
    throw new UnsupportedMediaTypeException('Unsupported content type: send application/json');
  }
}

/**
 * Reads a request body into memory, refusing (413) one over `maxBytes`: at once when its
 * Content-Length says so, otherwise as soon as it grows past the limit. The rest of a refused
 * body is discarded, not destroyed, so the client still receives the answer.
 */
export function readBody(stream: Readable, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLargeException(`The file is larger than ${maxBytes / (1024 * 1024)} MiB`);
  const declared = Number((stream as Partial<IncomingMessage>).headers?.['content-length']);
  if (declared > maxBytes) {
    stream.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stream.off('data', onData);
      stream.resume();
      reject(tooLarge());
    };
    stream.on('data', onData);
    stream.once('end', () => resolve(Buffer.concat(chunks, size)));
    stream.once('error', reject);
    // A client that goes away mid-upload ends nothing; after 'end' this changes nothing.
    stream.once('close', () => reject(new BadRequestException('The upload was interrupted')));
  });
}

class ReadBodyPipe implements PipeTransform<unknown, Promise<Buffer>> {
  constructor(private readonly maxBytes: number) {}

  transform(value: unknown): Promise<Buffer> {
    if (!(value instanceof Readable)) return Promise.reject(new UnsupportedMediaTypeException('The body must be a file'));
    return readBody(value, this.maxBytes);
  }
}

const RawBody = createParamDecorator((_data: unknown, context: ExecutionContext): unknown => context.switchToHttp().getRequest<FastifyRequest>().body);

/**
 * The file of a route declared with `AcceptsFileBody`, read into a Buffer of at most `maxBytes`.
 * A pipe reads it, after the guards: an unauthenticated caller's upload is never buffered.
 */
export const FileBody = (maxBytes: number): ParameterDecorator => RawBody(undefined, new ReadBodyPipe(maxBytes));
