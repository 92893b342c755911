import { JobsService } from '../jobs/index.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { belongsTo, managesOrganization } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError } from '../common/errors.js';
import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { ChallengeContentService } from './challenge-content.service.js';
import { ChallengeQueryService, VisibleChallenge } from './challenge-query.service.js';
import { missingForReview } from './challenge-rules.js';
import {
  CHALLENGE_LIFECYCLE,
  ChallengeAction,
  ChallengeActorKind,
  challengeActorKinds,
  ChallengeStatusName,
} from './challenge-transitions.js';
import { refusal } from '../common/lifecycle/lifecycle.js';
import {
  constant,
  LifecycleBinding,
  moveAll,
  recordMoves,
  SetColumns,
  StatusStore,
  writeMove,
} from '../common/lifecycle/status-writer.js';
import { ChallengeNode } from './challenge.mapper.js';
import { deadlineTooSoon, lockChallengeStatus, reviewReadiness } from './challenges.queries.js';

/** Where challenges keep their status, for the lifecycle mechanism (common/lifecycle). */
export const CHALLENGE_STATUS_STORE: StatusStore = {
  table: 'challenges',
  statusType: 'challenge_status',
  stamps: { status_changed_at: constant`now()` },
  reasonColumn: 'status_reason',
  organizationColumn: 'issuer_organization_id',
};

/**
 * The challenge lifecycle. Every status change goes through the shared mechanism (common/lifecycle) with
 * CHALLENGE_LIFECYCLE: `transition()` for decisions, `closeIfDue()` for the deadline. A move is checked
 * against the table (who, reason), written by one conditional `UPDATE ... WHERE status = ANY(from)` and
 * audited, inside the caller's transaction. A refused transition throws CONFLICT INVALID_TRANSITION and
 * writes nothing.
 */
