import { effectiveStatusSql } from '../challenges/index.js';
import type { Actor } from '../common/auth/actor.js';
import { isAdmin } from '../common/auth/actor.js';
import { SqlParams } from '../database/sql-params.js';
import { VETO_THRESHOLD } from './proposal-rules.js';

/**
 * The SQL every read of proposals shares: effective statuses, who may read content, whose identity may be
 * shown, and the score aggregate. Pure module (strings only); the rules live here once.
 */

/** The challenge's status as time has moved it (deadline, end of the public notice): one definition, in the challenges module. */
export const effectiveChallengeStatusSql = effectiveStatusSql;

/** SUBMITTED past the deadline reads as UNDER_REVIEW. */
export function effectiveProposalStatusSql(p = 'p', c = 'c'): string {
  return `(CASE WHEN ${p}.status = 'SUBMITTED' AND ${c}.deadline <= now() THEN 'UNDER_REVIEW'::proposal_status ELSE ${p}.status END)`;
}

/** The actor has accepted the review of challenge `c` and is not recused from proposal `p`. */
export function activeReviewerSql(actor: Actor, params: SqlParams, p = 'p', c = 'c'): string {
  const user = params.add(actor.userId);
  return `(EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.challenge_id = ${c}.id AND ra.proposal_id IS NULL
                   AND ra.reviewer_user_id = ${user}::uuid AND ra.status = 'ACCEPTED')
       AND NOT EXISTS (SELECT 1 FROM review_assignments rr WHERE rr.proposal_id = ${p}.id
                   AND rr.reviewer_user_id = ${user}::uuid AND rr.status = 'RECUSED'))`;
}

/**
 * Who may read proposal `p`'s content (and so see the proposal at all):
 * - members of the submitting SME, always;
 * - after the deadline, for proposals that were submitted (not drafts, not withdrawn): members of the issuing
 *   organisation, and reviewers who accepted the challenge's review and are not recused from `p`;
 * - a platform admin holding an unexpired grant from openProposalForAdminReview.
 * Everyone else: the proposal does not exist for them.
 */
export function canReadSql(actor: Actor | null, params: SqlParams, p = 'p', c = 'c'): string {
  if (!actor) return 'FALSE';
  const org = actor.organization ? params.add(actor.organization.id) : null;
  const own = org ? `${p}.organization_id = ${org}::uuid` : 'FALSE';
  const issuer = org ? `${c}.issuer_organization_id = ${org}::uuid` : 'FALSE';
  const admin = isAdmin(actor)
    ? `OR EXISTS (SELECT 1 FROM proposal_access_grants g WHERE g.proposal_id = ${p}.id AND g.admin_user_id = ${params.add(actor.userId)}::uuid AND g.expires_at > now())`
    : '';
  return `(${own} OR (${p}.status NOT IN ('DRAFT', 'WITHDRAWN') AND (
      (${c}.deadline <= now() AND (${issuer} OR ${activeReviewerSql(actor, params, p, c)})) ${admin})))`;
}

/**
 * Whether the SME's identity is shown. Without blind review: to whoever may read. Under blind review: only
 * to the SME itself, to platform admins (break-glass), and to the issuer's OWNER/ADMIN who are not
 * themselves reviewers of the challenge (they take the decision and sign the agreement).
 */
export function identityVisibleSql(
  actor: Actor | null,
  params: SqlParams,
  p = 'p',
  c = 'c',
): string {
  if (!actor) return 'FALSE';
  if (isAdmin(actor)) return 'TRUE';
  const org = actor.organization ? params.add(actor.organization.id) : null;
  if (!org) return `(NOT ${c}.blind_review)`;
  const manager = actor.organization!.role !== 'MEMBER';
  const issuerManager = manager
    ? `OR (${c}.issuer_organization_id = ${org}::uuid AND NOT EXISTS (SELECT 1 FROM review_assignments rv WHERE rv.challenge_id = ${c}.id AND rv.reviewer_user_id = ${params.add(actor.userId)}::uuid))`
    : '';
  return `(NOT ${c}.blind_review OR ${p}.organization_id = ${org}::uuid ${issuerManager})`;
}

/**
 * The score totals of proposal `p` (a row of `proposal_score_totals`, which the trigger path on `scores` and
 * `evaluation_criteria` keeps): `weighted` (Σ weight × average / 10, 0-100, null before any score),
 * `lowest_veto_average` (the lowest average of a veto criterion; vetoed when below VETO_THRESHOLD, see scoreTotalsSql), `complete` (every criterion has a score), `reviewer_count`
 * and `criteria` (jsonb by position). A proposal without any score has no row: join it with LEFT JOIN and
 * read a missing row as not scored (scoreTotalsSql).
 */
export function scoreTotalsJoin(alias: string, p = 'p'): string {
  return `LEFT JOIN proposal_score_totals ${alias} ON ${alias}.proposal_id = ${p}.id`;
}

/** The columns of a LEFT JOINed totals row `t` that a missing row reads as not scored (its `weighted` is simply null). */
export function scoreTotalsSql(t: string): {
  vetoed: string;
  complete: string;
  reviewerCount: string;
} {
  return {
    // The trigger keeps the lowest veto-criterion average; the threshold is applied here, in one place.
    vetoed: `coalesce(${t}.lowest_veto_average < ${VETO_THRESHOLD}, false)`,
    complete: `coalesce(${t}.complete, false)`,
    reviewerCount: `coalesce(${t}.reviewer_count, 0)`,
  };
}

/**
 * The per-criterion detail of a proposal of challenge `c` with no score yet (no totals row): every criterion,
 * by position, with no statistics. The same keys as `proposal_score_totals.criteria`.
 */
export function unscoredCriteriaSql(c = 'c'): string {
  return `(SELECT coalesce(jsonb_agg(jsonb_build_object('criterionId', cr.id, 'name', cr.name, 'weight', cr.weight, 'veto', cr.veto,
             'reviewerCount', 0, 'average', NULL, 'min', NULL, 'max', NULL, 'spread', NULL, 'stdDev', NULL) ORDER BY cr.position), '[]'::jsonb)
             FROM evaluation_criteria cr WHERE cr.challenge_id = ${c}.id)`;
}
