import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { challengeInput, CREATE, createAdmin, createVerifiedEnterprise, createVerifiedSme, OrgPersona, PUBLISH, publishedChallenge, SUBMIT } from './support/challenge-factories.js';
import type { Persona } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MINE = `query($statuses: [ChallengeStatus!], $first: Int, $after: String) { myChallenges(statuses: $statuses, first: $first, after: $after) {
  edges { node { id status titleZh unansweredQuestionCount proposalCount viewerIsIssuer } } pageInfo { hasNextPage endCursor } } }`;
const QUEUE = `query($first: Int, $after: String) { challengeReviewQueue(first: $first, after: $after) { edges { node { id submittedAt issuer { nameZh } } } pageInfo { hasNextPage endCursor } } }`;
const INVITE = `mutation($c: ID!, $o: ID!) { inviteSmeToChallenge(input: { challengeId: $c, organizationId: $o }) { id } }`;
const ELIGIBILITY = `query($id: ID!) { challenge(id: $id) { viewerEligibility { eligible reasons } } }`;

describe("the issuer's view, the review queue, invitations and eligibility", () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: OrgPersona;
  let otherEnterprise: OrgPersona;
  let sme: OrgPersona;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createVerifiedEnterprise(t);
    otherEnterprise = await createVerifiedEnterprise(t);
    sme = await createVerifiedSme(t, { regionCode: '320000', qualification: 'SPECIALIZED' });
  });
  afterAll(() => t.close());

  async function draft(by: Persona = issuer, overrides: Record<string, unknown> = {}): Promise<string> {
    return (await t.gql.as(by.token).ok<{ createChallenge: { id: string } }>(CREATE, { input: challengeInput(overrides) })).createChallenge.id;
  }

  it("myChallenges lists the caller's enterprise's challenges in every state, with counts and no others", async () => {
    const d = await draft(issuer, { titleZh: '我的草稿' });
    const { id: p } = await publishedChallenge(t, issuer, admin);
    const foreign = await draft(otherEnterprise);
    await t.gql.as(sme.token).ok(`mutation($id: ID!) { askChallengeQuestion(input: { challengeId: $id, question: "需要现场测试吗？" }) { id } }`, { id: p });
    const res = await t.gql.as(issuer.token).ok<{ myChallenges: { edges: { node: { id: string; status: string; unansweredQuestionCount: number; proposalCount: number; viewerIsIssuer: boolean } }[] } }>(MINE, {});
    const nodes = res.myChallenges.edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining([d, p]));
    expect(nodes.map((n) => n.id)).not.toContain(foreign);
    expect(nodes.find((n) => n.id === p)).toMatchObject({ status: 'PUBLISHED', unansweredQuestionCount: 1, proposalCount: 0, viewerIsIssuer: true });
    expect(nodes.find((n) => n.id === d)).toMatchObject({ status: 'DRAFT', unansweredQuestionCount: 0 });
    const drafts = await t.gql.as(issuer.token).ok<{ myChallenges: { edges: { node: { id: string } }[] } }>(MINE, { statuses: ['DRAFT'] });
    expect(drafts.myChallenges.edges.map((e) => e.node.id)).toContain(d);
    expect(drafts.myChallenges.edges.map((e) => e.node.id)).not.toContain(p);
    // Proposal counts come from the challenge_proposal_counts view (filled by the proposals module).
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM challenge_proposal_counts`);
    expect(rows[0].n).toBe(0);
  });

  it('myChallenges is for enterprise members only', async () => {
    expect((await t.gql.as(sme.token).fails(MINE, {})).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ENTERPRISE_MEMBERS_ONLY' });
    expect((await t.gql.fails(MINE, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the review queue lists pending challenges oldest submission first, with cursors, to admins only', async () => {
    const a = await draft();
    const b = await draft(otherEnterprise);
    await t.gql.as(issuer.token).ok(SUBMIT, { id: a });
    await t.gql.as(otherEnterprise.token).ok(SUBMIT, { id: b });
    const first = await t.gql.as(admin.token).ok<{ challengeReviewQueue: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } }>(QUEUE, { first: 100 });
    const order = first.challengeReviewQueue.edges.map((e) => e.node.id);
    expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    const paged: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { challengeReviewQueue: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await t.gql
        .as(admin.token)
        .ok(QUEUE, { first: 1, after });
      paged.push(...page.challengeReviewQueue.edges.map((e) => e.node.id));
      if (!page.challengeReviewQueue.pageInfo.hasNextPage) break;
      after = page.challengeReviewQueue.pageInfo.endCursor;
    }
    expect(paged).toEqual(order);
    expect((await t.gql.as(issuer.token).fails(QUEUE, {})).extensions?.code).toBe('FORBIDDEN');
  });

  it('of two admins approving at once, one publishes and the other gets INVALID_TRANSITION; one audit row', async () => {
    const id = await draft();
    await t.gql.as(issuer.token).ok(SUBMIT, { id });
    const other = await createAdmin(t);
    const results = await Promise.all([admin, other].map((a) => t.gql.as(a.token).send(PUBLISH, { id })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'CHALLENGE_PUBLISHED'`, [id]);
    expect(rows[0].n).toBe(1);
    const versions = await t.sql.query(`SELECT count(*)::int AS n FROM challenge_versions WHERE challenge_id = $1`, [id]);
    expect(versions.rows[0].n).toBe(1);
  });

  describe('invitations', () => {
    it('the issuer invites an SME; others cannot, and nothing is recorded', async () => {
      const { id } = await publishedChallenge(t, issuer, admin, { visibility: 'INVITE_ONLY' });
      const count = async () => (await t.sql.query(`SELECT count(*)::int AS n FROM challenge_invitations WHERE challenge_id = $1`, [id])).rows[0].n;
      expect((await t.gql.as(otherEnterprise.token).fails(INVITE, { c: id, o: sme.organizationId })).extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.as(sme.token).fails(INVITE, { c: id, o: sme.organizationId })).extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.fails(INVITE, { c: id, o: sme.organizationId })).extensions?.code).toBe('UNAUTHENTICATED');
      const notSme = await t.gql.as(issuer.token).fails(INVITE, { c: id, o: otherEnterprise.organizationId });
      expect(notSme.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.organizationId', message: 'is not an SME organisation' }] });
      expect(await count()).toBe(0);
      await t.gql.as(issuer.token).ok(INVITE, { c: id, o: sme.organizationId });
      await t.gql.as(issuer.token).ok(INVITE, { c: id, o: sme.organizationId });
      expect(await count()).toBe(1);
      // Once invited, the SME sees it; a public challenge's issuer-only operations stay refused to it.
      expect((await t.gql.as(sme.token).ok<{ challenge: { id: string } }>(`query($id: ID!) { challenge(id: $id) { id } }`, { id })).challenge.id).toBe(id);
      expect((await t.gql.as(sme.token).fails(INVITE, { c: id, o: sme.organizationId })).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_ONLY' });
    });
  });

  describe('eligibility', () => {
    it.each([
      [{}, true, []],
      [{ eligibility: { allowedRegionCodes: ['110000'] } }, false, ['REGION_NOT_ALLOWED']],
      [{ eligibility: { minQualification: 'LITTLE_GIANT' } }, false, ['QUALIFICATION_TOO_LOW']],
      [{ eligibility: { minQualification: 'SPECIALIZED', allowedRegionCodes: ['320000', '310000'] } }, true, []],
    ])('with %j the SME is eligible: %s %j', async (overrides, eligible, reasons) => {
      const { id } = await publishedChallenge(t, issuer, admin, overrides);
      const res = await t.gql.as(sme.token).ok<{ challenge: { viewerEligibility: unknown } }>(ELIGIBILITY, { id });
      expect(res.challenge.viewerEligibility).toEqual({ eligible, reasons });
    });

    it('an expired certificate does not count, an unverified SME is not eligible where verification is required, an enterprise never is', async () => {
      const { id } = await publishedChallenge(t, issuer, admin, { eligibility: { minQualification: 'INNOVATIVE', verifiedOnly: true } });
      const expired = await createVerifiedSme(t, { qualification: 'LITTLE_GIANT' });
      await t.sql.query(`UPDATE smes SET qualification_valid_until = current_date - 1 WHERE organization_id = $1`, [expired.organizationId]);
      // The declared qualification would suffice: the reason says that its certificate has ended.
      expect((await t.gql.as(expired.token).ok<{ challenge: { viewerEligibility: { reasons: string[] } } }>(ELIGIBILITY, { id })).challenge.viewerEligibility.reasons).toEqual(['QUALIFICATION_EXPIRED']);
      const unverified = await createVerifiedSme(t, { verified: false });
      expect((await t.gql.as(unverified.token).ok<{ challenge: { viewerEligibility: { reasons: string[] } } }>(ELIGIBILITY, { id })).challenge.viewerEligibility.reasons).toEqual([
        'NOT_VERIFIED',
        'QUALIFICATION_TOO_LOW',
      ]);
      expect((await t.gql.as(otherEnterprise.token).ok<{ challenge: { viewerEligibility: { eligible: boolean } } }>(ELIGIBILITY, { id })).challenge.viewerEligibility.eligible).toBe(false);
      expect((await t.gql.ok<{ challenge: { viewerEligibility: unknown } }>(ELIGIBILITY, { id })).challenge.viewerEligibility).toBeNull();
    });
  });

  it('answers a malformed id as BAD_USER_INPUT naming the argument, like every other id (common/uuid.ts), never as a server error', async () => {
    for (const [query, field] of [
      [`{ challenge(id: "not-a-uuid") { id } }`, 'id'],
      [`{ challengeVersions(challengeId: "1") { version } }`, 'challengeId'],
    ]) {
      const res = await t.gql.send(query);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field, message: 'must be a UUID' }] });
    }
    const res = await t.gql.as(issuer.token).send(`mutation { submitChallengeForReview(input: { id: "nope" }) { id } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
