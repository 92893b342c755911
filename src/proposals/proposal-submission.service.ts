import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import type { Actor } from '../common/auth/actor.js';
import type { ReasonWithCode } from '../common/error-catalogue.js';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import {
  contentSha256,
  ProposalContent,
  submissionPayloadHash,
  toProposalContent,
} from './proposal-content.js';
import { ProposalStatus } from './proposal.entities.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { Proposal } from './dto/proposal.types.js';
import {
  ProposalContentInput,
  ReviseProposalInput,
  SaveProposalDraftInput,
  SubmitProposalInput,
  WithdrawProposalInput,
} from './dto/proposal.inputs.js';
import { EligibilityReason } from '../organizations/index.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { checkMove, refusal } from '../common/lifecycle/lifecycle.js';
import { constant, moveOne, writeMove } from '../common/lifecycle/status-writer.js';
import { ProposalMoves, proposalMoves } from './proposal-status-store.js';
import { PROPOSAL_LIFECYCLE, proposalActorKinds } from './proposal-transitions.js';
import {
  insertDraft,
  insertRevision,
  insertSubmittedProposal,
  lockLiveProposal,
  lockOwnProposal,
  lockSubmissionContext,
  ownProposalChallengeId,
  setCurrentRevision,
  smeOrganizationIds,
  submissionByIdempotencyKey,
  SubmissionContext,
  updateDraftContent,
} from './proposal-submission.queries.js';

/** How submission names each reason of the eligibility rule in its refusal (FORBIDDEN). */
const SUBMISSION_REFUSALS: Record<
  EligibilityReason,
  { reason: ReasonWithCode<'FORBIDDEN'>; message: string }
> = {
  NOT_AN_SME: { reason: 'NOT_AN_SME_MEMBER', message: 'Only SMEs may submit proposals' },
  NOT_VERIFIED: {
    reason: 'SME_NOT_VERIFIED',
    message: 'Only verified SMEs may submit to this challenge',
  },
  REGION_NOT_ALLOWED: {
    reason: 'REGION_NOT_ELIGIBLE',
    message: 'The SME is not registered in a region this challenge accepts',
  },
  QUALIFICATION_EXPIRED: {
    reason: 'QUALIFICATION_EXPIRED',
    message: 'The qualification certificate has expired',
  },
  QUALIFICATION_TOO_LOW: {
    reason: 'QUALIFICATION_INSUFFICIENT',
    message:
      "The SME's qualification (counted while it is verified and its certificate valid today) is below what this challenge requires",
  },
};

/**
 * Drafts, submissions, revisions and withdrawals. The deadline is decided inside the transaction that writes:
 * the challenge row is read FOR SHARE (so its deadline and status cannot change until commit) together with
 * the database clock, and the same clock value stamps the submission.
 */
