import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createProposal,
  createSme,
  type Persona,
  RESULT,
  SELECT,
  SHORTLIST,
  SUBMIT,
  idempotencyKey,
  proposalContent,
  type TestChallenge,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADVANCE = `mutation($input: AdvanceChallengeClockInput!) { advanceChallengeClock(input: $input) { challenge { id status deadline } } }`;
const STATUS = `query($id: ID!) { challenge(id: $id) { id status } }`;

describe('advanceChallengeClock (development only)', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let sme: TestOrg;
  let challenge: TestChallenge;
  let proposalId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    sme = await createSme(t);
    challenge = await createChallenge(t, issuer, { via: 'api', admin });
    proposalId = (await createProposal(t, sme, challenge, { canary: 'CLOCK-CANARY' })).id;
  });
  afterAll(() => t.close());

  const advance = (who: Persona, input: Record<string, unknown>) =>
    t.gql.as(who.token).fails(ADVANCE, { input });

  it('is for platform admins only: an issuer or an SME is FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    for (const who of [issuer.owner, sme.owner]) {
      const e = await advance(who, { challengeId: challenge.id, to: 'DEADLINE_PASSED' });
      expect(e.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.gql.fails(ADVANCE, {
      input: { challengeId: challenge.id, to: 'DEADLINE_PASSED' },
    });
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
    const { rows } = await t.sql.query(
      `SELECT status, deadline > now() AS open FROM challenges WHERE id = $1`,
      [challenge.id],
    );
    expect(rows[0]).toEqual({ status: 'PUBLISHED', open: true });
  });

  it('answers NOT_FOUND for an unknown challenge, BAD_USER_INPUT for a malformed id or target', async () => {
    const unknown = await advance(admin, { challengeId: randomUUID(), to: 'DEADLINE_PASSED' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CHALLENGE_NOT_FOUND' });
    const badId = await advance(admin, { challengeId: 'not-a-uuid', to: 'DEADLINE_PASSED' });
    expect(badId.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badId.extensions?.fields?.[0]?.field).toMatch(/challengeId/);
    const badTarget = await advance(admin, { challengeId: challenge.id, to: 'TOMORROW' });
    expect(badTarget.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('CONFLICT when the publicity period is asked to end on a challenge that has none', async () => {
    const e = await advance(admin, { challengeId: challenge.id, to: 'PUBLICITY_ENDED' });
    expect(e.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CLOCK_NOT_APPLICABLE',
      challengeStatus: 'PUBLISHED',
    });
  });

  it('DEADLINE_PASSED closes a published challenge at once (persisted, audited with the admin), proposals are sealed no more', async () => {
    const data = await t.gql.as(admin.token).ok<{
      advanceChallengeClock: { challenge: { status: string; deadline: string } };
    }>(ADVANCE, { input: { challengeId: challenge.id, to: 'DEADLINE_PASSED' } });
    expect(data.advanceChallengeClock.challenge.status).toBe('CLOSED');
    expect(new Date(data.advanceChallengeClock.challenge.deadline).getTime()).toBeLessThanOrEqual(
      Date.now() + 1000,
    );
    const anonymous = await t.gql.ok<{ challenge: { status: string } }>(STATUS, {
      id: challenge.id,
    });
    expect(anonymous.challenge.status).toBe('CLOSED');
    const { rows } = await t.sql.query(`SELECT status FROM challenges WHERE id = $1`, [
      challenge.id,
    ]);
    expect(rows[0].status).toBe('CLOSED');
    const events = await t.sql.query(
      `SELECT action, actor_user_id, data FROM audit_events WHERE entity_id = $1 AND action IN ('CHALLENGE_CLOCK_ADVANCED', 'CHALLENGE_CLOSED_AT_DEADLINE') ORDER BY seq`,
      [challenge.id],
    );
    expect(events.rows[0]).toMatchObject({
      action: 'CHALLENGE_CLOCK_ADVANCED',
      actor_user_id: admin.id,
      data: expect.objectContaining({ to: 'DEADLINE_PASSED' }),
    });

    // As after the real deadline: nothing more can be submitted.
    const late = await createSme(t);
    const refused = await t.gql.as(late.owner.token).fails(SUBMIT, {
      input: {
        challengeId: challenge.id,
        idempotencyKey: idempotencyKey(),
        content: proposalContent('LATE', challenge.requirementIds),
      },
    });
    expect(refused.extensions?.code).toBe('CONFLICT');

    const again = await advance(admin, { challengeId: challenge.id, to: 'DEADLINE_PASSED' });
    expect(again.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CLOCK_NOT_APPLICABLE',
      challengeStatus: 'CLOSED',
    });
  });

  it('PUBLICITY_ENDED ends the 公示 of a challenge with winners: it reads AWARDED; audited; not twice', async () => {
    await t.gql
      .as(issuer.owner.token)
      .ok(SHORTLIST, { input: { challengeId: challenge.id, proposalIds: [proposalId] } });
    await t.gql.as(issuer.owner.token).ok(SELECT, {
      input: { challengeId: challenge.id, winners: [{ proposalId, awardAmountFen: '1000000' }] },
    });
    const before = await t.gql.ok<{ challengeResult: { status: string } }>(RESULT, {
      challengeId: challenge.id,
    });
    expect(before.challengeResult.status).toBe('IN_PUBLICITY');

    const data = await t.gql.as(admin.token).ok<{
      advanceChallengeClock: { challenge: { status: string } };
    }>(ADVANCE, { input: { challengeId: challenge.id, to: 'PUBLICITY_ENDED' } });
    expect(data.advanceChallengeClock.challenge.status).toBe('AWARDED');
    const after = await t.gql.ok<{ challengeResult: { status: string } }>(RESULT, {
      challengeId: challenge.id,
    });
    expect(after.challengeResult.status).toBe('AWARDED');
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'CHALLENGE_CLOCK_ADVANCED' AND actor_user_id = $2`,
      [challenge.id, admin.id],
    );
    expect(rows[0].n).toBe(2);

    const again = await advance(admin, { challengeId: challenge.id, to: 'PUBLICITY_ENDED' });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLOCK_NOT_APPLICABLE' });
  });
});

describe('advanceChallengeClock in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('is refused with FORBIDDEN DEV_ONLY, even to a platform admin, and moves nothing', async () => {
    const admin = await createAdmin(t);
    const issuer = await createEnterprise(t);
    const challenge = await createChallenge(t, issuer);
    const before = await t.sql.query(`SELECT status, deadline FROM challenges WHERE id = $1`, [
      challenge.id,
    ]);
    for (const to of ['DEADLINE_PASSED', 'PUBLICITY_ENDED']) {
      const e = await t.gql
        .as(admin.token)
        .fails(ADVANCE, { input: { challengeId: challenge.id, to } });
      expect(e.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DEV_ONLY' });
    }
    const unknown = await t.gql
      .as(admin.token)
      .fails(ADVANCE, { input: { challengeId: randomUUID(), to: 'DEADLINE_PASSED' } });
    expect(unknown.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'DEV_ONLY' });
    const after = await t.sql.query(`SELECT status, deadline FROM challenges WHERE id = $1`, [
      challenge.id,
    ]);
    expect(after.rows).toEqual(before.rows);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'CHALLENGE_CLOCK_ADVANCED'`,
    );
    expect(rows[0].n).toBe(0);
  });
});
