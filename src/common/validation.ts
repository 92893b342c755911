import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, UserInputError } from './errors.js';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Checks every string and instant of an argument, however deeply nested, before class-validator runs:
 * PostgreSQL cannot store a NUL character (U+0000) in text or jsonb, and refuses instants before 4713 BC
 * that JavaScript accepts. Both would otherwise surface as a server error.
 */
function storable(value: unknown, field: string, out: FieldError[], depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field, message: 'must not contain NUL characters (U+0000)' });
  } else if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(value.getTime()) || year < 1 || year > 9999) out.push({ field, message: 'must be between the years 1 and 9999' });
  } else if (value && typeof value === 'object' && depth < 10) {
    for (const [key, item] of Object.entries(value)) storable(item, field ? `${field}.${key}` : key, out, depth + 1);
  }
}

class StorableValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems: FieldError[] = [];
    if (metadata.type !== 'custom') storable(value, metadata.data ?? '', problems);
    if (problems.length) throw new UserInputError(problems);
    return super.transform(value, metadata);
  }
}

/**
 * Validates every resolver argument with class-validator and answers BAD_USER_INPUT with one entry
 * per field and reason. Unknown properties are refused (GraphQL refuses unknown input fields first).
 * NUL characters and instants PostgreSQL cannot store are refused in every argument (see `storable`).
 */
export function createValidationPipe(): ValidationPipe {
  return new StorableValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors, '');
      return new UserInputError(fields.length ? fields : [{ field: 'input', message: 'is invalid' }]);
    },
  });
}