@Injectable()
export class ProposalSubmissionService {
  private readonly moves: ProposalMoves;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly query: ProposalQueryService,
    private readonly notifications: NotificationsService,
  ) {
    this.moves = proposalMoves(audit);
  }

  async saveDraft(actor: Actor, input: SaveProposalDraftInput): Promise<Proposal> {
    const smeId = this.requireSme(actor);
    const content = toProposalContent(input.content);
    const id = await this.dataSource.transaction(async (manager) => {
      const ctx = await this.lockContext(manager, actor, input.challengeId, smeId);
      this.checkOpen(ctx);
      await this.validateContent(manager, ctx, smeId, input.content, content, false);
      const existing = await lockLiveProposal(manager, input.challengeId, smeId, {
        prepared: false,
      });
      if (existing && existing.status !== ProposalStatus.DRAFT) {
        throw new ConflictError(
          'PROPOSAL_ALREADY_SUBMITTED',
          'This SME has already submitted a proposal for this challenge; revise it instead',
          {
            proposalId: existing.id,
          },
        );
      }
      let proposalId: string;
      if (existing) {
        await updateDraftContent(manager, existing.id, content);
        proposalId = existing.id;
      } else {
        proposalId = await insertDraft(manager, input.challengeId, smeId, content, actor.userId);
      }
      await this.audit.record(manager, {
        actor,
        action: existing ? 'PROPOSAL_DRAFT_UPDATED' : 'PROPOSAL_DRAFT_CREATED',
        entityType: 'Proposal',
        entityId: proposalId,
        organizationId: smeId,
        data: { challengeId: input.challengeId },
      });
      return proposalId;
    });
    return this.query.ownProposal(actor, id);
  }

  async submit(actor: Actor, input: SubmitProposalInput): Promise<Proposal> {
    const smeId = this.requireSme(actor);
    const content = toProposalContent(input.content);
    const payloadHash = submissionPayloadHash(input.challengeId, content);
    const replay = await this.replay(actor, smeId, input.idempotencyKey, payloadHash);
    if (replay) return replay;
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const ctx = await this.lockContext(manager, actor, input.challengeId, smeId);
        this.checkOpen(ctx);
        const move = {
          action: 'SUBMIT' as const,
          actor,
          actorKinds: proposalActorKinds(actor, { smeOrganizationId: smeId }),
        };
        const submit = checkMove(PROPOSAL_LIFECYCLE, move);
        const [problem] = ctx.eligibilityProblems;
        if (problem)
          throw new ForbiddenError(
            SUBMISSION_REFUSALS[problem].reason,
            SUBMISSION_REFUSALS[problem].message,
          );
        if (ctx.requiresTerms && !ctx.termsAccepted) {
          throw new ConflictError(
            'TERMS_NOT_ACCEPTED',
            "Accept the challenge's current terms before submitting",
          );
        }
        await this.validateContent(manager, ctx, smeId, input.content, content, true);
        const sha = contentSha256(content);
        const existing = await lockLiveProposal(manager, input.challengeId, smeId, {
          prepared: true,
        });
        if (existing && existing.status !== ProposalStatus.DRAFT) {
          throw new ConflictError(
            'PROPOSAL_ALREADY_SUBMITTED',
            'This SME has already submitted a proposal for this challenge; revise it instead',
            {
              proposalId: existing.id,
            },
          );
        }
        let proposalId: string;
        if (existing) {
          const moved = await writeMove(manager, this.moves, {
            ...move,
            scope: { id: existing.id },
            set: {
              draft_content: constant`NULL`,
              current_revision: constant`1`,
              submitted_at: { param: ctx.now, cast: 'timestamptz' },
              receipt_sha256: { param: sha },
              idempotency_key: { param: input.idempotencyKey },
              idempotency_payload_hash: { param: payloadHash },
            },
          });
          if (!moved.rows.length) throw refusal(PROPOSAL_LIFECYCLE, 'SUBMIT', existing.status);
          proposalId = existing.id;
        } else {
          // Submitted without a draft: the proposal is created in the state SUBMIT leads to.
          proposalId = await insertSubmittedProposal(manager, {
            challengeId: input.challengeId,
            smeId,
            submittedAt: ctx.now,
            sha256: sha,
            idempotencyKey: input.idempotencyKey,
            payloadHash,
            userId: actor.userId,
          });
        }
        await insertRevision(manager, proposalId, 1, content, sha, actor.userId, ctx.now);
        await this.audit.record(manager, {
          actor,
          action: submit.auditAction!,
          entityType: 'Proposal',
          entityId: proposalId,
          organizationId: smeId,
          from: existing ? ProposalStatus.DRAFT : null,
          to: submit.to,
          data: { challengeId: input.challengeId, revision: 1, contentSha256: sha },
        });
        // The receipt goes to every member of the SME, the submitter included (it is their proof).
        await this.notifications.notify(manager, {
          kind: NotificationKind.PROPOSAL_SUBMITTED,
          to: { organizationIds: [smeId] },
          about: { CHALLENGE: input.challengeId, PROPOSAL: proposalId },
          params: { receiptSha256: sha },
        });
        return proposalId;
      });
      return this.query.ownProposal(actor, id, 1);
    } catch (error) {
      // A concurrent request with the same key committed first (noticed by either unique index, or by the
      // check for a live proposal once it had committed): answer as its replay.
      const live = uniqueViolation(error) === 'UQ_proposals_live';
      const alreadySubmitted =
        error instanceof ConflictError && error.extensions.reason === 'PROPOSAL_ALREADY_SUBMITTED';
      if (live || alreadySubmitted || uniqueViolation(error) === 'UQ_proposals_idempotency') {
        const again = await this.replay(actor, smeId, input.idempotencyKey, payloadHash);
        if (again) return again;
      }
      if (live) {
        throw new ConflictError(
          'PROPOSAL_ALREADY_SUBMITTED',
          'This SME has already submitted a proposal for this challenge; revise it instead',
        );
      }
      throw error;
    }
  }

  async revise(actor: Actor, input: ReviseProposalInput): Promise<Proposal> {
    const smeId = this.requireSme(actor);
    const content = toProposalContent(input.content);
    const revision = await this.dataSource.transaction(async (manager) => {
      // Lock order everywhere: the challenge, then the proposal.
      const ctx = await this.lockContext(
        manager,
        actor,
        await this.ownChallengeId(manager, input.proposalId, smeId),
        smeId,
      );
      const proposal = await this.ownProposalForUpdate(manager, input.proposalId, smeId);
      this.checkOpen(ctx);
      if (proposal.status !== ProposalStatus.SUBMITTED) {
        throw new ConflictError(
          'PROPOSAL_NOT_SUBMITTED',
          `A ${proposal.status} proposal cannot be revised`,
          { status: proposal.status },
        );
      }
      await this.validateContent(manager, ctx, smeId, input.content, content, true);
      const sha = contentSha256(content);
      const next = proposal.currentRevision + 1;
      await setCurrentRevision(manager, proposal.id, next, sha);
      await insertRevision(manager, proposal.id, next, content, sha, actor.userId, ctx.now);
      await this.audit.record(manager, {
        actor,
        action: 'PROPOSAL_REVISED',
        entityType: 'Proposal',
        entityId: proposal.id,
        organizationId: smeId,
        data: { challengeId: proposal.challengeId, revision: next, contentSha256: sha },
      });
      // Each revision has its own receipt: the SME's members receive it as they did the first.
      await this.notifications.notify(manager, {
        kind: NotificationKind.PROPOSAL_SUBMITTED,
        to: { organizationIds: [smeId] },
        about: { CHALLENGE: proposal.challengeId, PROPOSAL: proposal.id },
        params: { receiptSha256: sha, revision: next },
      });
      return next;
    });
    return this.query.ownProposal(actor, input.proposalId, revision);
  }

  async withdraw(actor: Actor, input: WithdrawProposalInput): Promise<Proposal> {
    const smeId = this.requireSme(actor);
    await this.dataSource.transaction(async (manager) => {
      // Lock order everywhere: the challenge, then the proposal.
      const ctx = await this.lockContext(
        manager,
        actor,
        await this.ownChallengeId(manager, input.proposalId, smeId),
        smeId,
      );
      const proposal = await this.ownProposalForUpdate(manager, input.proposalId, smeId);
      this.checkOpen(ctx);
      await moveOne(manager, this.moves, {
        notFound: 'Proposal',
        action: 'WITHDRAW',
        actor,
        actorKinds: proposalActorKinds(actor, { smeOrganizationId: smeId }),
        reason: input.reason ?? null,
        scope: { id: proposal.id },
        match: { organization_id: smeId },
        data: { challengeId: proposal.challengeId },
      });
    });
    return this.query.ownProposal(actor, input.proposalId);
  }

  private requireSme(actor: Actor): string {
    if (actor.organization?.kind !== 'SME')
      throw new ForbiddenError('NOT_AN_SME_MEMBER', 'Only members of an SME can submit proposals');
    return actor.organization.id;
  }

  private async replay(
    actor: Actor,
    smeId: string,
    key: string,
    payloadHash: string,
  ): Promise<Proposal | null> {
    const row = await submissionByIdempotencyKey(this.dataSource, smeId, key);
    if (!row) return null;
    if (row.payloadHash !== payloadHash) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was used with a different payload',
      );
    }
    return this.query.ownProposal(actor, row.id, 1);
  }

  /**
   * Reads and share-locks the challenge together with the SME's eligibility (the one rule, smes/eligibility.ts),
   * whether the actor may see the challenge (the one visibility rule, visibleSql: what it may not see is
   * NOT_FOUND, as from `challenge`) and the database clock (truncated to milliseconds, the precision stored),
   * in one statement.
   */
  private async lockContext(
    manager: EntityManager,
    actor: Actor,
    challengeId: string,
    smeId: string,
  ): Promise<SubmissionContext> {
    const ctx = await lockSubmissionContext(manager, actor, challengeId, smeId);
    if (!ctx || !ctx.visible) throw new NotFoundError('Challenge');
    return ctx;
  }

  private checkOpen(ctx: SubmissionContext): void {
    if (ctx.status === 'PUBLISHED' && !ctx.open)
      throw new ConflictError('DEADLINE_PASSED', 'The deadline of this challenge has passed');
    if (ctx.status === 'CLOSED')
      throw new ConflictError('DEADLINE_PASSED', 'The deadline of this challenge has passed');
    if (ctx.status !== 'PUBLISHED')
      throw new ConflictError('CHALLENGE_NOT_OPEN', `The challenge is ${ctx.status}`);
  }

  private async validateContent(
    manager: EntityManager,
    ctx: SubmissionContext,
    smeId: string,
    input: ProposalContentInput,
    content: ProposalContent,
    submitting: boolean,
  ): Promise<void> {
    const errors: { field: string; message: string }[] = [];
    const requirements = new Set(ctx.requirementIds);
    const seen = new Set<string>();
    content.commitments.forEach((c, i) => {
      if (!requirements.has(c.requirementId))
        errors.push({
          field: `input.content.commitments.${i}.requirementId`,
          message: 'is not a requirement of this challenge',
        });
      else if (seen.has(c.requirementId))
        errors.push({
          field: `input.content.commitments.${i}.requirementId`,
          message: 'is answered twice',
        });
      seen.add(c.requirementId);
    });
    const milestoneTotal = content.milestones.reduce((sum, m) => sum + BigInt(m.amountFen), 0n);
    if (milestoneTotal > BigInt(content.quotedPriceFen)) {
      errors.push({
        field: 'input.content.milestones',
        message: 'amounts add up to more than the quoted price',
      });
    }
    if (submitting) {
      if (!input.declarations.noConflictOfInterest)
        errors.push({
          field: 'input.content.declarations.noConflictOfInterest',
          message: 'must be declared to submit',
        });
      if (!input.declarations.original)
        errors.push({
          field: 'input.content.declarations.original',
          message: 'must be declared to submit',
        });
      if (content.summary.trim() === '')
        errors.push({ field: 'input.content.summary', message: 'is required to submit' });
      if (content.technicalApproach.trim() === '')
        errors.push({ field: 'input.content.technicalApproach', message: 'is required to submit' });
    }
    if (content.consortiumPartnerIds.length > 0) {
      const known = new Set(await smeOrganizationIds(manager, content.consortiumPartnerIds));
      content.consortiumPartnerIds.forEach((id, i) => {
        if (!known.has(id) || id === smeId)
          errors.push({
            field: `input.content.consortiumPartnerIds.${i}`,
            message: 'is not another SME',
          });
      });
    }
    if (errors.length) throw new UserInputError(errors);
  }

  private async ownChallengeId(
    manager: EntityManager,
    proposalId: string,
    smeId: string,
  ): Promise<string> {
    const challengeId = await ownProposalChallengeId(manager, proposalId, smeId);
    if (!challengeId) throw new NotFoundError('Proposal');
    return challengeId;
  }

  private async ownProposalForUpdate(manager: EntityManager, proposalId: string, smeId: string) {
    const row = await lockOwnProposal(manager, proposalId, smeId);
    if (!row) throw new NotFoundError('Proposal');
    return row;
  }
}
