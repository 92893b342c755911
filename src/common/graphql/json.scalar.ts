import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import type { ErrorReason } from '../error-catalogue.js';

/** JSON nesting accepted at most (objects and arrays inside each other). */
export const JSON_MAX_DEPTH = 32;
/** Values (objects, arrays, scalars and keys) accepted at most in one JSON value. */
export const JSON_MAX_NODES = 10_000;

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

class NotJson extends Error {}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The value itself when it is plain JSON within the bounds (null, booleans, finite numbers, strings, arrays
 * and plain objects); NotJson otherwise (undefined, functions, symbols, bigints, NaN/Infinity, Dates, class
 * instances, Maps, too deep or too large).
 */
function checkJson(value: unknown): JsonValue {
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    nodes += 1;
    if (nodes > JSON_MAX_NODES) throw new NotJson(`more than ${JSON_MAX_NODES} values`);
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new NotJson('a number that is not finite');
      return;
    }
    if (typeof v !== 'object') throw new NotJson(`a ${typeof v}`);
    if (depth >= JSON_MAX_DEPTH) throw new NotJson(`nested deeper than ${JSON_MAX_DEPTH}`);
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1);
      return;
    }
    if (!isPlainObject(v)) throw new NotJson('an object that is not plain JSON');
    for (const [key, item] of Object.entries(v)) {
      nodes += 1;
      if (key === '__proto__') throw new NotJson('the key __proto__');
      walk(item, depth + 1);
    }
  };
  walk(value, 0);
  return value as JsonValue;
}

const refused = (why: string) =>
  new GraphQLError(`JSON must be a plain JSON value (${why})`, {
    extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_JSON' satisfies ErrorReason },
  });

function parse(value: unknown): JsonValue {
  try {
    return checkJson(value);
  } catch (e) {
    if (e instanceof NotJson) throw refused(e.message);
    throw e;
  }
}

/** A literal as a JSON value: objects, lists, strings, numbers, booleans, null and variables; no enum values. */
function fromLiteral(
  ast: ValueNode,
  variables: Record<string, unknown> | null | undefined,
): unknown {
  switch (ast.kind) {
    case Kind.NULL:
      return null;
    case Kind.BOOLEAN:
    case Kind.STRING:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map((v) => fromLiteral(v, variables));
    case Kind.OBJECT: {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const f of ast.fields) out[f.name.value] = fromLiteral(f.value, variables);
      return out;
    }
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw refused('an enum value');
  }
}

/**
 * Any JSON value (object, array, string, number, boolean or null), sent as itself, not as JSON text. Input is
 * bounded (depth and number of values) and must be plain JSON: anything else is BAD_USER_INPUT (INVALID_JSON).
 */
export const JsonScalar = new GraphQLScalarType<JsonValue, JsonValue>({
  name: 'JSON',
  description: `Any JSON value (object, array, string, number, boolean or null), sent as itself, not as JSON text; at most ${JSON_MAX_DEPTH} levels deep and ${JSON_MAX_NODES} values.`,
  serialize: (value) => {
    try {
      return checkJson(value);
    } catch (e) {
      // A value the service produced that is not JSON is a bug: an internal error, not the client's input.
      if (e instanceof NotJson) throw new GraphQLError(`JSON cannot represent ${e.message}`);
      throw e;
    }
  },
  parseValue: parse,
  parseLiteral: (ast, variables) => parse(fromLiteral(ast, variables)),
});
