/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, Z, S, V). The 18th is a check character:
 * C18 = 31 - (Σ Ci × Wi mod 31), with 31 written as 0. Pure function, no framework imports.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'LENGTH' | 'CHARACTER' | 'CHECK_CHARACTER';

/** The check character for the first 17 characters, or null when they are not valid. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Null when `code` is a valid credit code, else what is wrong with it. Expects it normalised (upper case, trimmed). */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'LENGTH';
  for (const c of code) if (!CREDIT_CODE_ALPHABET.includes(c)) return 'CHARACTER';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'CHECK_CHARACTER';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Trims and upper-cases what a user typed. */
export function normalizeCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/** Completes 17 characters with their check character (demo data, tests). */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (!check) throw new Error(`not a valid credit code prefix: ${first17}`);
  return first17 + check;
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  LENGTH: 'must be 18 characters',
  CHARACTER: 'may contain only digits and upper-case letters other than I, O, Z, S and V',
  CHECK_CHARACTER: 'has a wrong check character (GB 32100-2015)',
};
