import type { ActorOrganization, PlatformRole } from '../common/auth/actor.js';
import { ACTOR_FACT_COLUMNS, actorFactsOf } from '../common/auth/actor-row.js';
import type { SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  execute,
  preparedOne,
  queryOne,
  queryRows,
  str,
} from '../database/typed-query.js';

/** The SQL of sessions and refresh tokens (see docs/architecture.md, "The SQL layer"). */

export interface ActorRow {
  userId: string;
  /** Only the roles this code knows: an unknown role in the column grants nothing, as before. */
  platformRoles: PlatformRole[];
  organizationId: string | null;
  organizationRole: ActorOrganization['role'] | null;
  organizationKind: ActorOrganization['kind'] | null;
  locale: 'zh-CN' | 'en';
}

/**
 * The user and organisation membership behind an access token's (session, user), when both are active.
 * Prepared: it runs on every authenticated request.
 */
export function findActiveActor(
  target: SqlTarget,
  sessionId: string,
  userId: string,
): Promise<ActorRow | undefined> {
  return preparedOne(
    target,
    `SELECT u.id, ${ACTOR_FACT_COLUMNS}
         FROM auth_sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN organization_members m ON m.user_id = u.id
         LEFT JOIN organizations o ON o.id = m.organization_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.status = 'ACTIVE'`,
    [sessionId, userId],
    (row) => ({ userId: str(row, 'id'), ...actorFactsOf(row) }),
  );
}

/** Opens a session; its id. */
export async function insertSession(target: SqlTarget, userId: string): Promise<string> {
  const id = await queryOne(
    target,
    `INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`,
    [userId],
    (row) => str(row, 'id'),
  );
  return id!;
}

/** Stores a refresh token's hash; its expiry (now + ttlDays, by the database clock). */
export async function insertRefreshToken(
  target: SqlTarget,
  sessionId: string,
  tokenHash: string,
  ttlDays: number,
): Promise<Date> {
  const expiresAt = await queryOne(
    target,
    `INSERT INTO refresh_tokens (session_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(days => $3)) RETURNING expires_at`,
    [sessionId, tokenHash, ttlDays],
    (row) => date(row, 'expires_at'),
  );
  return expiresAt!;
}

export interface RefreshTokenRow {
  id: string;
  sessionId: string;
  usedAt: Date | null;
  expired: boolean;
  revokedAt: Date | null;
  userId: string;
}

/** A refresh token by its hash with its session, both locked for the rotation. */
export function lockRefreshToken(
  target: SqlTarget,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  return queryOne(
    target,
    `SELECT t.id, t.session_id, t.used_at, t.expires_at <= now() AS expired, s.revoked_at, s.user_id
           FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
    [tokenHash],
    (row) => ({
      id: str(row, 'id'),
      sessionId: str(row, 'session_id'),
      usedAt: dateOrNull(row, 'used_at'),
      expired: bool(row, 'expired'),
      revokedAt: dateOrNull(row, 'revoked_at'),
      userId: str(row, 'user_id'),
    }),
  );
}

export function markRefreshTokenUsed(target: SqlTarget, tokenId: string): Promise<void> {
  return execute(target, `UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [tokenId]);
}

/** Ends a session whose refresh token was presented twice. */
export function revokeSessionForTokenReuse(target: SqlTarget, sessionId: string): Promise<void> {
  return execute(
    target,
    `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'REFRESH_TOKEN_REUSE' WHERE id = $1`,
    [sessionId],
  );
}

/** Ends a live session at its user's request; false when it had already ended. */
export async function revokeSessionOnLogout(
  target: SqlTarget,
  sessionId: string,
): Promise<boolean> {
  const ended = await queryRows(
    target,
    `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'LOGOUT' WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
    [sessionId],
    (row) => str(row, 'id'),
  );
  return ended.length === 1;
}

export function updatePasswordHash(
  target: SqlTarget,
  userId: string,
  passwordHash: string,
): Promise<void> {
  return execute(target, `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
    userId,
    passwordHash,
  ]);
}

/** Ends every live session of the user but `keptSessionId` after a password change; how many. */
export async function revokeOtherSessions(
  target: SqlTarget,
  userId: string,
  keptSessionId: string,
): Promise<number> {
  const ended = await queryRows(
    target,
    `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'PASSWORD_CHANGED'
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`,
    [userId, keptSessionId],
    (row) => str(row, 'id'),
  );
  return ended.length;
}

/** Ends every live session of a user (a password reset); how many. */
export async function revokeAllSessions(
  target: SqlTarget,
  userId: string,
  reason: 'PASSWORD_RESET',
): Promise<number> {
  const ended = await queryRows(
    target,
    `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = $2
          WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
    [userId, reason],
    (row) => str(row, 'id'),
  );
  return ended.length;
}

/** Marks the user's address verified when it is still `email`; false when it is not (changed since). */
export async function markEmailVerified(
  target: SqlTarget,
  userId: string,
  email: string,
): Promise<boolean> {
  const rows = await queryRows(
    target,
    `UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now()
      WHERE id = $1 AND email = $2 RETURNING id`,
    [userId, email],
    (row) => str(row, 'id'),
  );
  return rows.length === 1;
}

export interface ResetAccount {
  id: string;
  email: string;
}

/** The active account of a spent reset link, locked, while its address is still the one the link was sent to. */
export function lockResetAccount(
  target: SqlTarget,
  userId: string,
  email: string,
): Promise<ResetAccount | undefined> {
  return queryOne(
    target,
    `SELECT id, email FROM users WHERE id = $1 AND email = $2 AND status = 'ACTIVE' FOR UPDATE`,
    [userId, email],
    (row) => ({ id: str(row, 'id'), email: str(row, 'email') }),
  );
}
