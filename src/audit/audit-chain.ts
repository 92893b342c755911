import type { SqlRow } from '../database/typed-query.js';
import { ChainBreak, checkChainSegment } from './audit-hash.js';
import { AUDIT_CHAIN_BATCH_SQL, toChainLink } from './audit.queries.js';

/** Runs one SELECT and returns its rows (the service's data source, the CLI's, or a test's pool). */
type Query = (sql: string, params: unknown[]) => Promise<readonly SqlRow[]>;

export interface ChainReport {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  firstBreak: ChainBreak | null;
}

const BATCH = 1000;

/** Walks the whole audit trail in seq order (batches, keyset) and names the first broken link. */
export async function verifyAuditChain(query: Query): Promise<ChainReport> {
  let previous: { seq: string; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const rows = await query(AUDIT_CHAIN_BATCH_SQL, [previous?.seq ?? '0', BATCH]);
    const segment = rows.map(toChainLink);
    const broken = checkChainSegment(segment, previous);
    if (broken)
      return {
        ok: false,
        checked: checked + segment.findIndex((r) => r.seq === broken.seq) + 1,
        lastSeq: previous?.seq ?? null,
        firstBreak: broken,
      };
    checked += segment.length;
    if (segment.length)
      previous = { seq: segment[segment.length - 1].seq, hash: segment[segment.length - 1].hash };
    if (rows.length < BATCH)
      return { ok: true, checked, lastSeq: previous?.seq ?? null, firstBreak: null };
  }
}
