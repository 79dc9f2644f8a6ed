import { startTestApp, type TestApp } from '../helpers/app.js';
import { CONTRACT_ROUTES } from '../helpers/contract.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { eventually } from '../helpers/wait.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
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

    it('serves Swagger UI at /docs', async () => {
      const response = await t.http.get('/docs').redirects(2);
      expect(response).toHaveStatus(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toMatch(/swagger/i);
    });
  });
});
