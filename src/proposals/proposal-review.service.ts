import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError, UserInputError } from '../common/errors.js';
import { ChallengeStatus } from '../challenges/index.js';
import { EvaluationGate } from './evaluation-gate.service.js';
import { sameAffiliationName } from './proposal-rules.js';
import { activeReviewerSql, effectiveProposalStatusSql } from './proposal-sql.js';
import { SqlParams } from '../database/sql-params.js';
import { ProposalStatus, ReviewAssignmentStatus } from './proposal.entities.js';
import { AssignmentRow, toAssignment } from './proposal-query.service.js';
import { AssignReviewersInput, DeclineReviewAssignmentInput, ReviewAssignmentIdInput, SubmitScoresInput } from './dto/proposal.inputs.js';
import { AssignReviewersPayload, ReviewAssignment, ScoringLock, SubmitScoresPayload } from './dto/proposal.types.js';

/** 专家评审: reviewer assignment with automatic recusal, acceptance, scoring and the scoring lock. */
@Injectable()
export class ProposalReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly gate: EvaluationGate,
  ) {}

  /**
   * The issuer's OWNER/ADMIN invites reviewers (its own members or platform experts) once the deadline has
   * passed. An expert is recused at once from every proposal whose SME matches the expert's affiliation
   * (credit code, or name after folding case and spaces) or of which the expert is a member.
   */
  async assignReviewers(actor: Actor, input: AssignReviewersInput): Promise<AssignReviewersPayload> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(manager, actor, input.challengeId, 'ISSUER_MANAGER');
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      const users = (await manager.query(
        `SELECT u.id, m.organization_id, 'EXPERT' = ANY(u.platform_roles) AND u.status = 'ACTIVE' AS expert,
                ep.affiliation_name, ep.affiliation_credit_code
           FROM users u LEFT JOIN organization_members m ON m.user_id = u.id LEFT JOIN expert_profiles ep ON ep.user_id = u.id AND ep.revoked_at IS NULL
          WHERE u.id = ANY($1::uuid[])`,
        [input.reviewerUserIds],
      )) as { id: string; organization_id: string | null; expert: boolean; affiliation_name: string | null; affiliation_credit_code: string | null }[];
      const byId = new Map(users.map((u) => [u.id, u]));
      const errors = input.reviewerUserIds.flatMap((id, i) => {
        const u = byId.get(id);
        return u && (u.organization_id === challenge.issuerOrganizationId || u.expert)
          ? []
          : [{ field: `input.reviewerUserIds.${i}`, message: 'is neither a member of the issuing organisation nor an expert' }];
      });
      if (errors.length) throw new UserInputError(errors);

      const proposals = (await manager.query(
        `SELECT p.id, p.organization_id, o.credit_code, o.name_zh, o.name_en FROM proposals p JOIN organizations o ON o.id = p.organization_id
          WHERE p.challenge_id = $1 AND p.status NOT IN ('DRAFT', 'WITHDRAWN')`,
        [challenge.id],
      )) as { id: string; organization_id: string; credit_code: string; name_zh: string; name_en: string | null }[];
      const recusals: { proposalId: string; reviewerUserId: string; reason: string }[] = [];
      for (const u of users) {
        for (const p of proposals) {
          const reason =
            u.organization_id === p.organization_id
              ? 'ORGANIZATION_MEMBER'
              : u.affiliation_credit_code && u.affiliation_credit_code === p.credit_code
                ? 'AFFILIATION_MATCH'
                : sameAffiliationName(u.affiliation_name, p.name_zh) || sameAffiliationName(u.affiliation_name, p.name_en)
                  ? 'AFFILIATION_MATCH'
                  : null;
          if (reason) recusals.push({ proposalId: p.id, reviewerUserId: u.id, reason });
        }
      }
      await manager.query(
        `INSERT INTO review_assignments (challenge_id, reviewer_user_id, status, assigned_by)
         SELECT $1, unnest($2::uuid[]), 'INVITED', $3
         ON CONFLICT (challenge_id, reviewer_user_id) WHERE proposal_id IS NULL DO NOTHING`,
        [challenge.id, input.reviewerUserIds, actor.userId],
      );
      if (recusals.length) {
        await manager.query(
          `INSERT INTO review_assignments (challenge_id, proposal_id, reviewer_user_id, status, reason, assigned_by)
           SELECT $1, x.proposal_id, x.reviewer_user_id, 'RECUSED', x.reason, $5
             FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS x(proposal_id, reviewer_user_id, reason)
           ON CONFLICT (proposal_id, reviewer_user_id) WHERE proposal_id IS NOT NULL DO NOTHING`,
          [challenge.id, recusals.map((r) => r.proposalId), recusals.map((r) => r.reviewerUserId), recusals.map((r) => r.reason), actor.userId],
        );
      }
      const rows = (await manager.query(
        `SELECT id, challenge_id, proposal_id, reviewer_user_id, status, reason, created_at FROM review_assignments
          WHERE challenge_id = $1 AND reviewer_user_id = ANY($2::uuid[]) ORDER BY reviewer_user_id, proposal_id NULLS FIRST`,
        [challenge.id, input.reviewerUserIds],
      )) as AssignmentRow[];
      await this.audit.record(manager, {
        actor,
        action: 'REVIEWERS_ASSIGNED',
        entityType: 'Challenge',
        entityId: challenge.id,
        organizationId: challenge.issuerOrganizationId,
        data: { reviewerUserIds: input.reviewerUserIds, recusals: recusals.map((r) => ({ proposalId: r.proposalId, reviewerUserId: r.reviewerUserId, reason: r.reason })) },
      });
      return { assignments: rows.map(toAssignment) };
    });
  }

  accept(actor: Actor, input: ReviewAssignmentIdInput): Promise<ReviewAssignment> {
    return this.respond(actor, input.assignmentId, ReviewAssignmentStatus.ACCEPTED, null);
  }

  decline(actor: Actor, input: DeclineReviewAssignmentInput): Promise<ReviewAssignment> {
    return this.respond(actor, input.assignmentId, ReviewAssignmentStatus.DECLINED, input.reason);
  }

  private async respond(actor: Actor, assignmentId: string, to: ReviewAssignmentStatus, reason: string | null): Promise<ReviewAssignment> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = (await manager.query(
        `SELECT ra.status, c.issuer_organization_id FROM review_assignments ra JOIN challenges c ON c.id = ra.challenge_id
          WHERE ra.id = $1 AND ra.reviewer_user_id = $2 AND ra.proposal_id IS NULL FOR UPDATE OF ra`,
        [assignmentId, actor.userId],
      )) as { status: ReviewAssignmentStatus; issuer_organization_id: string }[];
      if (!current) throw new NotFoundError('Review assignment');
      if (current.status !== ReviewAssignmentStatus.INVITED) {
        throw new ConflictError('INVALID_TRANSITION', `A ${current.status} assignment cannot become ${to}`, { from: current.status, to });
      }
      const [rows] = (await manager.query(
        `UPDATE review_assignments SET status = $2, reason = $3, responded_at = now() WHERE id = $1
         RETURNING id, challenge_id, proposal_id, reviewer_user_id, status, reason, created_at`,
        [assignmentId, to, reason],
      )) as [AssignmentRow[], number];
      await this.audit.record(manager, {
        actor,
        action: to === ReviewAssignmentStatus.ACCEPTED ? 'REVIEW_ASSIGNMENT_ACCEPTED' : 'REVIEW_ASSIGNMENT_DECLINED',
        entityType: 'ReviewAssignment',
        entityId: assignmentId,
        organizationId: current.issuer_organization_id,
        from: current.status,
        to,
        reason,
      });
      return toAssignment(rows[0]);
    });
  }

  /**
   * A reviewer's scores of one proposal: one row per criterion (a second submission of a criterion edits
   * it), until the issuer locks scoring. The challenge row is share-locked so lockScoring cannot interleave.
   */
  async submitScores(actor: Actor, input: SubmitScoresInput): Promise<SubmitScoresPayload> {
    const criterionIds = input.scores.map((s) => s.criterionId);
    const duplicate = criterionIds.findIndex((id, i) => criterionIds.indexOf(id) !== i);
    if (duplicate >= 0) throw UserInputError.field(`input.scores.${duplicate}.criterionId`, 'is scored twice');
    return this.dataSource.transaction(async (manager) => {
      const params = new SqlParams();
      const proposalId = params.add(input.proposalId);
      const user = params.add(actor.userId);
      const [ctx] = (await manager.query(
        `SELECT c.id AS challenge_id, c.issuer_organization_id, ${effectiveProposalStatusSql()} AS status,
                (SELECT ra.id FROM review_assignments ra WHERE ra.challenge_id = c.id AND ra.proposal_id IS NULL AND ra.reviewer_user_id = ${user}::uuid) AS assignment_id,
                EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS locked,
                coalesce((SELECT array_agg(cr.id::text) FROM evaluation_criteria cr WHERE cr.challenge_id = c.id), '{}') AS criterion_ids
           FROM proposals p JOIN challenges c ON c.id = p.challenge_id
          WHERE p.id = ${proposalId} AND c.deadline <= now() AND p.status NOT IN ('DRAFT', 'WITHDRAWN') AND ${activeReviewerSql(actor, params)}
          FOR SHARE OF c`,
        params.values,
      )) as { challenge_id: string; issuer_organization_id: string; status: ProposalStatus; assignment_id: string; locked: boolean; criterion_ids: string[] }[];
      if (!ctx) throw new NotFoundError('Proposal');
      if (ctx.locked) throw new ConflictError('SCORING_LOCKED', 'The issuer has locked scoring');
      if (ctx.status !== ProposalStatus.UNDER_REVIEW && ctx.status !== ProposalStatus.SHORTLISTED) {
        throw new ConflictError('PROPOSAL_NOT_UNDER_REVIEW', `A ${ctx.status} proposal cannot be scored`, { status: ctx.status });
      }
      const known = new Set(ctx.criterion_ids);
      const errors = input.scores.flatMap((s, i) => (known.has(s.criterionId) ? [] : [{ field: `input.scores.${i}.criterionId`, message: 'is not a criterion of this challenge' }]));
      if (errors.length) throw new UserInputError(errors);
      const rows = (await manager.query(
        `INSERT INTO scores (assignment_id, proposal_id, criterion_id, score, comment, private_note)
         SELECT $1, $2, x.criterion_id, x.score, x.comment, x.private_note
           FROM unnest($3::uuid[], $4::smallint[], $5::text[], $6::text[]) AS x(criterion_id, score, comment, private_note)
         ON CONFLICT (assignment_id, proposal_id, criterion_id)
         DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, private_note = EXCLUDED.private_note, updated_at = now()
         RETURNING criterion_id, score, comment, private_note, updated_at`,
        [
          ctx.assignment_id,
          input.proposalId,
          criterionIds,
          input.scores.map((s) => s.score),
          input.scores.map((s) => s.comment ?? ''),
          input.scores.map((s) => s.privateNote ?? ''),
        ],
      )) as { criterion_id: string; score: number; comment: string; private_note: string; updated_at: Date }[];
      await this.audit.record(manager, {
        actor,
        action: 'PROPOSAL_SCORED',
        entityType: 'Proposal',
        entityId: input.proposalId,
        organizationId: ctx.issuer_organization_id,
        data: { challengeId: ctx.challenge_id, criterionIds },
      });
      return {
        proposalId: input.proposalId,
        scores: rows.map((r) => ({ criterionId: r.criterion_id, score: r.score, comment: r.comment, privateNote: r.private_note, updatedAt: r.updated_at })),
      };
    });
  }

  async lockScoring(actor: Actor, challengeId: string): Promise<ScoringLock> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(manager, actor, challengeId, 'ISSUER_MANAGER');
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      if (challenge.scoringLocked) throw new ConflictError('SCORING_ALREADY_LOCKED', 'Scoring is already locked');
      const [row] = (await manager.query(
        `INSERT INTO challenge_evaluations (challenge_id, scoring_locked_at, scoring_locked_by) VALUES ($1, now(), $2)
         ON CONFLICT (challenge_id) DO UPDATE SET scoring_locked_at = now(), scoring_locked_by = $2 RETURNING scoring_locked_at`,
        [challengeId, actor.userId],
      )) as { scoring_locked_at: Date }[];
      await this.audit.record(manager, {
        actor,
        action: 'SCORING_LOCKED',
        entityType: 'Challenge',
        entityId: challengeId,
        organizationId: challenge.issuerOrganizationId,
      });
      return { challengeId, lockedAt: row.scoring_locked_at };
    });
  }
}
