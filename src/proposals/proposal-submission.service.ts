import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import { contentSha256, ProposalContent, submissionPayloadHash, toProposalContent } from './proposal-content.js';
import { ProposalStatus } from './proposal.entities.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { Proposal } from './dto/proposal.types.js';
import { ProposalContentInput, ReviseProposalInput, SaveProposalDraftInput, SubmitProposalInput, WithdrawProposalInput } from './dto/proposal.inputs.js';
import { preparedQuery } from '../database/prepared-query.js';
import { SqlParams } from '../database/sql-params.js';
import { viewerOf, visibleSql } from '../challenges/index.js';
import { eligibilityProblemsSql, EligibilityReason } from '../organizations/index.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { checkMove, refusal } from '../common/lifecycle/lifecycle.js';
import { constant, moveOne, writeMove } from '../common/lifecycle/status-writer.js';
import { ProposalMoves, proposalMoves } from './proposal-status-store.js';
import { PROPOSAL_LIFECYCLE, proposalActorKinds } from './proposal-transitions.js';

/** What the locking read of the challenge and the submitting SME returns. */
interface SubmissionContext {
  status: string;
  visible: boolean;
  open: boolean;
  now: Date;
  requires_terms: boolean;
  terms_accepted: boolean;
  /** Why the SME may not answer the challenge (smes/eligibility.ts; empty: eligible). */
  eligibility_problems: EligibilityReason[];
  requirement_ids: string[];
}

