import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { setUpOpenApi } from './openapi.js';
import { mountQueuesDashboard } from './queues-dashboard/mount-queues-dashboard.js';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function logLevelsFrom(level: AppConfig['logLevel']): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

/** Builds the HTTP application, configured but not yet listening (tests call `init()` instead). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // Reuse a caller's request id when it looks like one, so logs can be joined across services.
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: logLevelsFrom(config.logLevel),
    abortOnError: false,
    // Fastify's own JSON parser is all the API needs; Nest would add a form parser.
    bodyParser: false,
  });

  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON: any other body type is answered 415 rather than parsed as text.
  fastify.removeContentTypeParser(['text/plain']);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  releaseKeepAliveConnectionsOnClose(fastify);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI styles itself inline and loads its images as data: URLs.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        // Plain-HTTP intranet deployments must keep working; TLS is the proxy's business.
        upgradeInsecureRequests: null,
      },
    },
  });

  // Closed unless origins are configured: the console is served from the same origin.
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['etag', 'retry-after', 'x-request-id'] });
  await mountQueuesDashboard(app);
  await serveWebConsole(app, config);

  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  // Exit 0 once closed, rather than re-raising the signal: orchestrators read a signal death as a crash.
  app.enableShutdownHooks([], { useProcessExit: true });
  setUpOpenApi(app);
  new Logger('App').debug('HTTP application created');
  return app;
}

/**
 * Closing waits for every open connection, and a keep-alive client whose request was in flight
 * at SIGTERM would hold its connection (and the process) open for as long as it likes. While
 * closing, each answer therefore asks the client to close, and the connection is released as
 * soon as it falls idle.
 */
function releaseKeepAliveConnectionsOnClose(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  fastify.addHook('onResponse', async () => {
    if (closing) setImmediate(() => fastify.server.closeIdleConnections());
  });
}

/** Paths the console never answers: the API, its documentation, the health check and the queue dashboard keep their 404s. */
const SERVER_PATHS = /^\/(?:api|docs|docs-json|health|admin\/queues)(?:[/?.-]|$)/;

/**
 * Serves the web console built into web/dist (`npm run build:web`) at `/`. Its files are
 * answered as they are; any other page a browser asks for gets index.html, whose router shows
 * the page (SPA fallback). Requests that do not ask for HTML keep the JSON 404. Files are
 * looked up per request, so a rebuild of the console needs no restart.
 */
async function serveWebConsole(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const root = resolve('web/dist');
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('App').warn('web/dist/index.html is missing: run `npm run build:web` to serve the console');
    return;
  }
  // Swagger UI's own @fastify/static instance already decorates the reply.
  // Vite names the built assets by their content hash: they never change.
  await app.register(fastifyStatic, { root: join(root, 'assets'), prefix: '/assets/', decorateReply: false, index: false, immutable: true, maxAge: '365d' });
  // The other files (the icon) are few and fixed; index.html is answered below.
  await app.register(fastifyStatic, { root, wildcard: false, globIgnore: ['assets/**', 'index.html'], decorateReply: false, index: false });

  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    if (SERVER_PATHS.test(request.url) || !request.headers.accept?.includes('text/html')) return reply.callNotFound();
    // The console shows dates in APP_TIMEZONE (a validated IANA name, safe in an attribute).
    const page = (await readFile(indexFile, 'utf8')).replace(/<meta name="app-timezone" content="[^"]*"/, `<meta name="app-timezone" content="${config.timezone}"`);
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', sendPage);
  fastify.get('/*', sendPage);
}
