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

/** How a page shows an event's data: `data` an expression on `e`, `u` and the page's `joins` (default: as stored). */
export interface AuditDataView {
  joins: string;
  data: string;
}

/**
 * The events an organisation ($2) sees: those about it (organization_id), and every read of its proposals'
 * content, found by `data.proposalIds` (a list read is one event on the challenge, with no organisation; the GIN
 * index IDX_audit_events_read_proposals). Only the SMEs have proposals: an issuer's list is unchanged.
 * The reads are collected first (ARRAY of their seqs, through the GIN index) and then OR-ed by seq: written as
 * `e.organization_id = $2 OR e.data -> 'proposalIds' ?| ...` the planner misjudges the jsonb operator and walks
 * the whole chain backwards by seq (measured: 80 ms against 0.1 ms on 200 000 events).
 */
export const ORGANIZATION_EVENTS_SQL = `(e.organization_id = $2 OR e.seq = ANY(ARRAY(
    SELECT r.seq FROM audit_events r WHERE r.action = 'PROPOSAL_CONTENT_READ'
       AND (r.data -> 'proposalIds') ?| ARRAY(SELECT own.id::text FROM proposals own WHERE own.organization_id = $2))))`;

/**
 * What an organisation ($2) sees of a read of its proposals (PROPOSAL_CONTENT_READ): the challenge, the view and
 * the path (the GraphQL field that read), ITS proposal ids only (never another SME's), and `readBy`:
 * - `organization`: the issuer's name, null when the challenge is anonymous or a platform admin read;
 * - `reader`: "a platform administrator", "a member of <issuer>" ("a member of the issuer" when anonymous:
 *   the reader's organisation at the time of the read is the issuer; older events: the actor is its member),
 *   else "a reviewer" (an invited expert: never named, nor their organisation).
 * The stored event (hashed) is unchanged: admins see it whole in `auditEvents`. Other events show their data.
 */
export const ORGANIZATION_DATA_VIEW: AuditDataView = {
  joins: `LEFT JOIN LATERAL (
      SELECT CASE WHEN 'ADMIN' = ANY(u.platform_roles) THEN NULL WHEN NOT rc.anonymous_issuer THEN ro.name_zh END AS organization,
             CASE WHEN 'ADMIN' = ANY(u.platform_roles) THEN 'a platform administrator'
                  WHEN coalesce((e.data ->> 'readerOrganizationId')::uuid = rc.issuer_organization_id,
                                EXISTS (SELECT 1 FROM organization_members rm WHERE rm.user_id = e.actor_user_id AND rm.organization_id = rc.issuer_organization_id))
                    THEN 'a member of ' || CASE WHEN rc.anonymous_issuer THEN 'the issuer' ELSE ro.name_zh END
                  ELSE 'a reviewer' END AS reader
        FROM challenges rc JOIN organizations ro ON ro.id = rc.issuer_organization_id
       WHERE rc.id = CASE WHEN e.action = 'PROPOSAL_CONTENT_READ' THEN (e.data ->> 'challengeId')::uuid END) rb ON TRUE`,
  data: `CASE WHEN e.action = 'PROPOSAL_CONTENT_READ' THEN jsonb_build_object(
      'challengeId', e.data -> 'challengeId', 'view', e.data -> 'view', 'path', e.data -> 'path',
      'proposalIds', coalesce((SELECT jsonb_agg(x.id ORDER BY x.n) FROM jsonb_array_elements_text(e.data -> 'proposalIds') WITH ORDINALITY x(id, n)
                                 JOIN proposals own ON own.id = x.id::uuid AND own.organization_id = $2), '[]'::jsonb),
      'readBy', jsonb_build_object('organization', rb.organization, 'reader', coalesce(rb.reader, 'a reviewer')))
    ELSE e.data END`,
};

/**
 * One page of events, newest first (keyset on seq). `conditions` are SQL conditions on `e` (audit_events) and
 * `u` (the acting user) whose parameters are `params` ($2..; $1 is the limit); `actorShown` is a condition
 * under which the actor is named (else null); `view` how the data is shown.
 */
export function auditEventPage(
  target: SqlTarget,
  conditions: readonly string[],
  params: readonly unknown[],
  limit: number,
  actorShown: string,
  view: AuditDataView = { joins: '', data: 'e.data' },
): Promise<AuditEventType[]> {
  return queryRows(
    target,
    `SELECT e.seq::text AS seq, e.id, e.occurred_at, CASE WHEN ${actorShown} THEN e.actor_user_id END AS actor_user_id,
              CASE WHEN ${actorShown} THEN u.display_name END AS actor_display_name, e.action,
              e.entity_type, e.entity_id, e.organization_id, e.from_state, e.to_state, e.reason, e.request_id, ${view.data} AS data,
              e.prev_hash, e.hash
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
         ${view.joins}
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.seq DESC LIMIT $1`,
    [limit, ...params],
    toEventType,
  );
}
