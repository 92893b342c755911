import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../common/canonical-json.js';
import {
  AuditHashContent,
  auditEventHash,
  auditHashPieces,
  checkChainSegment,
  GENESIS_HASH,
} from './audit-hash.js';

function chain(n: number): (AuditHashContent & { hash: string })[] {
  const rows: (AuditHashContent & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i += 1) {
    const content: AuditHashContent = {
      seq: String(i),
      id: `00000000-0000-4000-8000-00000000000${i}`,
      occurredAt: `2030-01-0${i}T00:00:00.000Z`,
      actorUserId: null,
      action: 'TEST',
      entityType: 'Thing',
      entityId: String(i),
      organizationId: null,
      fromState: 'A',
      toState: 'B',
      reason: i === 2 ? '理由' : null,
      requestId: null,
      data: { n: i, nested: { b: 1, a: [1, 'x'] } },
      prevHash: prev,
    };
    const hash = auditEventHash(content);
    rows.push({ ...content, hash });
    prev = hash;
  }
  return rows;
}

describe('canonical JSON', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [3, { z: 1, y: null }], c: 'x' } }, '{"a":{"c":"x","d":[3,{"y":null,"z":1}]}}'],
    [{ a: undefined, b: '储能' }, '{"b":"储能"}'],
    [[1, undefined, 'a'], '[1,null,"a"]'],
    [null, 'null'],
    [new Date('2030-01-01T00:00:00Z'), '"2030-01-01T00:00:00.000Z"'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
  });
});

describe('hash pieces for the database', () => {
  it.each(chain(3).map((row) => [row.seq, row] as const))(
    'rebuild the canonical JSON of row %s around the deferred values',
    (_seq, row) => {
      const { hash, seq, occurredAt, prevHash, ...rest } = row;
      const [a, b, c, d] = auditHashPieces(rest);
      expect(a + occurredAt + b + prevHash + c + seq + d).toBe(
        canonicalJson({ ...rest, seq, occurredAt, prevHash }),
      );
      expect(auditEventHash({ ...rest, seq, occurredAt, prevHash })).toBe(hash);
    },
  );

  it('are not fooled by the deferred keys appearing inside data or a reason', () => {
    const rest = {
      id: '00000000-0000-4000-8000-000000000009',
      actorUserId: null,
      action: 'TEST',
      entityType: 'Thing',
      entityId: 'x',
      organizationId: null,
      fromState: null,
      toState: null,
      reason: '"seq":"1","prevHash":"',
      requestId: null,
      data: { seq: '7', occurredAt: 'then', prevHash: { seq: 1 } },
    };
    const [a, b, c, d] = auditHashPieces(rest);
    const values = { occurredAt: '2030-01-01T00:00:00.000Z', prevHash: GENESIS_HASH, seq: '12' };
    expect(a + values.occurredAt + b + values.prevHash + c + values.seq + d).toBe(
      canonicalJson({ ...rest, ...values }),
    );
  });
});

describe('hash chain check', () => {
  it('accepts an intact chain, whole or in segments', () => {
    const rows = chain(4);
    expect(checkChainSegment(rows, null)).toBeNull();
    expect(checkChainSegment(rows.slice(2), { seq: rows[1].seq, hash: rows[1].hash })).toBeNull();
    expect(checkChainSegment([], null)).toBeNull();
  });

  it.each([
    [
      'an altered reason',
      (r: ReturnType<typeof chain>) => (r[1].reason = '改过'),
      '2',
      'HASH_MISMATCH',
    ],
    [
      'altered data',
      (r: ReturnType<typeof chain>) => (r[2].data = { n: 99 }),
      '3',
      'HASH_MISMATCH',
    ],
    ['a deleted row', (r: ReturnType<typeof chain>) => r.splice(1, 1), '3', 'SEQUENCE_GAP'],
    [
      'a rewritten link',
      (r: ReturnType<typeof chain>) => (r[3].prevHash = GENESIS_HASH),
      '4',
      'PREVIOUS_HASH_MISMATCH',
    ],
    [
      'a first row not starting at 1',
      (r: ReturnType<typeof chain>) => r.shift(),
      '2',
      'SEQUENCE_GAP',
    ],
  ])('names the first broken link after %s', (_what, tamper, seq, problem) => {
    const rows = chain(4);
    tamper(rows);
    expect(checkChainSegment(rows, null)).toMatchObject({ seq, problem });
  });
});
