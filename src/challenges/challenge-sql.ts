import type { Actor } from '../common/auth/actor.js';
import { isAdmin } from '../common/auth/actor.js';
import { SqlParams } from '../database/sql-params.js';
import { eligibilityProblemsSql } from '../organizations/index.js';

export { SqlParams };

/**
 * The SQL every read of challenges shares: the effective status, what an actor may see, and whose
 * identity may be shown. Reused by the proposals module (visibility, effective status) so that the rules
 * live in one place. Pure module: no framework imports.
 */

/** Who reads, reduced to what the SQL needs. */
export interface Viewer {
  signedIn: boolean;
  admin: boolean;
  organizationId: string | null;
  organizationKind: 'ENTERPRISE' | 'SME' | null;
}

export function viewerOf(actor: Actor | null | undefined): Viewer {
  return {
    signedIn: !!actor,
    admin: isAdmin(actor),
    organizationId: actor?.organization?.id ?? null,
    organizationKind: actor?.organization?.kind ?? null,
  };
}

/** The status a challenge reads as: PUBLISHED past its deadline is CLOSED (no timer needed). */
export function effectiveStatusSql(c = 'c'): string {
  // Time moves two states by itself: the deadline closes a published challenge, and the end of the
  // public notice (公示) with no objection pending awards it. Writes persist what reads compute.
  return `(CASE WHEN ${c}.status = 'PUBLISHED' AND ${c}.deadline <= now() THEN 'CLOSED'::challenge_status
    WHEN ${c}.status = 'IN_PUBLICITY' AND EXISTS (
      SELECT 1 FROM publicities pb WHERE pb.challenge_id = ${c}.id AND pb.closed_at IS NULL AND pb.ends_at <= now()
        AND NOT EXISTS (SELECT 1 FROM objections ob WHERE ob.publicity_id = pb.id AND ob.status = 'FILED')
    ) THEN 'AWARDED'::challenge_status
    ELSE ${c}.status END)`;
}

/** True when the viewer is a member of the issuing organisation (any role). */
export function isIssuerSql(viewer: Viewer, p: SqlParams, c = 'c'): string {
  return viewer.organizationId
    ? `(${c}.issuer_organization_id = ${p.add(viewer.organizationId)}::uuid)`
    : 'FALSE';
}

/**
 * What the viewer may see: platform admins everything; the issuer's members their own challenges in every
 * state; everyone else only challenges that were published (never drafts, review states or rejected ones),
 * PUBLIC to anyone, REGISTERED to signed-in users, INVITE_ONLY to invited organisations.
 */
export function visibleSql(viewer: Viewer, p: SqlParams, c = 'c'): string {
  if (viewer.admin) return 'TRUE';
  const audience: string[] = [`${c}.visibility = 'PUBLIC'`];
  if (viewer.signedIn) audience.push(`${c}.visibility = 'REGISTERED'`);
  if (viewer.organizationId) {
    audience.push(
      `(${c}.visibility = 'INVITE_ONLY' AND EXISTS (SELECT 1 FROM challenge_invitations ci WHERE ci.challenge_id = ${c}.id AND ci.organization_id = ${p.add(viewer.organizationId)}::uuid))`,
    );
  }
  const published = `(${c}.published_at IS NOT NULL AND (${audience.join(' OR ')}))`;
  return viewer.organizationId ? `(${isIssuerSql(viewer, p, c)} OR ${published})` : published;
}

/**
 * Whether the issuing organisation may be named to the viewer: an anonymous challenge hides it from all but the
 * issuer, admins and an SME whose introduction (对接) to the challenge was accepted (ACCEPTED, or closed after it:
 * matchmaking's CONTACTS_SHOWN_STATUSES, which reveal the issuer's contact in the introduction too; an ACCEPTED
 * introduction never expires, so the stored status is the effective one).
 */
