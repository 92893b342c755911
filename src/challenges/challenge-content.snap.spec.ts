import { describe, expect, it } from '@jest/globals';
import { buildContentUpdate, ContentPatch } from './challenge-content.queries.js';
import { SmeQualification } from '../organizations/index.js';
import { ChallengeVisibility } from './challenge.entity.js';

/**
 * The UPDATE a content patch (draft update or amendment) generates, as committed snapshots: a change to
 * which columns a patch writes, or to their casts, shows as a reviewed diff. (CI runs with CI=true: a
 * missing snapshot fails instead of being written.)
 */
const ID = '00000000-0000-4000-8000-0000000000cc';

describe('buildContentUpdate', () => {
  it('writes nothing for a patch of child rows and terms only', () => {
    expect(
      buildContentUpdate(ID, { technicalFieldCodes: ['MAT'], terms: 'NDA', requirements: [] }),
    ).toBeNull();
    expect(buildContentUpdate(ID, { titleZh: undefined })).toBeNull();
  });

  it('one column', () => {
    expect(buildContentUpdate(ID, { titleZh: '储能' })).toMatchSnapshot();
  });

  it('every column, in a fixed order whatever the order of the input', () => {
    const patch = {
      deadline: new Date('2027-01-01T00:00:00.000Z'),
      eligibility: {
        minQualification: SmeQualification.LITTLE_GIANT,
        allowedRegionCodes: ['310000'],
        verifiedOnly: true,
      },
      blindReview: true,
      anonymousIssuer: false,
      proposalCountVisibility: 'PUBLIC',
      visibility: ChallengeVisibility.PUBLIC,
      ipOwnership: 'ISSUER',
      currency: 'CNY',
      bounty: '1000',
      budgetMax: '5000000',
      budgetMin: '100000',
      cooperationModes: ['JOINT_DEVELOPMENT'],
      demandType: 'TECH_BREAKTHROUGH',
      chainGoal: 'STABILIZE',
      industryCode: 'C38',
      description: 'confidential',
      summaryEn: 'summary',
      summaryZh: '摘要',
      titleEn: 'Storage',
      titleZh: '储能',
    } as ContentPatch;
    expect(buildContentUpdate(ID, patch)).toMatchSnapshot();
  });

  it('null clears a nullable column (a parameter, not a literal)', () => {
    expect(
      buildContentUpdate(ID, {
        titleEn: null as unknown as string,
        budgetMax: null as unknown as string,
      }),
    ).toMatchSnapshot();
  });

  it('sends the excluded approaches as one jsonb parameter of plain labels; null is no change', () => {
    expect(
      buildContentUpdate(ID, { excludedApproaches: [{ zh: '液流电池', en: undefined }] }),
    ).toEqual({
      sql: 'UPDATE challenges SET excluded_approaches = $2::jsonb, updated_at = now() WHERE id = $1',
      params: [ID, '[{"zh":"液流电池","en":null}]'],
    });
    expect(buildContentUpdate(ID, { excludedApproaches: [] })?.params).toEqual([ID, '[]']);
    expect(buildContentUpdate(ID, { excludedApproaches: null })).toBeNull();
  });
});
