import type { Actor } from '../common/auth/actor.js';
import type { SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  execute,
  int,
  oneOf,
  queryOne,
  queryRows,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import { SqlParams } from '../database/sql-params.js';
import { activeReviewerSql, effectiveProposalStatusSql } from './proposal-sql.js';
import { ProposalStatus, ReviewAssignmentStatus } from './proposal.entities.js';
import { toReviewAssignment } from './proposals.queries.js';
import type { RecusalReason, ReviewAssignment, Score } from './dto/proposal.types.js';

/**
 * The SQL of 专家评审 (ProposalReviewService): assignments, recusals, answers to invitations, scores and
 * the scoring lock, see docs/architecture.md, "The SQL layer". None of these runs as a prepared statement.
 */

/** A user as a possible reviewer of a challenge: one row per organisation membership (none: organizationId null). */
export interface ReviewerCandidate {
  id: string;
  organizationId: string | null;
  /** An ACTIVE user with the platform role EXPERT. */
  expert: boolean;
  /** The expert's affiliation (a profile not revoked), for recusal. */
  affiliationName: string | null;
  affiliationCreditCode: string | null;
}

export function reviewerCandidates(
  target: SqlTarget,
  userIds: readonly string[],
): Promise<ReviewerCandidate[]> {
  return queryRows(
    target,
    `SELECT u.id, m.organization_id, 'EXPERT' = ANY(u.platform_roles) AND u.status = 'ACTIVE' AS expert,
                ep.affiliation_name, ep.affiliation_credit_code
           FROM users u LEFT JOIN organization_members m ON m.user_id = u.id LEFT JOIN expert_profiles ep ON ep.user_id = u.id AND ep.revoked_at IS NULL
          WHERE u.id = ANY($1::uuid[])`,
    [userIds],
    (r) => ({
      id: str(r, 'id'),
      organizationId: strOrNull(r, 'organization_id'),
      expert: bool(r, 'expert'),
      affiliationName: strOrNull(r, 'affiliation_name'),
      affiliationCreditCode: strOrNull(r, 'affiliation_credit_code'),
    }),
  );
}

/** A proposal under evaluation with what recusal compares: its SME's credit code and names. */
export interface EvaluatedProposal {
  id: string;
  organizationId: string;
  creditCode: string;
  nameZh: string;
  nameEn: string | null;
}

/** The challenge's proposals under evaluation (neither DRAFT nor WITHDRAWN). */
export function evaluatedProposals(
  target: SqlTarget,
  challengeId: string,
): Promise<EvaluatedProposal[]> {
  return queryRows(
    target,
    `SELECT p.id, p.organization_id, o.credit_code, o.name_zh, o.name_en FROM proposals p JOIN organizations o ON o.id = p.organization_id
          WHERE p.challenge_id = $1 AND p.status NOT IN ('DRAFT', 'WITHDRAWN')`,
    [challengeId],
    (r) => ({
      id: str(r, 'id'),
      organizationId: str(r, 'organization_id'),
      creditCode: str(r, 'credit_code'),
      nameZh: str(r, 'name_zh'),
      nameEn: strOrNull(r, 'name_en'),
    }),
  );
}

/** Invites the users to review the challenge (INVITED); those already invited keep their assignment. */
export function inviteReviewers(
  target: SqlTarget,
  challengeId: string,
  userIds: readonly string[],
  assignedBy: string,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO review_assignments (challenge_id, reviewer_user_id, status, assigned_by)
         SELECT $1, unnest($2::uuid[]), 'INVITED', $3
         ON CONFLICT (challenge_id, reviewer_user_id) WHERE proposal_id IS NULL DO NOTHING`,
    [challengeId, userIds, assignedBy],
  );
}

export interface Recusal {
  proposalId: string;
  reviewerUserId: string;
  reason: RecusalReason;
}

/** Recuses each reviewer from the proposal named with them (RECUSED, with the reason); existing rows stay. */
export function insertRecusals(
  target: SqlTarget,
  challengeId: string,
  recusals: readonly Recusal[],
  assignedBy: string,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO review_assignments (challenge_id, proposal_id, reviewer_user_id, status, reason, assigned_by)
           SELECT $1, x.proposal_id, x.reviewer_user_id, 'RECUSED', x.reason, $5
             FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS x(proposal_id, reviewer_user_id, reason)
           ON CONFLICT (proposal_id, reviewer_user_id) WHERE proposal_id IS NOT NULL DO NOTHING`,
    [
      challengeId,
      recusals.map((r) => r.proposalId),
      recusals.map((r) => r.reviewerUserId),
      recusals.map((r) => r.reason),
      assignedBy,
    ],
  );
}

/** The users' assignments and recusals on the challenge, by reviewer, the challenge-level one first. */
export function challengeAssignmentsOf(
  target: SqlTarget,
  challengeId: string,
  userIds: readonly string[],
): Promise<ReviewAssignment[]> {
  return queryRows(
    target,
    `SELECT id, challenge_id, proposal_id, reviewer_user_id, status, reason, created_at FROM review_assignments
          WHERE challenge_id = $1 AND reviewer_user_id = ANY($2::uuid[]) ORDER BY reviewer_user_id, proposal_id NULLS FIRST`,
    [challengeId, userIds],
    toReviewAssignment,
  );
}

