/**
 * Pure rules of the proposals module: score aggregation constants and affiliation matching (eligibility is
 * the organizations module's one rule, organizations/smes/eligibility.ts).
 * No framework imports; unit-tested in proposal-rules.spec.ts.
 */

/** A veto criterion whose average score across reviewers is below this excludes the proposal. */
export const VETO_THRESHOLD = 6;

/** A page of the ranking holds at most this many proposals (it pages with a cursor), by default RANKING_PAGE_DEFAULT. */
export const RANKING_PAGE_MAX = 200;
export const RANKING_PAGE_DEFAULT = 20;

/** How long an admin's reasoned access to a proposal's content lasts. */
export const ADMIN_GRANT_HOURS = 24;

/** Two names are the same affiliation when they match after trimming, case and whitespace folding. */
export function sameAffiliationName(
  a: string | null | undefined,
  b: string | null | undefined,
): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return !!a && !!b && norm(a) !== '' && norm(a) === norm(b);
}
