import { UserInputError } from './errors.js';

/** The one UUID check (any version, as PostgreSQL's uuid type accepts; case-insensitive). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * For ID arguments: an id that is not a UUID is the caller's error (BAD_USER_INPUT naming the field), and never
 * reaches a `::uuid` cast in SQL.
 */
export function assertUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw UserInputError.field(field, 'must be a UUID');
  return value;
}
