import { randomInt } from 'node:crypto';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  normalizeCreditCode,
} from '../common/credit-code.js';

/** What `npm run credit-code` prints and its exit code; pure apart from the random codes. */
export interface CreditCodeCommandResult {
  exitCode: 0 | 2;
  /** Lines for stdout (exit 0) or the one line for stderr (exit 2). */
  lines: string[];
}

export const CREDIT_CODE_USAGE =
  'usage: npm run credit-code -- <the first 17 characters of a unified social credit code>';

/** A fresh code: 91 (a company), the region, a random 9-digit organisation code, its check character. */
export function randomCreditCode(region = '310000'): string {
  const digits = Array.from({ length: 9 }, () => String(randomInt(10))).join('');
  return `91${region}${digits}${creditCodeCheckCharacter(`91${region}${digits}`)}`;
}

/**
 * `npm run credit-code -- 91370200163590750`: the 18-character code with its GB 32100 check character.
 * Without an argument: five fresh valid codes (random, so almost surely held by no organisation).
 */
export function creditCodeCommand(args: string[]): CreditCodeCommandResult {
  if (args.length === 0) {
    return { exitCode: 0, lines: Array.from({ length: 5 }, () => randomCreditCode()) };
  }
  if (args.length > 1) return { exitCode: 2, lines: [CREDIT_CODE_USAGE] };
  const first17 = normalizeCreditCode(args[0]);
  if (first17.length !== 17) {
    return {
      exitCode: 2,
      lines: [
        `${args[0]}: must be 17 characters (the check character is computed), not ${first17.length}`,
      ],
    };
  }
  const bad = [...first17].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad !== undefined) {
    return {
      exitCode: 2,
      lines: [
        `${args[0]}: "${bad}" is not allowed: digits and upper-case letters other than I, O, Z, S and V only`,
      ],
    };
  }
  return { exitCode: 0, lines: [`${first17}${creditCodeCheckCharacter(first17)}`] };
}
