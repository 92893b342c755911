import { ChallengeLifecycleService, ChallengeStatus } from '../challenges/index.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionShape, timeIdPage } from '../common/pagination/connection.js';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { EvaluationGate, LockedChallenge } from './evaluation-gate.service.js';
import { NotSelectedReason, ObjectionStatus, PublicityOutcome } from './proposal.entities.js';
import { refusal } from '../common/lifecycle/lifecycle.js';
import {
  constant,
  moveAll,
  recordMoves,
  SetColumns,
  writeMove,
} from '../common/lifecycle/status-writer.js';
import { ProposalMoves, proposalMoves } from './proposal-status-store.js';
import { PROPOSAL_LIFECYCLE, proposalActorKinds } from './proposal-transitions.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { participantsAndFollowers } from './proposal-audience.js';
import {
  CloseChallengeAsFailedInput,
  DecideObjectionInput,
  FileObjectionInput,
  MarkNotSelectedInput,
  SelectWinnersInput,
  ShortlistProposalsInput,
  ChallengeObjectionsArgs,
} from './dto/proposal.inputs.js';
import {
  ChallengeStatusChange,
  DecisionPayload,
  Objection,
  ObjectionDecisionPayload,
  Proposal,
  SelectWinnersPayload,
} from './dto/proposal.types.js';
import {
  challengeObjectionList,
  closePublicity,
  decideObjection,
  decisionStates,
  dismissOtherObjections,
  insertObjection,
  insertPublicity,
  latestPublicityEnd,
  lockObjectionRow,
  lockScoringOnce,
  objectionChallengeId,
  objectionContext,
  setAwardAmounts,
  submittedProposalChallengeId,
  vetoedProposalIds,
} from './proposal-decision.queries.js';

/** Who decided, stamped on the proposals a decision moves. */
function decidedBy(actor: Actor): SetColumns {
  return { decided_at: constant`now()`, decided_by: { param: actor.userId, cast: 'uuid' } };
}

/**
 * Decisions after evaluation: shortlist, selection (starting the 公示 period), not-selected feedback,
 * objections, and closing as FAILED (流榜). Every one locks the challenge row first (EvaluationGate), so two
 * concurrent selections of one challenge are serialised and the second finds it no longer CLOSED.
 */
@Injectable()
export class ProposalDecisionService {
  private readonly moves: ProposalMoves;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly gate: EvaluationGate,
    private readonly query: ProposalQueryService,
    private readonly lifecycle: ChallengeLifecycleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {
    this.moves = proposalMoves(audit);
  }

