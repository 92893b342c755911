import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { ConnectionArgs, ConnectionShape, decodeCursor, encodeCursor, pageSize, toConnection } from '../common/pagination/connection.js';
import { VerificationStatus } from '../organizations/organization.entity.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { AllianceMembershipStatus, AllianceTier } from './alliance-membership.entity.js';
import { MembershipAction, membershipTransition, MembershipStatus, statusesAllowing } from './alliance-transitions.js';
import { AllianceApplicationsArgs, ApplyToAllianceInput } from './dto/alliance.inputs.js';
import {
  AllianceMemberType,
  AllianceMembershipEventType,
  AllianceMembershipPayload,
  AllianceMembershipType,
  MyAllianceMembershipType,
} from './dto/alliance.types.js';

interface MembershipRow {
  id: string;
  organization_id: string;
  status: AllianceMembershipStatus;
  tier: AllianceTier | null;
  statement: string;
  applied_at: Date;
  admitted_at: Date | null;
  status_reason: string | null;
  status_changed_at: Date;
  name_zh: string;
  name_en: string | null;
  credit_code: string;
  verification_status: VerificationStatus;
}

const MEMBERSHIP_SELECT = `
  SELECT m.id, m.organization_id, m.status, m.tier, m.statement, m.applied_at, m.admitted_at, m.status_reason,
         m.status_changed_at, o.name_zh, o.name_en, o.credit_code, o.verification_status
    FROM alliance_memberships m JOIN organizations o ON o.id = m.organization_id`;

