import type { SqlTarget } from '../database/typed-query.js';
import { execute, queryOne, str } from '../database/typed-query.js';

/** The SQL of accounts (see docs/architecture.md, "The SQL layer"). Reads of whole users go through UserEntity. */

export function addPlatformRole(target: SqlTarget, userId: string, role: string): Promise<void> {
  return execute(
    target,
    `UPDATE users SET platform_roles = array_append(platform_roles, $2), updated_at = now() WHERE id = $1`,
    [userId, role],
  );
}

/** Ends every live session of a suspended account. */
export function revokeSessionsOfSuspendedUser(target: SqlTarget, userId: string): Promise<void> {
  return execute(
    target,
    `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'USER_SUSPENDED' WHERE user_id = $1 AND revoked_at IS NULL`,
    [userId],
  );
}

/** Moves an account from one status to another; false when it was not in `from` (or does not exist). */
export async function moveUserStatus(
  target: SqlTarget,
  userId: string,
  from: string,
  to: string,
): Promise<boolean> {
  const moved = await queryOne(
    target,
    `UPDATE users SET status = $3, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id`,
    [userId, from, to],
    (r) => str(r, 'id'),
  );
  return moved !== undefined;
}
