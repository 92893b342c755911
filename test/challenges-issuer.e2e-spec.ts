import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  type Persona,
  PUBLISH_CHALLENGE,
  SUBMIT_CHALLENGE,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINE = `query($statuses: [ChallengeStatus!], $first: Int, $after: String) { myChallenges(filter: { statuses: $statuses }, first: $first, after: $after) {
  edges { node { id status titleZh unansweredQuestionCount proposalCount viewerIsIssuer } } pageInfo { hasNextPage endCursor } } }`;
const QUEUE = `query($first: Int, $after: String) { challengeReviewQueue(first: $first, after: $after) { edges { node { id submittedAt issuer { nameZh } } } pageInfo { hasNextPage endCursor } } }`;
const INVITE = `mutation($c: ID!, $o: ID!) { inviteSmeToChallenge(input: { challengeId: $c, smeId: $o, message: "请参与揭榜" }) { introduction { id status } challenge { id } } }`;
const ACCEPT = `mutation($id: ID!) { acceptIntroduction(input: { introductionId: $id }) { introduction { id status } } }`;
const ELIGIBILITY = `query($id: ID!) { challenge(id: $id) { viewerEligibility { eligible reasons } } }`;

describe("the issuer's view, the review queue, invitations and eligibility", () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let otherEnterprise: TestOrg;
  let sme: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    otherEnterprise = await createEnterprise(t);
    sme = await createSme(t, { regionCode: '320000', qualification: 'SPECIALIZED' });
  });
  afterAll(() => t.close());

  async function draft(
    by: Persona = issuer.owner,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    return (
      await t.gql
        .as(by.token)
        .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
          input: challengeInput(overrides),
        })
    ).createChallenge.challenge.id;
  }

  it("myChallenges lists the caller's enterprise's challenges in every state, with counts and no others", async () => {
    const d = await draft(issuer.owner, { titleZh: '我的草稿' });
    const { id: p } = await createChallenge(t, issuer, { via: 'api', admin });
    const foreign = await draft(otherEnterprise.owner);
    await t.gql
      .as(sme.owner.token)
      .ok(
        `mutation($id: ID!) { askChallengeQuestion(input: { challengeId: $id, question: "需要现场测试吗？" }) { question { id } } }`,
        { id: p },
      );
    const res = await t.gql.as(issuer.owner.token).ok<{
      myChallenges: {
        edges: {
          node: {
            id: string;
            status: string;
            unansweredQuestionCount: number;
            proposalCount: number;
            viewerIsIssuer: boolean;
          };
        }[];
      };
    }>(MINE, {});
    const nodes = res.myChallenges.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([d, p]));
    expect(nodes.map((n) => n.id)).not.toContain(foreign);
    expect(nodes.find((n) => n.id === p)).toMatchObject({
      status: 'PUBLISHED',
      unansweredQuestionCount: 1,
      proposalCount: 0,
      viewerIsIssuer: true,
    });
    expect(nodes.find((n) => n.id === d)).toMatchObject({
      status: 'DRAFT',
      unansweredQuestionCount: 0,
    });
    const drafts = await t.gql
      .as(issuer.owner.token)
      .ok<{ myChallenges: { edges: { node: { id: string } }[] } }>(MINE, { statuses: ['DRAFT'] });
    expect(drafts.myChallenges.edges.map((e) => e.node.id)).toContain(d);
    expect(drafts.myChallenges.edges.map((e) => e.node.id)).not.toContain(p);
    // Proposal counts come from the challenge_proposal_counts view (filled by the proposals module).
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM challenge_proposal_counts`);
    expect(rows[0].n).toBe(0);
  });

  it('myChallenges is for enterprise members only', async () => {
    expect((await t.gql.as(sme.owner.token).fails(MINE, {})).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ENTERPRISE_MEMBERS_ONLY',
    });
    expect((await t.gql.fails(MINE, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the review queue lists pending challenges oldest submission first, with cursors, to admins only', async () => {
    const a = await draft();
    const b = await draft(otherEnterprise.owner);
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id: a });
    await t.gql.as(otherEnterprise.owner.token).ok(SUBMIT_CHALLENGE, { id: b });
    const first = await t.gql.as(admin.token).ok<{
      challengeReviewQueue: {
        edges: { node: { id: string } }[];
        pageInfo: { endCursor: string };
      };
    }>(QUEUE, { first: 100 });
    const order = first.challengeReviewQueue.edges.map((e) => e.node.id);
    expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        challengeReviewQueue: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await t.gql.as(admin.token).ok(QUEUE, { first: 1, after });
      paged.push(...page.challengeReviewQueue.edges.map((e) => e.node.id));
      if (!page.challengeReviewQueue.pageInfo.hasNextPage) break;
      after = page.challengeReviewQueue.pageInfo.endCursor;
    }
    expect(paged).toEqual(order);
    expect((await t.gql.as(issuer.owner.token).fails(QUEUE, {})).extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('of two admins approving at once, one publishes and the other gets INVALID_TRANSITION; one audit row', async () => {
    const id = await draft();
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    const other = await createAdmin(t);
    const results = await Promise.all(
      [admin, other].map((a) => t.gql.as(a.token).send(PUBLISH_CHALLENGE, { id })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'CHALLENGE_PUBLISHED'`,
      [id],
    );
    expect(rows[0].n).toBe(1);
    const versions = await t.sql.query(
      `SELECT count(*)::int AS n FROM challenge_versions WHERE challenge_id = $1`,
      [id],
    );
    expect(versions.rows[0].n).toBe(1);
  });

  describe('invitations', () => {
    it('the issuer invites an SME; others cannot, and nothing is recorded; the SME sees an INVITE_ONLY challenge once it accepts', async () => {
      const { id } = await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { visibility: 'INVITE_ONLY' },
      });
      const count = async (table: string) =>
        (await t.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE challenge_id = $1`, [id]))
          .rows[0].n;
      expect(
        (await t.gql.as(otherEnterprise.owner.token).fails(INVITE, { c: id, o: sme.id })).extensions
          ?.code,
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql.as(sme.owner.token).fails(INVITE, { c: id, o: sme.id })).extensions?.code,
      ).toBe('NOT_FOUND');
      expect((await t.gql.fails(INVITE, { c: id, o: sme.id })).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const notSme = await t.gql
        .as(issuer.owner.token)
        .fails(INVITE, { c: id, o: otherEnterprise.id });
      expect(notSme.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SME_NOT_FOUND' });
      expect(await count('introductions')).toBe(0);
      const invited = await t.gql
        .as(issuer.owner.token)
        .ok<{ inviteSmeToChallenge: { introduction: { id: string; status: string } } }>(INVITE, {
          c: id,
          o: sme.id,
        });
      expect(invited.inviteSmeToChallenge.introduction.status).toBe('REQUESTED');
      expect(
        (await t.gql.as(issuer.owner.token).fails(INVITE, { c: id, o: sme.id })).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'INTRODUCTION_ALREADY_LIVE' });
      expect(await count('introductions')).toBe(1);
      // Not accepted yet: no access grant, the SME does not see the INVITE_ONLY challenge.
      expect(await count('challenge_invitations')).toBe(0);
      expect(
        (
          await t.gql
            .as(sme.owner.token)
            .fails(`query($id: ID!) { challenge(id: $id) { id } }`, { id })
        ).extensions?.code,
      ).toBe('NOT_FOUND');
      await t.gql
        .as(sme.owner.token)
        .ok(ACCEPT, { id: invited.inviteSmeToChallenge.introduction.id });
      expect(await count('challenge_invitations')).toBe(1);
      // Once accepted, the SME sees it; a public challenge's issuer-only operations stay refused to it.
      expect(
        (
          await t.gql
            .as(sme.owner.token)
            .ok<{ challenge: { id: string } }>(`query($id: ID!) { challenge(id: $id) { id } }`, {
              id,
            })
        ).challenge.id,
      ).toBe(id);
      expect(
        (await t.gql.as(sme.owner.token).fails(INVITE, { c: id, o: sme.id })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_ONLY' });
    });
  });

  describe('eligibility', () => {
    it.each([
      [{}, true, []],
      [{ eligibility: { allowedRegionCodes: ['110000'] } }, false, ['REGION_NOT_ALLOWED']],
      [{ eligibility: { minQualification: 'LITTLE_GIANT' } }, false, ['QUALIFICATION_TOO_LOW']],
      [
        {
          eligibility: {
            minQualification: 'SPECIALIZED',
            allowedRegionCodes: ['320000', '310000'],
          },
        },
        true,
        [],
      ],
    ])('with %j the SME is eligible: %s %j', async (overrides, eligible, reasons) => {
      const { id } = await createChallenge(t, issuer, { via: 'api', admin, input: overrides });
      const res = await t.gql
        .as(sme.owner.token)
        .ok<{ challenge: { viewerEligibility: unknown } }>(ELIGIBILITY, { id });
      expect(res.challenge.viewerEligibility).toEqual({ eligible, reasons });
    });

    it('an expired certificate does not count, an unverified SME is not eligible where verification is required, an enterprise never is', async () => {
      const { id } = await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { eligibility: { minQualification: 'INNOVATIVE', verifiedOnly: true } },
      });
      const expired = await createSme(t, { qualification: 'LITTLE_GIANT' });
      await t.sql.query(
        `UPDATE smes SET qualification_valid_until = current_date - 1 WHERE organization_id = $1`,
        [expired.id],
      );
      // The declared qualification would suffice: the reason says that its certificate has ended.
      expect(
        (
          await t.gql
            .as(expired.owner.token)
            .ok<{ challenge: { viewerEligibility: { reasons: string[] } } }>(ELIGIBILITY, { id })
        ).challenge.viewerEligibility.reasons,
      ).toEqual(['QUALIFICATION_EXPIRED']);
      const unverified = await createSme(t, { verified: false });
      expect(
        (
          await t.gql
            .as(unverified.owner.token)
            .ok<{ challenge: { viewerEligibility: { reasons: string[] } } }>(ELIGIBILITY, { id })
        ).challenge.viewerEligibility.reasons,
      ).toEqual(['NOT_VERIFIED', 'QUALIFICATION_TOO_LOW']);
      expect(
        (
          await t.gql
            .as(otherEnterprise.owner.token)
            .ok<{ challenge: { viewerEligibility: { eligible: boolean } } }>(ELIGIBILITY, { id })
        ).challenge.viewerEligibility.eligible,
      ).toBe(false);
      expect(
        (await t.gql.ok<{ challenge: { viewerEligibility: unknown } }>(ELIGIBILITY, { id }))
          .challenge.viewerEligibility,
      ).toBeNull();
    });
  });

  it('answers a malformed id as BAD_USER_INPUT naming the argument, like every other id (common/uuid.ts), never as a server error', async () => {
    for (const [query, field] of [
      [`{ challenge(id: "not-a-uuid") { id } }`, 'id'],
      [`{ challengeVersions(challengeId: "1") { edges { node { version } } } }`, 'challengeId'],
    ]) {
      const res = await t.gql.send(query);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field, message: 'must be a UUID' }],
      });
    }
    const res = await t.gql
      .as(issuer.owner.token)
      .send(`mutation { submitChallengeForReview(input: { id: "nope" }) { challenge { id } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
