import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { validationErrorMessages } from './validation-error-messages.js';

/**
 * Keys that name or shadow what every object inherits (`__proto__`, `constructor`, `toString`…):
 * class-transformer drops them silently, so they would slip past the unknown-field check.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

function forbiddenKeyPaths(value: unknown, path: string, found: string[]): string[] {
  if (value === null || typeof value !== 'object' || found.length >= 10) return found;
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) found.push(`property ${child} is not allowed`);
    else forbiddenKeyPaths((value as Record<string, unknown>)[key], child, found);
  }
  return found;
}

/** Strict input: unknown fields are refused, not dropped, and every problem is named. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = forbiddenKeyPaths(value, '', []);
      if (problems.length) throw new BadRequestException(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(validationErrorMessages(errors)),
  });
}
