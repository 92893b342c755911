import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, UserInputError } from './errors.js';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Validates every resolver argument with class-validator and answers BAD_USER_INPUT with one entry
 * per field and reason. Unknown properties are refused (GraphQL refuses unknown input fields first).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
