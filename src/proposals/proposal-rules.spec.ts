import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../common/canonical-json.js';
import { contentSha256, toProposalContent } from './proposal-content.js';
import { sameAffiliationName } from './proposal-rules.js';

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
    expect(
      text.startsWith(
        '{"attachments":[],"commitments":[],"consortiumPartnerIds":[],"declarations":{"noConflictOfInterest":true,"original":true}',
      ),
    ).toBe(true);
    expect(text).not.toMatch(/\s(?=["{[])/);
    expect(contentSha256(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of the keys sent', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as typeof input;
    expect(contentSha256(toProposalContent(reordered))).toBe(
      contentSha256(toProposalContent(input)),
    );
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