/** How submission names each reason of the eligibility rule in its refusal (FORBIDDEN). */
const SUBMISSION_REFUSALS: Record<EligibilityReason, { reason: string; message: string }> = {
  NOT_AN_SME: { reason: 'NOT_AN_SME_MEMBER', message: 'Only SMEs may submit proposals' },
  NOT_VERIFIED: { reason: 'SME_NOT_VERIFIED', message: 'Only verified SMEs may submit to this challenge' },
  REGION_NOT_ALLOWED: { reason: 'REGION_NOT_ELIGIBLE', message: 'The SME is not registered in a region this challenge accepts' },
  QUALIFICATION_EXPIRED: { reason: 'QUALIFICATION_EXPIRED', message: 'The qualification certificate has expired' },
  QUALIFICATION_TOO_LOW: {
    reason: 'QUALIFICATION_INSUFFICIENT',
    message: "The SME's qualification (counted while it is verified and its certificate valid today) is below what this challenge requires",
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
      const [existing] = (await manager.query(
        `SELECT id, status FROM proposals WHERE challenge_id = $1 AND organization_id = $2 AND status <> 'WITHDRAWN' FOR UPDATE`,
        [input.challengeId, smeId],
      )) as { id: string; status: ProposalStatus }[];
      if (existing && existing.status !== ProposalStatus.DRAFT) {
        throw new ConflictError('PROPOSAL_ALREADY_SUBMITTED', 'This SME has already submitted a proposal for this challenge; revise it instead', {
          proposalId: existing.id,
        });
      }
      let proposalId: string;
      if (existing) {
        await manager.query(`UPDATE proposals SET draft_content = $2, updated_at = now() WHERE id = $1`, [existing.id, JSON.stringify(content)]);
        proposalId = existing.id;
      } else {
        const [row] = (await manager.query(
          `INSERT INTO proposals (challenge_id, organization_id, status, draft_content, created_by) VALUES ($1, $2, 'DRAFT', $3, $4) RETURNING id`,
          [input.challengeId, smeId, JSON.stringify(content), actor.userId],
        )) as { id: string }[];
        proposalId = row.id;
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
        const move = { action: 'SUBMIT' as const, actor, actorKinds: proposalActorKinds(actor, { smeOrganizationId: smeId }) };
        const submit = checkMove(PROPOSAL_LIFECYCLE, move);
        const [problem] = ctx.eligibility_problems;
        if (problem) throw new ForbiddenError(SUBMISSION_REFUSALS[problem].reason, SUBMISSION_REFUSALS[problem].message);
        if (ctx.requires_terms && !ctx.terms_accepted) {
          throw new ConflictError('TERMS_NOT_ACCEPTED', "Accept the challenge's current terms before submitting");
        }
        await this.validateContent(manager, ctx, smeId, input.content, content, true);
        const sha = contentSha256(content);
        const [existing] = (await preparedQuery(
          manager,
          `SELECT id, status FROM proposals WHERE challenge_id = $1 AND organization_id = $2 AND status <> 'WITHDRAWN' FOR UPDATE`,
          [input.challengeId, smeId],
        )) as { id: string; status: ProposalStatus }[];
        if (existing && existing.status !== ProposalStatus.DRAFT) {
          throw new ConflictError('PROPOSAL_ALREADY_SUBMITTED', 'This SME has already submitted a proposal for this challenge; revise it instead', {
            proposalId: existing.id,
          });
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
          const [row] = (await preparedQuery(
            manager,
            `INSERT INTO proposals (challenge_id, organization_id, status, current_revision, submitted_at, receipt_sha256,
                                    idempotency_key, idempotency_payload_hash, created_by)
             VALUES ($1, $2, 'SUBMITTED', 1, $3, $4, $5, $6, $7) RETURNING id`,
            [input.challengeId, smeId, ctx.now, sha, input.idempotencyKey, payloadHash, actor.userId],
          )) as { id: string }[];
          proposalId = row.id;
        }
        await this.insertRevision(manager, actor, proposalId, 1, content, sha, ctx.now);
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
        return proposalId;
      });
      return this.query.ownProposal(actor, id, 1);
    } catch (error) {
      // A concurrent request with the same key committed first (noticed by either unique index, or by the
      // check for a live proposal once it had committed): answer as its replay.
      const live = uniqueViolation(error) === 'UQ_proposals_live';
      const alreadySubmitted = error instanceof ConflictError && error.extensions.reason === 'PROPOSAL_ALREADY_SUBMITTED';
      if (live || alreadySubmitted || uniqueViolation(error) === 'UQ_proposals_idempotency') {
        const again = await this.replay(actor, smeId, input.idempotencyKey, payloadHash);
        if (again) return again;
      }
      if (live) {
        throw new ConflictError('PROPOSAL_ALREADY_SUBMITTED', 'This SME has already submitted a proposal for this challenge; revise it instead');
      }
      throw error;
    }
  }

  async revise(actor: Actor, input: ReviseProposalInput): Promise<Proposal> {
    const smeId = this.requireSme(actor);
    const content = toProposalContent(input.content);
    const revision = await this.dataSource.transaction(async (manager) => {
      // Lock order everywhere: the challenge, then the proposal.
      const ctx = await this.lockContext(manager, actor, await this.ownChallengeId(manager, input.proposalId, smeId), smeId);
      const proposal = await this.ownProposalForUpdate(manager, input.proposalId, smeId);
      this.checkOpen(ctx);
      if (proposal.status !== ProposalStatus.SUBMITTED) {
        throw new ConflictError('PROPOSAL_NOT_SUBMITTED', `A ${proposal.status} proposal cannot be revised`, { status: proposal.status });
      }
      await this.validateContent(manager, ctx, smeId, input.content, content, true);
      const sha = contentSha256(content);
      const next = proposal.current_revision + 1;
      await manager.query(`UPDATE proposals SET current_revision = $2, receipt_sha256 = $3, updated_at = now() WHERE id = $1`, [proposal.id, next, sha]);
      await this.insertRevision(manager, actor, proposal.id, next, content, sha, ctx.now);
      await this.audit.record(manager, {
        actor,
        action: 'PROPOSAL_REVISED',
        entityType: 'Proposal',
        entityId: proposal.id,
        organizationId: smeId,
        data: { challengeId: proposal.challenge_id, revision: next, contentSha256: sha },
      });
      return next;
    });
    return this.query.ownProposal(actor, input.proposalId, revision);
  }

  async withdraw(actor: Actor, input: WithdrawProposalInput): Promise<Proposal> {
    const smeId = this.requireSme(actor);
    await this.dataSource.transaction(async (manager) => {
      // Lock order everywhere: the challenge, then the proposal.
      const ctx = await this.lockContext(manager, actor, await this.ownChallengeId(manager, input.proposalId, smeId), smeId);
      const proposal = await this.ownProposalForUpdate(manager, input.proposalId, smeId);
      this.checkOpen(ctx);
      await moveOne(manager, this.moves, {
        action: 'WITHDRAW',
        actor,
        actorKinds: proposalActorKinds(actor, { smeOrganizationId: smeId }),
        reason: input.reason ?? null,
        scope: { id: proposal.id },
        match: { organization_id: smeId },
        data: { challengeId: proposal.challenge_id },
      });
    });
    return this.query.ownProposal(actor, input.proposalId);
  }

  private requireSme(actor: Actor): string {
    if (actor.organization?.kind !== 'SME') throw new ForbiddenError('NOT_AN_SME_MEMBER', 'Only members of an SME can submit proposals');
    return actor.organization.id;
  }

  private async replay(actor: Actor, smeId: string, key: string, payloadHash: string): Promise<Proposal | null> {
    const [row] = (await preparedQuery(
      this.dataSource,
      `SELECT id, idempotency_payload_hash FROM proposals WHERE organization_id = $1 AND idempotency_key = $2`,
      [smeId, key],
    )) as { id: string; idempotency_payload_hash: string }[];
    if (!row) return null;
    if (row.idempotency_payload_hash !== payloadHash) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used with a different payload');
    }
    return this.query.ownProposal(actor, row.id, 1);
  }

  /**
   * Reads and share-locks the challenge together with the SME's eligibility (the one rule, smes/eligibility.ts),
   * whether the actor may see the challenge (the one visibility rule, visibleSql: what it may not see is
   * NOT_FOUND, as from `challenge`) and the database clock (truncated to milliseconds, the precision stored),
   * in one statement.
   */
  private async lockContext(manager: EntityManager, actor: Actor, challengeId: string, smeId: string): Promise<SubmissionContext> {
    const p = new SqlParams();
    const challenge = p.add(challengeId);
    const sme = p.add(smeId);
    const visible = visibleSql(viewerOf(actor), p, 'ch');
    const [ctx] = await preparedQuery<SubmissionContext>(
      manager,
      `SELECT ch.status, ch.requires_terms, t.now, ch.deadline > t.now AS open, ${visible} AS visible,
              EXISTS (SELECT 1 FROM challenge_terms_acceptances a WHERE a.challenge_id = ch.id AND a.organization_id = ${sme}::uuid
                        AND a.terms_version = ch.terms_version) AS terms_accepted,
              ${eligibilityProblemsSql(sme, 'ch')} AS eligibility_problems,
              coalesce((SELECT array_agg(cr.id::text) FROM challenge_requirements cr WHERE cr.challenge_id = ch.id), '{}') AS requirement_ids
         FROM challenges ch
         CROSS JOIN (SELECT date_trunc('milliseconds', clock_timestamp()) AS now) t
        WHERE ch.id = ${challenge}::uuid
        FOR SHARE OF ch`,
      p.values,
    );
    if (!ctx || !ctx.visible) throw new NotFoundError('Challenge');
    return ctx;
  }

  private checkOpen(ctx: SubmissionContext): void {
    if (ctx.status === 'PUBLISHED' && !ctx.open) throw new ConflictError('DEADLINE_PASSED', 'The deadline of this challenge has passed');
    if (ctx.status === 'CLOSED') throw new ConflictError('DEADLINE_PASSED', 'The deadline of this challenge has passed');
    if (ctx.status !== 'PUBLISHED') throw new ConflictError('CHALLENGE_NOT_OPEN', `The challenge is ${ctx.status}`);
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
    const requirements = new Set(ctx.requirement_ids);
    const seen = new Set<string>();
    content.commitments.forEach((c, i) => {
      if (!requirements.has(c.requirementId)) errors.push({ field: `input.content.commitments.${i}.requirementId`, message: 'is not a requirement of this challenge' });
      else if (seen.has(c.requirementId)) errors.push({ field: `input.content.commitments.${i}.requirementId`, message: 'is answered twice' });
      seen.add(c.requirementId);
    });
    const milestoneTotal = content.milestones.reduce((sum, m) => sum + BigInt(m.amountFen), 0n);
    if (milestoneTotal > BigInt(content.quotedPriceFen)) {
      errors.push({ field: 'input.content.milestones', message: 'amounts add up to more than the quoted price' });
    }
    if (submitting) {
      if (!input.declarations.noConflictOfInterest) errors.push({ field: 'input.content.declarations.noConflictOfInterest', message: 'must be declared to submit' });
      if (!input.declarations.original) errors.push({ field: 'input.content.declarations.original', message: 'must be declared to submit' });
      if (content.summary.trim() === '') errors.push({ field: 'input.content.summary', message: 'is required to submit' });
      if (content.technicalApproach.trim() === '') errors.push({ field: 'input.content.technicalApproach', message: 'is required to submit' });
    }
    if (content.consortiumPartnerIds.length > 0) {
      const rows = (await manager.query(`SELECT id FROM organizations WHERE id = ANY($1::uuid[]) AND kind = 'SME'`, [content.consortiumPartnerIds])) as { id: string }[];
      const known = new Set(rows.map((r) => r.id));
      content.consortiumPartnerIds.forEach((id, i) => {
        if (!known.has(id) || id === smeId) errors.push({ field: `input.content.consortiumPartnerIds.${i}`, message: 'is not another SME' });
      });
    }
    if (errors.length) throw new UserInputError(errors);
  }

  private async insertRevision(manager: EntityManager, actor: Actor, proposalId: string, revision: number, content: ProposalContent, sha: string, at: Date): Promise<void> {
    await preparedQuery(
      manager,
      `INSERT INTO proposal_revisions (proposal_id, revision, content, content_sha256, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [proposalId, revision, JSON.stringify(content), sha, actor.userId, at],
    );
  }

  private async ownChallengeId(manager: EntityManager, proposalId: string, smeId: string): Promise<string> {
    const [row] = (await manager.query(`SELECT challenge_id FROM proposals WHERE id = $1 AND organization_id = $2`, [proposalId, smeId])) as {
      challenge_id: string;
    }[];
    if (!row) throw new NotFoundError('Proposal');
    return row.challenge_id;
  }

  private async ownProposalForUpdate(manager: EntityManager, proposalId: string, smeId: string) {
    const [row] = (await manager.query(
      `SELECT id, challenge_id, status, current_revision FROM proposals WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
      [proposalId, smeId],
    )) as { id: string; challenge_id: string; status: ProposalStatus; current_revision: number }[];
    if (!row) throw new NotFoundError('Proposal');
    return row;
  }
}
