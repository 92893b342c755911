import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { defineJob, JobsService } from '../src/jobs/index.js';
import { CHALLENGE_CLOCK_JOB } from '../src/proposals/evaluation-clock.job.js';
import { INTRODUCTION_EXPIRY_JOB } from '../src/matchmaking/introductions/introduction-expiry.job.js';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createProposal,
  createSme,
  type Persona,
  SELECT,
  SHORTLIST,
  type TestOrg,
} from './support/factories/index.js';
import { eventually } from './support/poll.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADVANCE = `mutation($input: AdvanceChallengeClockInput!) { advanceChallengeClock(input: $input) { challenge { id status } } }`;
const FAILED = `query($first: Int, $after: String) { failedJobs(first: $first, after: $after) {
  edges { cursor node { id kind payload attempts createdAt failedAt error } } pageInfo { hasNextPage endCursor } } }`;
const RETRY = `mutation($input: RetryJobInput!) { retryJob(input: $input) { job { id kind state createdAt } } }`;

interface FailedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  error: string | null;
}

/** Jobs on, polled often, retried at once: what the background does is seen within seconds. */
const JOBS_ENV = {
  JOBS_ENABLED: 'true',
  JOBS_POLL_INTERVAL_SECONDS: '0.5',
  JOBS_RETRY_DELAY_SECONDS: '0',
  JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
};

describe('durable jobs: the scheduled status writes', () => {
  let t: TestApp;
  let jobs: JobsService;
  let admin: Persona;
  let issuer: TestOrg;
  let sme: TestOrg;

  beforeAll(async () => {
    t = await startTestApp({ env: JOBS_ENV });
    jobs = t.app.get(JobsService);
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    sme = await createSme(t);
  });
  afterAll(() => t.close());

  const storedStatus = async (table: 'challenges' | 'proposals' | 'introductions', id: string) =>
    (await t.sql.query(`SELECT status FROM ${table} WHERE id = $1`, [id])).rows[0]?.status as
      string | undefined;
  const statusBecomes = (
    table: 'challenges' | 'proposals' | 'introductions',
    id: string,
    to: string,
  ) =>
    eventually(
      `${table} ${id} stored as ${to}`,
      async () => ((await storedStatus(table, id)) === to ? to : undefined),
      20_000,
    );

  it('persists CLOSED for a challenge past its deadline (its proposals UNDER_REVIEW), audited as the system, once', async () => {
    const challenge = await createChallenge(t, issuer, { via: 'api', admin });
    const proposal = await createProposal(t, sme, challenge, { canary: 'JOB-CLOSE' });
    await t.sql.query(
      `UPDATE challenges SET deadline = now() - interval '1 second' WHERE id = $1`,
      [challenge.id],
    );
    expect(await storedStatus('challenges', challenge.id)).toBe('PUBLISHED');

    await jobs.enqueue(CHALLENGE_CLOCK_JOB, {});
    await statusBecomes('challenges', challenge.id, 'CLOSED');
    expect(await storedStatus('proposals', proposal.id)).toBe('UNDER_REVIEW');
    const { rows } = await t.sql.query(
      `SELECT action, actor_user_id, from_state, to_state FROM audit_events
        WHERE entity_id = $1 AND action = 'CHALLENGE_CLOSED'`,
      [challenge.id],
    );
    expect(rows).toEqual([
      {
        action: 'CHALLENGE_CLOSED',
        actor_user_id: null,
        from_state: 'PUBLISHED',
        to_state: 'CLOSED',
      },
    ]);

    // Idempotent: another run finds nothing due and writes nothing.
    const again = await jobs.enqueue(CHALLENGE_CLOCK_JOB, {});
    await jobCompleted(t, again);
    const events = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'CHALLENGE_CLOSED'`,
      [challenge.id],
    );
    expect(events.rows[0].n).toBe(1);
  });

  it('persists AWARDED at the end of the 公示 (publicity) period, audited as the system', async () => {
    const challenge = await createChallenge(t, issuer, { via: 'api', admin });
    const proposal = await createProposal(t, sme, challenge, { canary: 'JOB-AWARD' });
    await t.gql
      .as(admin.token)
      .ok(ADVANCE, { input: { challengeId: challenge.id, to: 'DEADLINE_PASSED' } });
    await t.gql
      .as(issuer.owner.token)
      .ok(SHORTLIST, { input: { challengeId: challenge.id, proposalIds: [proposal.id] } });
    await t.gql.as(issuer.owner.token).ok(SELECT, {
      input: {
        challengeId: challenge.id,
        winners: [{ proposalId: proposal.id, awardAmountFen: '1000000' }],
      },
    });
    const ended = await t.gql.as(admin.token).ok<{
      advanceChallengeClock: { challenge: { status: string } };
    }>(ADVANCE, { input: { challengeId: challenge.id, to: 'PUBLICITY_ENDED' } });
    // It reads AWARDED at once (computed); the stored status waits for a write or the job.
    expect(ended.advanceChallengeClock.challenge.status).toBe('AWARDED');
    expect(await storedStatus('challenges', challenge.id)).toBe('IN_PUBLICITY');

    await jobs.enqueue(CHALLENGE_CLOCK_JOB, {});
    await statusBecomes('challenges', challenge.id, 'AWARDED');
    const { rows } = await t.sql.query(
      `SELECT actor_user_id, from_state, to_state, data FROM audit_events
        WHERE entity_id = $1 AND to_state = 'AWARDED'`,
      [challenge.id],
    );
    expect(rows).toEqual([
      {
        actor_user_id: null,
        from_state: 'IN_PUBLICITY',
        to_state: 'AWARDED',
        data: expect.objectContaining({ cause: 'PUBLICITY_ENDED', persistedBy: null }),
      },
    ]);
    const publicity = await t.sql.query(
      `SELECT outcome, closed_at IS NOT NULL AS closed FROM publicities WHERE challenge_id = $1`,
      [challenge.id],
    );
    expect(publicity.rows).toEqual([{ outcome: 'AWARDED', closed: true }]);
  });

  it('persists EXPIRED for an introduction request past its expires_at, audited as the system; a live one stays', async () => {
    const challenge = await createChallenge(t, issuer);
    const other = await createSme(t);
    const insert = (smeId: string, expires: string) =>
      t.sql.query<{ id: string }>(
        `INSERT INTO introductions (challenge_id, sme_id, issuer_organization_id, direction, requester_organization_id,
                                    status, message, expires_at)
         VALUES ($1, $2, $3, 'REQUEST', $2, 'REQUESTED', '申请对接', now() + $4::interval) RETURNING id`,
        [challenge.id, smeId, issuer.id, expires],
      );
    const due = (await insert(sme.id, '-1 second')).rows[0].id;
    const live = (await insert(other.id, '1 day')).rows[0].id;

    await jobs.enqueue(INTRODUCTION_EXPIRY_JOB, {});
    await statusBecomes('introductions', due, 'EXPIRED');
    expect(await storedStatus('introductions', live)).toBe('REQUESTED');
    const { rows } = await t.sql.query(
      `SELECT action, actor_user_id, from_state, to_state FROM audit_events WHERE entity_id = $1`,
      [due],
    );
    expect(rows).toEqual([
      {
        action: 'INTRODUCTION_EXPIRED',
        actor_user_id: null,
        from_state: 'REQUESTED',
        to_state: 'EXPIRED',
      },
    ]);
  });

  it('a system-move hook runs in the transaction of the move, and its failure rolls the move back for a retry', async () => {
    const challenge = await createChallenge(t, issuer, { via: 'api', admin });
    await t.sql.query(
      `UPDATE challenges SET deadline = now() - interval '1 second' WHERE id = $1`,
      [challenge.id],
    );
    let calls = 0;
    jobs.systemMoves.on('challenge.closed-at-deadline', async (manager, event) => {
      if (!event.challengeIds.includes(challenge.id)) return;
      calls += 1;
      // What it reads is the moved row, in the move's transaction.
      const [row] = (await manager.query(`SELECT status FROM challenges WHERE id = $1`, [
        challenge.id,
      ])) as { status: string }[];
      expect(row.status).toBe('CLOSED');
      if (calls === 1) throw new Error('the notices could not be written');
    });
    await jobs.enqueue(CHALLENGE_CLOCK_JOB, {});
    await statusBecomes('challenges', challenge.id, 'CLOSED');
    expect(calls).toBe(2);
    const events = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'CHALLENGE_CLOSED'`,
      [challenge.id],
    );
    expect(events.rows[0].n).toBe(1);
  });
});

