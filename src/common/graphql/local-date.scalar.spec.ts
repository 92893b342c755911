import { describe, expect, it } from '@jest/globals';
import { Kind } from 'graphql';
import { isLocalDate, LocalDateScalar } from './local-date.scalar.js';

describe('LocalDate', () => {
  it.each(['2026-12-31', '2024-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
    expect(LocalDateScalar.parseValue(value)).toBe(value);
  });

  it.each([
    '2026-02-29',
    '2031-02-30',
    '2031/12/31',
    '2031-1-01',
    '2031-13-01',
    '2031-00-10',
    '',
    '20311231',
  ])('refuses %j with BAD_USER_INPUT INVALID_DATE', (value) => {
    expect(isLocalDate(value)).toBe(false);
    expect(() => LocalDateScalar.parseValue(value)).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' },
      }),
    );
  });

  it('refuses a number and a literal that is not a string', () => {
    expect(() => LocalDateScalar.parseValue(20311231)).toThrow(/YYYY-MM-DD/);
    expect(() => LocalDateScalar.parseLiteral({ kind: Kind.INT, value: '20311231' })).toThrow(
      /YYYY-MM-DD/,
    );
  });
});
