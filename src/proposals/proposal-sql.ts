import { effectiveStatusSql } from '../challenges/challenge-sql.js';
import type { Actor } from '../common/auth/actor.js';
import { isAdmin } from '../common/auth/actor.js';
import { VETO_THRESHOLD } from './proposal-rules.js';
import { SqlParams } from '../database/sql-params.js';

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
export function identityVisibleSql(actor: Actor | null, params: SqlParams, p = 'p', c = 'c'): string {
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
 * Per criterion of a proposal, from `score_summaries` (which the trigger on `scores` keeps): the columns
 * SCORE_TOTALS and CRITERIA_JSON read, given criterion `cr` and its summary `st` (null before any score).
 */
const CRITERION_COLUMNS = `cr.id, cr.name, cr.weight, cr.veto, cr.position, coalesce(st.n, 0) AS n, st.avg, st.min, st.max, st.sd`;

/** Per proposal, over its rows `pc` of CRITERION_COLUMNS: the totals. */
const SCORE_TOTALS = `sum(pc.weight * pc.avg) / 10.0 AS weighted,
           coalesce(bool_or(pc.veto AND pc.avg < ${VETO_THRESHOLD}), false) AS vetoed,
           coalesce(bool_and(pc.n > 0), false) AS complete,
           coalesce(max(pc.n), 0)::int AS reviewer_count`;

/** … and the per-criterion detail, as json by position. */
const CRITERIA_JSON = `coalesce(json_agg(json_build_object('criterionId', pc.id, 'name', pc.name, 'weight', pc.weight, 'veto', pc.veto,
             'reviewerCount', pc.n, 'average', pc.avg, 'min', pc.min, 'max', pc.max, 'spread', pc.max - pc.min, 'stdDev', pc.sd)
             ORDER BY pc.position), '[]'::json)`;

/**
 * Per-criterion aggregates of proposal `p` over the reviewers' scores (score_summaries): a LATERAL subquery giving
 * `weighted` (Σ weight × avg / 10, 0-100, null before any score), `vetoed` (a veto criterion averaged
 * below VETO_THRESHOLD), `complete` (every criterion has a score) and `criteria` (json, by position).
 */
export function scoreAggregateLateral(p = 'p'): string {
  return `LATERAL (
    SELECT ${SCORE_TOTALS}, ${CRITERIA_JSON} AS criteria
    FROM (
      SELECT ${CRITERION_COLUMNS}
      FROM evaluation_criteria cr
      LEFT JOIN score_summaries st ON st.proposal_id = ${p}.id AND st.criterion_id = cr.id
      WHERE cr.challenge_id = ${p}.challenge_id
    ) pc
  )`;
}

/**
 * The same aggregates for every proposal under evaluation of one challenge (`challenge` is an SQL
 * parameter), for the ranking, which needs every proposal's totals to rank any of them. CTEs:
 * `score_stats` (per proposal and criterion, from `score_summaries`, which a trigger on `scores` keeps),
 * `score_criteria`, and `score_totals` (proposal_id, weighted, vetoed, complete, reviewer_count).
 * `criteriaCte(name, rows)` adds CTE `name` (proposal_id, criteria json) for the proposals of CTE `rows`
 * only (the page), all joins by hash.
 */
export function challengeScoreAggregatesSql(challenge: string): { ctes: string; criteriaCte(name: string, rows: string): string } {
  const perCriterion = (x: string) => `CROSS JOIN score_criteria cr LEFT JOIN score_stats st ON st.proposal_id = ${x} AND st.criterion_id = cr.id`;
  return {
    ctes: `score_stats AS MATERIALIZED (
        SELECT proposal_id, criterion_id, n, avg, min, max, sd FROM score_summaries WHERE challenge_id = ${challenge}::uuid),
      score_criteria AS MATERIALIZED (SELECT id, name, weight, veto, position FROM evaluation_criteria WHERE challenge_id = ${challenge}::uuid),
      score_totals AS (
        SELECT pc.proposal_id, ${SCORE_TOTALS}
          FROM (SELECT x.id AS proposal_id, ${CRITERION_COLUMNS} FROM proposals x ${perCriterion('x.id')}
                 WHERE x.challenge_id = ${challenge}::uuid AND x.status NOT IN ('DRAFT', 'WITHDRAWN')) pc
         GROUP BY pc.proposal_id)`,
    criteriaCte: (name, rows) => `${name} AS (
        SELECT pc.proposal_id, ${CRITERIA_JSON} AS criteria
          FROM (SELECT x.proposal_id, ${CRITERION_COLUMNS} FROM ${rows} x ${perCriterion('x.proposal_id')}) pc
         GROUP BY pc.proposal_id)`,
  };
}
