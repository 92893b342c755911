import type { FieldError } from '../../common/errors.js';
import { verifiedSql } from '../organization-sql.js';
import { SmeQualification } from './sme.entity.js';

export interface QualificationClaim {
  qualification: SmeQualification;
  certificateNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** Today in China (UTC+8), YYYY-MM-DD: certificates are dated there. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * What is wrong with a declared qualification (pure): a qualification needs a certificate number and
 * a date range that has not ended. One that starts later is accepted; it counts from its start.
 */
export function qualificationProblems(claim: QualificationClaim, today: string): FieldError[] {
  if (claim.qualification === SmeQualification.NONE) return [];
  const problems: FieldError[] = [];
  if (!claim.certificateNumber)
    problems.push({ field: 'certificateNumber', message: 'is required with a qualification' });
  if (!claim.validFrom)
    problems.push({ field: 'qualificationValidFrom', message: 'is required with a qualification' });
  else if (!isRealDate(claim.validFrom))
    problems.push({ field: 'qualificationValidFrom', message: 'is not a real date' });
  if (!claim.validUntil)
    problems.push({
      field: 'qualificationValidUntil',
      message: 'is required with a qualification',
    });
  else if (!isRealDate(claim.validUntil))
    problems.push({ field: 'qualificationValidUntil', message: 'is not a real date' });
  if (problems.length) return problems;
  if (claim.validUntil! < claim.validFrom!)
    problems.push({
      field: 'qualificationValidUntil',
      message: 'must not be before qualificationValidFrom',
    });
  else if (claim.validUntil! < today)
    problems.push({ field: 'qualificationValidUntil', message: 'the certificate has expired' });
  return problems;
}

/** The qualifications from lowest to highest: the one order every comparison uses (SQL and TypeScript). */
export const QUALIFICATION_ORDER = [
  SmeQualification.NONE,
  SmeQualification.INNOVATIVE,
  SmeQualification.SPECIALIZED,
  SmeQualification.LITTLE_GIANT,
] as const;

/**
 * SQL for the qualification that counts (over an organisations row `o` and its smes row `s`): the declared one
 * while the SME is VERIFIED and its certificate is valid today (China time, from its first day to its last),
 * else NONE. Shown as `effectiveQualification`, and the basis of eligibility (eligibility.ts).
 */
export function effectiveQualificationSql(o = 'o', s = 's'): string {
  return `CASE WHEN ${verifiedSql(o)} AND ${s}.qualification <> 'NONE'
  AND ${s}.qualification_valid_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date
  AND ${s}.qualification_valid_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date
  THEN ${s}.qualification ELSE 'NONE' END`;
}

export const EFFECTIVE_QUALIFICATION_SQL = effectiveQualificationSql();
