import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { validationErrorMessages } from './validation-error-messages.js';

/**
 * Keys that name or shadow what every object inherits (`__proto__`, `constructor`, `toString`…):
 * class-transformer drops them silently, so they would slip past the unknown-field check.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * What no validator should ever see: keys that shadow `Object.prototype`, and text holding a lone
 * UTF-16 surrogate (JSON can carry one as `"\ud800"`), which cannot be stored as UTF-8 and makes
 * some validators (e.g. `IsEmail`) throw instead of answering.
 */
function inputProblems(value: unknown, path: string, found: string[]): string[] {
  if (found.length >= 10) return found;
  if (typeof value === 'string') {
    if (!value.isWellFormed()) found.push(`property ${path || '(body)'} holds text that is not valid Unicode (a lone surrogate)`);
    return found;
  }
  if (value === null || typeof value !== 'object') return found;
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) found.push(`property ${child} is not allowed`);
    else if (!key.isWellFormed()) found.push(`property name ${JSON.stringify(key)} is not valid Unicode (a lone surrogate)`);
    else inputProblems((value as Record<string, unknown>)[key], child, found);
  }
  return found;
}

/** Strict input: unknown fields are refused, not dropped, and every problem is named. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = inputProblems(value, '', []);
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
