/** Validators of input text shared by the modules' DTOs: no control characters, a valid credit code. */
import { registerDecorator, ValidationOptions } from 'class-validator';
import { CREDIT_CODE_MESSAGES, creditCodeProblem, normalizeCreditCode } from './credit-code.js';

export { trim } from './transforms.js';
export const toCreditCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeCreditCode(value) : value;
export const NO_CONTROL_CHARS = /^[^\p{Cc}]*$/u;
/** Control characters except line breaks and tabs (multi-line text). */
export const NO_CONTROL_CHARS_MULTILINE = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

/** A unified social credit code with a correct GB 32100-2015 check character. */
export function IsCreditCode(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCreditCode',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: (args) => {
          const problem =
            typeof args?.value === 'string' ? creditCodeProblem(args.value) : 'LENGTH';
          return `${args?.property} ${CREDIT_CODE_MESSAGES[problem ?? 'CHECK_CHARACTER']}`;
        },
      },
    });
}
