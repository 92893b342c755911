import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  date,
  jsonValue,
  preparedOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import type { AuditHashContent } from './audit-hash.js';
import type { JsonValue } from '../common/graphql/json.scalar.js';
import type { AuditEventType } from './dto/audit.types.js';

/** The SQL of the audit trail (see docs/architecture.md, "The SQL layer"). */

/**
 * Appends one event through audit_append (the chain's lock, link, clock, hash and insert in one statement);
 * its seq and hash. Prepared: every audited change runs it. `values` are audit_append's 13 arguments.
 */
export async function appendAuditEvent(
  target: SqlTarget,
  values: readonly unknown[],
): Promise<{ seq: string; hash: string }> {
  const row = await preparedOne(
    target,
    `SELECT appended_seq::text AS seq, appended_hash AS hash
         FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    values,
    (r) => ({ seq: str(r, 'seq'), hash: str(r, 'hash') }),
  );
  return row!;
}

/** One batch of the chain in seq order after `afterSeq` (keyset), for the verifier: $1 the last seq seen, $2 the batch size. */
export const AUDIT_CHAIN_BATCH_SQL = `SELECT e.seq::text AS seq, e.id, e.occurred_at, e.actor_user_id, e.action, e.entity_type, e.entity_id,
              e.organization_id, e.from_state, e.to_state, e.reason, e.request_id, e.data, e.prev_hash, e.hash
         FROM audit_events e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`;

/** The columns every audit row has, read the same way for the chain check and for the event lists. */
const auditColumns = (r: SqlRow) => ({
  seq: str(r, 'seq'),
  id: str(r, 'id'),
  actorUserId: strOrNull(r, 'actor_user_id'),
  action: str(r, 'action'),
  entityType: str(r, 'entity_type'),
  entityId: str(r, 'entity_id'),
  organizationId: strOrNull(r, 'organization_id'),
  fromState: strOrNull(r, 'from_state'),
  toState: strOrNull(r, 'to_state'),
  reason: strOrNull(r, 'reason'),
  requestId: strOrNull(r, 'request_id'),
  prevHash: str(r, 'prev_hash'),
  hash: str(r, 'hash'),
});

/** A row of AUDIT_CHAIN_BATCH_SQL as the hash covers it. */
export const toChainLink = (r: SqlRow): AuditHashContent & { hash: string } => ({
  ...auditColumns(r),
  occurredAt: date(r, 'occurred_at').toISOString(),
  // Whatever is stored, unchecked: the verifier's job is to report a row that was altered, not to refuse reading it.
  data: jsonValue(r, 'data') as Record<string, unknown>,
});

const toEventType = (r: SqlRow): AuditEventType => ({
  ...auditColumns(r),
  occurredAt: date(r, 'occurred_at'),
  actorDisplayName: strOrNull(r, 'actor_display_name'),
  data: jsonValue(r, 'data') as JsonValue,
});

/**
 * One page of events, newest first (keyset on seq). `conditions` are SQL conditions on `e` (audit_events) and
 * `u` (the acting user) whose parameters are `params` ($2..; $1 is the limit); `actorShown` is a condition
 * under which the actor is named (else null).
 */
export function auditEventPage(
  target: SqlTarget,
  conditions: readonly string[],
  params: readonly unknown[],
  limit: number,
  actorShown: string,
): Promise<AuditEventType[]> {
  return queryRows(
    target,
    `SELECT e.seq::text AS seq, e.id, e.occurred_at, CASE WHEN ${actorShown} THEN e.actor_user_id END AS actor_user_id,
              CASE WHEN ${actorShown} THEN u.display_name END AS actor_display_name, e.action,
              e.entity_type, e.entity_id, e.organization_id, e.from_state, e.to_state, e.reason, e.request_id, e.data,
              e.prev_hash, e.hash
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.seq DESC LIMIT $1`,
    [limit, ...params],
    toEventType,
  );
}
