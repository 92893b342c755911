import { ChallengeLifecycleService, ChallengeStatus, viewerOf, visibleSql } from '../challenges/index.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { SqlParams } from '../database/sql-params.js';
import { EvaluationGate, LockedChallenge } from './evaluation-gate.service.js';
import { effectiveProposalStatusSql, scoreTotalsSql } from './proposal-sql.js';
import { NotSelectedReason, ObjectionStatus, PublicityOutcome } from './proposal.entities.js';
import { refusal } from '../common/lifecycle/lifecycle.js';
import { constant, moveAll, recordMoves, SetColumns, writeMove } from '../common/lifecycle/status-writer.js';
import { ProposalMoves, proposalMoves } from './proposal-status-store.js';
import { PROPOSAL_LIFECYCLE, proposalActorKinds, ProposalStatusName } from './proposal-transitions.js';
import { ProposalQueryService } from './proposal-query.service.js';
import {
  CloseChallengeAsFailedInput,
  DecideObjectionInput,
  FileObjectionInput,
  MarkNotSelectedInput,
  SelectWinnersInput,
  ShortlistProposalsInput,
} from './dto/proposal.inputs.js';
import { ChallengeStatusPayload, DecisionPayload, Objection, ObjectionDecisionPayload, Proposal, SelectWinnersPayload } from './dto/proposal.types.js';

interface ObjectionRow {
  id: string;
  challenge_id: string;
  proposal_id: string;
  reason: string;
  status: ObjectionStatus;
  decision_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

/** Who decided, stamped on the proposals a decision moves. */
function decidedBy(actor: Actor): SetColumns {
  return { decided_at: constant`now()`, decided_by: { param: actor.userId, cast: 'uuid' } };
}

const OBJECTION_COLUMNS = 'id, challenge_id, proposal_id, reason, status, decision_reason, decided_at, created_at';

function toObjection(r: ObjectionRow): Objection {
  return {
    id: r.id,
    challengeId: r.challenge_id,
    proposalId: r.proposal_id,
    reason: r.reason,
    status: r.status,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  };
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
  ) {
    this.moves = proposalMoves(audit);
  }

