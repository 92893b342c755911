import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { auditEventHash } from '../src/audit/audit-hash.js';
import type { GqlResponse } from './support/graphql-client.js';
import {
  createAdmin,
  createEnterprise,
  createSme,
  createUser,
  type Persona,
  verify,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

const VERIFY_CHAIN = `{ verifyAuditChain { ok checked firstBrokenSeq firstBrokenId problem } }`;
const EVENTS = `query($filter: AuditEventFilterInput, $first: Int, $after: String) { auditEvents(filter: $filter, first: $first, after: $after) {
  edges { node { seq action entityType entityId organizationId fromState toState reason requestId actorUserId data hash prevHash } } pageInfo { hasNextPage endCursor } } }`;
const MINE = `{ myOrganizationAuditEvents { edges { node { seq action organizationId } } } }`;
const SUSPEND_USER = `mutation($input: UserDecisionInput!) { suspendUser(input: $input) { user { status } } }`;
const REINSTATE_USER = `mutation($input: UserDecisionInput!) { reinstateUser(input: $input) { user { status } } }`;

async function auditVerifyCli(
  t: TestApp,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['dist/src/audit/audit-verify.cli.js'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: Persona;
  let owner: Persona;
  let smeId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    owner = await createUser(t);
    smeId = (await createSme(t, { via: 'api', owner })).id;
    await verify(t, admin, smeId);
    const other = await createUser(t);
    await createEnterprise(t, { via: 'api', owner: other });
  });
  afterAll(() => t.close());

  it('records suspendUser and reinstateUser with actor, reason and request id', async () => {
    const user = await createUser(t);
    await t.gql
      .as(admin.token)
      .ok(SUSPEND_USER, { input: { userId: user.id, reason: '发布违规内容' } });
    await t.gql
      .as(admin.token)
      .ok(REINSTATE_USER, { input: { userId: user.id, reason: '申诉成立' } });
    const res = await t.gql
      .as(admin.token)
      .ok<{ auditEvents: { edges: { node: Record<string, unknown> }[] } }>(EVENTS, {
        filter: { entityType: 'User', entityId: user.id },
      });
    expect(res.auditEvents.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        action: 'USER_REINSTATED',
        fromState: 'SUSPENDED',
        toState: 'ACTIVE',
        reason: '申诉成立',
        actorUserId: admin.id,
      }),
      expect.objectContaining({
        action: 'USER_SUSPENDED',
        fromState: 'ACTIVE',
        toState: 'SUSPENDED',
        reason: '发布违规内容',
        actorUserId: admin.id,
      }),
    ]);
    expect(res.auditEvents.edges[0].node.requestId).toEqual(expect.any(String));
  });

  it('gives data as a JSON object: with the other fields as sent, the event hash recomputes', async () => {
    const { rows } = await t.sql.query(
      `SELECT id, entity_type, entity_id, data FROM audit_events WHERE data <> '{}'::jsonb ORDER BY seq LIMIT 1`,
    );
    expect(rows).toHaveLength(1);
    const res = await t.gql.as(admin.token).ok<{
      auditEvents: { edges: { node: Record<string, unknown> & { id: string } }[] };
    }>(
      `query($filter: AuditEventFilterInput) { auditEvents(filter: $filter, first: 100) { edges { node {
         seq id occurredAt actorUserId action entityType entityId organizationId fromState toState reason requestId
         data prevHash hash } } } }`,
      { filter: { entityType: rows[0].entity_type, entityId: rows[0].entity_id } },
    );
    const event = res.auditEvents.edges.find((e) => e.node.id === rows[0].id)!.node;
    expect(typeof event.data).toBe('object');
    expect(Array.isArray(event.data)).toBe(false);
    expect(event.data).toEqual(rows[0].data);
    expect(Object.keys(event.data as object).length).toBeGreaterThan(0);
    const { hash, ...content } = event;
    expect(auditEventHash(content as unknown as Parameters<typeof auditEventHash>[0])).toBe(hash);
  });

  it('shows an organisation only the events about itself', async () => {
    const mine = await t.gql.as(owner.token).ok<{
      myOrganizationAuditEvents: {
        edges: { node: { action: string; organizationId: string } }[];
      };
    }>(MINE);
    expect(mine.myOrganizationAuditEvents.edges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(mine.myOrganizationAuditEvents.edges.map((e) => e.node.organizationId))).toEqual(
      new Set([smeId]),
    );
    const denied = await t.gql.as(owner.token).fails(EVENTS, {});
    expect(denied.extensions?.code).toBe('FORBIDDEN');
  });

  it('pages the trail newest first, one SQL statement per page after the actor', async () => {
    const seqs: number[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = {
        auditEvents: {
          edges: { node: { seq: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const res: GqlResponse<Page> = await t.gql
        .as(admin.token)
        .send<Page>(EVENTS, { first: 3, after });
      expect(res.sqlStatements).toBe(2);
      seqs.push(...res.data!.auditEvents.edges.map((e) => Number(e.node.seq)));
      if (!res.data!.auditEvents.pageInfo.hasNextPage) break;
      after = res.data!.auditEvents.pageInfo.endCursor;
    }
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs[seqs.length - 1]).toBe(1);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('refuses UPDATE and DELETE on the trail', async () => {
    await expect(t.sql.query(`UPDATE audit_events SET reason = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql.query(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('links concurrent appends into one chain whose database-made hashes the service recomputes, awkward text included', async () => {
    const users = await Promise.all(Array.from({ length: 12 }, () => createUser(t)));
    const { rows: before } = await t.sql.query(
      `SELECT coalesce(max(seq), 0)::int AS last FROM audit_events`,
    );
    const reason = (i: number) => `第${i}次 "quoted" \\ back-slash 😀 ü \u2028 {"seq":"${i}"}`;
    await Promise.all(
      users.map((u, i) =>
        t.gql.as(admin.token).ok(SUSPEND_USER, { input: { userId: u.id, reason: reason(i) } }),
      ),
    );
    const { rows } = await t.sql.query(
      `SELECT seq::int AS seq, reason, prev_hash, hash, lag(hash) OVER (ORDER BY seq) AS previous FROM audit_events WHERE seq > $1 ORDER BY seq`,
      [before[0].last],
    );
    expect(rows.map((r) => r.seq)).toEqual(users.map((_, i) => before[0].last + 1 + i));
    expect(rows.map((r) => r.reason).sort()).toEqual(users.map((_, i) => reason(i)).sort());
    expect(rows.slice(1).every((r) => r.prev_hash === r.previous)).toBe(true);
    const check = await t.gql
      .as(admin.token)
      .ok<{ verifyAuditChain: { ok: boolean; checked: number } }>(VERIFY_CHAIN);
    expect(check.verifyAuditChain).toMatchObject({
      ok: true,
      checked: before[0].last + users.length,
    });
  });

  it('verifies the chain, then names the first broken link after a row is altered in SQL', async () => {
    const good = await t.gql
      .as(admin.token)
      .ok<{ verifyAuditChain: { ok: boolean; checked: number } }>(VERIFY_CHAIN);
    expect(good.verifyAuditChain.ok).toBe(true);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM audit_events`);
    expect(good.verifyAuditChain.checked).toBe(rows[0].n);
    const cliGood = await auditVerifyCli(t);
    expect(cliGood).toMatchObject({ code: 0, stderr: '' });
    expect(cliGood.stdout).toContain('intact');

    // Tampering past the append-only trigger (as a superuser could).
    const client = await t.sql.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(`UPDATE audit_events SET reason = '篡改' WHERE seq = 2`);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const { rows: tampered } = await t.sql.query(`SELECT id FROM audit_events WHERE seq = 2`);
    const bad = await t.gql
      .as(admin.token)
      .ok<{ verifyAuditChain: Record<string, unknown> }>(VERIFY_CHAIN);
    expect(bad.verifyAuditChain).toEqual({
      ok: false,
      checked: 2,
      firstBrokenSeq: '2',
      firstBrokenId: tampered[0].id,
      problem: 'HASH_MISMATCH',
    });
    const cliBad = await auditVerifyCli(t);
    expect(cliBad.code).toBe(1);
    expect(cliBad.stderr).toContain('BROKEN at seq 2');
  });
});
