import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { CreateUserDto } from '../../users/dto/user.dto.js';
import { createValidationPipe } from './validation.pipe.js';

const pipe = createValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function messagesFor(value: unknown, metatype: ArgumentMetadata['metatype']): Promise<string[]> {
  try {
    await pipe.transform(value, body(metatype));
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { message: string[] }).message;
    throw error;
  }
  return [];
}

const validUser = { email: 'reviewer@hebei.example.cn', password: 'a-long-password', role: 'reviewer' };

describe('the validation pipe', () => {
  it('passes a valid body', async () => {
    expect(await messagesFor(validUser, CreateUserDto)).toEqual([]);
  });

  it('refuses a lone surrogate with a 400 naming the field (IsEmail would throw on it)', async () => {
    const parsed: unknown = JSON.parse('{"email":"x\\udc00y@example.cn","password":"a-long-password","role":"reviewer"}');
    expect(await messagesFor(parsed, CreateUserDto)).toEqual(['property email holds text that is not valid Unicode (a lone surrogate)']);
  });

  it('refuses a lone surrogate deep inside arrays and in property names', async () => {
    const parsed: unknown = JSON.parse('{"tasks":[{"note":"\\ud800"}],"\\udfff":1}');
    expect(await messagesFor(parsed, CreateUserDto)).toEqual([
      'property tasks.0.note holds text that is not valid Unicode (a lone surrogate)',
      'property name "\\udfff" is not valid Unicode (a lone surrogate)',
    ]);
  });

  it('refuses keys that shadow Object.prototype', async () => {
    const parsed: unknown = JSON.parse('{"email":"a@b.cn","__proto__":{"role":"admin"},"constructor":1}');
    expect(await messagesFor(parsed, CreateUserDto)).toEqual(['property __proto__ is not allowed', 'property constructor is not allowed']);
  });
});

/** Every DTO class with validation rules, found from the feature folders' `dto/` directories. */
async function allValidatedClasses(): Promise<[string, new () => object][]> {
  // Jest runs from the repository root.
  const src = resolve('src');
  const found: [string, new () => object][] = [];
  for (const feature of readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    let files: string[] = [];
    try {
      files = readdirSync(join(src, feature.name, 'dto')).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const module = (await import(join(src, feature.name, 'dto', file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        if (typeof value === 'function' && fieldsOf(value as new () => object).length) found.push([name, value as new () => object]);
      }
    }
  }
  return found;
}

function fieldsOf(target: new () => object): string[] {
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(target, '', true, false).map((rule) => rule.propertyName))];
}

const NASTY = ['\u0000', '\ud800', 'x\udc00y', '\uffff', '\u202e', "' OR 1=1 --", '%00', '', '2024-02-30', '1e9', 'NaN', '00000000-0000-0000-0000-000000000000'];
const leaf = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(-1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 0.5, true, null, [], {}),
);

describe('every DTO under generated junk', () => {
  it('answers a value or a 400, never throws anything else', async () => {
    const classes = await allValidatedClasses();
    expect(classes.length).toBeGreaterThan(30);
    for (const [name, target] of classes) {
      const fields = fieldsOf(target);
      const nested = fc.letrec((tie) => ({
        value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...fields), tie('value'), { maxKeys: 3 })),
      })).value;
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), nested), fc.constantFrom('body', 'query'), async (generated, type) => {
          // Through JSON text, as a client's body arrives (plain objects, own "__proto__" keys).
          const input: unknown = JSON.parse(JSON.stringify(generated));
          try {
            await pipe.transform(input, { type: type as 'body' | 'query', metatype: target });
          } catch (error) {
            if (!(error instanceof BadRequestException)) throw new Error(`${name} threw ${String(error)} for ${JSON.stringify(input).slice(0, 200)}`);
          }
        }),
        { numRuns: 300, endOnFailure: true },
      );
    }
  }, 60_000);
});
