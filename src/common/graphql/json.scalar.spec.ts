import { describe, expect, it } from '@jest/globals';
import { GraphQLError, parseValue } from 'graphql';
import { JSON_MAX_DEPTH, JSON_MAX_NODES, JsonScalar } from './json.scalar.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    return (e as GraphQLError).extensions;
  }
  throw new Error('expected a refusal');
};

describe('JSON scalar', () => {
  const plain = { a: [1, 2.5, 'x', true, null, { b: {} }], 'ü "key"': -0.1 };

  it('sends and takes plain JSON values as themselves', () => {
    for (const v of [plain, [], 'text', 0, false, null]) {
      expect(JsonScalar.serialize(v)).toEqual(v);
      expect(JsonScalar.parseValue(v)).toEqual(v);
    }
  });

  it('takes literals, variables inside them included, but no enum values', () => {
    expect(
      JsonScalar.parseLiteral(parseValue('{ a: [1, 2.5, "x", true, null, $v], b: { c: -3 } }'), {
        v: { d: 'e' },
      }),
    ).toEqual({ a: [1, 2.5, 'x', true, null, { d: 'e' }], b: { c: -3 } });
    expect(refusal(() => JsonScalar.parseLiteral(parseValue('{ a: RED }'), {}))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_JSON',
    });
  });

  it.each([
    ['undefined', { a: undefined }],
    ['a function', { a: () => 1 }],
    ['a bigint', 1n],
    ['NaN', Number.NaN],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a class instance', new (class Thing {})()],
  ])('refuses %s as input (BAD_USER_INPUT) and as output', (_what, value) => {
    expect(refusal(() => JsonScalar.parseValue(value))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_JSON',
    });
    expect(() => JsonScalar.serialize(value)).toThrow(GraphQLError);
  });

  it('refuses input nested too deep or with too many values, and the key __proto__', () => {
    let deep: unknown = 1;
    for (let i = 0; i < JSON_MAX_DEPTH; i += 1) deep = [deep];
    expect(JsonScalar.parseValue(deep)).toEqual(deep);
    expect(refusal(() => JsonScalar.parseValue([deep]))).toMatchObject({ reason: 'INVALID_JSON' });
    expect(JsonScalar.parseValue(Array.from({ length: JSON_MAX_NODES - 1 }, () => 0))).toHaveLength(
      JSON_MAX_NODES - 1,
    );
    expect(
      refusal(() => JsonScalar.parseValue(Array.from({ length: JSON_MAX_NODES }, () => 0))),
    ).toMatchObject({ reason: 'INVALID_JSON' });
    expect(
      refusal(() => JsonScalar.parseValue(JSON.parse('{"__proto__": {"polluted": true}}'))),
    ).toMatchObject({ reason: 'INVALID_JSON' });
  });
});
