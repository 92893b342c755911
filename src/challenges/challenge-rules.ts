import type { FieldError } from '../common/errors.js';

/**
 * The rules across fields of a challenge's content, checked on create, draft update and amendment.
 * Pure module: no framework imports.
 */
export const MIN_DEADLINE_LEAD_MS = 24 * 60 * 60 * 1000;

export interface ContentForRules {
  titleZh?: string | null;
  titleEn?: string | null;
  budgetMin?: string | null;
  budgetMax?: string | null;
  deadline?: Date;
  evaluationCriteria?: readonly { weight: number }[];
  requirements?: readonly { weight: number }[];
  technicalFieldCodes?: readonly string[];
}

/**
 * `merged` is the content after the edit (what the challenge would become). `deadlineChanged` tells whether
 * the edit sets the deadline; `currentDeadline` is set for amendments (which may extend, never shorten it).
 */
export function contentErrors(
  merged: ContentForRules,
  options: { now: Date; deadlineChanged: boolean; currentDeadline?: Date; prefix?: string },
): FieldError[] {
  const f = (name: string) => `${options.prefix ?? 'input'}.${name}`;
  const errors: FieldError[] = [];
  if (!merged.titleZh && !merged.titleEn)
    errors.push({ field: f('titleZh'), message: 'a Chinese or an English title is required' });
  if (
    merged.budgetMin != null &&
    merged.budgetMax != null &&
    BigInt(merged.budgetMin) > BigInt(merged.budgetMax)
  ) {
    errors.push({ field: f('budgetMin'), message: 'budgetMin must not exceed budgetMax' });
  }
  if (options.deadlineChanged && merged.deadline) {
    const deadline = merged.deadline.getTime();
    if (options.currentDeadline && deadline < options.currentDeadline.getTime()) {
      errors.push({
        field: f('deadline'),
        message: 'an amendment may extend the deadline but never shorten it',
      });
    } else if (deadline <= options.now.getTime()) {
      errors.push({ field: f('deadline'), message: 'the deadline is in the past' });
    } else if (deadline < options.now.getTime() + MIN_DEADLINE_LEAD_MS) {
      errors.push({
        field: f('deadline'),
        message: 'the deadline must be at least 24 hours after publication',
      });
    }
  }
  const criteria = merged.evaluationCriteria;
  if (criteria && criteria.length > 0) {
    const sum = criteria.reduce((s, c) => s + c.weight, 0);
    if (sum !== 100)
      errors.push({
        field: f('evaluationCriteria'),
        message: `the weights must sum to 100 (they sum to ${sum})`,
      });
  }
  const requirements = merged.requirements;
  if (requirements && requirements.length > 0) {
    const sum = requirements.reduce((s, r) => s + r.weight, 0);
    if (sum > 100)
      errors.push({
        field: f('requirements'),
        message: `the requirement weights must not exceed 100 in total (they sum to ${sum})`,
      });
  }
  const codes = merged.technicalFieldCodes;
  if (codes && new Set(codes).size !== codes.length)
    errors.push({ field: f('technicalFieldCodes'), message: 'a field code is listed twice' });
  return errors;
}

/** What a challenge still lacks before it can go to review (CONFLICT CHALLENGE_INCOMPLETE lists them). */
export function missingForReview(c: {
  evaluationCriteriaCount: number;
  technicalFieldCount: number;
  summaryZh: string | null;
  summaryEn: string | null;
}): string[] {
  const missing: string[] = [];
  if (c.evaluationCriteriaCount === 0) missing.push('evaluationCriteria');
  if (c.technicalFieldCount === 0) missing.push('technicalFieldCodes');
  if (!c.summaryZh && !c.summaryEn) missing.push('summary');
  return missing;
}
