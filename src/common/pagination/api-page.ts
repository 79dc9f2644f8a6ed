import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath, type SchemaObject } from '@nestjs/swagger';

/** The schema of a list route's answer, `{items: Item[], total}` (API.md "General"). */
export function pageSchema(item: Type<unknown>): SchemaObject {
  return {
    type: 'object',
    required: ['items', 'total'],
    properties: {
      items: { type: 'array', items: { $ref: getSchemaPath(item) } },
      total: { type: 'integer', minimum: 0, description: 'How many match, over all pages' },
    },
  };
}

/** Documents a list route's 200 answer as a page of `item`. */
export function ApiPageResponse(item: Type<unknown>, description?: string): MethodDecorator {
  return applyDecorators(ApiExtraModels(item), ApiOkResponse({ description, schema: pageSchema(item) }));
}