async function jobCompleted(t: TestApp, id: string): Promise<void> {
  await eventually(
    `job ${id} completed`,
    async () => {
      const { rows } = await t.sql.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
      return rows[0]?.state === 'completed' ? true : undefined;
    },
    20_000,
  );
}

describe('durable jobs: failures, failedJobs and retryJob', () => {
  let t: TestApp;
  let jobs: JobsService;
  let admin: Persona;
  let sme: TestOrg;
  let failing = true;
  const runs: { id: string; retryCount: number; n: number }[] = [];
  const FLAKY = defineJob({
    name: 'test-flaky',
    parse: (data: unknown) => {
      const n = (data as { n?: unknown } | null)?.n;
      if (typeof n !== 'number') throw new Error('expected { n: number }');
      return { n };
    },
    retryLimit: 1,
    retryDelaySeconds: 0,
  });

  beforeAll(async () => {
    t = await startTestApp({ env: JOBS_ENV });
    jobs = t.app.get(JobsService);
    // Registered after the start: its queue is created and worked at once.
    await jobs.register(FLAKY, async (payload, job) => {
      runs.push({ id: job.id, retryCount: job.retryCount, n: payload.n });
      if (failing) throw new Error(`flaky handler refused ${payload.n}`);
    });
    admin = await createAdmin(t);
    sme = await createSme(t);
  });
  afterAll(() => t.close());

  const failedJobs = async (vars: { first?: number; after?: string } = {}) =>
    (
      await t.gql.as(admin.token).ok<{
        failedJobs: {
          edges: { cursor: string; node: FailedJob }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(FAILED, vars)
    ).failedJobs;

  it('a handler that throws is retried, then listed in failedJobs; retryJob runs it again and it completes', async () => {
    const id = await jobs.enqueue(FLAKY, { n: 7 });
    const listed = await eventually(
      'the flaky job listed as failed',
      async () => (await failedJobs()).edges.find((e) => e.node.id === id)?.node,
      20_000,
    );
    expect(listed).toMatchObject({
      kind: 'test-flaky',
      payload: { n: 7 },
      attempts: 2,
      error: 'flaky handler refused 7',
    });
    expect(runs.filter((r) => r.id === id).map((r) => r.retryCount)).toEqual([0, 1]);

    failing = false;
    const retried = await t.gql
      .as(admin.token)
      .ok<{ retryJob: { job: { id: string; kind: string; state: string } } }>(RETRY, {
        input: { jobId: id },
      });
    expect(retried.retryJob.job).toMatchObject({ id, kind: 'test-flaky', state: 'RETRY' });
    await jobCompleted(t, id);
    expect(runs.filter((r) => r.id === id)).toHaveLength(3);
    expect((await failedJobs()).edges.some((e) => e.node.id === id)).toBe(false);
    const { rows } = await t.sql.query(
      `SELECT actor_user_id, from_state, to_state, data FROM audit_events WHERE entity_id = $1 AND action = 'JOB_RETRIED'`,
      [id],
    );
    expect(rows).toEqual([
      {
        actor_user_id: admin.id,
        from_state: 'failed',
        to_state: 'retry',
        data: { kind: 'test-flaky' },
      },
    ]);

    // A job that is not failed (this one completed) cannot be retried.
    const done = await t.gql.as(admin.token).fails(RETRY, { input: { jobId: id } });
    expect(done.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'JOB_NOT_FAILED',
      jobState: 'completed',
    });
  });

  it('a job enqueued inside a transaction exists only if the transaction commits', async () => {
    failing = false;
    const dataSource = t.app.get(DataSource);
    let rolledBack = '';
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBack = await jobs.enqueue(FLAKY, { n: 41 }, { manager });
        throw new Error('the business write failed');
      }),
    ).rejects.toThrow('the business write failed');
    const committed = await dataSource.transaction((manager) =>
      jobs.enqueue(FLAKY, { n: 42 }, { manager }),
    );
    await jobCompleted(t, committed);
    const { rows } = await t.sql.query(`SELECT id FROM pgboss.job WHERE id = $1`, [rolledBack]);
    expect(rows).toEqual([]);
    expect(runs.map((r) => r.n)).toContain(42);
    expect(runs.map((r) => r.n)).not.toContain(41);
  });

  it('pages failedJobs newest first with keyset cursors', async () => {
    failing = true;
    const ids = [await jobs.enqueue(FLAKY, { n: 1 }), await jobs.enqueue(FLAKY, { n: 2 })];
    await eventually(
      'both listed as failed',
      async () => {
        const listed = (await failedJobs({ first: 100 })).edges.map((e) => e.node.id);
        return ids.every((id) => listed.includes(id)) ? true : undefined;
      },
      20_000,
    );
    const all = (await failedJobs({ first: 100 })).edges.map((e) => e.node.id);
    const first = await failedJobs({ first: 1 });
    expect(first.edges.map((e) => e.node.id)).toEqual([all[0]]);
    expect(first.pageInfo.hasNextPage).toBe(all.length > 1);
    const second = await failedJobs({ first: 100, after: first.pageInfo.endCursor! });
    expect(second.edges.map((e) => e.node.id)).toEqual(all.slice(1));
    const bad = await t.gql.as(admin.token).fails(FAILED, { after: 'not-a-cursor' });
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is for platform admins only: FORBIDDEN to others, UNAUTHENTICATED anonymous; nothing changes', async () => {
    const [failed] = (await failedJobs()).edges;
    for (const send of [
      () => t.gql.as(sme.owner.token).fails(FAILED),
      () => t.gql.as(sme.owner.token).fails(RETRY, { input: { jobId: failed.node.id } }),
    ]) {
      const e = await send();
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });
    }
    for (const send of [
      () => t.gql.fails(FAILED),
      () => t.gql.fails(RETRY, { input: { jobId: failed.node.id } }),
    ]) {
      expect((await send()).extensions?.code).toBe('UNAUTHENTICATED');
    }
    const { rows } = await t.sql.query(`SELECT state FROM pgboss.job WHERE id = $1`, [
      failed.node.id,
    ]);
    expect(rows[0].state).toBe('failed');
  });

  it('NOT_FOUND for an unknown job, BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await t.gql.as(admin.token).fails(RETRY, { input: { jobId: randomUUID() } });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'JOB_NOT_FOUND' });
    const malformed = await t.gql.as(admin.token).fails(RETRY, { input: { jobId: 'job-1' } });
    expect(malformed.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