@Injectable()
export class ChallengeLifecycleService {
  private readonly moves: LifecycleBinding<
    ChallengeStatusName,
    ChallengeAction,
    ChallengeActorKind
  >;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    audit: AuditService,
    private readonly query: ChallengeQueryService,
    private readonly content: ChallengeContentService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
  ) {
    this.moves = { lifecycle: CHALLENGE_LIFECYCLE, store: CHALLENGE_STATUS_STORE, audit };
  }

  /**
   * Persists the deadline close when it is due (PUBLISHED past its deadline becomes CLOSED, audited as done
   * by the system). Reads never need it (they compute the effective status); writes call it first.
   */
  async closeIfDue(manager: EntityManager, challengeId: string): Promise<void> {
    await moveAll(manager, this.moves, {
      action: 'CLOSE_AT_DEADLINE',
      actor: null,
      actorKinds: ['SYSTEM'],
      scope: { id: challengeId },
      condition: constant`t.deadline <= now()`,
      set: { closed_at: constant`t.deadline` },
    });
  }

  /**
   * Moves a challenge by `action` from one of the table's `from` states, with the audit row, in `manager`'s
   * transaction. `set` adds column assignments of the same UPDATE (e.g. published_at). `actor` null is the
   * system (time).
   */
  async transition(
    manager: EntityManager,
    actor: Actor | null,
    challengeId: string,
    action: ChallengeAction,
    options: { reason?: string | null; set?: SetColumns; data?: Record<string, unknown> } = {},
  ): Promise<{ from: ChallengeStatusName; to: ChallengeStatusName }> {
    if (action !== 'CLOSE_AT_DEADLINE') await this.closeIfDue(manager, challengeId);
    const before = await lockChallengeStatus(manager, challengeId);
    const input = {
      action,
      actor,
      actorKinds: before ? challengeActorKinds(actor, before.issuerOrganizationId) : [],
      reason: options.reason ?? null,
      scope: { id: challengeId },
      set: options.set,
      data: options.data,
    };
    if (!before) throw refusal(CHALLENGE_LIFECYCLE, action, null);
    const { transition, rows } = await writeMove(manager, this.moves, input);
    if (rows.length === 0) throw refusal(CHALLENGE_LIFECYCLE, action, before.status);
    await recordMoves(manager, this.moves, input, transition, rows);
    return { from: rows[0].from, to: transition.to };
  }

  /** Any member of the issuing enterprise; it must be VERIFIED with an ACTIVE alliance membership. */
  async submitForReview(actor: Actor, id: string): Promise<ChallengeNode> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, id, manager, true);
      this.requireIssuerMember(actor, c);
      const org = await reviewReadiness(manager, c.issuerOrganizationId, id);
      if (org.verificationStatus !== 'VERIFIED') {
        throw new ForbiddenError(
          'ORGANIZATION_NOT_VERIFIED',
          'Only verified enterprises may submit challenges for review',
        );
      }
      if (!org.activeMember) {
        throw new ForbiddenError(
          'ALLIANCE_MEMBERSHIP_REQUIRED',
          'Only enterprises with an active alliance membership may submit challenges for review',
        );
      }
      if (c.status === 'DRAFT' || c.status === 'CHANGES_REQUESTED') {
        const missing = missingForReview({
          evaluationCriteriaCount: org.criteria,
          technicalFieldCount: org.fields,
          summaryZh: org.summaryZh,
          summaryEn: org.summaryEn,
        });
        if (missing.length)
          throw new ConflictError(
            'CHALLENGE_INCOMPLETE',
            `The challenge lacks: ${missing.join(', ')}`,
            { missing },
          );
      }
      await this.transition(manager, actor, id, 'SUBMIT_FOR_REVIEW', {
        set: { submitted_at: constant`now()` },
      });
    });
    return this.query.get(actor, id);
  }

  async requestChanges(actor: Actor, id: string, reason: string): Promise<ChallengeNode> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, id, manager, true);
      await this.transition(manager, actor, id, 'REQUEST_CHANGES', { reason });
      await this.reviewDecided(manager, c, 'CHANGES_REQUESTED', reason);
    });
    return this.query.get(actor, id);
  }

  async reject(actor: Actor, id: string, reason: string): Promise<ChallengeNode> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, id, manager, true);
      await this.transition(manager, actor, id, 'REJECT', { reason });
      await this.reviewDecided(manager, c, 'REJECTED', reason);
    });
    return this.query.get(actor, id);
  }

  /** Publication: the deadline must still be at least 24 hours away; version 1 of the public record is kept. */
  async approveAndPublish(actor: Actor, id: string): Promise<ChallengeNode> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, id, manager, true);
      if (c.status === 'PENDING_REVIEW') {
        if (await deadlineTooSoon(manager, id))
          throw new ConflictError(
            'DEADLINE_TOO_SOON',
            'The deadline must be at least 24 hours after publication; the issuer must extend it first',
          );
      }
      await this.transition(manager, actor, id, 'APPROVE_AND_PUBLISH', {
        set: { published_at: constant`COALESCE(t.published_at, now())` },
      });
      await this.content.snapshot(manager, actor, id, null);
      await this.reviewDecided(manager, c, 'APPROVED', null);
      await this.jobs.systemMoves.emit(manager, 'challenge.published', { challengeIds: [id] });
    });
    return this.query.get(actor, id);
  }

  /** The issuer's OWNER or ADMIN withdraws the challenge (撤榜), with a reason shown to participants. */
  async cancel(actor: Actor, id: string, reason: string): Promise<ChallengeNode> {
    await this.dataSource.transaction(async (manager) => {
      const c = await this.query.assertVisible(actor, id, manager, true);
      if (!managesOrganization(actor, c.issuerOrganizationId)) {
        throw new ForbiddenError(
          'ISSUER_MANAGER_ONLY',
          'Only an owner or admin of the issuing enterprise may cancel its challenge',
        );
      }
      await this.transition(manager, actor, id, 'CANCEL', { reason });
    });
    return this.query.get(actor, id);
  }

  /** Tells the issuer's members the review's decision, in the decision's transaction. */
  private async reviewDecided(
    manager: EntityManager,
    c: VisibleChallenge,
    decision: 'APPROVED' | 'CHANGES_REQUESTED' | 'REJECTED',
    reason: string | null,
  ): Promise<void> {
    await this.notifications.notify(manager, {
      kind: NotificationKind.CHALLENGE_REVIEW_DECIDED,
      to: { organizationIds: [c.issuerOrganizationId] },
      about: { CHALLENGE: c.id },
      params: { decision, reason },
    });
  }

  private requireIssuerMember(actor: Actor, c: VisibleChallenge): void {
    if (!belongsTo(actor, c.issuerOrganizationId)) {
      throw new ForbiddenError('ISSUER_ONLY', 'Only members of the issuing enterprise may do this');
    }
  }
}
