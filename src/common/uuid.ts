import { UserInputError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For ID arguments outside an input object: BAD_USER_INPUT instead of a database error. */
export function assertUuid(value: string, field = 'id'): string {
  if (!UUID.test(value)) throw UserInputError.field(field, 'must be a UUID');
  return value;
}
