import { describe, expect, it } from '@jest/globals';
import { getMetadataArgsStorage } from 'typeorm';
import { QUALIFICATION_ORDER, SmeQualification } from '../organizations/index.js';
import { ChallengeEntity } from './challenge.entity.js';
import { contentErrors, missingForReview } from './challenge-rules.js';

const now = new Date('2030-01-01T00:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 86400000);
const valid = {
  titleZh: '储能',
  deadline: inDays(30),
  evaluationCriteria: [{ weight: 60 }, { weight: 40 }],
  budgetMin: '100',
  budgetMax: '200',
};

describe('challenge content rules', () => {
  it('accepts valid content', () => {
    expect(contentErrors(valid, { now, deadlineChanged: true })).toEqual([]);
  });

  it.each([
    [{ titleZh: null, titleEn: null }, 'input.titleZh', 'title is required'],
    [{ budgetMin: '300' }, 'input.budgetMin', 'must not exceed'],
    [{ deadline: inDays(-1) }, 'input.deadline', 'in the past'],
    [{ deadline: inDays(0.5) }, 'input.deadline', '24 hours'],
    [
      { evaluationCriteria: [{ weight: 50 }, { weight: 40 }] },
      'input.evaluationCriteria',
      'sum to 100 (they sum to 90)',
    ],
    [
      { requirements: [{ weight: 80 }, { weight: 40 }] },
      'input.requirements',
      'must not exceed 100',
    ],
    [{ technicalFieldCodes: ['A', 'A'] }, 'input.technicalFieldCodes', 'twice'],
  ])('refuses %j at %s', (override, field, message) => {
    const errors = contentErrors({ ...valid, ...override }, { now, deadlineChanged: true });
    expect(errors).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('compares budgets as integers, not strings', () => {
    expect(
      contentErrors({ ...valid, budgetMin: '9', budgetMax: '10' }, { now, deadlineChanged: true }),
    ).toEqual([]);
  });

  it('lets an amendment extend the deadline but not shorten it', () => {
    expect(
      contentErrors(
        { ...valid, deadline: inDays(40) },
        { now, deadlineChanged: true, currentDeadline: inDays(30) },
      ),
    ).toEqual([]);
    expect(
      contentErrors(
        { ...valid, deadline: inDays(20) },
        { now, deadlineChanged: true, currentDeadline: inDays(30) },
      )[0].message,
    ).toContain('never shorten');
  });

  it('does not re-check an unchanged deadline', () => {
    expect(
      contentErrors({ ...valid, deadline: inDays(-1) }, { now, deadlineChanged: false }),
    ).toEqual([]);
  });

  it('lists what a draft lacks before review', () => {
    expect(
      missingForReview({
        evaluationCriteriaCount: 0,
        technicalFieldCount: 1,
        summaryZh: null,
        summaryEn: null,
      }),
    ).toEqual(['evaluationCriteria', 'summary']);
  });
});

describe('the minimum qualification a challenge asks for', () => {
  it('is an SME qualification (one enum), held in their one order (QUALIFICATION_ORDER)', () => {
    const column = getMetadataArgsStorage().columns.find(
      (c) => c.target === ChallengeEntity && c.propertyName === 'minQualification',
    );
    expect(column?.options.enum).toBe(SmeQualification);
    expect(Object.values(SmeQualification)).toEqual([...QUALIFICATION_ORDER]);
  });
});
