import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditCount,
  challengeInput,
  COUNT,
  CREATE_CHALLENGE,
  CREATE_ENTERPRISE,
  CREATE_SME,
  createAdmin,
  createChallenge,
  createEnterprise,
  createProposal,
  createSme,
  createUser,
  creditCode,
  enterpriseInput,
  type Persona,
  smeInput,
  type TestChallenge,
  type TestOrg,
  INVITE_SME,
  inviteAndAccept,
} from './support/factories/index.js';
import type { GqlResponse } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Domain rules tightened in the second hardening round: the NDA gate (only organisations that could
 * answer a challenge accept its terms and read its confidential description), one rule for the proposal
 * count on every path, and credit codes that an unverified organisation cannot squat.
 */

const ACCEPT_TERMS = `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id description descriptionLocked termsAccepted } } }`;
const CHALLENGE = `query($id: ID!) { challenge(id: $id) { id description descriptionLocked termsAccepted viewerEligibility { eligible reasons } } }`;
const CHALLENGES = `{ challenges(first: 50) { edges { node { id description descriptionLocked } } } }`;
const VERSIONS = `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version description } } } }`;
const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { id challenges(first: 50) { edges { node { id description } } } } }`;
const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version proposalCountVisibility proposalCount } } }`;
const COUNT_FIELD = `query($id: ID!) { challenge(id: $id) { id proposalCountVisibility proposalCount } }`;
const COUNT_LIST = `{ challenges(first: 50) { edges { node { id proposalCount } } } }`;
const QUEUE = `query($first: Int, $after: String, $kind: OrganizationKind) {
  organizationVerificationQueue(first: $first, after: $after, filter: { kind: $kind }) {
    edges { cursor node { organizationId kind nameZh creditCode verificationStatus creditCodeHeldByVerified
      creditCodeClashes { organizationId kind nameZh verificationStatus } } }
    pageInfo { hasNextPage endCursor } } }`;
const VERIFY = `mutation($input: VerifyOrganizationInput!) { verifyOrganization(input: $input) { organizationId verificationStatus } }`;

const DESCRIPTION = 'NDA-DESCRIPTION-CANARY-7c1e';
const AMENDED = 'NDA-AMENDED-DESCRIPTION-CANARY-0b9a';

function expectNoCanary(responses: GqlResponse<unknown>[], canaries: string[]) {
  for (const r of responses) {
    expect(r.status).toBe(200);
    for (const c of canaries)
      expect({ canary: c, found: r.text.includes(c) }).toEqual({ canary: c, found: false });
  }
}

async function acceptances(
  t: TestApp,
  challengeId: string,
  organizationId: string,
): Promise<number> {
  const { rows } = await t.sql.query(
    `SELECT count(*)::int AS n FROM challenge_terms_acceptances WHERE challenge_id = $1 AND organization_id = $2`,
    [challengeId, organizationId],
  );
  return rows[0].n as number;
}

