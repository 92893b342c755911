import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

/** The prev_hash of the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an audit row's hash covers (all its columns but `hash`). */
export interface AuditHashContent {
  seq: string;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
}

export function auditEventHash(content: AuditHashContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** The three fields only the database knows at append time: the clock, the previous link and the next number. */
export type AuditHashDeferred = 'occurredAt' | 'prevHash' | 'seq';

/**
 * The canonical JSON of `content` (see auditEventHash) cut around the values of occurredAt, prevHash and
 * seq, in that (key) order: four pieces such that
 *   pieces[0] + occurredAt + pieces[1] + prevHash + pieces[2] + seq + pieces[3] === canonicalJson(full content).
 * The deferred values are an ISO timestamp, a hex hash and a decimal number: JSON strings that need no escaping,
 * so the database can finish the hash in the same statement that takes the chain's lock (audit_append).
 */
export function auditHashPieces(
  content: Omit<AuditHashContent, AuditHashDeferred>,
): [string, string, string, string] {
  const deferred: Record<AuditHashDeferred, true> = { occurredAt: true, prevHash: true, seq: true };
  const full: Record<string, unknown> = { ...content, occurredAt: '', prevHash: '', seq: '' };
  const keys = Object.keys(full)
    .filter((k) => full[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const pieces: string[] = [];
  let current = '{';
  keys.forEach((key, i) => {
    current += `${i ? ',' : ''}${JSON.stringify(key)}:`;
    if (key in deferred) {
      pieces.push(`${current}"`);
      current = '"';
    } else {
      current += canonicalJson(full[key]);
    }
  });
  pieces.push(`${current}}`);
  return pieces as [string, string, string, string];
}

/** How a link of the chain is broken (the GraphQL enum `AuditChainProblem`). */
export enum ChainProblem {
  /** The seq is not the previous one plus 1 (a row removed or reordered). */
  SEQUENCE_GAP = 'SEQUENCE_GAP',
  /** prev_hash is not the previous row's hash. */
  PREVIOUS_HASH_MISMATCH = 'PREVIOUS_HASH_MISMATCH',
  /** The row's content does not give its hash (the row was altered). */
  HASH_MISMATCH = 'HASH_MISMATCH',
}

export interface ChainBreak {
  seq: string;
  id: string;
  problem: ChainProblem;
}

/**
 * Checks rows given in `seq` order, continuing from `previous` (the last checked row, or null at
 * the start). Returns the first break, or null. Pure: the caller pages through the table.
 */
export function checkChainSegment(
  rows: readonly (AuditHashContent & { hash: string })[],
  previous: { seq: string; hash: string } | null,
): ChainBreak | null {
  let prev = previous;
  for (const row of rows) {
    const expectedSeq = prev ? (BigInt(prev.seq) + 1n).toString() : '1';
    if (row.seq !== expectedSeq)
      return { seq: row.seq, id: row.id, problem: ChainProblem.SEQUENCE_GAP };
    if (row.prevHash !== (prev ? prev.hash : GENESIS_HASH))
      return { seq: row.seq, id: row.id, problem: ChainProblem.PREVIOUS_HASH_MISMATCH };
    const { hash, ...content } = row;
    if (auditEventHash(content) !== hash)
      return { seq: row.seq, id: row.id, problem: ChainProblem.HASH_MISMATCH };
    prev = { seq: row.seq, hash };
  }
  return null;
}
