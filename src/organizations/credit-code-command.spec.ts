import { describe, expect, it } from '@jest/globals';
import { isValidCreditCode } from '../common/credit-code.js';
import { creditCodeCommand } from './credit-code-command.js';

describe('npm run credit-code', () => {
  it('completes 17 characters with the check character', () => {
    // 91350100M000100Y4 + 3 is a published valid code.
    expect(creditCodeCommand(['91350100M000100Y4'])).toEqual({
      exitCode: 0,
      lines: ['91350100M000100Y43'],
    });
    expect(creditCodeCommand([' 91110000802100433 '])).toEqual({
      exitCode: 0,
      lines: ['91110000802100433B'],
    });
  });

  it('accepts lower-case letters and upper-cases them', () => {
    expect(creditCodeCommand(['91350100m000100y4']).lines).toEqual(['91350100M000100Y43']);
  });

  it('prints five fresh valid codes without an argument', () => {
    const { exitCode, lines } = creditCodeCommand([]);
    expect(exitCode).toBe(0);
    expect(lines).toHaveLength(5);
    for (const code of lines) expect(isValidCreditCode(code)).toBe(true);
    expect(new Set(lines).size).toBe(5);
  });

  it.each([
    ['9135010', 'must be 17 characters'],
    ['91350100M000100Y43', 'must be 17 characters'],
    ['91350100O000100Y4', '"O" is not allowed'],
    ['9135010-M000100Y4', '"-" is not allowed'],
  ])('refuses %s with one line and exit code 2', (input, message) => {
    const { exitCode, lines } = creditCodeCommand([input]);
    expect(exitCode).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
  });

  it('refuses more than one argument with the usage', () => {
    const { exitCode, lines } = creditCodeCommand(['91350100M000100Y4', 'x']);
    expect(exitCode).toBe(2);
    expect(lines[0]).toMatch(/^usage: npm run credit-code/);
  });
});
