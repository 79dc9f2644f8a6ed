import { startTestApp, type TestApp } from '../helpers/app.js';
import { CONTRACT_ROUTES } from '../helpers/contract.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { eventually } from '../helpers/wait.js';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
}

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** `/api/v1/pilots/{pilotId}/tasks` → `/api/v1/pilots/{}/tasks`: parameter names may differ. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

describe('operations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  describe('GET /health', () => {
    it('answers 200 {status: "ok"} without a token when Postgres and Redis answer', async () => {
      const response = await t.http.get('/health');
      expect(response).toHaveStatus(200);
      expect(response.body).toMatchObject({ status: 'ok' });
    });

    it('answers 503 while Redis does not answer, and 200 again once it is back', async () => {
      // This app reaches Redis through a proxy the test can cut, leaving the shared Redis alone.
      const redis = new URL(t.config.redisUrl);
      const proxy = await startTcpProxy(Number(redis.port || 6379), redis.hostname);
      const app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, LOG_LEVEL: 'fatal' });
      try {
        expect(await app.http.get('/health')).toHaveStatus(200);

        proxy.cut();
        const response = await app.http.get('/health');
        expect(response).toHaveStatus(503);
        expect(response.body.status).not.toBe('ok');

        proxy.restore();
        await eventually(async () => expect(await app.http.get('/health')).toHaveStatus(200));
      } finally {
        proxy.restore();
        await app.close();
        await proxy.close();
      }
    });
  });

  describe('OpenAPI', () => {
    let document: OpenApiDocument;

    beforeAll(async () => {
      const response = await t.http.get('/docs-json');
      expect(response).toHaveStatus(200);
      document = response.body as OpenApiDocument;
    });

    it('is served at /docs-json without a token', () => {
      expect(document.openapi).toMatch(/^3\./);
      expect(Object.keys(document.paths).length).toBeGreaterThan(0);
    });

    it.each(CONTRACT_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('documents %s', (_name, route) => {
      const documented = Object.entries(document.paths)
        .filter(([path]) => shape(path) === shape(route.path))
        .flatMap(([, operations]) => Object.keys(operations).map((method) => method.toUpperCase()));
      expect(documented).toContain(route.method);
    });

    /** A schema with its `$ref` followed. */
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref ? document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
    const answerOf = (method: string, path: string, status = '200') =>
      resolve(document.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema);

    /** Every route taking `limit` and `offset` is a list, and answers `{items, total}`. */
    const listRoutes = () =>
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => ['limit', 'offset'].every((name) => operation.parameters?.some((p) => p.in === 'query' && p.name === name)))
          .map(([method]) => [`${method.toUpperCase()} ${path}`, method, path] as const),
      );

    it('finds the list routes of the contract', () => {
      const lists = listRoutes().map(([name]) => name);
      for (const path of ['/api/v1/users', '/api/v1/pilots', '/api/v1/periods', '/api/v1/reports', '/api/v1/summaries', '/api/v1/notifications', '/api/v1/audit']) {
        expect(lists).toContain(`GET ${path}`);
      }
    });

    it('documents every list answer as {items: [a named schema], total: number}', () => {
      const problems = listRoutes().flatMap(([name, method, path]) => {
        const answer = answerOf(method, path);
        if (!answer) return [`${name}: no JSON schema`];
        // The overdue list adds asOf beside items and total.
        const ok =
          answer.type === 'object' &&
          answer.properties?.items?.type === 'array' &&
          answer.properties.items.items?.$ref !== undefined &&
          resolve(answer.properties.items.items)?.properties !== undefined &&
          ['integer', 'number'].includes(answer.properties.total?.type ?? '') &&
          ['items', 'total'].every((key) => answer.required?.includes(key));
        return ok ? [] : [`${name}: ${JSON.stringify(answer)}`];
      });
      expect(problems).toEqual([]);
    });

    it('documents the nullable strings of a user update as nullable strings', () => {
      const update = document.components.schemas.UpdateUserDto!;
      for (const field of ['pilotId', 'province', 'displayName']) {
        expect({ field, ...update.properties?.[field] }).toMatchObject({ field, type: 'string', nullable: true });
      }
    });

    it.each([
      ['post', '/api/v1/reminders/run', { notified: 'integer', asOf: 'string' }],
      ['post', '/api/v1/notifications/read-all', { updated: 'integer' }],
      ['post', '/api/v1/admin/queues-session', { url: 'string', expiresAt: 'string' }],
    ] as const)('documents the answer of %s %s', (method, path, fields) => {
      const answer = answerOf(method, path);
      expect(answer?.type).toBe('object');
      for (const [field, type] of Object.entries(fields)) expect({ field, type: answer?.properties?.[field]?.type }).toEqual({ field, type });
    });

    it('serves Swagger UI at /docs', async () => {
      const response = await t.http.get('/docs').redirects(2);
      expect(response).toHaveStatus(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toMatch(/swagger/i);
    });
  });
});
