import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';

/** A list of nested DTOs, each validated; `optional` lets the field be left out. */
export function ListOf(itemType: () => new () => object, maxItems: number, { optional = false } = {}): PropertyDecorator {
  return applyDecorators(
    ...(optional ? [IsOptional()] : []),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(itemType),
  );
}
