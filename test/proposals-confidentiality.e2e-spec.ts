import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCEPT,
  ADMIN_OPEN,
  ASSIGN,
  COUNT,
  createAdmin,
  createAffiliatedExpert,
  createChallenge,
  createEnterprise,
  createExpert,
  createProposal,
  createSme,
  createUser,
  GET,
  LIST,
  MY,
  passDeadline,
  type Persona,
  proposalContent,
  RANKING,
  RESULT,
  REVISE,
  SCORE,
  type TestChallenge,
  type TestOrg,
  WITHDRAW,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CANARY = 'CANARY-7f3a9c';

describe('sealed proposals: the canary never reaches anyone not allowed', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let otherEnterprise: TestOrg;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let challenge: TestChallenge;
  let proposalId: string;
  let reviewer: Persona;
  let invitedOnly: Persona;
  let recused: Persona;
  let unassignedExpert: Persona;
  let admin: Persona;
  let loner: Persona;

  /** Every read an outsider could try, by id, by list and by nested path. */
  async function probes(token: string | undefined) {
    const as = t.gql.as(token);
    return [
      await as.send(GET, { id: proposalId }),
      await as.send(LIST, { challengeId: challenge.id }),
      await as.send(MY, {}),
      await as.send(RANKING, { challengeId: challenge.id }),
      await as.send(RESULT, { challengeId: challenge.id }),
      await as.send(COUNT, { challengeId: challenge.id }),
      await as.send(
        `query($id: ID!) { a: proposal(id: $id) { id } b: proposal(id: $id) { content { title } } }`,
        { id: proposalId },
      ),
      await as.send(WITHDRAW.replace('{ id status }', '{ id status }'), { input: { proposalId } }),
      await as.send(REVISE, {
        input: { proposalId, content: proposalContent('X', challenge.requirementIds) },
      }),
      await as.send(SCORE, {
        input: { proposalId, scores: [{ criterionId: challenge.criterionIds[0], score: 5 }] },
      }),
    ];
  }

  function expectNoCanary(responses: { text: string }[]) {
    for (const r of responses) expect(r.text).not.toContain(CANARY);
  }

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    otherEnterprise = await createEnterprise(t);
    smeA = await createSme(t);
    smeB = await createSme(t);
    challenge = await createChallenge(t, issuer, { blindReview: true });
    proposalId = (await createProposal(t, smeA, challenge, { canary: CANARY })).id;
    await createProposal(t, smeB, challenge, { canary: 'B-OWN' });
    reviewer = await createExpert(t);
    invitedOnly = await createExpert(t);
    recused = await createAffiliatedExpert(t, {
      name: 'another name',
      creditCode: smeA.creditCode,
    });
    unassignedExpert = await createExpert(t);
    admin = await createAdmin(t);
    loner = await createUser(t);
  });
  afterAll(() => t.close());

  it('before the deadline: the issuer sees only the count; the SME sees its own', async () => {
    const responses = await probes(issuer.owner.token);
    expectNoCanary(responses);
    expect(responses[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(responses[1].errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_SEALED',
    });
    expect(responses[5].data).toEqual({ proposalCount: 2 });
    const own = await t.gql.as(smeA.owner.token).send(GET, { id: proposalId });
    expect(own.text).toContain(CANARY);
  });

  it('anonymous, another SME, another enterprise, a user without organisation, an expert, an admin without grant: nothing', async () => {
    for (const token of [
      undefined,
      smeB.owner.token,
      otherEnterprise.owner.token,
      loner.token,
      unassignedExpert.token,
      admin.token,
    ]) {
      const responses = await probes(token);
      expectNoCanary(responses);
      const code = responses[0].errors?.[0].extensions?.code;
      expect(code === 'NOT_FOUND' || (token === undefined && code === 'UNAUTHENTICATED')).toBe(
        true,
      );
    }
  });

  it('after the deadline: still nothing for outsiders, an invited-not-accepted reviewer or a recused reviewer', async () => {
    await passDeadline(t, challenge.id);
    const res = await t.gql.as(issuer.owner.token).ok<{
      assignReviewers: {
        assignments: {
          id: string;
          reviewerUserId: string;
          proposalId: string | null;
          status: string;
        }[];
      };
    }>(ASSIGN, {
      input: {
        challengeId: challenge.id,
        reviewerUserIds: [reviewer.id, invitedOnly.id, recused.id],
      },
    });
    const assignments = res.assignReviewers.assignments;
    expect(
      assignments.find((a) => a.reviewerUserId === recused.id && a.proposalId === proposalId)
        ?.status,
    ).toBe('RECUSED');
    for (const r of [reviewer, recused]) {
      await t.gql.as(r.token).ok(ACCEPT, {
        input: {
          assignmentId: assignments.find((a) => a.reviewerUserId === r.id && a.proposalId === null)!
            .id,
        },
      });
    }
    for (const token of [
      undefined,
      smeB.owner.token,
      otherEnterprise.owner.token,
      loner.token,
      unassignedExpert.token,
      admin.token,
      invitedOnly.token,
      recused.token,
    ]) {
      expectNoCanary(await probes(token));
    }
  });

  it('an accepted reviewer reads it without the SME identity (blind review); the read is audited', async () => {
    const before = (
      await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ' AND actor_user_id = $1`,
        [reviewer.id],
      )
    ).rows[0].n;
    const res = await t.gql
      .as(reviewer.token)
      .send<{ proposal: { organization: unknown; content: { title: string } } }>(GET, {
        id: proposalId,
      });
    expect(res.data?.proposal.content.title).toContain(CANARY);
    expect(res.data?.proposal.organization).toBeNull();
    expect(res.text).not.toContain(smeA.nameZh);
    expect(res.text).not.toContain(smeA.id);
    const list = await t.gql.as(reviewer.token).send(LIST, { challengeId: challenge.id });
    expect(list.text).not.toContain(smeA.nameZh);
    expect(list.text).not.toContain(smeB.nameZh);
    const after = (
      await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ' AND actor_user_id = $1`,
        [reviewer.id],
      )
    ).rows[0].n;
    expect(after).toBe(before + 2);
    const [event] = (
      await t.sql.query(
        `SELECT entity_id, data FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ' AND actor_user_id = $1 ORDER BY seq LIMIT 1`,
        [reviewer.id],
      )
    ).rows;
    expect(event.entity_id).toBe(proposalId);
    expect(JSON.stringify(event.data)).not.toContain(CANARY);
  });

  it('the issuer owner (not a reviewer) sees the identity; the SMEs still see nothing of each other', async () => {
    const res = await t.gql
      .as(issuer.owner.token)
      .ok<{ proposal: { organization: { nameZh: string } } }>(GET, { id: proposalId });
    expect(res.proposal.organization.nameZh).toBe(smeA.nameZh);
    expectNoCanary(await probes(smeB.owner.token));
    const mine = await t.gql.as(smeB.owner.token).send(MY, {});
    expect(mine.text).toContain('B-OWN');
    expect(mine.text).not.toContain(CANARY);
  });

  it('a read whose audit event cannot be written fails and returns none of the content', async () => {
    const count = async () =>
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ'`,
        )
      ).rows[0].n;
    const before = await count();
    await t.sql.query(`CREATE FUNCTION test_refuse_reads() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.action = 'PROPOSAL_CONTENT_READ' THEN RAISE EXCEPTION 'audit store unavailable'; END IF; RETURN NEW; END $$`);
    await t.sql.query(
      `CREATE TRIGGER test_refuse_reads BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_refuse_reads()`,
    );
    try {
      for (const [query, variables] of [
        [GET, { id: proposalId }],
        [LIST, { challengeId: challenge.id }],
        [RANKING, { challengeId: challenge.id }],
      ] as const) {
        const res = await t.gql.as(issuer.owner.token).send(query, variables);
        expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(res.text).not.toContain(CANARY);
        expect(res.text).not.toContain('audit store unavailable');
      }
    } finally {
      await t.sql.query(`DROP TRIGGER test_refuse_reads ON audit_events`);
      await t.sql.query(`DROP FUNCTION test_refuse_reads()`);
    }
    expect(await count()).toBe(before);
    const ok = await t.gql.as(issuer.owner.token).send(GET, { id: proposalId });
    expect(ok.text).toContain(CANARY);
    expect(await count()).toBe(before + 1);
  });

  it('an admin reads content only through an explicit, reasoned, audited grant', async () => {
    const tooShort = await t.gql
      .as(admin.token)
      .fails(ADMIN_OPEN, { input: { proposalId, reason: 'look' } });
    expect(tooShort.extensions?.code).toBe('BAD_USER_INPUT');
    const plain = await t.gql
      .as(smeB.owner.token)
      .fails(ADMIN_OPEN, { input: { proposalId, reason: 'complaint #42 about plagiarism' } });
    expect(plain.extensions?.code).toBe('FORBIDDEN');
    const opened = await t.gql
      .as(admin.token)
      .send(ADMIN_OPEN, { input: { proposalId, reason: 'complaint #42 about plagiarism' } });
    expect(opened.text).toContain(CANARY);
    const { rows } = await t.sql.query(
      `SELECT reason, data FROM audit_events WHERE action = 'PROPOSAL_ADMIN_ACCESS_GRANTED' AND actor_user_id = $1`,
      [admin.id],
    );
    expect(rows).toEqual([
      {
        reason: 'complaint #42 about plagiarism',
        data: expect.objectContaining({ severity: 'HIGH' }),
      },
    ]);
    const again = await t.gql.as(admin.token).send(GET, { id: proposalId });
    expect(again.text).toContain(CANARY);
  });

  it('the public result is only there in publicity or after the award', async () => {
    const res = await t.gql.send(RESULT, { challengeId: challenge.id });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
