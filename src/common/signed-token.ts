import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signed tokens for links sent by e-mail (address verification, password reset, one-click unsubscribe):
 * `<payload>.<mac>`, both base64url; the payload is the JSON `{ p: purpose, id, exp }` and the MAC its
 * HMAC-SHA256 under a key derived from the service's secret for this use alone (HKDF), so a token of one
 * purpose is never accepted for another and a JWT is never accepted as one. The signature proves the token was
 * issued here; that it is used once is the caller's part (the `id` names a stored row).
 *
 * Pure module: no framework imports.
 */
export interface SignedTokenClaims {
  /** What the token is for. */
  p: string;
  /** The id of the row that makes it single-use. */
  id: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Longer than any token this module writes; anything longer is refused before any work. */
export const SIGNED_TOKEN_MAX_LENGTH = 400;

/** The key of the signed tokens, derived from the service's secret. */
export function deriveTokenKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'marketplace', 'mail-link-tokens-v1', 32));
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload, 'utf8').digest();
}

export function signToken(key: Buffer, claims: SignedTokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

export type TokenCheck =
  | { ok: true; claims: SignedTokenClaims }
  | { ok: false; problem: 'MALFORMED' | 'BAD_SIGNATURE' | 'WRONG_PURPOSE' | 'EXPIRED' };

/** Checks the form, the signature, the purpose and the expiry (at `nowSeconds`) of a token. */
export function verifyToken(
  key: Buffer,
  purpose: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): TokenCheck {
  if (token.length > SIGNED_TOKEN_MAX_LENGTH || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/.test(token))
    return { ok: false, problem: 'MALFORMED' };
  const [payload, signature] = token.split('.');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, problem: 'BAD_SIGNATURE' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'MALFORMED' };
  }
  if (
    typeof claims !== 'object' ||
    claims === null ||
    typeof (claims as SignedTokenClaims).p !== 'string' ||
    typeof (claims as SignedTokenClaims).id !== 'string' ||
    typeof (claims as SignedTokenClaims).exp !== 'number'
  )
    return { ok: false, problem: 'MALFORMED' };
  const checked = claims as SignedTokenClaims;
  if (checked.p !== purpose) return { ok: false, problem: 'WRONG_PURPOSE' };
  if (checked.exp <= nowSeconds) return { ok: false, problem: 'EXPIRED' };
  return { ok: true, claims: { p: checked.p, id: checked.id, exp: checked.exp } };
}
