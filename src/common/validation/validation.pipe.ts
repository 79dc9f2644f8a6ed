import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { validationErrorMessages } from './validation-error-messages.js';

/** Strict input: unknown fields are refused, not dropped, and every problem is named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(validationErrorMessages(errors)),
  });
}
