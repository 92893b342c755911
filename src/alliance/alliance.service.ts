import { NotificationKind, NotificationsService } from '../notifications/index.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import {
  ConnectionArgs,
  ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  timeIdPage,
} from '../common/pagination/connection.js';
import { VerificationStatus } from '../organizations/index.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { AllianceMembershipStatus, AllianceTier } from './alliance-membership.entity.js';
import {
  MEMBERSHIP_LIFECYCLE,
  MembershipAction,
  MembershipActorKind,
  membershipActorKinds,
  MembershipStatus,
} from './alliance-transitions.js';
import {
  constant,
  LifecycleBinding,
  moveOne,
  SetValue,
  StatusStore,
} from '../common/lifecycle/status-writer.js';
import {
  activeMembersPage,
  applicationsPage,
  findMembership,
  insertApplication,
  liveMembershipId,
  lockApplicantState,
  membershipHistory,
  membershipsOf,
} from './alliance.queries.js';
import { AllianceApplicationsArgs, ApplyToAllianceInput } from './dto/alliance.inputs.js';
import {
  AllianceMemberType,
  AllianceMembershipPayload,
  AllianceMembershipType,
  MyAllianceMembershipType,
} from './dto/alliance.types.js';

const LIVE_CONSTRAINT = 'UQ_alliance_memberships_live';

/** Where memberships keep their status, for the lifecycle mechanism (common/lifecycle). */
export const MEMBERSHIP_STATUS_STORE: StatusStore = {
  table: 'alliance_memberships',
  statusType: 'alliance_membership_status',
  stamps: { status_changed_at: constant`now()`, updated_at: constant`now()` },
  reasonColumn: 'status_reason',
  organizationColumn: 'organization_id',
};

/**
 * Alliance curation. Every status change goes through `transition()`, i.e. the shared lifecycle mechanism
 * (common/lifecycle) with MEMBERSHIP_LIFECYCLE: a conditional UPDATE on the allowed source states plus its
 * audit event, in the caller's transaction.
 */
@Injectable()
export class AllianceService {
  private readonly moves: LifecycleBinding<MembershipStatus, MembershipAction, MembershipActorKind>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {
    this.moves = { lifecycle: MEMBERSHIP_LIFECYCLE, store: MEMBERSHIP_STATUS_STORE, audit };
  }

  /**
   * Applies `action` to a membership: refuses with CONFLICT INVALID_TRANSITION (and no audit event)
   * when the membership is not in a state the action starts from. `organizationId` restricts the
   * membership to one enterprise (the member's own actions).
   */
  async transition(
    manager: EntityManager,
    actor: Actor,
    membershipId: string,
    action: MembershipAction,
    options: { reason: string; tier?: AllianceTier; organizationId?: string },
  ): Promise<void> {
    const set: Record<string, SetValue> = {};
    if (options.tier) set.tier = { param: options.tier, cast: 'alliance_tier' };
    if (action === 'ADMIT') set.admitted_at = constant`now()`;
    await moveOne(
      manager,
      this.moves,
      {
        action,
        actor,
        actorKinds: membershipActorKinds(actor, options.organizationId ?? null),
        reason: options.reason,
        scope: { id: membershipId },
        match: options.organizationId ? { organization_id: options.organizationId } : undefined,
        notFound: 'Alliance membership',
        set,
        previous: ['tier'],
        data: (moved) =>
          options.tier ? { tier: options.tier, previousTier: moved.row.previous_tier ?? null } : {},
      },
      (moved) => {
        if (action === 'CHANGE_TIER' && moved.row.previous_tier === options.tier) {
          throw new ConflictError(
            'TIER_UNCHANGED',
            `The member is already in the ${options.tier} tier`,
          );
        }
      },
    );
  }

  /** Admin decisions: admit (with a tier), reject, suspend, reinstate, expel, change tier. */
  async decide(
    actor: Actor,
    membershipId: string,
    action: Exclude<MembershipAction, 'LEAVE'>,
    reason: string,
    tier?: AllianceTier,
  ): Promise<AllianceMembershipPayload> {
    return this.dataSource.transaction(async (manager) => {
      await this.transition(manager, actor, membershipId, action, { reason, tier });
      const membership = await this.byId(manager, membershipId);
      // The enterprise's members hear how its application was decided.
      if (action === 'ADMIT' || action === 'REJECT')
        await this.notifications.notify(manager, {
          kind: NotificationKind.ALLIANCE_APPLICATION_DECIDED,
          to: { organizationIds: [membership.enterprise.id] },
          about: { ORGANIZATION: membership.enterprise.id },
          params: { decision: action === 'ADMIT' ? 'ADMITTED' : 'REJECTED', reason },
        });
      return { membership };
    });
  }

