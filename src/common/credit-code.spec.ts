import { describe, expect, it } from '@jest/globals';
import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
  withCheckCharacter,
} from './credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    // Published examples of valid codes.
    ['91350100M000100Y43'],
    ['91110000802100433B'],
    ['91310000132149237G'],
  ])('accepts %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y433', 'LENGTH'],
    ['', 'LENGTH'],
    ['91350100M000100Y4I', 'CHARACTER'],
    ['91350100M000100O43', 'CHARACTER'],
    ['91350100m000100Y43', 'CHARACTER'],
    ['91350100M000100Y44', 'CHECK_CHARACTER'],
    ['91350100M000100Y40', 'CHECK_CHARACTER'],
    ['91350100M000101Y43', 'CHECK_CHARACTER'],
  ])('refuses %s with %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it.each([
    ['91350100M000100Y4', '3'],
    ['91110000802100433', 'B'],
  ])('computes the check character of %s as %s', (first17, check) => {
    expect(creditCodeCheckCharacter(first17)).toBe(check);
  });

  it('writes a remainder of 0 as the check character 0', () => {
    // Search a prefix whose weighted sum is divisible by 31: the check character must be '0', not 31.
    let found: string | undefined;
    for (let n = 0; n < 1000 && !found; n += 1) {
      const prefix = `9137020000000${String(n).padStart(4, '0')}`;
      if (creditCodeCheckCharacter(prefix) === '0') found = prefix;
    }
    expect(found).toBeDefined();
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });

  it('refuses a prefix it cannot complete', () => {
    expect(creditCodeCheckCharacter('9135010')).toBeNull();
    expect(creditCodeCheckCharacter('91350100I00010000')).toBeNull();
    expect(() => withCheckCharacter('short')).toThrow();
  });

  it('completes and normalises', () => {
    expect(withCheckCharacter('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });
});
