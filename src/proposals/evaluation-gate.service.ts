import { ChallengeLifecycleService, ChallengeStatus } from '../challenges/index.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { isAdmin } from '../common/auth/actor.js';
import type { ReasonWithCode } from '../common/error-catalogue.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { AuditService } from '../audit/index.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { evaluatedProposals } from './proposal-review.queries.js';
import { constant, moveAll } from '../common/lifecycle/status-writer.js';
import { ProposalMoves, proposalMoves } from './proposal-status-store.js';
import {
  closeEndedPublicity,
  lockEvaluationChallenge,
  storedChallengeStatus,
} from './proposal-decision.queries.js';

export interface LockedChallenge {
  id: string;
  issuerOrganizationId: string;
  /** The status after persisting what time has changed (deadline, end of publicity). */
  status: ChallengeStatus;
  budgetCap: bigint | null;
  scoringLocked: boolean;
}

/**
 * The entry of every evaluation write: locks the challenge row FOR UPDATE (so decisions on one challenge are
 * serialised), checks the actor, and persists the transitions that time alone makes (the reads compute the
 * same in SQL: effectiveChallengeStatusSql):
 *   PUBLISHED past the deadline → CLOSED (and its SUBMITTED proposals → UNDER_REVIEW);
 *   IN_PUBLICITY whose period ended with no objection pending → AWARDED.
 * Both statuses are moved by the shared lifecycle mechanism (common/lifecycle) as the system: the challenge's
 * through ChallengeLifecycleService, the proposals' with the proposal table (REVIEW_AT_DEADLINE, set-based).
 */
@Injectable()
export class EvaluationGate {
  private readonly moves: ProposalMoves;

  constructor(
    private readonly lifecycle: ChallengeLifecycleService,
    audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {
    this.moves = proposalMoves(audit);
  }

  async lockChallenge(
    manager: EntityManager,
    actor: Actor,
    challengeId: string,
    who: 'ISSUER_MANAGER' | 'ISSUER_MANAGER_OR_ADMIN',
  ): Promise<LockedChallenge> {
    const row = await lockEvaluationChallenge(manager, challengeId);
    const admin = who === 'ISSUER_MANAGER_OR_ADMIN' && isAdmin(actor);
    const member = !!row && actor.organization?.id === row.issuerOrganizationId;
    if (!row || (!member && !admin)) throw new NotFoundError('Challenge');
    if (!admin && actor.organization?.role === 'MEMBER') {
      throw new ForbiddenError(
        'NOT_ISSUER_MANAGER',
        'Only an OWNER or ADMIN of the issuing organisation can do this',
      );
    }
    const status = await this.persistEffectiveStatus(manager, actor, row);
    return {
      id: row.id,
      issuerOrganizationId: row.issuerOrganizationId,
      status,
      budgetCap: row.budgetCap === null ? null : BigInt(row.budgetCap),
      scoringLocked: row.scoringLocked,
    };
  }

  /**
   * Writes the transitions due by time; the caller holds the challenge row lock. Returns the status. `actor` is
   * the user whose write persisted them, or null for the scheduled job (evaluation-clock.job.ts).
   */
  async persistEffectiveStatus(
    manager: EntityManager,
    actor: Actor | null,
    challenge: { id: string; issuerOrganizationId: string },
  ): Promise<ChallengeStatus> {
    const challengeId = challenge.id;
    await this.lifecycle.closeIfDue(manager, challengeId);
    await moveAll(manager, this.moves, {
      action: 'REVIEW_AT_DEADLINE',
      actor: null,
      actorKinds: ['SYSTEM'],
      scope: { column: 'challenge_id', equals: challengeId, cast: 'uuid' },
      condition: constant`EXISTS (SELECT 1 FROM challenges c WHERE c.id = t.challenge_id AND c.deadline <= now())`,
    });
    if (await closeEndedPublicity(manager, challengeId)) {
      await this.lifecycle.transition(manager, null, challengeId, 'AWARD', {
        data: { cause: 'PUBLICITY_ENDED', persistedBy: actor?.userId ?? null },
      });
      // The award is persisted by the first write after the public notice ended: the SMEs that took part, the
      // issuer's members and the followers hear of it in that write's transaction.
      await this.notifications.notify(manager, {
        kind: NotificationKind.CHALLENGE_AWARDED,
        to: {
          organizationIds: [
            ...(await evaluatedProposals(manager, challengeId)).map((p) => p.organizationId),
            challenge.issuerOrganizationId,
          ],
          followersOf: challengeId,
        },
        about: { CHALLENGE: challengeId },
      });
    }
    return storedChallengeStatus(manager, challengeId);
  }

  requireStatus(
    challenge: LockedChallenge,
    allowed: ChallengeStatus[],
    reason: ReasonWithCode<'CONFLICT'> = 'INVALID_CHALLENGE_STATE',
  ): void {
    if (!allowed.includes(challenge.status)) {
      throw new ConflictError(reason, `Not possible while the challenge is ${challenge.status}`, {
        challengeStatus: challenge.status,
      });
    }
  }
}