export function issuerShownSql(viewer: Viewer, p: SqlParams, c = 'c'): string {
  if (viewer.admin) return 'TRUE';
  const introduced =
    viewer.organizationId && viewer.organizationKind === 'SME'
      ? ` OR EXISTS (SELECT 1 FROM introductions ai WHERE ai.challenge_id = ${c}.id AND ai.sme_id = ${p.add(viewer.organizationId)}::uuid
                    AND ai.status IN ('ACCEPTED', 'CLOSED_DEAL', 'CLOSED_NO_DEAL'))`
      : '';
  return `(NOT ${c}.anonymous_issuer OR ${isIssuerSql(viewer, p, c)}${introduced})`;
}

/**
 * The NDA gate: whether the viewer's organisation may accept the challenge's terms, i.e. could answer
 * the challenge: an SME eligible by the challenge's eligibility rule (smes/eligibility.ts, the rule the
 * challenge page shows as viewerEligibility: verification, qualification, region), or an SME the issuer
 * invited (challenge_invitations, whatever the visibility). Enterprises other than the issuer never pass.
 * The issuer and admins do not need it (they always see the description).
 */
export function termsGateSql(viewer: Viewer, p: SqlParams, c = 'c'): string {
  if (!viewer.organizationId || viewer.organizationKind !== 'SME') return 'FALSE';
  const org = p.add(viewer.organizationId);
  return `(EXISTS (SELECT 1 FROM challenge_invitations gi WHERE gi.challenge_id = ${c}.id AND gi.organization_id = ${org}::uuid)
    OR cardinality(${eligibilityProblemsSql(org, c)}) = 0)`;
}

/**
 * Whether the confidential description may be shown: to the issuer and admins; when terms are required,
 * to organisations that accepted the CURRENT terms version and still pass the NDA gate (termsGateSql: an
 * acceptance counts only while the organisation could answer the challenge); otherwise to signed-in viewers.
 */
export function descriptionShownSql(viewer: Viewer, p: SqlParams, c = 'c'): string {
  if (viewer.admin) return 'TRUE';
  if (!viewer.signedIn) return 'FALSE';
  const accepted = viewer.organizationId
    ? `(EXISTS (SELECT 1 FROM challenge_terms_acceptances ta WHERE ta.challenge_id = ${c}.id AND ta.organization_id = ${p.add(viewer.organizationId)}::uuid AND ta.terms_version = ${c}.terms_version)
        AND ${termsGateSql(viewer, p, c)})`
    : 'FALSE';
  return `(${isIssuerSql(viewer, p, c)} OR (NOT ${c}.requires_terms) OR ${accepted})`;
}

/** The number of proposals received (the proposals module fills the challenge_proposal_counts view). */
export function proposalCountSql(c = 'c'): string {
  return `COALESCE((SELECT pc.proposal_count FROM challenge_proposal_counts pc WHERE pc.challenge_id = ${c}.id), 0)::int`;
}

/**
 * Whether the viewer may know how many proposals a challenge received (among those who see it): the
 * issuer's members and admins always; everyone else only when the issuer chose PUBLIC. The same rule
 * answers Challenge.proposalCount and the proposalCount root query.
 */
export function proposalCountShownSql(viewer: Viewer, p: SqlParams, c = 'c'): string {
  if (viewer.admin) return 'TRUE';
  return `(${c}.proposal_count_visibility = 'PUBLIC' OR ${isIssuerSql(viewer, p, c)})`;
}

/**
 * The columns of a challenge as a list item (never the confidential text or the search vectors). With
 * `fields` (the GraphQL fields the client asked for), only the columns and sub-queries those fields need
 * are selected; without it, all of them (the detail).
 */
