import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { isValidCreditCode } from '../src/common/credit-code.js';

/** `npm run credit-code` as a user runs it: the built command, its output and its exit code. */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/src/organizations/credit-code.cli.js', ...args], {
    encoding: 'utf8',
  });

describe('npm run credit-code', () => {
  it('prints the code with its check character', () => {
    const run = cli('91370200MA3C7Q8K1');
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '91370200MA3C7Q8K1B\n',
      stderr: '',
    });
  });

  it('prints five fresh valid codes without an argument', () => {
    const run = cli();
    expect(run.status).toBe(0);
    const codes = run.stdout.trim().split('\n');
    expect(codes).toHaveLength(5);
    for (const code of codes) expect(isValidCreditCode(code)).toBe(true);
  });

  it('refuses bad input with one line on stderr and exit code 2', () => {
    const run = cli('91370200MA3C7Q8KZ');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      '91370200MA3C7Q8KZ: "Z" is not allowed: digits and upper-case letters other than I, O, Z, S and V only',
    ]);
  });
});
