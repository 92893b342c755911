import { ValidateBy, type ValidationArguments } from 'class-validator';
import { invisibleCharacters } from '../../common/validation.js';
import { emailMixedScripts } from '../email-identity.js';

/** class-transformer for an e-mail address: NFKC (full-width ａ → a), trimmed, lower-cased. */
export const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFKC').trim().toLowerCase() : value;

function problem(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const invisible = invisibleCharacters(value);
  if (invisible.length)
    return `must not contain invisible or bidirectional control characters (${invisible.join(', ')})`;
  const mixed = emailMixedScripts(value);
  if (mixed.length)
    return `must not mix scripts that look alike (${mixed.join(' and ')}) in its local part or in a domain label`;
  return null;
}

/**
 * An e-mail address a person can tell apart from others (Unicode TR 39): no invisible or bidi control
 * characters, and each of its local part and domain labels in one script (so `hаier` with a Cyrillic а is refused).
 */
export function DistinctEmail(): PropertyDecorator {
  return ValidateBy({
    name: 'distinctEmail',
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} ${problem(args?.value) ?? 'is invalid'}`,
    },
  });
}
