import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import {
  AcceptOrganizationInvitationInput,
  ChangeOrganizationMemberRoleInput,
  InviteOrganizationMemberInput,
  RejectOrganizationVerificationInput,
  OrganizationVerificationQueueArgs,
  RemoveOrganizationMemberInput,
  VerifyOrganizationInput,
} from './dto/organization.inputs.js';
import { ConnectionShape, decodeCursor, encodeCursor, pageSize, toConnection } from '../common/pagination/connection.js';
import {
  InviteOrganizationMemberPayload,
  OrganizationMembershipPayload,
  OrganizationVerificationItem,
  OrganizationVerificationPayload,
  RemoveOrganizationMemberPayload,
} from './dto/organization.types.js';
import { OrganizationRole } from './organization-member.entity.js';
import { OrganizationKind, VerificationStatus } from './organization.entity.js';
import { sha256 } from '../common/crypto.js';
import { uniqueViolation } from '../database/pg-errors.js';

export const INVITATION_TTL_DAYS = 14;


/** Unique among VERIFIED organisations only (migration CreditCodeVerifiedUnique1795900050000). */
export const CREDIT_CODE_CONSTRAINT = 'UQ_organizations_credit_code_verified';
export const MEMBER_CONSTRAINT = 'PK_89bde91f78d36ca41e9515d91c6';

export const alreadyInOrganization = () =>
  new ConflictError('ALREADY_IN_ORGANIZATION', 'A user belongs to at most one organisation');
export const creditCodeTaken = (holderOrganizationId?: string) =>
  new ConflictError(
    'CREDIT_CODE_TAKEN',
    'A verified organisation with this credit code is already registered',
    holderOrganizationId ? { holderOrganizationId } : {},
  );

/**
 * Refuses a credit code that a VERIFIED organisation holds (other than `except`). A code held only by
 * unverified or rejected organisations is free: they may be squatters, and the verification queue shows
 * the clash to the admins. The partial unique index UQ_organizations_credit_code_verified backs this up.
 */
export async function assertCreditCodeFree(manager: EntityManager, creditCode: string, except?: string): Promise<void> {
  const [holder] = (await manager.query(
    `SELECT id FROM organizations WHERE credit_code = $1 AND verification_status = 'VERIFIED' AND id IS DISTINCT FROM $2::uuid LIMIT 1`,
    [creditCode, except ?? null],
  )) as { id: string }[];
  if (holder) throw creditCodeTaken(holder.id);
}

