import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { assertBodyMediaType, RAW_MEDIA_TYPES } from './file-body.js';

/**
 * Teaches the HTTP server the file bodies of `AcceptsFileBody` routes: CSV and XLSX bodies are
 * handed over unread, and a hook refuses (415) a body type its route did not declare. Does
 * nothing in a process without HTTP (the CLI).
 */
@Injectable()
class FileBodyRegistrar implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    const fastify = adapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser([...RAW_MEDIA_TYPES], (_request, payload, done) => done(null, payload));
    fastify.addHook('onRequest', async (request) => assertBodyMediaType(request));
  }
}

@Module({ providers: [FileBodyRegistrar] })
export class FileBodyModule {}
