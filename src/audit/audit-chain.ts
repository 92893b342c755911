import { AuditHashContent, ChainBreak, checkChainSegment } from './audit-hash.js';

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  firstBreak: ChainBreak | null;
}

const BATCH = 1000;

interface Row {
  seq: string;
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  organization_id: string | null;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
  request_id: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Walks the whole audit trail in seq order (batches, keyset) and names the first broken link. */
export async function verifyAuditChain(query: Query): Promise<ChainReport> {
  let previous: { seq: string; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows = (await query(
      `SELECT e.seq::text AS seq, e.id, e.occurred_at, e.actor_user_id, e.action, e.entity_type, e.entity_id,
              e.organization_id, e.from_state, e.to_state, e.reason, e.request_id, e.data, e.prev_hash, e.hash
         FROM audit_events e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`,
      [previous?.seq ?? '0', BATCH],
    )) as Row[];
    const segment: (AuditHashContent & { hash: string })[] = rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      organizationId: r.organization_id,
      fromState: r.from_state,
      toState: r.to_state,
      reason: r.reason,
      requestId: r.request_id,
      data: r.data,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    const broken = checkChainSegment(segment, previous);
    if (broken) return { ok: false, checked: checked + segment.findIndex((r) => r.seq === broken.seq) + 1, lastSeq: previous?.seq ?? null, firstBreak: broken };
    checked += segment.length;
    if (segment.length) previous = { seq: segment[segment.length - 1].seq, hash: segment[segment.length - 1].hash };
    if (rows.length < BATCH) return { ok: true, checked, lastSeq: previous?.seq ?? null, firstBreak: null };
  }
}
