import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ErrorReason } from '../error-catalogue.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isLocalDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function parse(value: unknown): string {
  if (typeof value === 'string' && isLocalDate(value)) return value;
  throw new GraphQLError('LocalDate must be a real calendar date written YYYY-MM-DD', {
    extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' satisfies ErrorReason },
  });
}

/**
 * A calendar date without a time or a zone (a certificate's validity), as PostgreSQL's `date`: sent and accepted
 * as `YYYY-MM-DD`. Instants are `DateTime`.
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date without time or zone, written YYYY-MM-DD (e.g. 2026-12-31).',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return parse(ast.value);
    throw new GraphQLError('LocalDate must be a string YYYY-MM-DD', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' satisfies ErrorReason },
    });
  },
});