export function summaryColumnsSql(
  viewer: Viewer,
  p: SqlParams,
  c = 'c',
  o = 'o',
  fields?: Set<string>,
): string {
  const want = (...names: string[]) => !fields || names.some((n) => fields.has(n));
  const columns: string[] = [`${c}.id`];
  const add = (names: string[], sql: () => string) => {
    if (want(...names)) columns.push(sql());
  };
  add(['titleZh'], () => `${c}.title_zh`);
  add(['titleEn'], () => `${c}.title_en`);
  add(['summaryZh'], () => `${c}.summary_zh`);
  add(['summaryEn'], () => `${c}.summary_en`);
  add(['excludedApproaches'], () => `${c}.excluded_approaches`);
  add(['status'], () => `${effectiveStatusSql(c)} AS status`);
  add(['industryCode'], () => `${c}.industry_code`);
  add(['chainGoal'], () => `${c}.chain_goal`);
  add(['demandType'], () => `${c}.demand_type`);
  add(['cooperationModes'], () => `${c}.cooperation_modes::text[] AS cooperation_modes`);
  add(['budgetMin'], () => `${c}.budget_min::text AS budget_min`);
  add(['budgetMax'], () => `${c}.budget_max::text AS budget_max`);
  add(['bounty'], () => `${c}.bounty::text AS bounty`);
  add(['currency'], () => `${c}.currency`);
  add(['ipOwnership'], () => `${c}.ip_ownership`);
  add(
    ['eligibility'],
    () => `${c}.min_qualification, ${c}.allowed_region_codes, ${c}.verified_only`,
  );
  add(['visibility'], () => `${c}.visibility`);
  add(['anonymousIssuer'], () => `${c}.anonymous_issuer`);
  add(['blindReview'], () => `${c}.blind_review`);
  add(['deadline', 'deadlineChinaTime'], () => `${c}.deadline`);
  add(['submittedAt'], () => `${c}.submitted_at`);
  add(['publishedAt'], () => `${c}.published_at`);
  add(['createdAt'], () => `${c}.created_at`);
  add(['version'], () => `${c}.version`);
  add(['requiresTerms'], () => `${c}.requires_terms`);
  add(['termsVersion'], () => `${c}.terms_version`);
  add(
    ['statusReason'],
    () =>
      `CASE WHEN ${viewer.admin ? 'TRUE' : isIssuerSql(viewer, p, c)} OR ${c}.status = 'CANCELLED' THEN ${c}.status_reason END AS status_reason`,
  );
  add(['issuer'], () => {
    const shown = issuerShownSql(viewer, p, c);
    return `CASE WHEN ${shown} THEN ${o}.id END AS issuer_id, CASE WHEN ${shown} THEN ${o}.name_zh END AS issuer_name_zh,
      CASE WHEN ${shown} THEN ${o}.name_en END AS issuer_name_en`;
  });
  add(['viewerIsIssuer'], () => `${isIssuerSql(viewer, p, c)} AS viewer_is_issuer`);
  add(
    ['technicalFields'],
    () =>
      `(SELECT coalesce(json_agg(json_build_object('code', tf.code, 'nameZh', tf.name_zh, 'nameEn', tf.name_en) ORDER BY tf.code), '[]'::json)
       FROM challenge_technical_fields ctf JOIN technical_fields tf ON tf.code = ctf.field_code WHERE ctf.challenge_id = ${c}.id) AS technical_fields`,
  );
  add(['proposalCountVisibility'], () => `${c}.proposal_count_visibility`);
  add(
    ['proposalCount'],
    () =>
      `CASE WHEN ${proposalCountShownSql(viewer, p, c)} THEN ${proposalCountSql(c)} END AS proposal_count`,
  );
  add(['unansweredQuestionCount'], () => {
    const manager = viewer.admin ? 'TRUE' : isIssuerSql(viewer, p, c);
    return `CASE WHEN ${manager} THEN (SELECT count(*)::int FROM challenge_questions q WHERE q.challenge_id = ${c}.id AND q.answered_at IS NULL) END AS unanswered_question_count`;
  });
  return columns.join(',\n    ');
}

/** The summary columns plus the confidential part (description, description_shown, terms_accepted) as the viewer may read it. */
export function detailColumnsSql(viewer: Viewer, p: SqlParams, c = 'c', o = 'o'): string {
  const shown = descriptionShownSql(viewer, p, c);
  const accepted = viewer.organizationId
    ? `EXISTS (SELECT 1 FROM challenge_terms_acceptances ta2 WHERE ta2.challenge_id = ${c}.id AND ta2.organization_id = ${p.add(viewer.organizationId)}::uuid AND ta2.terms_version = ${c}.terms_version)`
    : 'FALSE';
  return `${summaryColumnsSql(viewer, p, c, o)},
    CASE WHEN ${shown} THEN ${c}.description END AS description, ${shown} AS description_shown, ${accepted} AS terms_accepted`;
}
