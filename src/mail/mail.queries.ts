import type { SqlTarget } from '../database/typed-query.js';
import {
  bool,
  execute,
  int,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import type { EmailTokenPurpose } from './mail.entities.js';

/** The SQL of the links sent by e-mail and of the opt-outs (see docs/architecture.md, "The SQL layer"). */

/** A new link's row: its id and its expiry in seconds since the epoch (by the database clock). */
export async function insertEmailToken(
  target: SqlTarget,
  token: {
    userId: string;
    purpose: EmailTokenPurpose;
    email: string;
    kind: string | null;
    ttlSeconds: number;
  },
): Promise<{ id: string; exp: number }> {
  const row = await queryOne(
    target,
    `INSERT INTO email_tokens (user_id, purpose, email, kind, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
       RETURNING id, floor(extract(epoch FROM expires_at))::int AS exp`,
    [token.userId, token.purpose, token.email, token.kind, token.ttlSeconds],
    (r) => ({ id: str(r, 'id'), exp: int(r, 'exp') }),
  );
  return row!;
}

export interface SpentEmailToken {
  userId: string;
  email: string;
  kind: string | null;
}

/** Marks a live link used, once: its row, or undefined when it is used, expired or unknown. */
export function spendEmailToken(
  target: SqlTarget,
  id: string,
  purpose: EmailTokenPurpose,
): Promise<SpentEmailToken | undefined> {
  return queryOne(
    target,
    `UPDATE email_tokens SET used_at = now()
      WHERE id = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING user_id, email, kind`,
    [id, purpose],
    (r) => ({ userId: str(r, 'user_id'), email: str(r, 'email'), kind: strOrNull(r, 'kind') }),
  );
}

/** Why a link could not be spent: used, expired, or unknown (undefined). */
export function emailTokenState(
  target: SqlTarget,
  id: string,
  purpose: EmailTokenPurpose,
): Promise<{ used: boolean; expired: boolean } | undefined> {
  return queryOne(
    target,
    `SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired
       FROM email_tokens WHERE id = $1 AND purpose = $2`,
    [id, purpose],
    (r) => ({ used: bool(r, 'used'), expired: bool(r, 'expired') }),
  );
}

/** Live, unused links of one purpose sent to a user within the last hour. */
export async function recentEmailTokens(
  target: SqlTarget,
  userId: string,
  purpose: EmailTokenPurpose,
): Promise<number> {
  const n = await queryOne(
    target,
    `SELECT count(*)::int AS n FROM email_tokens
      WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL
        AND created_at > now() - interval '1 hour' AND expires_at > now()`,
    [userId, purpose],
    (r) => int(r, 'n'),
  );
  return n ?? 0;
}

/** Ends every live link of one purpose of a user (a reset spends the other reset links). */
export function retireEmailTokens(
  target: SqlTarget,
  userId: string,
  purpose: EmailTokenPurpose,
): Promise<void> {
  return execute(
    target,
    `UPDATE email_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
    [userId, purpose],
  );
}

/** Records an opt-out of one kind of mail (idempotent). */
export function insertUnsubscribe(target: SqlTarget, userId: string, kind: string): Promise<void> {
  return execute(
    target,
    `INSERT INTO email_unsubscribes (user_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [userId, kind],
  );
}

/** Whether the user opted out of this kind of mail. */
export async function isUnsubscribed(
  target: SqlTarget,
  userId: string,
  kind: string,
): Promise<boolean> {
  const rows = await queryRows(
    target,
    `SELECT 1 AS one FROM email_unsubscribes WHERE user_id = $1 AND kind = $2`,
    [userId, kind],
    (r) => int(r, 'one'),
  );
  return rows.length > 0;
}
