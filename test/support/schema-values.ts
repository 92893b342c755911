import {
  GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/**
 * A value that passes GraphQL's own validation for an input type, so a request reaches the guard and the
 * resolver (used by the tests that walk every operation of the schema).
 */
export function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = dummy(field.type);
    }
    return value;
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'ID':
        return '00000000-0000-4000-8000-000000000000';
      case 'DateTime':
        return '2030-01-01T00:00:00.000Z';
      case 'Fen':
        return '1';
      default:
        return 'x';
    }
  }
  throw new Error(`no dummy for ${String(type)}`);
}
