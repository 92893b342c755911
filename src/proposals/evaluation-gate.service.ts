import { ChallengeLifecycleService, ChallengeStatus } from '../challenges/index.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { isAdmin } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { AuditService } from '../audit/index.js';
import { constant, moveAll } from '../common/lifecycle/status-writer.js';
import { ProposalMoves, proposalMoves } from './proposal-status-store.js';

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
  ) {
    this.moves = proposalMoves(audit);
  }

  async lockChallenge(
    manager: EntityManager,
    actor: Actor,
    challengeId: string,
    who: 'ISSUER_MANAGER' | 'ISSUER_MANAGER_OR_ADMIN',
  ): Promise<LockedChallenge> {
    const [row] = (await manager.query(
      `SELECT c.id, c.issuer_organization_id, c.status, coalesce(c.budget_max, c.bounty)::text AS budget_cap,
              EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS scoring_locked
         FROM challenges c WHERE c.id = $1 FOR UPDATE OF c`,
      [challengeId],
    )) as { id: string; issuer_organization_id: string; status: ChallengeStatus; budget_cap: string | null; scoring_locked: boolean }[];
    const admin = who === 'ISSUER_MANAGER_OR_ADMIN' && isAdmin(actor);
    const member = !!row && actor.organization?.id === row.issuer_organization_id;
    if (!row || (!member && !admin)) throw new NotFoundError('Challenge');
    if (!admin && actor.organization?.role === 'MEMBER') {
      throw new ForbiddenError('NOT_ISSUER_MANAGER', 'Only an OWNER or ADMIN of the issuing organisation can do this');
    }
    const status = await this.persistEffectiveStatus(manager, actor, row.id);
    return {
      id: row.id,
      issuerOrganizationId: row.issuer_organization_id,
      status,
      budgetCap: row.budget_cap === null ? null : BigInt(row.budget_cap),
      scoringLocked: row.scoring_locked,
    };
  }

  /** Writes the transitions due by time; the caller holds the challenge row lock. Returns the status. */
  async persistEffectiveStatus(manager: EntityManager, actor: Actor, challengeId: string): Promise<ChallengeStatus> {
    await this.lifecycle.closeIfDue(manager, challengeId);
    await moveAll(manager, this.moves, {
      action: 'REVIEW_AT_DEADLINE',
      actor: null,
      actorKinds: ['SYSTEM'],
      scope: { column: 'challenge_id', equals: challengeId, cast: 'uuid' },
      condition: constant`EXISTS (SELECT 1 FROM challenges c WHERE c.id = t.challenge_id AND c.deadline <= now())`,
    });
    const [ended] = (await manager.query(
      `UPDATE publicities pb SET closed_at = now(), outcome = 'AWARDED'
        WHERE pb.challenge_id = $1 AND pb.closed_at IS NULL AND pb.ends_at <= now()
          AND NOT EXISTS (SELECT 1 FROM objections ob WHERE ob.publicity_id = pb.id AND ob.status = 'FILED')
          AND EXISTS (SELECT 1 FROM challenges c WHERE c.id = $1 AND c.status = 'IN_PUBLICITY')
        RETURNING pb.id`,
      [challengeId],
    )) as [unknown[], number];
    if (ended.length) {
      await this.lifecycle.transition(manager, null, challengeId, 'AWARD', { data: { cause: 'PUBLICITY_ENDED', persistedBy: actor.userId } });
    }
    const [current] = (await manager.query(`SELECT status FROM challenges WHERE id = $1`, [challengeId])) as { status: ChallengeStatus }[];
    return current.status;
  }

  requireStatus(challenge: LockedChallenge, allowed: ChallengeStatus[], reason = 'INVALID_CHALLENGE_STATE'): void {
    if (!allowed.includes(challenge.status)) {
      throw new ConflictError(reason, `Not possible while the challenge is ${challenge.status}`, { challengeStatus: challenge.status });
    }
  }
}
