import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError, UserInputError } from '../common/errors.js';
import { ChallengeStatus } from '../challenges/index.js';
import { EvaluationGate } from './evaluation-gate.service.js';
import { sameAffiliationName } from './proposal-rules.js';
import { ProposalStatus, ReviewAssignmentStatus } from './proposal.entities.js';
import {
  answerInvitation,
  challengeAssignmentsOf,
  evaluatedProposals,
  insertRecusals,
  insertScoringLock,
  inviteReviewers,
  lockInvitation,
  Recusal,
  reviewerCandidates,
  scoringContext,
  upsertScores,
} from './proposal-review.queries.js';
import {
  AssignReviewersInput,
  DeclineReviewAssignmentInput,
  ReviewAssignmentIdInput,
  SubmitScoresInput,
} from './dto/proposal.inputs.js';
import {
  AssignReviewersPayload,
  RecusalReason,
  ReviewAssignment,
  ScoringLock,
  SubmitScoresPayload,
} from './dto/proposal.types.js';

/** 专家评审: reviewer assignment with automatic recusal, acceptance, scoring and the scoring lock. */
@Injectable()
export class ProposalReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly gate: EvaluationGate,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The issuer's OWNER/ADMIN invites reviewers (its own members or platform experts) once the deadline has
   * passed. An expert is recused at once from every proposal whose SME matches the expert's affiliation
   * (credit code, or name after folding case and spaces) or of which the expert is a member.
   */
  async assignReviewers(
    actor: Actor,
    input: AssignReviewersInput,
  ): Promise<AssignReviewersPayload> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(
        manager,
        actor,
        input.challengeId,
        'ISSUER_MANAGER',
      );
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      const users = await reviewerCandidates(manager, input.reviewerUserIds);
      const byId = new Map(users.map((u) => [u.id, u]));
      const errors = input.reviewerUserIds.flatMap((id, i) => {
        const u = byId.get(id);
        return u && (u.organizationId === challenge.issuerOrganizationId || u.expert)
          ? []
          : [
              {
                field: `input.reviewerUserIds.${i}`,
                message: 'is neither a member of the issuing organisation nor an expert',
              },
            ];
      });
      if (errors.length) throw new UserInputError(errors);

      const proposals = await evaluatedProposals(manager, challenge.id);
      const recusals: Recusal[] = [];
      for (const u of users) {
        for (const p of proposals) {
          const reason =
            u.organizationId === p.organizationId
              ? RecusalReason.ORGANIZATION_MEMBER
              : u.affiliationCreditCode && u.affiliationCreditCode === p.creditCode
                ? RecusalReason.AFFILIATION_MATCH
                : sameAffiliationName(u.affiliationName, p.nameZh) ||
                    sameAffiliationName(u.affiliationName, p.nameEn)
                  ? RecusalReason.AFFILIATION_MATCH
                  : null;
          if (reason) recusals.push({ proposalId: p.id, reviewerUserId: u.id, reason });
        }
      }
      await inviteReviewers(manager, challenge.id, input.reviewerUserIds, actor.userId);
      if (recusals.length) await insertRecusals(manager, challenge.id, recusals, actor.userId);
      const assignments = await challengeAssignmentsOf(
        manager,
        challenge.id,
        input.reviewerUserIds,
      );
      // Each reviewer asked hears of it (not the one who asked, if they named themselves).
      await this.notifications.notify(manager, {
        kind: NotificationKind.REVIEW_ASSIGNED,
        to: { userIds: input.reviewerUserIds, exceptUserId: actor.userId },
        about: { CHALLENGE: challenge.id },
      });
      await this.audit.record(manager, {
        actor,
        action: 'REVIEWERS_ASSIGNED',
        entityType: 'Challenge',
        entityId: challenge.id,
        organizationId: challenge.issuerOrganizationId,
        data: {
          reviewerUserIds: input.reviewerUserIds,
          recusals: recusals.map((r) => ({
            proposalId: r.proposalId,
            reviewerUserId: r.reviewerUserId,
            reason: r.reason,
          })),
        },
      });
      return { assignments };
    });
  }

  accept(actor: Actor, input: ReviewAssignmentIdInput): Promise<ReviewAssignment> {
    return this.respond(actor, input.assignmentId, ReviewAssignmentStatus.ACCEPTED, null);
  }

  decline(actor: Actor, input: DeclineReviewAssignmentInput): Promise<ReviewAssignment> {
    return this.respond(actor, input.assignmentId, ReviewAssignmentStatus.DECLINED, input.reason);
  }

  private async respond(
    actor: Actor,
    assignmentId: string,
    to: ReviewAssignmentStatus,
    reason: string | null,
  ): Promise<ReviewAssignment> {
    return this.dataSource.transaction(async (manager) => {
      const current = await lockInvitation(manager, assignmentId, actor.userId);
      if (!current) throw new NotFoundError('Review assignment');
      if (current.status !== ReviewAssignmentStatus.INVITED) {
        throw new ConflictError(
          'INVALID_TRANSITION',
          `A ${current.status} assignment cannot become ${to}`,
          { from: current.status, to },
        );
      }
      const answered = await answerInvitation(manager, assignmentId, to, reason);
      await this.audit.record(manager, {
        actor,
        action:
          to === ReviewAssignmentStatus.ACCEPTED
            ? 'REVIEW_ASSIGNMENT_ACCEPTED'
            : 'REVIEW_ASSIGNMENT_DECLINED',
        entityType: 'ReviewAssignment',
        entityId: assignmentId,
        organizationId: current.issuerOrganizationId,
        from: current.status,
        to,
        reason,
      });
      return answered;
    });
  }

  /**
   * A reviewer's scores of one proposal: one row per criterion (a second submission of a criterion edits
   * it), until the issuer locks scoring. The challenge row is share-locked so lockScoring cannot interleave.
   */
  async submitScores(actor: Actor, input: SubmitScoresInput): Promise<SubmitScoresPayload> {
    const criterionIds = input.scores.map((s) => s.criterionId);
    const duplicate = criterionIds.findIndex((id, i) => criterionIds.indexOf(id) !== i);
    if (duplicate >= 0)
      throw UserInputError.field(`input.scores.${duplicate}.criterionId`, 'is scored twice');
    return this.dataSource.transaction(async (manager) => {
      const ctx = await scoringContext(manager, actor, input.proposalId);
      if (!ctx) throw new NotFoundError('Proposal');
      if (ctx.locked) throw new ConflictError('SCORING_LOCKED', 'The issuer has locked scoring');
      if (ctx.status !== ProposalStatus.UNDER_REVIEW && ctx.status !== ProposalStatus.SHORTLISTED) {
        throw new ConflictError(
          'PROPOSAL_NOT_UNDER_REVIEW',
          `A ${ctx.status} proposal cannot be scored`,
          { status: ctx.status },
        );
      }
      const known = new Set(ctx.criterionIds);
      const errors = input.scores.flatMap((s, i) =>
        known.has(s.criterionId)
          ? []
          : [
              {
                field: `input.scores.${i}.criterionId`,
                message: 'is not a criterion of this challenge',
              },
            ],
      );
      if (errors.length) throw new UserInputError(errors);
      const scores = await upsertScores(
        manager,
        ctx.assignmentId,
        input.proposalId,
        input.scores.map((s) => ({
          criterionId: s.criterionId,
          score: s.score,
          comment: s.comment ?? '',
          privateNote: s.privateNote ?? '',
        })),
      );
      await this.audit.record(manager, {
        actor,
        action: 'PROPOSAL_SCORED',
        entityType: 'Proposal',
        entityId: input.proposalId,
        organizationId: ctx.issuerOrganizationId,
        data: { challengeId: ctx.challengeId, criterionIds },
      });
      return { proposalId: input.proposalId, scores };
    });
  }

  async lockScoring(actor: Actor, challengeId: string): Promise<ScoringLock> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(
        manager,
        actor,
        challengeId,
        'ISSUER_MANAGER',
      );
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      if (challenge.scoringLocked)
        throw new ConflictError('SCORING_ALREADY_LOCKED', 'Scoring is already locked');
      const lockedAt = await insertScoringLock(manager, challengeId, actor.userId);
      await this.audit.record(manager, {
        actor,
        action: 'SCORING_LOCKED',
        entityType: 'Challenge',
        entityId: challengeId,
        organizationId: challenge.issuerOrganizationId,
      });
      return { challengeId, lockedAt };
    });
  }
}