  /** The member enterprise leaves (its OWNER or ADMIN). */
  async leave(actor: Actor, reason: string): Promise<AllianceMembershipPayload> {
    const org = this.managedEnterprise(actor);
    return this.dataSource.transaction(async (manager) => {
      const liveId = await liveMembershipId(manager, org.id);
      if (!liveId)
        throw new ConflictError(
          'NOT_AN_ALLIANCE_MEMBER',
          'Your enterprise is not a member of the alliance',
        );
      await this.transition(manager, actor, liveId, 'LEAVE', { reason, organizationId: org.id });
      return { membership: await this.byId(manager, liveId) };
    });
  }

  /** An enterprise applies (its OWNER or ADMIN); it must be verified, not expelled, and not already in. */
  async apply(actor: Actor, input: ApplyToAllianceInput): Promise<AllianceMembershipPayload> {
    const org = this.managedEnterprise(actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const state = await lockApplicantState(manager, org.id);
        if (!state) throw new NotFoundError('Organization');
        if (state.verificationStatus !== VerificationStatus.VERIFIED) {
          throw new ConflictError(
            'ORGANIZATION_NOT_VERIFIED',
            'Only a verified enterprise can apply to the alliance',
          );
        }
        if (state.expelled)
          throw new ConflictError('ALLIANCE_EXPELLED', 'An expelled enterprise cannot apply again');
        if (state.live)
          throw new ConflictError(
            'ALLIANCE_MEMBERSHIP_EXISTS',
            'Your enterprise has already applied or is a member',
          );
        const membershipId = await insertApplication(manager, org.id, input.statement);
        await this.audit.record(manager, {
          actor,
          action: 'ALLIANCE_APPLIED',
          entityType: 'AllianceMembership',
          entityId: membershipId,
          organizationId: org.id,
          to: 'APPLIED',
        });
        return { membership: await this.byId(manager, membershipId) };
      });
    } catch (error) {
      if (uniqueViolation(error) === LIVE_CONSTRAINT) {
        throw new ConflictError(
          'ALLIANCE_MEMBERSHIP_EXISTS',
          'Your enterprise has already applied or is a member',
        );
      }
      throw error;
    }
  }

  /** The public member list: ACTIVE members by tier (FOUNDING first), then seniority. */
  async members(args: ConnectionArgs): Promise<ConnectionShape<AllianceMemberType>> {
    const first = pageSize(args);
    const after = args.after
      ? decodeCursor(args.after, [Object.values(AllianceTier), 'timestamp', 'uuid'])
      : null;
    const rows = await activeMembersPage(this.dataSource, first + 1, after);
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.tier, r.admittedAt.toISOString(), r.id]),
      (r) => r.member,
      args.after,
    );
  }

  /** The admins' queue: newest applications first, filtered by status (APPLIED by default), tier and name. */
  async applications(
    _actor: Actor,
    args: AllianceApplicationsArgs,
  ): Promise<ConnectionShape<AllianceMembershipType>> {
    const statuses = args.filter?.statuses?.length
      ? args.filter.statuses
      : [AllianceMembershipStatus.APPLIED];
    return timeIdPage(
      args,
      (limit, after) =>
        applicationsPage(this.dataSource, limit, {
          statuses,
          tier: args.filter?.tier,
          search: args.filter?.search,
          after,
        }),
      (r) => [r.appliedAt, r.id],
    );
  }

  /** The actor's enterprise's applications and memberships with their history; null outside an enterprise. */
  async mine(actor: Actor): Promise<MyAllianceMembershipType | null> {
    if (actor.organization?.kind !== 'ENTERPRISE') return null;
    const orgId = actor.organization.id;
    const memberships = await membershipsOf(this.dataSource, orgId);
    const history = await membershipHistory(this.dataSource, orgId);
    return { current: memberships[0] ?? null, memberships, history };
  }

  private managedEnterprise(actor: Actor) {
    const org = actor.organization;
    if (!org) throw new ConflictError('NO_ORGANIZATION', 'You do not belong to an organisation');
    if (org.kind !== 'ENTERPRISE')
      throw new ForbiddenError('ENTERPRISES_ONLY', 'Only enterprises belong to the alliance');
    if (org.role === 'MEMBER')
      throw new ForbiddenError(
        'ORGANIZATION_ADMIN_REQUIRED',
        'Only an OWNER or ADMIN of the enterprise may do this',
      );
    return org;
  }

  private async byId(manager: EntityManager, id: string): Promise<AllianceMembershipType> {
    const membership = await findMembership(manager, id);
    if (!membership) throw new NotFoundError('Alliance membership');
    return membership;
  }
}
