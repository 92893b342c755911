import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { deriveTokenKey, signToken, verifyToken } from './signed-token.js';

const key = deriveTokenKey('a-secret-of-the-service-0123456789abcdef');
const now = 1_800_000_000;
const claims = { p: 'RESET_PASSWORD', id: '6f1c1f1e-4a3b-4c1d-9e2f-0a1b2c3d4e5f', exp: now + 60 };

describe('signed tokens', () => {
  it('accepts a token it signed, for its purpose, before its expiry', () => {
    expect(verifyToken(key, 'RESET_PASSWORD', signToken(key, claims), now)).toEqual({
      ok: true,
      claims,
    });
  });

  it.each([
    ['another purpose', signToken(key, claims), 'VERIFY_EMAIL', now, 'WRONG_PURPOSE'],
    ['at its expiry', signToken(key, claims), 'RESET_PASSWORD', now + 60, 'EXPIRED'],
    [
      'signed with another key',
      signToken(deriveTokenKey('another-secret-another-secret-0123456'), claims),
      'RESET_PASSWORD',
      now,
      'BAD_SIGNATURE',
    ],
    ['with no signature', signToken(key, claims).split('.')[0], 'RESET_PASSWORD', now, 'MALFORMED'],
    ['with a line break', `${signToken(key, claims)}\r\n`, 'RESET_PASSWORD', now, 'MALFORMED'],
    ['empty', '', 'RESET_PASSWORD', now, 'MALFORMED'],
  ])('refuses a token %s', (_name, token, purpose, at, problem) => {
    expect(verifyToken(key, purpose, token, at)).toEqual({ ok: false, problem });
  });

  it('refuses a payload changed after signing (a longer expiry, another id)', () => {
    const [, signature] = signToken(key, claims).split('.');
    for (const forged of [
      { ...claims, exp: now + 10_000_000 },
      { ...claims, id: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const payload = Buffer.from(JSON.stringify(forged)).toString('base64url');
      expect(verifyToken(key, 'RESET_PASSWORD', `${payload}.${signature}`, now)).toEqual({
        ok: false,
        problem: 'BAD_SIGNATURE',
      });
    }
  });

  it('refuses a signed payload that is not the claims (no expiry)', () => {
    const payload = Buffer.from(JSON.stringify({ p: 'RESET_PASSWORD', id: 'x' })).toString(
      'base64url',
    );
    const token = `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
    expect(verifyToken(key, 'RESET_PASSWORD', token, now)).toEqual({
      ok: false,
      problem: 'MALFORMED',
    });
  });
});
