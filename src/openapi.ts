import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { pageSchema } from './common/pagination/api-page.js';
import { ReportListItem, RevisionView } from './reports/dto/report-response.dto.js';

/**
 * List routes whose controllers describe their `{items, total}` in prose only; the document
 * gives them their page schema here. Routes documented with ApiPageResponse keep their own.
 */
const PAGES: Record<string, Type<unknown>> = {
  '/api/v1/reports': ReportListItem,
  '/api/v1/reports/{id}/revisions': RevisionView,
};

/** The OpenAPI document of the HTTP API (also what web/scripts/export-openapi.mjs writes for the console). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Carbon-peaking pilot tracker API')
    .setDescription(
      'Progress tracking and reporting for the national carbon-peaking pilots: pilots, tailored tasks, ' +
        'milestones and indicators, reporting periods, milestone reports and their review.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: Object.values(PAGES) });
  for (const [path, item] of Object.entries(PAGES)) {
    const ok = document.paths[path]?.get?.responses['200'];
    if (ok && 'description' in ok && !ok.content) ok.content = { 'application/json': { schema: pageSchema(item) } };
  }
  return document;
}

/** Serves the OpenAPI document at /docs-json and Swagger UI at /docs. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
