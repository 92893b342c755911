import { describe, expect, it } from '@jest/globals';
import { canonicalJson, contentSha256, toProposalContent } from './proposal-content.js';
import { eligibilityRefusal, EligibilityFacts, sameAffiliationName } from './proposal-rules.js';

const eligible: EligibilityFacts = {
  verifiedOnly: true,
  minQualification: 'SPECIALIZED',
  allowedRegionCodes: ['370000'],
  requiresTerms: true,
  termsAccepted: true,
  smeVerified: true,
  smeRegionCode: '370000',
  smeQualification: 'LITTLE_GIANT',
  qualificationExpired: false,
};

describe('eligibilityRefusal', () => {
  it.each<[string, Partial<EligibilityFacts>, string | null]>([
    ['eligible', {}, null],
    ['unverified SME', { smeVerified: false }, 'SME_NOT_VERIFIED'],
    ['unverified SME on an open challenge', { smeVerified: false, verifiedOnly: false }, null],
    ['qualification below the minimum', { smeQualification: 'INNOVATIVE' }, 'QUALIFICATION_INSUFFICIENT'],
    ['expired qualification', { qualificationExpired: true }, 'QUALIFICATION_EXPIRED'],
    ['expired qualification when none is required', { qualificationExpired: true, minQualification: 'NONE' }, null],
    ['region not allowed', { smeRegionCode: '110000' }, 'REGION_NOT_ELIGIBLE'],
    ['any region', { smeRegionCode: '110000', allowedRegionCodes: [] }, null],
    ['terms not accepted', { termsAccepted: false }, 'TERMS_NOT_ACCEPTED'],
    ['terms not required', { termsAccepted: false, requiresTerms: false }, null],
  ])('%s', (_name, change, reason) => {
    expect(eligibilityRefusal({ ...eligible, ...change })?.reason ?? null).toBe(reason);
  });
});

describe('receipt hash', () => {
  const input = {
    title: '储能 热管理',
    summary: 's',
    technicalApproach: 't',
    quotedPriceFen: '100',
    durationMonths: 6,
    ipArrangement: 'shared',
    declarations: { original: true, noConflictOfInterest: true },
  };

  it('is the SHA-256 of the canonical JSON: sorted keys, no whitespace, every key present', () => {
    const content = toProposalContent(input);
    const text = canonicalJson(content);
    expect(text.startsWith('{"attachments":[],"commitments":[],"consortiumPartnerIds":[],"declarations":{"noConflictOfInterest":true,"original":true}')).toBe(true);
    expect(text).not.toMatch(/\s(?=["{[])/);
    expect(contentSha256(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of the keys sent', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as typeof input;
    expect(contentSha256(toProposalContent(reordered))).toBe(contentSha256(toProposalContent(input)));
  });
});

describe('sameAffiliationName', () => {
  it.each([
    ['青岛海纳储能科技有限公司', ' 青岛海纳储能科技有限公司 ', true],
    ['Acme  Ltd', 'acme ltd', true],
    ['Acme', 'Acme Group', false],
    ['', '', false],
  ])('%s vs %s', (a, b, same) => {
    expect(sameAffiliationName(a, b)).toBe(same);
  });
});
