import { verifiedSql } from '../organization-sql.js';
import { effectiveQualificationSql, QUALIFICATION_ORDER } from './qualification.js';

/**
 * THE eligibility rule: whether an SME organisation may answer a challenge. Written once, here, as SQL,
 * and used by every path that needs it: the challenge page (`Challenge.viewerEligibility`), the NDA gate
 * (`termsGateSql`), proposal submission and, later, matchmaking. Nothing else decides eligibility.
 *
 * Why an organisation may not answer, as reasons in this order (empty: eligible):
 * - NOT_AN_SME: the organisation is not an SME;
 * - NOT_VERIFIED: the challenge is verifiedOnly and the SME is not VERIFIED;
 * - REGION_NOT_ALLOWED: the challenge names regions and the SME's is not one of them;
 * - QUALIFICATION_EXPIRED: the challenge asks for a qualification the SME declares, VERIFIED, but the
 *   certificate's validity ended before today (China time);
 * - QUALIFICATION_TOO_LOW: otherwise, the qualification that counts (`effectiveQualificationSql`: the declared
 *   one while the SME is VERIFIED and the certificate is valid today) is below the challenge's minimum.
 */
export const ELIGIBILITY_REASONS = [
  'NOT_AN_SME',
  'NOT_VERIFIED',
  'REGION_NOT_ALLOWED',
  'QUALIFICATION_EXPIRED',
  'QUALIFICATION_TOO_LOW',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];
/** The reasons as an enum object, for the GraphQL enum `EligibilityReason` (registered in dto/sme.types.ts). */
export const EligibilityReason = Object.freeze(
  Object.fromEntries(ELIGIBILITY_REASONS.map((r) => [r, r])),
) as { readonly [R in EligibilityReason]: R };

/** `array_position` of a qualification (text) in the one order of qualifications (1 = NONE). */
function qualificationRankSql(expression: string): string {
  return `array_position(ARRAY[${QUALIFICATION_ORDER.map((q) => `'${q}'`).join(',')}]::text[], (${expression})::text)`;
}

/**
 * Whether the region `region` (an SQL expression) may answer challenge `c`: the challenge names no region, or
 * names this one. The region part of the rule, also used by the browse filter `eligibleRegionCode`.
 */
export function regionAllowedSql(region: string, c = 'c'): string {
  return `(cardinality(${c}.allowed_region_codes) = 0 OR ${region}::varchar = ANY(${c}.allowed_region_codes))`;
}

/**
 * The reasons as a text[] expression over `c` (challenges) for the organisation id parameter `$org`
 * (a placeholder such as `$2`). One sub-select; for a list, one per row.
 */
export function eligibilityProblemsSql(organizationIdParam: string, c = 'c'): string {
  const today = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;
  const needed = qualificationRankSql(`${c}.min_qualification`);
  return `(SELECT array_remove(ARRAY[
      CASE WHEN eo.kind <> 'SME' THEN 'NOT_AN_SME' END,
      CASE WHEN ${c}.verified_only AND NOT ${verifiedSql('eo')} THEN 'NOT_VERIFIED' END,
      CASE WHEN NOT ${regionAllowedSql('eo.region_code', c)} THEN 'REGION_NOT_ALLOWED' END,
      CASE WHEN ${qualificationRankSql(effectiveQualificationSql('eo', 'es'))} < ${needed}
           THEN CASE WHEN ${verifiedSql('eo')} AND ${qualificationRankSql('es.qualification')} >= ${needed}
                          AND es.qualification_valid_until < ${today}
                     THEN 'QUALIFICATION_EXPIRED' ELSE 'QUALIFICATION_TOO_LOW' END END], NULL)
     FROM organizations eo LEFT JOIN smes es ON es.organization_id = eo.id WHERE eo.id = ${organizationIdParam}::uuid)`;
}