/**
 * Membership of organisations (invitations, roles, removal) and their verification by platform
 * admins. Profiles themselves are edited in EnterprisesService / SmesService.
 */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Locks the organisation row and checks that the actor is its OWNER or ADMIN. An outsider gets
   * NOT_FOUND for an organisation it cannot see (unverified) and FORBIDDEN for a public one.
   */
  async lockManaged(
    manager: EntityManager,
    actor: Actor,
    organizationId: string,
    kind: OrganizationKind,
  ): Promise<{ verificationStatus: VerificationStatus; nameZh: string }> {
    const [row] = (await manager.query(
      `SELECT kind, verification_status, name_zh FROM organizations WHERE id = $1 FOR UPDATE`,
      [organizationId],
    )) as { kind: OrganizationKind; verification_status: VerificationStatus; name_zh: string }[];
    const entity = kind === OrganizationKind.ENTERPRISE ? 'Enterprise' : 'SME';
    if (!row || row.kind !== kind) throw new NotFoundError(entity);
    if (actor.organization?.id === organizationId) {
      if (actor.organization.role === 'MEMBER') {
        throw new ForbiddenError('ORGANIZATION_ADMIN_REQUIRED', 'Only an OWNER or ADMIN of the organisation may do this');
      }
      return { verificationStatus: row.verification_status, nameZh: row.name_zh };
    }
    if (row.verification_status !== VerificationStatus.VERIFIED && !actor.platformRoles.includes('ADMIN')) throw new NotFoundError(entity);
    throw new ForbiddenError('NOT_ORGANIZATION_MEMBER', 'Only the organisation’s OWNER or ADMIN may do this');
  }

  /** The actor's own organisation, where it is an OWNER or ADMIN. */
  private managedOrganization(actor: Actor): { id: string; kind: 'ENTERPRISE' | 'SME'; role: 'OWNER' | 'ADMIN' | 'MEMBER' } {
    if (!actor.organization) throw new ConflictError('NO_ORGANIZATION', 'You do not belong to an organisation');
    if (actor.organization.role === 'MEMBER') {
      throw new ForbiddenError('ORGANIZATION_ADMIN_REQUIRED', 'Only an OWNER or ADMIN of the organisation may do this');
    }
    return actor.organization;
  }

  async invite(actor: Actor, input: InviteOrganizationMemberInput): Promise<InviteOrganizationMemberPayload> {
    const org = this.managedOrganization(actor);
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const [member] = (await manager.query(
        `SELECT m.organization_id FROM organization_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
        [input.email],
      )) as { organization_id: string }[];
      if (member?.organization_id === org.id) throw new ConflictError('ALREADY_MEMBER', 'This user is already a member');
      const [row] = (await manager.query(
        `INSERT INTO organization_invitations (organization_id, email, role, token_hash, invited_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id, expires_at`,
        [org.id, input.email, input.role, sha256(token), actor.userId, INVITATION_TTL_DAYS],
      )) as { id: string; expires_at: Date }[];
      await this.audit.record(manager, {
        actor,
        action: 'ORGANIZATION_MEMBER_INVITED',
        entityType: 'OrganizationInvitation',
        entityId: row.id,
        organizationId: org.id,
        data: { email: input.email, role: input.role },
      });
      return { invitation: { id: row.id, email: input.email, role: input.role, expiresAt: row.expires_at }, token };
    });
  }

  async accept(actor: Actor, input: AcceptOrganizationInvitationInput): Promise<OrganizationMembershipPayload> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [inv] = (await manager.query(
          `SELECT i.id, i.organization_id, i.role, i.accepted_at, i.expires_at <= now() AS expired, o.kind,
                  lower(u.email) = i.email AS email_matches
             FROM organization_invitations i
             JOIN organizations o ON o.id = i.organization_id
             JOIN users u ON u.id = $2
            WHERE i.token_hash = $1
            FOR UPDATE OF i`,
          [sha256(input.token), actor.userId],
        )) as { id: string; organization_id: string; role: OrganizationRole; accepted_at: Date | null; expired: boolean; kind: OrganizationKind; email_matches: boolean }[];
        // A token for someone else is answered like an unknown one.
        if (!inv || !inv.email_matches) throw new NotFoundError('Invitation');
        if (inv.accepted_at) throw new ConflictError('INVITATION_USED', 'This invitation has already been accepted');
        if (inv.expired) throw new ConflictError('INVITATION_EXPIRED', 'This invitation has expired');
        if (actor.organization) throw alreadyInOrganization();
        const [member] = (await manager.query(
          `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, $3) RETURNING joined_at`,
          [actor.userId, inv.organization_id, inv.role],
        )) as { joined_at: Date }[];
        await manager.query(`UPDATE organization_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [inv.id, actor.userId]);
        await this.audit.record(manager, {
          actor,
          action: 'ORGANIZATION_MEMBER_JOINED',
          entityType: 'OrganizationMember',
          entityId: actor.userId,
          organizationId: inv.organization_id,
          to: inv.role,
          data: { invitationId: inv.id },
        });
        const [user] = (await manager.query(`SELECT display_name, email FROM users WHERE id = $1`, [actor.userId])) as {
          display_name: string;
          email: string;
        }[];
        return {
          organizationId: inv.organization_id,
          organizationKind: inv.kind,
          member: { userId: actor.userId, displayName: user.display_name, email: user.email, role: inv.role, joinedAt: member.joined_at },
        };
      });
    } catch (error) {
      if (uniqueViolation(error) === MEMBER_CONSTRAINT) throw alreadyInOrganization();
      throw error;
    }
  }

  async changeRole(actor: Actor, input: ChangeOrganizationMemberRoleInput): Promise<OrganizationMembershipPayload> {
    const org = this.managedOrganization(actor);
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, org.id, input.userId);
      // Ownership is given and taken only by an owner.
      if ((target.role === OrganizationRole.OWNER || input.role === OrganizationRole.OWNER) && org.role !== 'OWNER') {
        throw new ForbiddenError('OWNER_REQUIRED', 'Only an OWNER may grant or change ownership');
      }
      if (target.role === input.role) throw new ConflictError('ROLE_UNCHANGED', `The member is already ${input.role}`);
      if (target.role === OrganizationRole.OWNER) await this.assertAnotherOwner(manager, org.id, input.userId);
      await manager.query(`UPDATE organization_members SET role = $3 WHERE organization_id = $1 AND user_id = $2`, [org.id, input.userId, input.role]);
      await this.audit.record(manager, {
        actor,
        action: 'ORGANIZATION_MEMBER_ROLE_CHANGED',
        entityType: 'OrganizationMember',
        entityId: input.userId,
        organizationId: org.id,
        from: target.role,
        to: input.role,
      });
      return {
        organizationId: org.id,
        organizationKind: org.kind as OrganizationKind,
        member: { userId: input.userId, displayName: target.display_name, email: target.email, role: input.role, joinedAt: target.joined_at },
      };
    });
  }

  async remove(actor: Actor, input: RemoveOrganizationMemberInput): Promise<RemoveOrganizationMemberPayload> {
    const self = input.userId === actor.userId;
    // Anyone may leave; removing someone else takes an OWNER or ADMIN.
    const org = self ? actor.organization : this.managedOrganization(actor);
    if (!org) throw new ConflictError('NO_ORGANIZATION', 'You do not belong to an organisation');
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, org.id, input.userId);
      if (target.role === OrganizationRole.OWNER) {
        if (!self && org.role !== 'OWNER') throw new ForbiddenError('OWNER_REQUIRED', 'Only an OWNER may remove an OWNER');
        await this.assertAnotherOwner(manager, org.id, input.userId);
      }
      await manager.query(`DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2`, [org.id, input.userId]);
      await this.audit.record(manager, {
        actor,
        action: self ? 'ORGANIZATION_MEMBER_LEFT' : 'ORGANIZATION_MEMBER_REMOVED',
        entityType: 'OrganizationMember',
        entityId: input.userId,
        organizationId: org.id,
        from: target.role,
      });
      return { organizationId: org.id, userId: input.userId };
    });
  }

  async verify(actor: Actor, input: VerifyOrganizationInput): Promise<OrganizationVerificationPayload> {
    return this.decide(actor, input.organizationId, VerificationStatus.VERIFIED, input.reason ?? null);
  }

  async reject(actor: Actor, input: RejectOrganizationVerificationInput): Promise<OrganizationVerificationPayload> {
    return this.decide(actor, input.organizationId, VerificationStatus.REJECTED, input.reason);
  }

  /** UNVERIFIED or REJECTED → VERIFIED; UNVERIFIED or VERIFIED → REJECTED. Atomic, audited. */
  private async decide(actor: Actor, organizationId: string, to: VerificationStatus, reason: string | null): Promise<OrganizationVerificationPayload> {
    const from = Object.values(VerificationStatus).filter((s) => s !== to);
    try {
      return await this.dataSource.transaction((manager) => this.decideIn(manager, actor, organizationId, to, reason, from));
    } catch (error) {
      // Two admins verifying two holders of one code at once: the partial unique index lets one win.
      if (uniqueViolation(error) === CREDIT_CODE_CONSTRAINT) throw creditCodeTaken();
      throw error;
    }
  }

  private async decideIn(
    manager: EntityManager,
    actor: Actor,
    organizationId: string,
    to: VerificationStatus,
    reason: string | null,
    from: VerificationStatus[],
  ): Promise<OrganizationVerificationPayload> {
    if (to === VerificationStatus.VERIFIED) {
      const [target] = (await manager.query(`SELECT credit_code FROM organizations WHERE id = $1 FOR UPDATE`, [organizationId])) as { credit_code: string }[];
      if (target) await assertCreditCodeFree(manager, target.credit_code, organizationId);
    }
    const [row] = (await manager.query(
      `UPDATE organizations o
          SET verification_status = $2::organization_verification_status, verification_reason = $3, updated_at = now(),
              verified_at = CASE WHEN $2::organization_verification_status = 'VERIFIED' THEN now() ELSE NULL END
         FROM (SELECT id, verification_status AS old FROM organizations WHERE id = $1 FOR UPDATE) prev
        WHERE o.id = prev.id AND prev.old = ANY($4::organization_verification_status[])
        RETURNING o.id, o.kind, o.name_zh, o.verification_status, o.verification_reason, o.verified_at, prev.old`,
      [organizationId, to, reason, from],
    )) as [{ id: string; kind: OrganizationKind; name_zh: string; verification_status: VerificationStatus; verification_reason: string | null; verified_at: Date | null; old: VerificationStatus }[], number];
    const updated = row[0];
    if (!updated) {
      const [current] = (await manager.query(`SELECT verification_status FROM organizations WHERE id = $1`, [organizationId])) as {
        verification_status: VerificationStatus;
      }[];
      if (!current) throw new NotFoundError('Organization');
      throw new ConflictError('INVALID_TRANSITION', `A ${current.verification_status} organisation cannot become ${to}`, {
        from: current.verification_status,
        to,
      });
    }
    await this.audit.record(manager, {
      actor,
      action: to === VerificationStatus.VERIFIED ? 'ORGANIZATION_VERIFIED' : 'ORGANIZATION_VERIFICATION_REJECTED',
      entityType: 'Organization',
      entityId: organizationId,
      organizationId,
      from: updated.old,
      to,
      reason,
    });
    if (to === VerificationStatus.VERIFIED && updated.old !== VerificationStatus.VERIFIED) await this.flagCreditCodeClashes(manager, actor, updated.id);
    return {
      organizationId: updated.id,
      kind: updated.kind,
      nameZh: updated.name_zh,
      verificationStatus: updated.verification_status,
      verificationReason: updated.verification_reason,
      verifiedAt: updated.verified_at,
    };
  }

  /**
   * After `verifiedId` was verified, flags every other organisation claiming its credit code: one audit
   * event each (CREDIT_CODE_CLAIMED_BY_VERIFIED, on that organisation's trail). They stay in the queue,
   * marked creditCodeHeldByVerified, and can no longer be verified.
   */
  private async flagCreditCodeClashes(manager: EntityManager, actor: Actor, verifiedId: string): Promise<void> {
    const others = (await manager.query(
      `SELECT o.id, o.verification_status FROM organizations o JOIN organizations v ON v.credit_code = o.credit_code
        WHERE v.id = $1 AND o.id <> v.id ORDER BY o.created_at, o.id`,
      [verifiedId],
    )) as { id: string; verification_status: VerificationStatus }[];
    for (const other of others) {
      await this.audit.record(manager, {
        actor,
        action: 'CREDIT_CODE_CLAIMED_BY_VERIFIED',
        entityType: 'Organization',
        entityId: other.id,
        organizationId: other.id,
        data: { verifiedOrganizationId: verifiedId, verificationStatus: other.verification_status },
      });
    }
  }

  /**
   * The admins' verification queue: UNVERIFIED organisations, oldest first, each with the other
   * organisations holding its credit code. One SQL statement per page.
   */
  async verificationQueue(args: OrganizationVerificationQueueArgs): Promise<ConnectionShape<OrganizationVerificationItem>> {
    const first = pageSize(args);
    const params: unknown[] = [];
    const where = [`o.verification_status = 'UNVERIFIED'`];
    if (args.kind) {
      params.push(args.kind);
      where.push(`o.kind = $${params.length}::organization_kind`);
    }
    if (args.after) {
      const [at, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      params.push(at, id);
      where.push(`(o.created_at, o.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = (await this.dataSource.query(
      `SELECT o.id, o.kind, o.name_zh, o.name_en, o.credit_code, o.region_code, o.verification_status, o.created_at,
              (SELECT coalesce(json_agg(json_build_object('organizationId', x.id, 'kind', x.kind, 'nameZh', x.name_zh,
                                                          'verificationStatus', x.verification_status, 'createdAt', x.created_at)
                                        ORDER BY x.created_at, x.id), '[]'::json)
                 FROM organizations x WHERE x.credit_code = o.credit_code AND x.id <> o.id) AS clashes
         FROM organizations o
        WHERE ${where.join(' AND ')}
        ORDER BY o.created_at, o.id
        LIMIT ${first + 1}`,
      params,
    )) as {
      id: string;
      kind: OrganizationKind;
      name_zh: string;
      name_en: string | null;
      credit_code: string;
      region_code: string;
      verification_status: VerificationStatus;
      created_at: Date;
      clashes: { organizationId: string; kind: OrganizationKind; nameZh: string; verificationStatus: VerificationStatus; createdAt: string }[];
    }[];
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.created_at.toISOString(), r.id]),
      (r) => {
        const clashes = r.clashes.map((c) => ({ ...c, createdAt: new Date(c.createdAt) }));
        return {
          organizationId: r.id,
          kind: r.kind,
          nameZh: r.name_zh,
          nameEn: r.name_en,
          creditCode: r.credit_code,
          regionCode: r.region_code,
          verificationStatus: r.verification_status,
          createdAt: r.created_at,
          creditCodeClashes: clashes,
          creditCodeHeldByVerified: clashes.some((c) => c.verificationStatus === VerificationStatus.VERIFIED),
        };
      },
    );
  }

  private async lockMember(manager: EntityManager, organizationId: string, userId: string) {
    const [target] = (await manager.query(
      `SELECT m.role, m.joined_at, u.display_name, u.email
         FROM organization_members m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.user_id = $2
        FOR UPDATE OF m`,
      [organizationId, userId],
    )) as { role: OrganizationRole; joined_at: Date; display_name: string; email: string }[];
    if (!target) throw new NotFoundError('Organization member');
    return target;
  }

  private async assertAnotherOwner(manager: EntityManager, organizationId: string, userId: string): Promise<void> {
    // Lock every owner row so two owners cannot demote each other at once.
    const owners = (await manager.query(
      `SELECT user_id FROM organization_members WHERE organization_id = $1 AND role = 'OWNER' FOR UPDATE`,
      [organizationId],
    )) as { user_id: string }[];
    if (!owners.some((o) => o.user_id !== userId)) {
      throw new ConflictError('LAST_OWNER', 'An organisation keeps at least one OWNER; make someone else OWNER first');
    }
  }
}
