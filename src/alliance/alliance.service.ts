import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { ConnectionArgs, ConnectionShape, decodeCursor, encodeCursor, pageSize, toConnection } from '../common/pagination/connection.js';
import { VerificationStatus } from '../organizations/index.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { AllianceMembershipStatus, AllianceTier } from './alliance-membership.entity.js';
import { MembershipAction, membershipTransition, MembershipStatus, statusesAllowing } from './alliance-transitions.js';
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

/**
 * Alliance curation. Every status change goes through `transition()`: a conditional UPDATE on the
 * allowed source states plus its audit event, in the caller's transaction.
 */
@Injectable()
export class AllianceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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
    const from = statusesAllowing(action);
    const to = membershipTransition(action, from[0])!.to;
    const [rows] = (await manager.query(
      `UPDATE alliance_memberships m
          SET status = $3, status_reason = $4, status_changed_at = now(), updated_at = now(),
              tier = COALESCE($5::alliance_tier, m.tier),
              admitted_at = CASE WHEN $6::boolean THEN now() ELSE m.admitted_at END
         FROM (SELECT id, status AS old, tier AS old_tier FROM alliance_memberships WHERE id = $1 FOR UPDATE) prev
        WHERE m.id = prev.id AND prev.old = ANY($2::alliance_membership_status[])
          AND ($7::uuid IS NULL OR m.organization_id = $7::uuid)
        RETURNING m.organization_id, prev.old, prev.old_tier`,
      [membershipId, from, to, options.reason, options.tier ?? null, action === 'ADMIT', options.organizationId ?? null],
    )) as [{ organization_id: string; old: MembershipStatus; old_tier: AllianceTier | null }[], number];
    const updated = rows[0];
    if (!updated) {
      const [current] = (await manager.query(
        `SELECT status FROM alliance_memberships WHERE id = $1 AND ($2::uuid IS NULL OR organization_id = $2::uuid)`,
        [membershipId, options.organizationId ?? null],
      )) as { status: MembershipStatus }[];
      if (!current) throw new NotFoundError('Alliance membership');
      throw new ConflictError('INVALID_TRANSITION', `A membership that is ${current.status} cannot be changed by ${action}`, {
        from: current.status,
        action,
      });
    }
    if (action === 'CHANGE_TIER' && updated.old_tier === options.tier) {
      throw new ConflictError('TIER_UNCHANGED', `The member is already in the ${options.tier} tier`);
    }
    const transition = membershipTransition(action, updated.old)!;
    await this.audit.record(manager, {
      actor,
      action: transition.auditAction,
      entityType: 'AllianceMembership',
      entityId: membershipId,
      organizationId: updated.organization_id,
      from: updated.old,
      to,
      reason: options.reason,
      data: options.tier ? { tier: options.tier, previousTier: updated.old_tier } : {},
    });
  }

  /** Admin decisions: admit (with a tier), reject, suspend, reinstate, expel, change tier. */
  async decide(actor: Actor, membershipId: string, action: Exclude<MembershipAction, 'LEAVE'>, reason: string, tier?: AllianceTier): Promise<AllianceMembershipPayload> {
    return this.dataSource.transaction(async (manager) => {
      await this.transition(manager, actor, membershipId, action, { reason, tier });
      return { membership: await this.byId(manager, membershipId) };
    });
  }

  /** The member enterprise leaves (its OWNER or ADMIN). */
  async leave(actor: Actor, reason: string): Promise<AllianceMembershipPayload> {
    const org = this.managedEnterprise(actor);
    return this.dataSource.transaction(async (manager) => {
      const liveId = await liveMembershipId(manager, org.id);
      if (!liveId) throw new ConflictError('NOT_AN_ALLIANCE_MEMBER', 'Your enterprise is not a member of the alliance');
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
          throw new ConflictError('ORGANIZATION_NOT_VERIFIED', 'Only a verified enterprise can apply to the alliance');
        }
        if (state.expelled) throw new ConflictError('ALLIANCE_EXPELLED', 'An expelled enterprise cannot apply again');
        if (state.live) throw new ConflictError('ALLIANCE_MEMBERSHIP_EXISTS', 'Your enterprise has already applied or is a member');
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
        throw new ConflictError('ALLIANCE_MEMBERSHIP_EXISTS', 'Your enterprise has already applied or is a member');
      }
      throw error;
    }
  }

  /** The public member list: ACTIVE members by tier (FOUNDING first), then seniority. */
  async members(args: ConnectionArgs): Promise<ConnectionShape<AllianceMemberType>> {
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after, [Object.values(AllianceTier), 'timestamp', 'uuid']) : null;
    const rows = await activeMembersPage(this.dataSource, first + 1, after);
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.tier, r.admittedAt.toISOString(), r.id]),
      (r) => r.member,
    );
  }

  /** The admins' queue: newest applications first, filtered by status (APPLIED by default), tier and name. */
  async applications(_actor: Actor, args: AllianceApplicationsArgs): Promise<ConnectionShape<AllianceMembershipType>> {
    const first = pageSize(args);
    const statuses = args.filter?.statuses?.length ? args.filter.statuses : [AllianceMembershipStatus.APPLIED];
    const rows = await applicationsPage(this.dataSource, first + 1, {
      statuses,
      tier: args.filter?.tier,
      search: args.filter?.search,
      after: args.after ? decodeCursor(args.after, ['timestamp', 'uuid']) : null,
    });
    return toConnection(rows, first, (r) => encodeCursor([r.appliedAt.toISOString(), r.id]), (r) => r);
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
    if (org.kind !== 'ENTERPRISE') throw new ForbiddenError('ENTERPRISES_ONLY', 'Only enterprises belong to the alliance');
    if (org.role === 'MEMBER') throw new ForbiddenError('ORGANIZATION_ADMIN_REQUIRED', 'Only an OWNER or ADMIN of the enterprise may do this');
    return org;
  }

  private async byId(manager: EntityManager, id: string): Promise<AllianceMembershipType> {
    const membership = await findMembership(manager, id);
    if (!membership) throw new NotFoundError('Alliance membership');
    return membership;
  }
}