describe('the NDA gate: only organisations that could answer a challenge accept its terms and read its description', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let issuerMember: Persona;
  let competitor: TestOrg;
  let eligibleSme: TestOrg;
  let lowSme: TestOrg;
  let invitedSme: TestOrg;
  let selfMade: TestOrg;
  let verifiedOnly: TestChallenge;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    issuerMember = await createUser(t);
    await t.sql.query(
      `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
      [issuerMember.id, issuer.id],
    );
    competitor = await createEnterprise(t);
    eligibleSme = await createSme(t, { qualification: 'SPECIALIZED' });
    lowSme = await createSme(t, { qualification: 'NONE' });
    invitedSme = await createSme(t, { regionCode: '440000', qualification: 'NONE' });
    // A freshly self-created SME, through the API: UNVERIFIED.
    const owner = await createUser(t);
    selfMade = await createSme(t, { via: 'api', owner, regionCode: '370000' });
    // verified_only is the default of a challenge; the description is the canary.
    verifiedOnly = await createChallenge(t, issuer, { requiresTerms: true, deadlineIn: '10 days' });
    await t.sql.query(`UPDATE challenges SET description = $2 WHERE id = $1`, [
      verifiedOnly.id,
      DESCRIPTION,
    ]);
  });
  afterAll(() => t.close());

  async function everyPath(token: string | undefined, challengeId: string) {
    const as = t.gql.as(token);
    return [
      await as.send(CHALLENGE, { id: challengeId }),
      await as.send(CHALLENGES),
      await as.send(VERSIONS, { id: challengeId }),
      await as.send(ENTERPRISE, { id: issuer.id }),
    ];
  }

  it('an unverified, self-created SME is refused on a verified-only challenge, sees no confidential text, and nothing is recorded', async () => {
    const before = await auditCount(t);
    const res = await t.gql
      .as(selfMade.owner.token)
      .send(ACCEPT_TERMS, { input: { challengeId: verifiedOnly.id, termsVersion: 1 } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ELIGIBLE_FOR_TERMS',
      eligibilityReasons: ['NOT_VERIFIED'],
    });
    expect(res.data).toBeNull();
    expect(await acceptances(t, verifiedOnly.id, selfMade.id)).toBe(0);
    expect(await auditCount(t)).toBe(before);
    const paths = await everyPath(selfMade.owner.token, verifiedOnly.id);
    expectNoCanary([res, ...paths], [DESCRIPTION]);
    // the page tells it why, with the same reasons
    expect(paths[0].data).toEqual({
      challenge: {
        id: verifiedOnly.id,
        description: null,
        descriptionLocked: true,
        termsAccepted: false,
        viewerEligibility: { eligible: false, reasons: ['NOT_VERIFIED'] },
      },
    });
  });

  it('a competing enterprise sees the public part only: it cannot accept the terms, and an acceptance recorded earlier unlocks nothing', async () => {
    const before = await auditCount(t);
    const res = await t.gql
      .as(competitor.owner.token)
      .send(ACCEPT_TERMS, { input: { challengeId: verifiedOnly.id, termsVersion: 1 } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ELIGIBLE_FOR_TERMS',
      eligibilityReasons: ['NOT_AN_SME'],
    });
    expect(await acceptances(t, verifiedOnly.id, competitor.id)).toBe(0);
    expect(await auditCount(t)).toBe(before);
    // An acceptance recorded before the gate existed (as the probe did) no longer opens any path.
    await t.sql.query(
      `INSERT INTO challenge_terms_acceptances (challenge_id, organization_id, user_id, terms_version) VALUES ($1, $2, $3, 1)`,
      [verifiedOnly.id, competitor.id, competitor.owner.id],
    );
    const paths = await everyPath(competitor.owner.token, verifiedOnly.id);
    expectNoCanary([res, ...paths], [DESCRIPTION]);
    expect(paths[0].data).toMatchObject({
      challenge: { description: null, descriptionLocked: true },
    });
  });

  it('an SME below the minimum qualification is refused with QUALIFICATION_TOO_LOW', async () => {
    const c = await createChallenge(t, issuer, {
      requiresTerms: true,
      minQualification: 'SPECIALIZED',
    });
    await t.sql.query(`UPDATE challenges SET description = $2 WHERE id = $1`, [c.id, DESCRIPTION]);
    const res = await t.gql
      .as(lowSme.owner.token)
      .send(ACCEPT_TERMS, { input: { challengeId: c.id, termsVersion: 1 } });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ELIGIBLE_FOR_TERMS',
      eligibilityReasons: ['QUALIFICATION_TOO_LOW'],
    });
    expectNoCanary([res, ...(await everyPath(lowSme.owner.token, c.id))], [DESCRIPTION]);
    expect(await acceptances(t, c.id, lowSme.id)).toBe(0);
  });

  it('an eligible SME accepts and reads the description on every path, amendments included', async () => {
    const res = await t.gql.as(eligibleSme.owner.token).ok<{
      acceptChallengeTerms: {
        challenge: {
          description: string;
          descriptionLocked: boolean;
          termsAccepted: boolean;
        };
      };
    }>(ACCEPT_TERMS, { input: { challengeId: verifiedOnly.id, termsVersion: 1 } });
    expect(res.acceptChallengeTerms.challenge).toMatchObject({
      description: DESCRIPTION,
      descriptionLocked: false,
      termsAccepted: true,
    });
    expect(await acceptances(t, verifiedOnly.id, eligibleSme.id)).toBe(1);
    // the issuer amends the description: the snapshot in challengeVersions obeys the same gate
    await t.gql.as(issuerMember.token).ok(AMEND, {
      input: {
        id: verifiedOnly.id,
        expectedVersion: 1,
        changeSummary: '更新描述',
        description: AMENDED,
      },
    });
    const versions = await t.gql
      .as(eligibleSme.owner.token)
      .ok<{ challengeVersions: { edges: { node: { description: string | null } }[] } }>(VERSIONS, {
        id: verifiedOnly.id,
      });
    expect(versions.challengeVersions.edges.map((e) => e.node.description)).toContain(AMENDED);
    const byId = await t.gql.as(eligibleSme.owner.token).send(CHALLENGE, { id: verifiedOnly.id });
    expect(byId.text).toContain(AMENDED);
    for (const token of [
      undefined,
      selfMade.owner.token,
      competitor.owner.token,
      lowSme.owner.token,
    ]) {
      expectNoCanary(await everyPath(token, verifiedOnly.id), [DESCRIPTION, AMENDED]);
    }
  });

  it("the issuer's members and admins read the description without accepting anything, as before", async () => {
    for (const token of [issuerMember.token, issuer.owner.token, admin.token]) {
      const res = await t.gql
        .as(token)
        .send<{ challenge: { description: string; descriptionLocked: boolean } }>(CHALLENGE, {
          id: verifiedOnly.id,
        });
      expect(res.data?.challenge).toMatchObject({ description: AMENDED, descriptionLocked: false });
    }
    // the issuer may still record its own acceptance (it changes nothing for it)
    await t.gql
      .as(issuerMember.token)
      .ok(ACCEPT_TERMS, { input: { challengeId: verifiedOnly.id, termsVersion: 1 } });
  });

  it('an SME the issuer invited to an INVITE_ONLY challenge accepts and reads it, although the eligibility rule alone would now refuse it', async () => {
    // An invitation needs an eligible SME (a hard filter): an ineligible one is refused outright.
    const restricted = await createChallenge(t, issuer, {
      visibility: 'INVITE_ONLY',
      regions: ['370000'],
      minQualification: 'INNOVATIVE',
    });
    expect(
      (
        await t.gql.as(issuer.owner.token).fails(INVITE_SME, {
          input: { challengeId: restricted.id, smeId: invitedSme.id, message: '邀请' },
        })
      ).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'INTRODUCTION_SME_NOT_ELIGIBLE' });
    const c = await createChallenge(t, issuer, {
      requiresTerms: true,
      visibility: 'INVITE_ONLY',
    });
    await t.sql.query(`UPDATE challenges SET description = $2 WHERE id = $1`, [c.id, DESCRIPTION]);
    const hidden = await t.gql
      .as(invitedSme.owner.token)
      .send(ACCEPT_TERMS, { input: { challengeId: c.id, termsVersion: 1 } });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await inviteAndAccept(t, issuer, c.id, invitedSme);
    // The challenge's rules tighten after the accepted invitation: the invitation still opens the NDA gate.
    await t.sql.query(
      `UPDATE challenges SET allowed_region_codes = '{370000}', min_qualification = 'INNOVATIVE' WHERE id = $1`,
      [c.id],
    );
    const page = await t.gql
      .as(invitedSme.owner.token)
      .ok<{ challenge: { viewerEligibility: { eligible: boolean } } }>(CHALLENGE, { id: c.id });
    expect(page.challenge.viewerEligibility.eligible).toBe(false);
    const res = await t.gql
      .as(invitedSme.owner.token)
      .ok<{ acceptChallengeTerms: { challenge: { description: string } } }>(ACCEPT_TERMS, {
        input: { challengeId: c.id, termsVersion: 1 },
      });
    expect(res.acceptChallengeTerms.challenge.description).toBe(DESCRIPTION);
    expect((await t.gql.as(invitedSme.owner.token).send(CHALLENGE, { id: c.id })).text).toContain(
      DESCRIPTION,
    );
    // another SME, not invited, does not even see the challenge
    expect(
      (
        await t.gql
          .as(eligibleSme.owner.token)
          .send(ACCEPT_TERMS, { input: { challengeId: c.id, termsVersion: 1 } })
      ).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('an SME that stops being eligible (verification withdrawn) stops reading the description it had unlocked', async () => {
    const sme = await createSme(t);
    const c = await createChallenge(t, issuer, { requiresTerms: true });
    await t.sql.query(`UPDATE challenges SET description = $2 WHERE id = $1`, [c.id, DESCRIPTION]);
    await t.gql
      .as(sme.owner.token)
      .ok(ACCEPT_TERMS, { input: { challengeId: c.id, termsVersion: 1 } });
    expect((await t.gql.as(sme.owner.token).send(CHALLENGE, { id: c.id })).text).toContain(
      DESCRIPTION,
    );
    await t.gql
      .as(admin.token)
      .ok(
        `mutation($input: RejectOrganizationVerificationInput!) { rejectOrganizationVerification(input: $input) { verificationStatus } }`,
        {
          input: { organizationId: sme.id, reason: 'certificate forged' },
        },
      );
    expectNoCanary(await everyPath(sme.owner.token, c.id), [DESCRIPTION]);
  });
});

describe('the proposal count: one rule on every path, chosen by the issuer', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let issuerMember: Persona;
  let competitor: TestOrg;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let loner: Persona;
  let c: TestChallenge;
  let invisible: TestChallenge;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    issuerMember = await createUser(t);
    await t.sql.query(
      `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
      [issuerMember.id, issuer.id],
    );
    competitor = await createEnterprise(t);
    smeA = await createSme(t);
    smeB = await createSme(t);
    loner = await createUser(t);
    c = await createChallenge(t, issuer, { deadlineIn: '10 days' });
    invisible = await createChallenge(t, issuer, { visibility: 'INVITE_ONLY' });
    await createProposal(t, smeA, c, { canary: 'A' });
    await createProposal(t, smeB, c, { canary: 'B' });
  });
  afterAll(() => t.close());

  async function paths(token: string | undefined) {
    const as = t.gql.as(token);
    const field = await as.send<{
      challenge: { proposalCountVisibility: string; proposalCount: number | null };
    }>(COUNT_FIELD, { id: c.id });
    const list = await as.send<{
      challenges: { edges: { node: { id: string; proposalCount: number | null } }[] };
    }>(COUNT_LIST);
    const root = await as.send<{ proposalCount: number }>(COUNT, { challengeId: c.id });
    return {
      field,
      listed: list.data?.challenges.edges.find((e) => e.node.id === c.id)?.node.proposalCount,
      root,
    };
  }

  it('ISSUER_ONLY (the default): others get null on the field and in lists, and FORBIDDEN on the root query', async () => {
    for (const token of [
      undefined,
      loner.token,
      smeA.owner.token,
      smeB.owner.token,
      competitor.owner.token,
    ]) {
      const { field, listed, root } = await paths(token);
      expect(field.data?.challenge).toEqual({
        id: c.id,
        proposalCountVisibility: 'ISSUER_ONLY',
        proposalCount: null,
      });
      expect(listed).toBeNull();
      expect(root.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PROPOSAL_COUNT_ISSUER_ONLY',
      });
      expect(root.data).toBeNull();
    }
  });

  it("the issuer's members and admins get the number on every path", async () => {
    for (const token of [issuer.owner.token, issuerMember.token, admin.token]) {
      const { field, listed, root } = await paths(token);
      expect(field.data?.challenge.proposalCount).toBe(2);
      expect(listed).toBe(2);
      expect(root.data).toEqual({ proposalCount: 2 });
    }
  });

  it('a challenge the caller cannot see is NOT_FOUND on the root query, whatever its setting', async () => {
    await t.sql.query(`UPDATE challenges SET proposal_count_visibility = 'PUBLIC' WHERE id = $1`, [
      invisible.id,
    ]);
    for (const token of [undefined, loner.token, smeA.owner.token, competitor.owner.token]) {
      const res = await t.gql.as(token).send(COUNT, { challengeId: invisible.id });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect(
      (
        await t.gql
          .as(issuerMember.token)
          .ok<{ proposalCount: number }>(COUNT, { challengeId: invisible.id })
      ).proposalCount,
    ).toBe(0);
  });

  it('PUBLIC, set by the issuer with an amendment: everyone who sees the challenge gets the same number on every path', async () => {
    const amended = await t.gql.as(issuerMember.token).ok<{
      amendChallenge: { challenge: { proposalCountVisibility: string; proposalCount: number } };
    }>(AMEND, {
      input: {
        id: c.id,
        expectedVersion: 1,
        changeSummary: '公开揭榜数量',
        proposalCountVisibility: 'PUBLIC',
      },
    });
    expect(amended.amendChallenge.challenge).toEqual({
      id: c.id,
      version: 2,
      proposalCountVisibility: 'PUBLIC',
      proposalCount: 2,
    });
    for (const token of [
      undefined,
      loner.token,
      smeA.owner.token,
      competitor.owner.token,
      issuer.owner.token,
    ]) {
      const { field, listed, root } = await paths(token);
      expect(field.data?.challenge).toEqual({
        id: c.id,
        proposalCountVisibility: 'PUBLIC',
        proposalCount: 2,
      });
      expect(listed).toBe(2);
      expect(root.data).toEqual({ proposalCount: 2 });
    }
  });

  it('the issuer chooses the setting when creating a challenge; a value outside the enum is refused', async () => {
    const created = await t.gql
      .as(issuer.owner.token)
      .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
        input: challengeInput({ proposalCountVisibility: 'PUBLIC' }),
      });
    const row = await t.sql.query(
      `SELECT proposal_count_visibility FROM challenges WHERE id = $1`,
      [created.createChallenge.challenge.id],
    );
    expect(row.rows[0].proposal_count_visibility).toBe('PUBLIC');
    const defaulted = await t.gql
      .as(issuer.owner.token)
      .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
        input: challengeInput(),
      });
    const row2 = await t.sql.query(
      `SELECT proposal_count_visibility FROM challenges WHERE id = $1`,
      [defaulted.createChallenge.challenge.id],
    );
    expect(row2.rows[0].proposal_count_visibility).toBe('ISSUER_ONLY');
    const bad = await t.gql
      .as(issuer.owner.token)
      .send(CREATE_CHALLENGE, { input: challengeInput({ proposalCountVisibility: 'EVERYONE' }) });
    expect(bad.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});