  async shortlist(actor: Actor, input: ShortlistProposalsInput): Promise<DecisionPayload> {
    await this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(
        manager,
        actor,
        input.challengeId,
        'ISSUER_MANAGER',
      );
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      await this.decide(manager, actor, challenge, input.proposalIds, 'SHORTLIST');
    });
    return { proposals: await this.readAll(actor, input.proposalIds, 'shortlistProposals') };
  }

  async selectWinners(actor: Actor, input: SelectWinnersInput): Promise<SelectWinnersPayload> {
    const ids = input.winners.map((w) => w.proposalId);
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0) throw UserInputError.field(`input.winners.${dup}.proposalId`, 'is listed twice');
    const payload = await this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(
        manager,
        actor,
        input.challengeId,
        'ISSUER_MANAGER',
      );
      if (
        challenge.status === ChallengeStatus.IN_PUBLICITY ||
        challenge.status === ChallengeStatus.AWARDED
      ) {
        throw new ConflictError(
          'WINNERS_ALREADY_SELECTED',
          'Winners have already been selected for this challenge',
        );
      }
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      const total = input.winners.reduce((sum, w) => sum + BigInt(w.awardAmountFen), 0n);
      input.winners.forEach((w, i) => {
        if (BigInt(w.awardAmountFen) <= 0n)
          throw UserInputError.field(`input.winners.${i}.awardAmountFen`, 'must be positive');
      });
      if (challenge.budgetCap !== null && total > challenge.budgetCap) {
        throw new ConflictError(
          'AWARD_EXCEEDS_BUDGET',
          `The awards add up to ${total} fen, more than the budget of ${challenge.budgetCap} fen`,
          {
            total: total.toString(),
            budget: challenge.budgetCap.toString(),
          },
        );
      }
      const vetoed = await vetoedProposalIds(manager, ids, challenge.id);
      if (vetoed.length) {
        throw new ConflictError('PROPOSAL_VETOED', 'A veto criterion excludes this proposal', {
          proposalIds: vetoed,
        });
      }
      await this.decide(manager, actor, challenge, ids, 'SELECT');
      await setAwardAmounts(
        manager,
        ids,
        input.winners.map((w) => w.awardAmountFen),
      );
      await lockScoringOnce(manager, challenge.id, actor.userId);
      await this.lifecycle
        .transition(manager, actor, challenge.id, 'START_PUBLICITY', {
          data: {
            winners: input.winners.map((w) => ({
              proposalId: w.proposalId,
              awardAmountFen: w.awardAmountFen,
            })),
            publicityDays: this.config.proposals.publicityDays,
          },
        })
        .catch((error: unknown) => {
          // Another selectWinners committed first: the challenge is no longer CLOSED.
          if (error instanceof ConflictError)
            throw new ConflictError(
              'WINNERS_ALREADY_SELECTED',
              'Winners have already been selected for this challenge',
            );
          throw error;
        });
      const publicityEndsAt = await insertPublicity(
        manager,
        challenge.id,
        this.config.proposals.publicityDays,
      );
      // Every SME that took part, and the challenge's followers, hear that the public notice (公示) started.
      await this.notifications.notify(manager, {
        kind: NotificationKind.PUBLICITY_STARTED,
        to: await participantsAndFollowers(manager, challenge.id, actor.userId),
        about: { CHALLENGE: challenge.id },
        params: { endsAt: publicityEndsAt.toISOString() },
      });
      return { challengeId: challenge.id, status: ChallengeStatus.IN_PUBLICITY, publicityEndsAt };
    });
    return { challenge: payload, winners: await this.readAll(actor, ids, 'selectWinners') };
  }

  async markNotSelected(actor: Actor, input: MarkNotSelectedInput): Promise<Proposal> {
    await this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(
        manager,
        actor,
        await this.challengeOf(manager, input.proposalId),
        'ISSUER_MANAGER',
      );
      this.gate.requireStatus(
        challenge,
        [ChallengeStatus.CLOSED, ChallengeStatus.IN_PUBLICITY],
        'EVALUATION_NOT_OPEN',
      );
      await this.decide(manager, actor, challenge, [input.proposalId], 'MARK_NOT_SELECTED', {
        reason: input.reason,
        set: {
          not_selected_reason: { param: input.reason, cast: 'proposal_not_selected_reason' },
          feedback: { param: input.feedback, cast: 'text' },
        },
        params: { reason: input.reason, feedback: input.feedback },
      });
    });
    const [proposal] = await this.readAll(actor, [input.proposalId], 'markNotSelected');
    return proposal;
  }

  /** Any member of a verified organisation may object to a winner while the publicity period runs. */
  async fileObjection(actor: Actor, input: FileObjectionInput): Promise<Objection> {
    if (!actor.organization)
      throw new ForbiddenError(
        'NOT_AN_ORGANIZATION_MEMBER',
        'Only members of a verified organisation can file objections',
      );
    const orgId = actor.organization.id;
    return this.dataSource.transaction(async (manager) => {
      const ctx = await objectionContext(manager, actor, input.proposalId, orgId);
      if (!ctx) throw new NotFoundError('Winning proposal');
      if (!ctx.verified)
        throw new ForbiddenError(
          'ORGANIZATION_NOT_VERIFIED',
          'Only verified organisations can file objections',
        );
      if (!ctx.running)
        throw new ConflictError('PUBLICITY_ENDED', 'The publicity period has ended');
      if (ctx.winnerId === orgId)
        throw new ConflictError(
          'OWN_PROPOSAL',
          'An organisation cannot object to its own proposal',
        );
      const objection = await insertObjection(manager, {
        publicityId: ctx.publicityId,
        challengeId: ctx.challengeId,
        proposalId: input.proposalId,
        organizationId: orgId,
        userId: actor.userId,
        reason: input.reason,
      });
      await this.audit.record(manager, {
        actor,
        action: 'OBJECTION_FILED',
        entityType: 'Objection',
        entityId: objection.id,
        organizationId: ctx.issuerOrganizationId,
        to: ObjectionStatus.FILED,
        data: {
          challengeId: ctx.challengeId,
          proposalId: input.proposalId,
          filedByOrganizationId: orgId,
        },
      });
      return objection;
    });
  }

  /**
   * Upholding an objection: the winner objected to is DISQUALIFIED, the other winners go back to SHORTLISTED,
   * the publicity closes and the challenge returns to CLOSED (evaluation) for a new selection.
   */
  async upholdObjection(
    actor: Actor,
    input: DecideObjectionInput,
  ): Promise<ObjectionDecisionPayload> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge, objection } = await this.lockObjection(manager, actor, input.objectionId);
      const updated = await decideObjection(
        manager,
        objection.id,
        ObjectionStatus.UPHELD,
        input.reason,
        actor.userId,
      );
      await dismissOtherObjections(manager, challenge.id, objection.id, actor.userId);
      const actorKinds = proposalActorKinds(actor, {
        issuerOrganizationId: challenge.issuerOrganizationId,
      });
      await moveAll(manager, this.moves, {
        action: 'DISQUALIFY',
        actor,
        actorKinds,
        reason: input.reason,
        scope: { id: objection.proposalId },
        set: { feedback: { param: input.reason, cast: 'text' }, ...decidedBy(actor) },
      });
      await moveAll(manager, this.moves, {
        action: 'RETURN_TO_SHORTLIST',
        actor,
        actorKinds,
        scope: { column: 'challenge_id', equals: challenge.id, cast: 'uuid' },
        set: { award_amount: constant`NULL` },
      });
      await closePublicity(manager, challenge.id, PublicityOutcome.OBJECTION_UPHELD);
      await this.audit.record(manager, {
        actor,
        action: 'OBJECTION_UPHELD',
        entityType: 'Objection',
        entityId: objection.id,
        organizationId: challenge.issuerOrganizationId,
        from: ObjectionStatus.FILED,
        to: ObjectionStatus.UPHELD,
        reason: input.reason,
        data: { challengeId: challenge.id, disqualifiedProposalId: objection.proposalId },
      });
      await this.lifecycle.transition(manager, actor, challenge.id, 'UPHOLD_OBJECTION', {
        reason: input.reason,
        data: { objectionId: objection.id },
      });
      return {
        objection: updated,
        challenge: {
          challengeId: challenge.id,
          status: ChallengeStatus.CLOSED,
          publicityEndsAt: null,
        },
      };
    });
  }

  async dismissObjection(
    actor: Actor,
    input: DecideObjectionInput,
  ): Promise<ObjectionDecisionPayload> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge, objection } = await this.lockObjection(manager, actor, input.objectionId);
      const updated = await decideObjection(
        manager,
        objection.id,
        ObjectionStatus.DISMISSED,
        input.reason,
        actor.userId,
      );
      await this.audit.record(manager, {
        actor,
        action: 'OBJECTION_DISMISSED',
        entityType: 'Objection',
        entityId: objection.id,
        organizationId: challenge.issuerOrganizationId,
        from: ObjectionStatus.FILED,
        to: ObjectionStatus.DISMISSED,
        reason: input.reason,
        data: { challengeId: challenge.id },
      });
      // The period may already be over: with no objection left pending, the award is due now.
      const status = await this.gate.persistEffectiveStatus(manager, actor, challenge);
      const publicityEndsAt = await latestPublicityEnd(manager, challenge.id);
      return {
        objection: updated,
        challenge: { challengeId: challenge.id, status, publicityEndsAt },
      };
    });
  }

  /** 流榜: a CLOSED challenge without an acceptable proposal ends as FAILED; open proposals become NOT_SELECTED. */
  async closeAsFailed(
    actor: Actor,
    input: CloseChallengeAsFailedInput,
  ): Promise<ChallengeStatusChange> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(
        manager,
        actor,
        input.challengeId,
        'ISSUER_MANAGER',
      );
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'CHALLENGE_NOT_CLOSED');
      await moveAll(manager, this.moves, {
        action: 'CLOSE_AS_FAILED',
        actor,
        actorKinds: proposalActorKinds(actor, {
          issuerOrganizationId: challenge.issuerOrganizationId,
        }),
        reason: input.reason,
        scope: { column: 'challenge_id', equals: challenge.id, cast: 'uuid' },
        set: {
          not_selected_reason: {
            param: NotSelectedReason.CHALLENGE_FAILED,
            cast: 'proposal_not_selected_reason',
          },
          feedback: { param: input.reason, cast: 'text' },
          ...decidedBy(actor),
        },
      });
      await this.lifecycle.transition(manager, actor, challenge.id, 'FAIL', {
        reason: input.reason,
      });
      // Every SME that took part, and the challenge's followers, hear that it closed without a winner (流榜).
      await this.notifications.notify(manager, {
        kind: NotificationKind.CHALLENGE_FAILED,
        to: await participantsAndFollowers(manager, challenge.id, actor.userId),
        about: { CHALLENGE: challenge.id },
        params: { reason: input.reason },
      });
      return { challengeId: challenge.id, status: ChallengeStatus.FAILED, publicityEndsAt: null };
    });
  }

  /** The objections of a challenge, oldest first, for its issuer and platform admins (empty for others). */
  async challengeObjections(
    actor: Actor,
    args: ChallengeObjectionsArgs,
  ): Promise<ConnectionShape<Objection>> {
    return timeIdPage(
      args,
      (limit, after) =>
        challengeObjectionList(
          this.dataSource,
          args.challengeId,
          actor.organization?.id ?? null,
          actor.platformRoles.includes('ADMIN'),
          limit,
          after,
        ),
      (r) => [r.createdAt, r.id],
    );
  }

  private async lockObjection(
    manager: EntityManager,
    actor: Actor,
    objectionId: string,
  ): Promise<{ challenge: LockedChallenge; objection: Objection }> {
    const challengeId = await objectionChallengeId(manager, objectionId);
    if (!challengeId) throw new NotFoundError('Objection');
    const challenge = await this.gate.lockChallenge(
      manager,
      actor,
      challengeId,
      'ISSUER_MANAGER_OR_ADMIN',
    );
    // Objections are never deleted: it is still there.
    const objection = (await lockObjectionRow(manager, objectionId))!;
    if (objection.status !== ObjectionStatus.FILED) {
      throw new ConflictError(
        'OBJECTION_ALREADY_DECIDED',
        `The objection is already ${objection.status}`,
        { status: objection.status },
      );
    }
    this.gate.requireStatus(challenge, [ChallengeStatus.IN_PUBLICITY], 'NOT_IN_PUBLICITY');
    return { challenge, objection };
  }

  private async challengeOf(manager: EntityManager, proposalId: string): Promise<string> {
    const challengeId = await submittedProposalChallengeId(manager, proposalId);
    if (!challengeId) throw new NotFoundError('Proposal');
    return challengeId;
  }

  /**
   * An evaluation decision on the given proposals of the locked challenge (SHORTLIST, SELECT,
   * MARK_NOT_SELECTED), through the proposal lifecycle: all or nothing, with one audit event per proposal.
   * A proposal of another challenge, a draft or a withdrawn one is NOT_FOUND; one in a state the move does not
   * start from is CONFLICT INVALID_TRANSITION (listing them); either way nothing is written.
   */
  private async decide(
    manager: EntityManager,
    actor: Actor,
    challenge: LockedChallenge,
    ids: string[],
    action: 'SHORTLIST' | 'SELECT' | 'MARK_NOT_SELECTED',
    options: {
      reason?: string | null;
      set?: SetColumns;
      /** The notification's parameters (the SME is told of each decision). */
      params?: Record<string, string | null>;
    } = {},
  ): Promise<void> {
    const input = {
      action,
      actor,
      actorKinds: proposalActorKinds(actor, {
        issuerOrganizationId: challenge.issuerOrganizationId,
      }),
      reason: options.reason ?? null,
      scope: { ids },
      match: { challenge_id: challenge.id },
      set: { ...decidedBy(actor), ...options.set },
      data: { challengeId: challenge.id },
    };
    const { transition, rows } = await writeMove(manager, this.moves, input);
    if (rows.length < new Set(ids).size) {
      // Refused: say why (the transaction rolls back what was written).
      const moved = new Set(rows.map((r) => r.id));
      const current = await decisionStates(manager, ids, challenge.id);
      const found = new Set(current.map((r) => r.id));
      if (ids.some((id) => !found.has(id))) throw new NotFoundError('Proposal');
      const wrong = current.filter((r) => !moved.has(r.id));
      throw refusal(PROPOSAL_LIFECYCLE, action, wrong[0].status, {
        proposalIds: wrong.map((w) => w.id),
      });
    }
    await recordMoves(manager, this.moves, input, transition, rows);
    const kind =
      action === 'SHORTLIST'
        ? NotificationKind.PROPOSAL_SHORTLISTED
        : action === 'SELECT'
          ? NotificationKind.PROPOSAL_SELECTED
          : NotificationKind.PROPOSAL_NOT_SELECTED;
    for (const row of rows)
      await this.notifications.notify(manager, {
        kind,
        to: { organizationIds: row.organizationId ? [row.organizationId] : [] },
        about: { CHALLENGE: challenge.id, PROPOSAL: row.id },
        params: options.params ?? {},
      });
  }

  /** The payload's proposals, their read recorded as a read through `path` (the mutation). */
  private readAll(actor: Actor, ids: string[], path: string): Promise<Proposal[]> {
    return this.query.proposalsByIds(actor, ids, path);
  }
}
