/**
 * Pure rules of the proposals module: eligibility at submission and score aggregation constants.
 * No framework imports; unit-tested in proposal-rules.spec.ts.
 */

/** A veto criterion whose average score across reviewers is below this excludes the proposal. */
export const VETO_THRESHOLD = 6;

/** A page of the ranking holds at most this many proposals (it pages with a cursor), by default RANKING_PAGE_DEFAULT. */
export const RANKING_PAGE_MAX = 200;
export const RANKING_PAGE_DEFAULT = 20;

/** How long an admin's reasoned access to a proposal's content lasts. */
export const ADMIN_GRANT_HOURS = 24;

const QUALIFICATION_ORDER = ['NONE', 'INNOVATIVE', 'SPECIALIZED', 'LITTLE_GIANT'] as const;
type Qualification = (typeof QUALIFICATION_ORDER)[number];

export interface EligibilityFacts {
  /** The challenge asks for a verified SME (challenges.verified_only). */
  verifiedOnly: boolean;
  minQualification: Qualification;
  allowedRegionCodes: string[];
  requiresTerms: boolean;
  termsAccepted: boolean;
  smeVerified: boolean;
  smeRegionCode: string;
  smeQualification: Qualification;
  /** qualification_valid_until is set and before today (database date). */
  qualificationExpired: boolean;
}

export type EligibilityRefusal =
  | { code: 'FORBIDDEN'; reason: 'SME_NOT_VERIFIED' | 'QUALIFICATION_INSUFFICIENT' | 'QUALIFICATION_EXPIRED' | 'REGION_NOT_ELIGIBLE'; message: string }
  | { code: 'CONFLICT'; reason: 'TERMS_NOT_ACCEPTED'; message: string };

/** The first reason the SME may not submit to the challenge, or null when it may. */
export function eligibilityRefusal(f: EligibilityFacts): EligibilityRefusal | null {
  if (f.verifiedOnly && !f.smeVerified) {
    return { code: 'FORBIDDEN', reason: 'SME_NOT_VERIFIED', message: 'Only verified SMEs may submit to this challenge' };
  }
  const needed = QUALIFICATION_ORDER.indexOf(f.minQualification);
  if (needed > 0) {
    if (QUALIFICATION_ORDER.indexOf(f.smeQualification) < needed) {
      return { code: 'FORBIDDEN', reason: 'QUALIFICATION_INSUFFICIENT', message: `This challenge requires the ${f.minQualification} qualification or higher` };
    }
    if (f.qualificationExpired) {
      return { code: 'FORBIDDEN', reason: 'QUALIFICATION_EXPIRED', message: 'The qualification certificate has expired' };
    }
  }
  if (f.allowedRegionCodes.length > 0 && !f.allowedRegionCodes.includes(f.smeRegionCode)) {
    return { code: 'FORBIDDEN', reason: 'REGION_NOT_ELIGIBLE', message: 'The SME is not registered in a region this challenge accepts' };
  }
  if (f.requiresTerms && !f.termsAccepted) {
    return { code: 'CONFLICT', reason: 'TERMS_NOT_ACCEPTED', message: "Accept the challenge's current terms before submitting" };
  }
  return null;
}

/** Two names are the same affiliation when they match after trimming, case and whitespace folding. */
export function sameAffiliationName(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return !!a && !!b && norm(a) !== '' && norm(a) === norm(b);
}
