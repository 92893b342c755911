import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createChallenge,
  createEnterprise,
  createSme,
  idempotencyKey,
  proposalContent,
  SUBMIT,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * One eligibility rule (src/organizations/smes/eligibility.ts): what the challenge page says (`viewerEligibility`) and what
 * submission does always agree, for every way an SME can fall short. And one visibility rule: what
 * `challenge` does not show, `submitProposal` answers NOT_FOUND too.
 */
const PAGE = `query($id: ID!) { challenge(id: $id) { id viewerEligibility { eligible reasons } } }`;

/** Today in China plus `days`, as YYYY-MM-DD. */
function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function proposals(t: TestApp, challengeId: string): Promise<number> {
  const { rows } = await t.sql.query(
    `SELECT count(*)::int AS n FROM proposals WHERE challenge_id = $1`,
    [challengeId],
  );
  return rows[0].n as number;
}

describe('the eligibility rule: the challenge page and submission agree', () => {
  let t: TestApp;
  let issuer: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
  });
  afterAll(() => t.close());

  type Challenge = { verifiedOnly?: boolean; minQualification?: string; regions?: string[] };
  type Sme = Parameters<typeof createSme>[1];
  it.each<[string, Challenge, Sme, string[], string | null]>([
    [
      'a verified, qualified SME in the region',
      { minQualification: 'SPECIALIZED', regions: ['370000'] },
      {},
      [],
      null,
    ],
    [
      'an unverified SME on a verified-only challenge',
      {},
      { verified: false },
      ['NOT_VERIFIED'],
      'SME_NOT_VERIFIED',
    ],
    [
      'an unverified SME on an open challenge that asks for nothing',
      { verifiedOnly: false },
      { verified: false },
      [],
      null,
    ],
    // The defect this rule fixes: the page said "not eligible" and submission accepted the proposal.
    [
      'an unverified SME that only declares LITTLE_GIANT, on an open challenge asking for it',
      { verifiedOnly: false, minQualification: 'LITTLE_GIANT' },
      { verified: false, qualification: 'LITTLE_GIANT' },
      ['QUALIFICATION_TOO_LOW'],
      'QUALIFICATION_INSUFFICIENT',
    ],
    // The other defect: a certificate not valid yet counted at submission.
    [
      'an SME whose certificate is not valid yet',
      { minQualification: 'SPECIALIZED' },
      { qualification: 'LITTLE_GIANT', qualificationValidFrom: chinaDate(30) },
      ['QUALIFICATION_TOO_LOW'],
      'QUALIFICATION_INSUFFICIENT',
    ],
    [
      'an SME whose certificate expired',
      { minQualification: 'SPECIALIZED' },
      { qualification: 'LITTLE_GIANT', qualificationValidUntil: chinaDate(-1) },
      ['QUALIFICATION_EXPIRED'],
      'QUALIFICATION_EXPIRED',
    ],
    [
      'an SME whose certificate ends today',
      { minQualification: 'SPECIALIZED' },
      { qualificationValidUntil: chinaDate(0) },
      [],
      null,
    ],
    [
      'an SME below the minimum',
      { minQualification: 'LITTLE_GIANT' },
      { qualification: 'SPECIALIZED' },
      ['QUALIFICATION_TOO_LOW'],
      'QUALIFICATION_INSUFFICIENT',
    ],
    [
      'an expired certificate where none is required',
      {},
      { qualificationValidUntil: chinaDate(-1) },
      [],
      null,
    ],
    [
      'an SME from another region',
      { regions: ['370000', '310000'] },
      { regionCode: '110000' },
      ['REGION_NOT_ALLOWED'],
      'REGION_NOT_ELIGIBLE',
    ],
  ])('%s', async (_name, challengeOptions, smeOptions, pageReasons, submissionReason) => {
    const challenge = await createChallenge(t, issuer, {
      minQualification: challengeOptions.minQualification,
      regions: challengeOptions.regions,
    });
    if (challengeOptions.verifiedOnly === false)
      await t.sql.query(`UPDATE challenges SET verified_only = false WHERE id = $1`, [
        challenge.id,
      ]);
    const sme = await createSme(t, smeOptions);
    const page = await t.gql
      .as(sme.owner.token)
      .ok<{ challenge: { viewerEligibility: { eligible: boolean; reasons: string[] } } }>(PAGE, {
        id: challenge.id,
      });
    expect(page.challenge.viewerEligibility).toEqual({
      eligible: pageReasons.length === 0,
      reasons: pageReasons,
    });

    const submit = {
      input: {
        challengeId: challenge.id,
        idempotencyKey: idempotencyKey(),
        content: proposalContent('ELIGIBILITY', challenge.requirementIds),
      },
    };
    if (submissionReason === null) {
      await t.gql.as(sme.owner.token).ok(SUBMIT, submit);
      expect(await proposals(t, challenge.id)).toBe(1);
    } else {
      const error = await t.gql.as(sme.owner.token).fails(SUBMIT, submit);
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: submissionReason });
      expect(await proposals(t, challenge.id)).toBe(0);
    }
  });
});

describe('the visibility rule: submission does not see what the challenge page does not show', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let sme: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    sme = await createSme(t);
  });
  afterAll(() => t.close());

  const submit = (challenge: { id: string; requirementIds: string[] }) => ({
    input: {
      challengeId: challenge.id,
      idempotencyKey: idempotencyKey(),
      content: proposalContent('VISIBILITY', challenge.requirementIds),
    },
  });

  it('a challenge cancelled while a draft is NOT_FOUND to both (it was CHALLENGE_NOT_OPEN to submission)', async () => {
    const cancelled = await createChallenge(t, issuer, { status: 'CANCELLED', published: false });
    expect(
      (await t.gql.as(sme.owner.token).fails(PAGE, { id: cancelled.id })).extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await t.gql.as(sme.owner.token).fails(SUBMIT, submit(cancelled))).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('a challenge cancelled after publication is visible to both, and closed to submission', async () => {
    const cancelled = await createChallenge(t, issuer, { status: 'CANCELLED', published: true });
    await t.gql.as(sme.owner.token).ok(PAGE, { id: cancelled.id });
    expect(
      (await t.gql.as(sme.owner.token).fails(SUBMIT, submit(cancelled))).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'CHALLENGE_NOT_OPEN' });
  });

  it('REGISTERED and PUBLIC challenges are open to the SME through both', async () => {
    for (const visibility of ['REGISTERED', 'PUBLIC']) {
      const challenge = await createChallenge(t, issuer, { visibility });
      await t.gql.as(sme.owner.token).ok(PAGE, { id: challenge.id });
      await t.gql.as(sme.owner.token).ok(SUBMIT, submit(challenge));
    }
  });
});