  async shortlist(actor: Actor, input: ShortlistProposalsInput): Promise<DecisionPayload> {
    await this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(manager, actor, input.challengeId, 'ISSUER_MANAGER');
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      await this.decide(manager, actor, challenge, input.proposalIds, 'SHORTLIST');
    });
    return { proposals: await this.readAll(actor, input.proposalIds) };
  }

  async selectWinners(actor: Actor, input: SelectWinnersInput): Promise<SelectWinnersPayload> {
    const ids = input.winners.map((w) => w.proposalId);
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0) throw UserInputError.field(`input.winners.${dup}.proposalId`, 'is listed twice');
    const payload = await this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(manager, actor, input.challengeId, 'ISSUER_MANAGER');
      if (challenge.status === ChallengeStatus.IN_PUBLICITY || challenge.status === ChallengeStatus.AWARDED) {
        throw new ConflictError('WINNERS_ALREADY_SELECTED', 'Winners have already been selected for this challenge');
      }
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'EVALUATION_NOT_OPEN');
      const total = input.winners.reduce((sum, w) => sum + BigInt(w.awardAmountFen), 0n);
      input.winners.forEach((w, i) => {
        if (BigInt(w.awardAmountFen) <= 0n) throw UserInputError.field(`input.winners.${i}.awardAmountFen`, 'must be positive');
      });
      if (challenge.budgetCap !== null && total > challenge.budgetCap) {
        throw new ConflictError('AWARD_EXCEEDS_BUDGET', `The awards add up to ${total} fen, more than the budget of ${challenge.budgetCap} fen`, {
          total: total.toString(),
          budget: challenge.budgetCap.toString(),
        });
      }
      const vetoed = (await manager.query(
        `SELECT p.id FROM proposals p JOIN proposal_score_totals t ON t.proposal_id = p.id WHERE p.id = ANY($1::uuid[]) AND p.challenge_id = $2 AND ${scoreTotalsSql('t').vetoed}`,
        [ids, challenge.id],
      )) as { id: string }[];
      if (vetoed.length) {
        throw new ConflictError('PROPOSAL_VETOED', 'A veto criterion excludes this proposal', { proposalIds: vetoed.map((v) => v.id) });
      }
      await this.decide(manager, actor, challenge, ids, 'SELECT');
      await manager.query(
        `UPDATE proposals p SET award_amount = x.amount FROM unnest($1::uuid[], $2::bigint[]) AS x(id, amount) WHERE p.id = x.id`,
        [ids, input.winners.map((w) => w.awardAmountFen)],
      );
      await manager.query(
        `INSERT INTO challenge_evaluations (challenge_id, scoring_locked_at, scoring_locked_by) VALUES ($1, now(), $2)
         ON CONFLICT (challenge_id) DO UPDATE SET scoring_locked_at = coalesce(challenge_evaluations.scoring_locked_at, now()),
           scoring_locked_by = coalesce(challenge_evaluations.scoring_locked_by, $2)`,
        [challenge.id, actor.userId],
      );
      await this.lifecycle
        .transition(manager, actor, challenge.id, 'START_PUBLICITY', {
          data: {
            winners: input.winners.map((w) => ({ proposalId: w.proposalId, awardAmountFen: w.awardAmountFen })),
            publicityDays: this.config.proposals.publicityDays,
          },
        })
        .catch((error: unknown) => {
          // Another selectWinners committed first: the challenge is no longer CLOSED.
          if (error instanceof ConflictError) throw new ConflictError('WINNERS_ALREADY_SELECTED', 'Winners have already been selected for this challenge');
          throw error;
        });
      const [publicity] = (await manager.query(
        `INSERT INTO publicities (challenge_id, started_at, ends_at) VALUES ($1, now(), now() + make_interval(days => $2)) RETURNING ends_at`,
        [challenge.id, this.config.proposals.publicityDays],
      )) as { ends_at: Date }[];
      return { challengeId: challenge.id, status: ChallengeStatus.IN_PUBLICITY, publicityEndsAt: publicity.ends_at };
    });
    return { challenge: payload, winners: await this.readAll(actor, ids) };
  }

  async markNotSelected(actor: Actor, input: MarkNotSelectedInput): Promise<Proposal> {
    await this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(manager, actor, await this.challengeOf(manager, input.proposalId), 'ISSUER_MANAGER');
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED, ChallengeStatus.IN_PUBLICITY], 'EVALUATION_NOT_OPEN');
      await this.decide(manager, actor, challenge, [input.proposalId], 'MARK_NOT_SELECTED', {
        reason: input.reason,
        set: { not_selected_reason: { param: input.reason, cast: 'proposal_not_selected_reason' }, feedback: { param: input.feedback, cast: 'text' } },
      });
    });
    const [proposal] = await this.readAll(actor, [input.proposalId]);
    return proposal;
  }

  /** Any member of a verified organisation may object to a winner while the publicity period runs. */
  async fileObjection(actor: Actor, input: FileObjectionInput): Promise<Objection> {
    if (!actor.organization) throw new ForbiddenError('NOT_AN_ORGANIZATION_MEMBER', 'Only members of a verified organisation can file objections');
    const orgId = actor.organization.id;
    return this.dataSource.transaction(async (manager) => {
      const p = new SqlParams();
      const [proposalParam, orgParam] = [p.add(input.proposalId), p.add(orgId)];
      const [ctx] = (await manager.query(
        `SELECT p.challenge_id, c.issuer_organization_id, p.organization_id AS winner_id, pb.id AS publicity_id, pb.ends_at > now() AS running,
                (SELECT o.verification_status = 'VERIFIED' FROM organizations o WHERE o.id = ${orgParam}) AS verified
           FROM proposals p JOIN challenges c ON c.id = p.challenge_id
           JOIN publicities pb ON pb.challenge_id = c.id AND pb.closed_at IS NULL
          WHERE p.id = ${proposalParam} AND p.status = 'SELECTED' AND c.status = 'IN_PUBLICITY' AND ${visibleSql(viewerOf(actor), p)}
          FOR SHARE OF c`,
        p.values,
      )) as { challenge_id: string; issuer_organization_id: string; winner_id: string; publicity_id: string; running: boolean; verified: boolean }[];
      if (!ctx) throw new NotFoundError('Winning proposal');
      if (!ctx.verified) throw new ForbiddenError('ORGANIZATION_NOT_VERIFIED', 'Only verified organisations can file objections');
      if (!ctx.running) throw new ConflictError('PUBLICITY_ENDED', 'The publicity period has ended');
      if (ctx.winner_id === orgId) throw new ConflictError('OWN_PROPOSAL', 'An organisation cannot object to its own proposal');
      const [row] = (await manager.query(
        `INSERT INTO objections (publicity_id, challenge_id, proposal_id, filed_by_organization_id, filed_by, reason)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${OBJECTION_COLUMNS}`,
        [ctx.publicity_id, ctx.challenge_id, input.proposalId, orgId, actor.userId, input.reason],
      )) as ObjectionRow[];
      await this.audit.record(manager, {
        actor,
        action: 'OBJECTION_FILED',
        entityType: 'Objection',
        entityId: row.id,
        organizationId: ctx.issuer_organization_id,
        to: ObjectionStatus.FILED,
        data: { challengeId: ctx.challenge_id, proposalId: input.proposalId, filedByOrganizationId: orgId },
      });
      return toObjection(row);
    });
  }

  /**
   * Upholding an objection: the winner objected to is DISQUALIFIED, the other winners go back to SHORTLISTED,
   * the publicity closes and the challenge returns to CLOSED (evaluation) for a new selection.
   */
  async upholdObjection(actor: Actor, input: DecideObjectionInput): Promise<ObjectionDecisionPayload> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge, objection } = await this.lockObjection(manager, actor, input.objectionId);
      const [updated] = (await manager.query(
        `UPDATE objections SET status = 'UPHELD', decision_reason = $2, decided_by = $3, decided_at = now() WHERE id = $1 RETURNING ${OBJECTION_COLUMNS}`,
        [objection.id, input.reason, actor.userId],
      )) as [ObjectionRow[], number];
      await manager.query(
        `UPDATE objections SET status = 'DISMISSED', decision_reason = 'Superseded: another objection was upheld', decided_by = $3, decided_at = now()
          WHERE challenge_id = $1 AND status = 'FILED' AND id <> $2`,
        [challenge.id, objection.id, actor.userId],
      );
      const actorKinds = proposalActorKinds(actor, { issuerOrganizationId: challenge.issuerOrganizationId });
      await moveAll(manager, this.moves, {
        action: 'DISQUALIFY',
        actor,
        actorKinds,
        reason: input.reason,
        scope: { id: objection.proposal_id },
        set: { feedback: { param: input.reason, cast: 'text' }, ...decidedBy(actor) },
      });
      await moveAll(manager, this.moves, {
        action: 'RETURN_TO_SHORTLIST',
        actor,
        actorKinds,
        scope: { column: 'challenge_id', equals: challenge.id, cast: 'uuid' },
        set: { award_amount: constant`NULL` },
      });
      await manager.query(`UPDATE publicities SET closed_at = now(), outcome = $2 WHERE challenge_id = $1 AND closed_at IS NULL`, [
        challenge.id,
        PublicityOutcome.OBJECTION_UPHELD,
      ]);
      await this.audit.record(manager, {
        actor,
        action: 'OBJECTION_UPHELD',
        entityType: 'Objection',
        entityId: objection.id,
        organizationId: challenge.issuerOrganizationId,
        from: ObjectionStatus.FILED,
        to: ObjectionStatus.UPHELD,
        reason: input.reason,
        data: { challengeId: challenge.id, disqualifiedProposalId: objection.proposal_id },
      });
      await this.lifecycle.transition(manager, actor, challenge.id, 'UPHOLD_OBJECTION', { reason: input.reason, data: { objectionId: objection.id } });
      return { objection: toObjection(updated[0]), challenge: { challengeId: challenge.id, status: ChallengeStatus.CLOSED, publicityEndsAt: null } };
    });
  }

  async dismissObjection(actor: Actor, input: DecideObjectionInput): Promise<ObjectionDecisionPayload> {
    return this.dataSource.transaction(async (manager) => {
      const { challenge, objection } = await this.lockObjection(manager, actor, input.objectionId);
      const [updated] = (await manager.query(
        `UPDATE objections SET status = 'DISMISSED', decision_reason = $2, decided_by = $3, decided_at = now() WHERE id = $1 RETURNING ${OBJECTION_COLUMNS}`,
        [objection.id, input.reason, actor.userId],
      )) as [ObjectionRow[], number];
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
      const status = await this.gate.persistEffectiveStatus(manager, actor, challenge.id);
      const [pb] = (await manager.query(`SELECT ends_at FROM publicities WHERE challenge_id = $1 ORDER BY started_at DESC LIMIT 1`, [challenge.id])) as {
        ends_at: Date;
      }[];
      return { objection: toObjection(updated[0]), challenge: { challengeId: challenge.id, status, publicityEndsAt: pb?.ends_at ?? null } };
    });
  }

  /** 流榜: a CLOSED challenge without an acceptable proposal ends as FAILED; open proposals become NOT_SELECTED. */
  async closeAsFailed(actor: Actor, input: CloseChallengeAsFailedInput): Promise<ChallengeStatusPayload> {
    return this.dataSource.transaction(async (manager) => {
      const challenge = await this.gate.lockChallenge(manager, actor, input.challengeId, 'ISSUER_MANAGER');
      this.gate.requireStatus(challenge, [ChallengeStatus.CLOSED], 'CHALLENGE_NOT_CLOSED');
      await moveAll(manager, this.moves, {
        action: 'CLOSE_AS_FAILED',
        actor,
        actorKinds: proposalActorKinds(actor, { issuerOrganizationId: challenge.issuerOrganizationId }),
        reason: input.reason,
        scope: { column: 'challenge_id', equals: challenge.id, cast: 'uuid' },
        set: {
          not_selected_reason: { param: NotSelectedReason.CHALLENGE_FAILED, cast: 'proposal_not_selected_reason' },
          feedback: { param: input.reason, cast: 'text' },
          ...decidedBy(actor),
        },
      });
      await this.lifecycle.transition(manager, actor, challenge.id, 'FAIL', { reason: input.reason });
      return { challengeId: challenge.id, status: ChallengeStatus.FAILED, publicityEndsAt: null };
    });
  }

  /** The objections of a challenge, for its issuer and platform admins. */
  async challengeObjections(actor: Actor, challengeId: string): Promise<Objection[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${OBJECTION_COLUMNS.split(', ').map((c) => `ob.${c}`).join(', ')} FROM objections ob JOIN challenges c ON c.id = ob.challenge_id
        WHERE ob.challenge_id = $1 AND (c.issuer_organization_id = $2::uuid OR $3) ORDER BY ob.created_at, ob.id LIMIT 500`,
      [challengeId, actor.organization?.id ?? null, actor.platformRoles.includes('ADMIN')],
    )) as ObjectionRow[];
    return rows.map(toObjection);
  }

  private async lockObjection(manager: EntityManager, actor: Actor, objectionId: string): Promise<{ challenge: LockedChallenge; objection: ObjectionRow & { proposal_id: string } }> {
    const [ref] = (await manager.query(`SELECT challenge_id FROM objections WHERE id = $1`, [objectionId])) as { challenge_id: string }[];
    if (!ref) throw new NotFoundError('Objection');
    const challenge = await this.gate.lockChallenge(manager, actor, ref.challenge_id, 'ISSUER_MANAGER_OR_ADMIN');
    const [objection] = (await manager.query(`SELECT ${OBJECTION_COLUMNS} FROM objections WHERE id = $1 FOR UPDATE`, [objectionId])) as ObjectionRow[];
    if (objection.status !== ObjectionStatus.FILED) {
      throw new ConflictError('OBJECTION_ALREADY_DECIDED', `The objection is already ${objection.status}`, { status: objection.status });
    }
    this.gate.requireStatus(challenge, [ChallengeStatus.IN_PUBLICITY], 'NOT_IN_PUBLICITY');
    return { challenge, objection };
  }

  private async challengeOf(manager: EntityManager, proposalId: string): Promise<string> {
    const [row] = (await manager.query(`SELECT challenge_id FROM proposals WHERE id = $1 AND status NOT IN ('DRAFT', 'WITHDRAWN')`, [proposalId])) as {
      challenge_id: string;
    }[];
    if (!row) throw new NotFoundError('Proposal');
    return row.challenge_id;
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
    options: { reason?: string | null; set?: SetColumns } = {},
  ): Promise<void> {
    const input = {
      action,
      actor,
      actorKinds: proposalActorKinds(actor, { issuerOrganizationId: challenge.issuerOrganizationId }),
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
      const current = (await manager.query(
        `SELECT p.id, ${effectiveProposalStatusSql()} AS status FROM proposals p JOIN challenges c ON c.id = p.challenge_id
          WHERE p.id = ANY($1::uuid[]) AND p.challenge_id = $2 AND p.status NOT IN ('DRAFT', 'WITHDRAWN')`,
        [ids, challenge.id],
      )) as { id: string; status: ProposalStatusName }[];
      const found = new Set(current.map((r) => r.id));
      if (ids.some((id) => !found.has(id))) throw new NotFoundError('Proposal');
      const wrong = current.filter((r) => !moved.has(r.id));
      throw refusal(PROPOSAL_LIFECYCLE, action, wrong[0].status, { proposalIds: wrong.map((w) => w.id) });
    }
    await recordMoves(manager, this.moves, input, transition, rows);
  }

  private readAll(actor: Actor, ids: string[]): Promise<Proposal[]> {
    return this.query.proposalsByIds(actor, ids);
  }
}