describe('credit codes: a verified organisation wins over unverified holders', () => {
  let t: TestApp;
  let admin: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  type QueueNode = {
    organizationId: string;
    kind: string;
    verificationStatus: string;
    creditCodeHeldByVerified: boolean;
    creditCodeClashes: { organizationId: string; verificationStatus: string }[];
  };
  async function queue(variables: Record<string, unknown> = { first: 100 }) {
    const res = await t.gql.as(admin.token).ok<{
      organizationVerificationQueue: {
        edges: { cursor: string; node: QueueNode }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(QUEUE, variables);
    return res.organizationVerificationQueue;
  }
  const find = async (id: string) =>
    (await queue()).edges.map((e) => e.node).find((n) => n.organizationId === id);

  it('a squatter does not block the real company; the queue shows the clash; verifying the real company flags the squatter, who can no longer be verified', async () => {
    const code = creditCode();
    const squatter = await createUser(t);
    const real = await createUser(t);
    const squatterId = (
      await createSme(t, {
        via: 'api',
        owner: squatter,
        input: { creditCode: code, nameZh: '抢注科技有限公司' },
      })
    ).id;
    // Refused before the change (CREDIT_CODE_TAKEN): the real company registers its own code.
    const realId = (
      await createEnterprise(t, {
        via: 'api',
        owner: real,
        input: { creditCode: code, nameZh: '真实集团有限公司' },
      })
    ).id;

    const s1 = await find(squatterId);
    const r1 = await find(realId);
    expect(s1).toMatchObject({
      kind: 'SME',
      verificationStatus: 'UNVERIFIED',
      creditCodeHeldByVerified: false,
    });
    expect(s1?.creditCodeClashes).toEqual([
      expect.objectContaining({ organizationId: realId, verificationStatus: 'UNVERIFIED' }),
    ]);
    expect(r1?.creditCodeClashes).toEqual([
      expect.objectContaining({ organizationId: squatterId, verificationStatus: 'UNVERIFIED' }),
    ]);

    await t.gql.as(admin.token).ok(VERIFY, { input: { organizationId: realId } });
    expect(await find(realId)).toBeUndefined();
    const s2 = await find(squatterId);
    expect(s2).toMatchObject({
      creditCodeHeldByVerified: true,
      creditCodeClashes: [
        expect.objectContaining({ organizationId: realId, verificationStatus: 'VERIFIED' }),
      ],
    });
    const { rows: flags } = await t.sql.query(
      `SELECT organization_id, data FROM audit_events WHERE action = 'CREDIT_CODE_CLAIMED_BY_VERIFIED' AND entity_id = $1`,
      [squatterId],
    );
    expect(flags).toEqual([
      expect.objectContaining({
        organization_id: squatterId,
        data: expect.objectContaining({ verifiedOrganizationId: realId }),
      }),
    ]);

    // Verifying the squatter now is refused, and changes nothing.
    const before = await auditCount(t);
    const refused = await t.gql
      .as(admin.token)
      .send(VERIFY, { input: { organizationId: squatterId } });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CREDIT_CODE_TAKEN',
      holderOrganizationId: realId,
    });
    const { rows } = await t.sql.query(
      `SELECT verification_status FROM organizations WHERE id = $1`,
      [squatterId],
    );
    expect(rows[0].verification_status).toBe('UNVERIFIED');
    expect(await auditCount(t)).toBe(before);

    // A new organisation with the verified code is refused, as before.
    const third = await createUser(t);
    const taken = await t.gql
      .as(third.token)
      .send(CREATE_SME, { input: smeInput({ creditCode: code }) });
    expect(taken.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CREDIT_CODE_TAKEN',
    });
    const { rows: holders } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organizations WHERE credit_code = $1`,
      [code],
    );
    expect(holders[0].n).toBe(2);
    expect(await auditCount(t)).toBe(before);
  });

  it('two admins verifying two holders of one code at the same moment: exactly one wins, the other gets CONFLICT CREDIT_CODE_TAKEN', async () => {
    const code = creditCode();
    const ids: string[] = [];
    for (let i = 0; i < 2; i++)
      ids.push(
        (
          await createEnterprise(t, {
            via: 'api',
            owner: await createUser(t),
            input: { creditCode: code },
          })
        ).id,
      );
    const other = await createAdmin(t);
    const results = await Promise.all([
      t.gql.as(admin.token).send(VERIFY, { input: { organizationId: ids[0] } }),
      t.gql.as(other.token).send(VERIFY, { input: { organizationId: ids[1] } }),
    ]);
    const codes = results
      .map((r) =>
        r.errors
          ? `${String(r.errors[0].extensions?.code)}/${String(r.errors[0].extensions?.reason)}`
          : 'OK',
      )
      .sort();
    expect(codes).toEqual(['CONFLICT/CREDIT_CODE_TAKEN', 'OK']);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organizations WHERE credit_code = $1 AND verification_status = 'VERIFIED'`,
      [code],
    );
    expect(rows[0].n).toBe(1);
  });

  it('the queue is for admins only, filters by kind and pages with a cursor', async () => {
    const user = await createUser(t);
    const res = await t.gql.as(user.token).send(QUEUE, { first: 5 });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql.send(QUEUE, { first: 5 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const smes = await queue({ first: 100, kind: 'SME' });
    expect(smes.edges.length).toBeGreaterThan(0);
    expect(smes.edges.every((e) => e.node.kind === 'SME')).toBe(true);
    const all = (await queue()).edges.map((e) => e.node.organizationId);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof queue>> = await queue({ first: 1, after });
      seen.push(...page.edges.map((e) => e.node.organizationId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const bad = await t.gql.as(admin.token).send(QUEUE, { first: 1, after: 'not-a-cursor' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an enterprise and an SME created with a fresh code are unaffected (no clash listed)', async () => {
    const id = (await createEnterprise(t, { via: 'api', owner: await createUser(t) })).id;
    expect((await find(id))?.creditCodeClashes).toEqual([]);
    const dup = await t.gql
      .as((await createUser(t)).token)
      .send(CREATE_ENTERPRISE, { input: enterpriseInput({ creditCode: 'not-a-code' }) });
    expect(dup.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