/** The only way a membership row becomes API output. */
export function toMembershipType(r: MembershipRow): AllianceMembershipType {
  return {
    id: r.id,
    enterprise: { id: r.organization_id, nameZh: r.name_zh, nameEn: r.name_en, creditCode: r.credit_code, verificationStatus: r.verification_status },
    status: r.status,
    tier: r.tier,
    statement: r.statement,
    appliedAt: r.applied_at,
    admittedAt: r.admitted_at,
    statusReason: r.status_reason,
    statusChangedAt: r.status_changed_at,
  };
}

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
      const [live] = (await manager.query(
        `SELECT id FROM alliance_memberships WHERE organization_id = $1 AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')`,
        [org.id],
      )) as { id: string }[];
      if (!live) throw new ConflictError('NOT_AN_ALLIANCE_MEMBER', 'Your enterprise is not a member of the alliance');
      await this.transition(manager, actor, live.id, 'LEAVE', { reason, organizationId: org.id });
      return { membership: await this.byId(manager, live.id) };
    });
  }

  /** An enterprise applies (its OWNER or ADMIN); it must be verified, not expelled, and not already in. */
  async apply(actor: Actor, input: ApplyToAllianceInput): Promise<AllianceMembershipPayload> {
    const org = this.managedEnterprise(actor);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [state] = (await manager.query(
          `SELECT o.verification_status,
                  EXISTS (SELECT 1 FROM alliance_memberships WHERE organization_id = o.id AND status = 'EXPELLED') AS expelled,
                  EXISTS (SELECT 1 FROM alliance_memberships WHERE organization_id = o.id AND status IN ('APPLIED', 'ACTIVE', 'SUSPENDED')) AS live
             FROM organizations o WHERE o.id = $1 FOR UPDATE OF o`,
          [org.id],
        )) as { verification_status: VerificationStatus; expelled: boolean; live: boolean }[];
        if (state.verification_status !== VerificationStatus.VERIFIED) {
          throw new ConflictError('ORGANIZATION_NOT_VERIFIED', 'Only a verified enterprise can apply to the alliance');
        }
        if (state.expelled) throw new ConflictError('ALLIANCE_EXPELLED', 'An expelled enterprise cannot apply again');
        if (state.live) throw new ConflictError('ALLIANCE_MEMBERSHIP_EXISTS', 'Your enterprise has already applied or is a member');
        const [row] = (await manager.query(
          `INSERT INTO alliance_memberships (organization_id, statement) VALUES ($1, $2) RETURNING id`,
          [org.id, input.statement],
        )) as { id: string }[];
        await this.audit.record(manager, {
          actor,
          action: 'ALLIANCE_APPLIED',
          entityType: 'AllianceMembership',
          entityId: row.id,
          organizationId: org.id,
          to: 'APPLIED',
        });
        return { membership: await this.byId(manager, row.id) };
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
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [tier, since, id] = decodeCursor(args.after, [Object.values(AllianceTier), 'timestamp', 'uuid']);
      params.push(tier, since, id);
      after = `AND (m.tier, m.admitted_at, m.id) > ($2::alliance_tier, $3::timestamptz, $4::uuid)`;
    }
    const rows = (await this.dataSource.query(
      // Limit first (the page of memberships, in the order of the partial index IDX_alliance_memberships_active),
      // then fetch each one's organisation by primary key: never a join of every organisation before the LIMIT.
      `SELECT m.id, m.tier, m.admitted_at, o.id AS organization_id, o.name_zh, o.name_en, o.region_code, e.is_chain_leader
         FROM (SELECT m.id, m.organization_id, m.tier, m.admitted_at FROM alliance_memberships m
                WHERE m.status = 'ACTIVE' ${after}
                ORDER BY m.tier, m.admitted_at, m.id
                LIMIT $1) m
         JOIN organizations o ON o.id = m.organization_id
         JOIN enterprises e ON e.organization_id = o.id
        ORDER BY m.tier, m.admitted_at, m.id`,
      params,
    )) as { id: string; tier: AllianceTier; admitted_at: Date; organization_id: string; name_zh: string; name_en: string | null; region_code: string; is_chain_leader: boolean }[];
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.tier, r.admitted_at.toISOString(), r.id]),
      (r) => ({
        enterpriseId: r.organization_id,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        tier: r.tier,
        since: r.admitted_at,
        isChainLeader: r.is_chain_leader,
        regionCode: r.region_code,
      }),
    );
  }

  /** The admins' queue: newest applications first, filtered by status (APPLIED by default), tier and name. */
  async applications(_actor: Actor, args: AllianceApplicationsArgs): Promise<ConnectionShape<AllianceMembershipType>> {
    const first = pageSize(args);
    const statuses = args.filter?.statuses?.length ? args.filter.statuses : [AllianceMembershipStatus.APPLIED];
    // One status (the usual queue) as an equality, so that IDX_alliance_memberships_status_applied gives the order.
    const params: unknown[] = [first + 1, statuses.length === 1 ? statuses[0] : statuses];
    const where = [statuses.length === 1 ? 'm.status = $2::alliance_membership_status' : 'm.status = ANY($2::alliance_membership_status[])'];
    if (args.filter?.tier) {
      params.push(args.filter.tier);
      where.push(`m.tier = $${params.length}`);
    }
    if (args.filter?.search) {
      params.push(`%${args.filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(o.name_zh ILIKE $${params.length} OR o.name_en ILIKE $${params.length} OR o.credit_code ILIKE $${params.length})`);
    }
    if (args.after) {
      const [appliedAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      params.push(appliedAt, id);
      where.push(`(m.applied_at, m.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    // Without a name search every condition is on the memberships: take the page first, then join the organisations.
    const sql = args.filter?.search
      ? `${MEMBERSHIP_SELECT} WHERE ${where.join(' AND ')} ORDER BY m.applied_at DESC, m.id DESC LIMIT $1`
      : `SELECT m.id, m.organization_id, m.status, m.tier, m.statement, m.applied_at, m.admitted_at, m.status_reason,
                m.status_changed_at, o.name_zh, o.name_en, o.credit_code, o.verification_status
           FROM (SELECT * FROM alliance_memberships m WHERE ${where.join(' AND ')} ORDER BY m.applied_at DESC, m.id DESC LIMIT $1) m
           JOIN organizations o ON o.id = m.organization_id
          ORDER BY m.applied_at DESC, m.id DESC`;
    const rows = (await this.dataSource.query(sql, params)) as MembershipRow[];
    return toConnection(rows, first, (r) => encodeCursor([r.applied_at.toISOString(), r.id]), toMembershipType);
  }

  /** The actor's enterprise's applications and memberships with their history; null outside an enterprise. */
  async mine(actor: Actor): Promise<MyAllianceMembershipType | null> {
    if (actor.organization?.kind !== 'ENTERPRISE') return null;
    const orgId = actor.organization.id;
    const memberships = ((await this.dataSource.query(
      `${MEMBERSHIP_SELECT} WHERE m.organization_id = $1 ORDER BY m.applied_at DESC, m.id DESC`,
      [orgId],
    )) as MembershipRow[]).map(toMembershipType);
    const events = (await this.dataSource.query(
      `SELECT entity_id, action, from_state, to_state, reason, data->>'tier' AS tier, occurred_at
         FROM audit_events WHERE organization_id = $1 AND entity_type = 'AllianceMembership' ORDER BY seq`,
      [orgId],
    )) as { entity_id: string; action: string; from_state: string | null; to_state: string | null; reason: string | null; tier: string | null; occurred_at: Date }[];
    const history: AllianceMembershipEventType[] = events.map((e) => ({
      membershipId: e.entity_id,
      action: e.action,
      fromStatus: e.from_state,
      toStatus: e.to_state,
      reason: e.reason,
      tier: e.tier,
      occurredAt: e.occurred_at,
    }));
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
    const [row] = (await manager.query(`${MEMBERSHIP_SELECT} WHERE m.id = $1`, [id])) as MembershipRow[];
    if (!row) throw new NotFoundError('Alliance membership');
    return toMembershipType(row);
  }
}
