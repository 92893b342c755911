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

/** Where the reading of notifications is: after this (txid, id). */
export interface NotificationCursor {
  txid: string;
  id: string;
}

/** A notification written, for its recipient's live subscription. */
export interface LiveNotificationRow {
  cursor: NotificationCursor;
  recipientId: string;
}

/** Where a reader of notifications starts: after every transaction settled now. */
export function notificationStart(target: SqlTarget): Promise<NotificationCursor> {
  return queryOne(
    target,
    `SELECT (txid_snapshot_xmin(txid_current_snapshot()) - 1)::text AS txid`,
    [],
    (r) => ({ txid: str(r, 'txid'), id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }),
  ).then((c) => c ?? { txid: '0', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' });
}

/**
 * The notifications after `after` in (txid, id) order, of transactions older than every one still running (so
 * a transaction that commits later can only add rows after the cursor), at most `limit`.
 */
export function notificationsAfter(
  target: SqlTarget,
  after: NotificationCursor,
  limit: number,
): Promise<LiveNotificationRow[]> {
  return queryRows(
    target,
    `SELECT n.txid::text AS txid, n.id, n.recipient_id FROM notifications n
      WHERE (n.txid, n.id) > ($1::bigint, $2::uuid) AND n.txid < txid_snapshot_xmin(txid_current_snapshot())
      ORDER BY n.txid, n.id LIMIT $3`,
    [after.txid, after.id, limit],
    (r) => ({
      cursor: { txid: str(r, 'txid'), id: str(r, 'id') },
      recipientId: str(r, 'recipient_id'),
    }),
  );
}
