import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { verifyAuditChain } from '../../src/audit/audit-chain.js';
import {
  auditEventHash,
  auditHashPieces,
  GENESIS_HASH,
  type AuditHashContent,
  type AuditHashDeferred,
} from '../../src/audit/audit-hash.js';
import { AUDIT_CHAIN_LOCK_KEY } from '../../src/audit/audit.service.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/**
 * audit_append (migration AuditAppend): one statement takes the chain's lock, links to the last event,
 * stamps the database clock and finishes the hash from the pieces the service computes. The chain it
 * builds is checked with the service's own verifier, including under concurrent appends.
 */
describe('audit_append', () => {
  let db: TestDb;

  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db?.close());

  type Content = Omit<AuditHashContent, AuditHashDeferred>;
  function content(data: Record<string, unknown>): Content {
    return {
      id: randomUUID(),
      actorUserId: null,
      action: 'TEST_EVENT',
      entityType: 'Test',
      entityId: 'entity-1',
      organizationId: null,
      fromState: 'A',
      toState: 'B',
      reason: '原因 "quoted" \\ reason',
      requestId: 'req-1',
      data,
    };
  }

  async function append(
    client: pg.Pool | pg.PoolClient,
    c: Content,
    pieces: string[] = auditHashPieces(c),
  ): Promise<{ seq: string; hash: string }> {
    const { rows } = await client.query<{ seq: string; hash: string }>(
      `SELECT appended_seq::text AS seq, appended_hash AS hash FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        c.id,
        c.actorUserId,
        c.action,
        c.entityType,
        c.entityId,
        c.organizationId,
        c.fromState,
        c.toState,
        c.reason,
        c.requestId,
        JSON.stringify(c.data),
        pieces,
        AUDIT_CHAIN_LOCK_KEY,
      ],
    );
    return rows[0];
  }

  const verify = (client: pg.Pool | pg.PoolClient = db.sql) =>
    verifyAuditChain(async (sql, params) => (await client.query(sql, params)).rows);

  it('links each event to the last one, from the genesis hash, with the hash the service computes', async () => {
    const contents = [
      content({ n: 1 }),
      content({ n: 2, nested: { b: [1, 'два'], a: null } }),
      content({}),
    ];
    const appended = [];
    for (const c of contents) appended.push(await append(db.sql, c));
    expect(appended.map((a) => a.seq)).toEqual(['1', '2', '3']);
    const { rows } = await db.sql.query(
      `SELECT seq::text AS seq, prev_hash, hash, occurred_at FROM audit_events ORDER BY seq`,
    );
    expect(rows.map((r) => r.prev_hash)).toEqual([
      GENESIS_HASH,
      appended[0].hash,
      appended[1].hash,
    ]);
    expect(rows.map((r) => r.hash)).toEqual(appended.map((a) => a.hash));
    // The database finished the same hash the service would compute over the whole row.
    rows.forEach((row, i) => {
      const full: AuditHashContent = {
        ...contents[i],
        seq: row.seq,
        prevHash: row.prev_hash,
        occurredAt: (row.occurred_at as Date).toISOString(),
      };
      expect(auditEventHash(full)).toBe(row.hash);
    });
    expect(await verify()).toEqual({ ok: true, checked: 3, lastSeq: '3', firstBreak: null });
  });

  it('the verifier names the first link that was changed afterwards', async () => {
    const client = await db.sql.connect();
    try {
      await client.query('BEGIN');
      // The table refuses changes (a trigger); what gets past it, as an owner could, the chain shows.
      await client.query(`SET LOCAL session_replication_role = replica`);
      const { rows } = await client.query<{ id: string }>(
        `UPDATE audit_events SET data = '{"n": 99}' WHERE seq = 2 RETURNING id`,
      );
      expect(await verify(client)).toMatchObject({
        ok: false,
        checked: 2,
        firstBreak: { seq: '2', id: rows[0].id, problem: 'HASH_MISMATCH' },
      });
      await client.query('ROLLBACK');
    } finally {
      client.release(true);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('serialises two transactions: the second waits for the first to commit and links to its event', async () => {
    const [a, b] = [await db.sql.connect(), await db.sql.connect()];
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      const first = await append(a, content({ tx: 'a' }));
      let secondDone = false;
      const second = append(b, content({ tx: 'b' })).then((r) => {
        secondDone = true;
        return r;
      });
      // B is blocked on the chain's lock, held by A until it ends.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false);
      const { rows } = await db.sql.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(rows[0].n).toBe(1);
      await a.query('COMMIT');
      const linked = await second;
      await b.query('COMMIT');
      expect(BigInt(linked.seq)).toBe(BigInt(first.seq) + 1n);
      const prev = await db.sql.query(`SELECT prev_hash FROM audit_events WHERE seq = $1`, [
        linked.seq,
      ]);
      expect(prev.rows[0].prev_hash).toBe(first.hash);
    } finally {
      a.release(true);
      b.release(true);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('a rolled-back append leaves no gap: the next append takes its number', async () => {
    const before = await verify();
    const client = await db.sql.connect();
    try {
      await client.query('BEGIN');
      const dropped = await append(client, content({ dropped: true }));
      expect(dropped.seq).toBe((BigInt(before.lastSeq!) + 1n).toString());
      await client.query('ROLLBACK');
    } finally {
      client.release(true);
    }
    const next = await append(db.sql, content({ kept: true }));
    expect(next.seq).toBe((BigInt(before.lastSeq!) + 1n).toString());
    expect(await verify()).toMatchObject({ ok: true, checked: before.checked + 1 });
  });

  it('many concurrent appends make one unbroken chain', async () => {
    const before = await verify();
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => append(db.sql, content({ i }))),
    );
    const seqs = results.map((r) => Number(r.seq)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => Number(before.lastSeq) + 1 + i));
    expect(await verify()).toEqual({
      ok: true,
      checked: before.checked + 24,
      lastSeq: String(Number(before.lastSeq) + 24),
      firstBreak: null,
    });
  });

  it('refuses pieces that are not the four of the canonical JSON, appending nothing', async () => {
    const before = await verify();
    const c = content({});
    await expect(append(db.sql, c, auditHashPieces(c).slice(0, 3))).rejects.toThrow(
      'audit_append: expected 4 canonical pieces',
    );
    expect((await verify()).checked).toBe(before.checked);
  });
});
