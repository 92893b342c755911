import type { SqlTarget } from '../database/typed-query.js';
import { queryOne, queryRows, str, strOrNull } from '../database/typed-query.js';

/**
 * The SQL of live updates (see docs/architecture.md, "The SQL layer"). Live events are read from the audit
 * trail: every change a subscriber may hear of is audited in the transaction that makes it, and `seq` is given
 * under the chain's lock, so it grows in commit order and a reader that follows it misses nothing and reads
 * nothing that may still roll back.
 */

/** An audit event a live subscription may carry, as the trail states it. */
export interface LiveEventRow {
  seq: string;
  action: string;
  entityType: string;
  entityId: string;
  toState: string | null;
  /** The challenge the event is about (the entity, or data.challengeId for a question). */
  challengeId: string | null;
}

/** The last event's seq ('0' for an empty trail): where a reader starts. */
export function lastEventSeq(target: SqlTarget): Promise<string> {
  return queryOne(target, `SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events`, [], (r) =>
    str(r, 'seq'),
  ).then((seq) => seq ?? '0');
}

/** The events after `afterSeq` in seq order, at most `limit` (keyset on the trail's unique seq). */
export function eventsAfter(
  target: SqlTarget,
  afterSeq: string,
  limit: number,
): Promise<LiveEventRow[]> {
  return queryRows(
    target,
    `SELECT e.seq::text AS seq, e.action, e.entity_type, e.entity_id, e.to_state,
            CASE WHEN e.entity_type = 'Challenge' THEN e.entity_id ELSE e.data ->> 'challengeId' END AS challenge_id
       FROM audit_events e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`,
    [afterSeq, limit],
    (r) => ({
      seq: str(r, 'seq'),
      action: str(r, 'action'),
      entityType: str(r, 'entity_type'),
      entityId: str(r, 'entity_id'),
      toState: strOrNull(r, 'to_state'),
      challengeId: strOrNull(r, 'challenge_id'),
    }),
  );
}
