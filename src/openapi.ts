import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

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
  return SwaggerModule.createDocument(app, config);
}

/** Serves the OpenAPI document at /docs-json and Swagger UI at /docs. */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
