import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { ErrorReason } from '../error-catalogue.js';

const DIGITS = /^\d{1,15}$/;

function parse(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && DIGITS.test(value)) return String(BigInt(value));
  throw new GraphQLError(
    'Fen must be a non-negative integer of at most 15 digits (an Int or a string of digits)',
    {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' satisfies ErrorReason },
    },
  );
}

/**
 * Money as an integer number of fen (1/100 CNY). Never a float: sent as a string of digits (bigint in
 * PostgreSQL); accepted as an Int or a string of digits, at most 15 digits.
 */
export const FenScalar = new GraphQLScalarType<string, string>({
  name: 'Fen',
  description:
    'Money in fen (integer cents), sent as a string of digits; accepted as an Int or a string of digits.',
  serialize: (value) => (typeof value === 'bigint' ? value.toString() : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING)
      return parse(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('Fen must be an Int or a string of digits', {
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' satisfies ErrorReason },
    });
  },
});
