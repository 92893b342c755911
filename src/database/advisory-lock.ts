import type { SqlTarget } from './typed-query.js';
import { execute } from './typed-query.js';

/**
 * Takes a transaction-level advisory lock named by `key` (hashed to 64 bits): writers of the same thing take turns
 * until their transactions end. Run in a transaction.
 */
export function advisoryXactLock(target: SqlTarget, key: string): Promise<void> {
  return execute(target, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}