/** The user's invitation to review a challenge, its row locked FOR UPDATE until the transaction ends. */
export function lockInvitation(
  target: SqlTarget,
  assignmentId: string,
  userId: string,
): Promise<{ status: ReviewAssignmentStatus; issuerOrganizationId: string } | undefined> {
  return queryOne(
    target,
    `SELECT ra.status, c.issuer_organization_id FROM review_assignments ra JOIN challenges c ON c.id = ra.challenge_id
          WHERE ra.id = $1 AND ra.reviewer_user_id = $2 AND ra.proposal_id IS NULL FOR UPDATE OF ra`,
    [assignmentId, userId],
    (r) => ({
      status: oneOf(r, 'status', ReviewAssignmentStatus),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
    }),
  );
}

/** Records the reviewer's answer (ACCEPTED, or DECLINED with a reason); the assignment as answered. */
export async function answerInvitation(
  target: SqlTarget,
  assignmentId: string,
  to: ReviewAssignmentStatus,
  reason: string | null,
): Promise<ReviewAssignment> {
  const row = await queryOne(
    target,
    `UPDATE review_assignments SET status = $2, reason = $3, responded_at = now() WHERE id = $1
         RETURNING id, challenge_id, proposal_id, reviewer_user_id, status, reason, created_at`,
    [assignmentId, to, reason],
    toReviewAssignment,
  );
  return row!;
}

/** What scoring a proposal takes. */
export interface ScoringContext {
  challengeId: string;
  issuerOrganizationId: string;
  /** The proposal's status as it reads now. */
  status: ProposalStatus;
  /** The reviewer's challenge-level assignment. */
  assignmentId: string;
  locked: boolean;
  criterionIds: string[];
}

/**
 * The proposal, if its challenge's deadline has passed, it was submitted and the actor reviews it (an
 * accepted reviewer not recused: activeReviewerSql), the challenge share-locked until the transaction ends.
 */
export function scoringContext(
  target: SqlTarget,
  actor: Actor,
  proposalId: string,
): Promise<ScoringContext | undefined> {
  const params = new SqlParams();
  const proposal = params.add(proposalId);
  const user = params.add(actor.userId);
  return queryOne(
    target,
    `SELECT c.id AS challenge_id, c.issuer_organization_id, ${effectiveProposalStatusSql()} AS status,
                (SELECT ra.id FROM review_assignments ra WHERE ra.challenge_id = c.id AND ra.proposal_id IS NULL AND ra.reviewer_user_id = ${user}::uuid) AS assignment_id,
                EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS locked,
                coalesce((SELECT array_agg(cr.id::text) FROM evaluation_criteria cr WHERE cr.challenge_id = c.id), '{}') AS criterion_ids
           FROM proposals p JOIN challenges c ON c.id = p.challenge_id
          WHERE p.id = ${proposal} AND c.deadline <= now() AND p.status NOT IN ('DRAFT', 'WITHDRAWN') AND ${activeReviewerSql(actor, params)}
          FOR SHARE OF c`,
    params.values,
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      status: oneOf(r, 'status', ProposalStatus),
      assignmentId: str(r, 'assignment_id'),
      locked: bool(r, 'locked'),
      criterionIds: strArray(r, 'criterion_ids'),
    }),
  );
}

export interface ScoreInput {
  criterionId: string;
  score: number;
  comment: string;
  privateNote: string;
}

/** Writes the reviewer's scores of the proposal (a criterion scored again is edited); the scores as stored. */
export function upsertScores(
  target: SqlTarget,
  assignmentId: string,
  proposalId: string,
  scores: readonly ScoreInput[],
): Promise<Score[]> {
  return queryRows(
    target,
    `INSERT INTO scores (assignment_id, proposal_id, criterion_id, score, comment, private_note)
         SELECT $1, $2, x.criterion_id, x.score, x.comment, x.private_note
           FROM unnest($3::uuid[], $4::smallint[], $5::text[], $6::text[]) AS x(criterion_id, score, comment, private_note)
         ON CONFLICT (assignment_id, proposal_id, criterion_id)
         DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, private_note = EXCLUDED.private_note, updated_at = now()
         RETURNING criterion_id, score, comment, private_note, updated_at`,
    [
      assignmentId,
      proposalId,
      scores.map((s) => s.criterionId),
      scores.map((s) => s.score),
      scores.map((s) => s.comment),
      scores.map((s) => s.privateNote),
    ],
    (r) => ({
      criterionId: str(r, 'criterion_id'),
      score: int(r, 'score'),
      comment: str(r, 'comment'),
      privateNote: str(r, 'private_note'),
      updatedAt: date(r, 'updated_at'),
    }),
  );
}

/** Locks the challenge's scoring now, by the user; when. */
export async function insertScoringLock(
  target: SqlTarget,
  challengeId: string,
  userId: string,
): Promise<Date> {
  const lockedAt = await queryOne(
    target,
    `INSERT INTO challenge_evaluations (challenge_id, scoring_locked_at, scoring_locked_by) VALUES ($1, now(), $2)
         ON CONFLICT (challenge_id) DO UPDATE SET scoring_locked_at = now(), scoring_locked_by = $2 RETURNING scoring_locked_at`,
    [challengeId, userId],
    (r) => date(r, 'scoring_locked_at'),
  );
  return lockedAt!;
}
