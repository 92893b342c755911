import { NotificationKind, NotificationsService } from '../notifications/index.js';
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
import { ConnectionShape, timeIdPage } from '../common/pagination/connection.js';
import {
  InviteOrganizationMemberPayload,
  OrganizationMembershipPayload,
  OrganizationVerificationItem,
  OrganizationVerificationPayload,
  RemoveOrganizationMemberPayload,
} from './dto/organization.types.js';
import { OrganizationRole } from './organization-member.entity.js';
import { OrganizationKind, VerificationStatus } from './organization.entity.js';
import {
  creditCodeClaimants,
  deleteMember,
  insertInvitation,
  insertMember,
  lockCreditCode,
  lockInvitation,
  lockMember,
  lockOrganization,
  lockOwnerIds,
  markInvitationAccepted,
  memberIdentity,
  organizationOfEmail,
  updateMemberRole,
  updateVerification,
  verificationQueuePage,
  verificationStatusOf,
  verifiedCreditCodeHolder,
} from './organizations.queries.js';
import { sha256 } from '../common/crypto.js';
import { InvitationMailService } from './invitation-mail.service.js';
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
export async function assertCreditCodeFree(
  manager: EntityManager,
  creditCode: string,
  except?: string,
): Promise<void> {
  const holder = await verifiedCreditCodeHolder(manager, creditCode, except ?? null);
  if (holder) throw creditCodeTaken(holder);
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
    private readonly invitationMail: InvitationMailService,
    private readonly notifications: NotificationsService,
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
    const row = await lockOrganization(manager, organizationId);
    const entity = kind === OrganizationKind.ENTERPRISE ? 'Enterprise' : 'SME';
    if (!row || row.kind !== kind) throw new NotFoundError(entity);
    if (actor.organization?.id === organizationId) {
      if (actor.organization.role === 'MEMBER') {
        throw new ForbiddenError(
          'ORGANIZATION_ADMIN_REQUIRED',
          'Only an OWNER or ADMIN of the organisation may do this',
        );
      }
      return { verificationStatus: row.verificationStatus, nameZh: row.nameZh };
    }
    if (
      row.verificationStatus !== VerificationStatus.VERIFIED &&
      !actor.platformRoles.includes('ADMIN')
    )
      throw new NotFoundError(entity);
    throw new ForbiddenError(
      'NOT_ORGANIZATION_MEMBER',
      'Only the organisation’s OWNER or ADMIN may do this',
    );
  }

  /** The actor's own organisation, where it is an OWNER or ADMIN. */
  private managedOrganization(actor: Actor): {
    id: string;
    kind: 'ENTERPRISE' | 'SME';
    role: 'OWNER' | 'ADMIN' | 'MEMBER';
  } {
    if (!actor.organization)
      throw new ConflictError('NO_ORGANIZATION', 'You do not belong to an organisation');
    if (actor.organization.role === 'MEMBER') {
      throw new ForbiddenError(
        'ORGANIZATION_ADMIN_REQUIRED',
        'Only an OWNER or ADMIN of the organisation may do this',
      );
    }
    return actor.organization;
  }

  async invite(
    actor: Actor,
    input: InviteOrganizationMemberInput,
  ): Promise<InviteOrganizationMemberPayload> {
    const org = this.managedOrganization(actor);
    const token = randomBytes(32).toString('base64url');
    const payload = await this.dataSource.transaction(async (manager) => {
      if ((await organizationOfEmail(manager, input.email)) === org.id)
        throw new ConflictError('ALREADY_MEMBER', 'This user is already a member');
      const row = await insertInvitation(manager, {
        organizationId: org.id,
        email: input.email,
        role: input.role,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        ttlDays: INVITATION_TTL_DAYS,
      });
      await this.audit.record(manager, {
        actor,
        action: 'ORGANIZATION_MEMBER_INVITED',
        entityType: 'OrganizationInvitation',
        entityId: row.id,
        organizationId: org.id,
        data: { email: input.email, role: input.role },
      });
      return {
        invitation: { id: row.id, email: input.email, role: input.role, expiresAt: row.expiresAt },
        token,
      };
    });
    // After the commit: a mail that cannot be sent is logged; the inviter still has the token.
    await this.invitationMail.send({
      organizationId: org.id,
      inviterId: actor.userId,
      email: input.email,
      role: input.role,
      token,
      expiresAt: payload.invitation.expiresAt,
    });
    return payload;
  }

  async accept(
    actor: Actor,
    input: AcceptOrganizationInvitationInput,
  ): Promise<OrganizationMembershipPayload> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const inv = await lockInvitation(manager, sha256(input.token), actor.userId);
        // A token for someone else is answered like an unknown one.
        if (!inv || !inv.emailMatches) throw new NotFoundError('Invitation');
        if (inv.acceptedAt)
          throw new ConflictError('INVITATION_USED', 'This invitation has already been accepted');
        if (inv.expired)
          throw new ConflictError('INVITATION_EXPIRED', 'This invitation has expired');
        if (actor.organization) throw alreadyInOrganization();
        const joinedAt = await insertMember(manager, actor.userId, inv.organizationId, inv.role);
        await markInvitationAccepted(manager, inv.id, actor.userId);
        await this.audit.record(manager, {
          actor,
          action: 'ORGANIZATION_MEMBER_JOINED',
          entityType: 'OrganizationMember',
          entityId: actor.userId,
          organizationId: inv.organizationId,
          to: inv.role,
          data: { invitationId: inv.id },
        });
        const user = await memberIdentity(manager, actor.userId);
        return {
          organizationId: inv.organizationId,
          organizationKind: inv.kind,
          member: {
            userId: actor.userId,
            displayName: user.displayName,
            email: user.email,
            role: inv.role,
            joinedAt,
          },
        };
      });
    } catch (error) {
      if (uniqueViolation(error) === MEMBER_CONSTRAINT) throw alreadyInOrganization();
      throw error;
    }
  }

  async changeRole(
    actor: Actor,
    input: ChangeOrganizationMemberRoleInput,
  ): Promise<OrganizationMembershipPayload> {
    const org = this.managedOrganization(actor);
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, org.id, input.userId);
      // Ownership is given and taken only by an owner.
      if (
        (target.role === OrganizationRole.OWNER || input.role === OrganizationRole.OWNER) &&
        org.role !== 'OWNER'
      ) {
        throw new ForbiddenError('OWNER_REQUIRED', 'Only an OWNER may grant or change ownership');
      }
      if (target.role === input.role)
        throw new ConflictError('ROLE_UNCHANGED', `The member is already ${input.role}`);
      if (target.role === OrganizationRole.OWNER)
        await this.assertAnotherOwner(manager, org.id, input.userId);
      await updateMemberRole(manager, org.id, input.userId, input.role);
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
        member: {
          userId: input.userId,
          displayName: target.displayName,
          email: target.email,
          role: input.role,
          joinedAt: target.joinedAt,
        },
      };
    });
  }

  async remove(
    actor: Actor,
    input: RemoveOrganizationMemberInput,
  ): Promise<RemoveOrganizationMemberPayload> {
    const self = input.userId === actor.userId;
    // Anyone may leave; removing someone else takes an OWNER or ADMIN.
    const org = self ? actor.organization : this.managedOrganization(actor);
    if (!org) throw new ConflictError('NO_ORGANIZATION', 'You do not belong to an organisation');
    return this.dataSource.transaction(async (manager) => {
      const target = await this.lockMember(manager, org.id, input.userId);
      if (target.role === OrganizationRole.OWNER) {
        if (!self && org.role !== 'OWNER')
          throw new ForbiddenError('OWNER_REQUIRED', 'Only an OWNER may remove an OWNER');
        await this.assertAnotherOwner(manager, org.id, input.userId);
      }
      await deleteMember(manager, org.id, input.userId);
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

  async verify(
    actor: Actor,
    input: VerifyOrganizationInput,
  ): Promise<OrganizationVerificationPayload> {
    return this.decide(
      actor,
      input.organizationId,
      VerificationStatus.VERIFIED,
      input.reason ?? null,
    );
  }

  async reject(
    actor: Actor,
    input: RejectOrganizationVerificationInput,
  ): Promise<OrganizationVerificationPayload> {
    return this.decide(actor, input.organizationId, VerificationStatus.REJECTED, input.reason);
  }

  /** UNVERIFIED or REJECTED → VERIFIED; UNVERIFIED or VERIFIED → REJECTED. Atomic, audited. */
  private async decide(
    actor: Actor,
    organizationId: string,
    to: VerificationStatus,
    reason: string | null,
  ): Promise<OrganizationVerificationPayload> {
    const from = Object.values(VerificationStatus).filter((s) => s !== to);
    try {
      return await this.dataSource.transaction((manager) =>
        this.decideIn(manager, actor, organizationId, to, reason, from),
      );
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
      const creditCode = await lockCreditCode(manager, organizationId);
      if (creditCode !== undefined) await assertCreditCodeFree(manager, creditCode, organizationId);
    }
    const updated = await updateVerification(manager, organizationId, to, reason, from);
    if (!updated) {
      const current = await verificationStatusOf(manager, organizationId);
      if (!current) throw new NotFoundError('Organization');
      throw new ConflictError(
        'INVALID_TRANSITION',
        `A ${current} organisation cannot become ${to}`,
        { from: current, to },
      );
    }
    await this.audit.record(manager, {
      actor,
      action:
        to === VerificationStatus.VERIFIED
          ? 'ORGANIZATION_VERIFIED'
          : 'ORGANIZATION_VERIFICATION_REJECTED',
      entityType: 'Organization',
      entityId: organizationId,
      organizationId,
      from: updated.previous,
      to,
      reason,
    });
    // The organisation's members hear of the decision.
    await this.notifications.notify(manager, {
      kind: NotificationKind.ORGANIZATION_VERIFICATION_DECIDED,
      to: { organizationIds: [organizationId] },
      about: { ORGANIZATION: organizationId },
      params: { decision: to, reason },
    });
    if (to === VerificationStatus.VERIFIED && updated.previous !== VerificationStatus.VERIFIED) {
      await this.flagCreditCodeClashes(manager, actor, updated.decision.organizationId);
    }
    return updated.decision;
  }

  /**
   * After `verifiedId` was verified, flags every other organisation claiming its credit code: one audit
   * event each (CREDIT_CODE_CLAIMED_BY_VERIFIED, on that organisation's trail). They stay in the queue,
   * marked creditCodeHeldByVerified, and can no longer be verified.
   */
  private async flagCreditCodeClashes(
    manager: EntityManager,
    actor: Actor,
    verifiedId: string,
  ): Promise<void> {
    for (const other of await creditCodeClaimants(manager, verifiedId)) {
      await this.audit.record(manager, {
        actor,
        action: 'CREDIT_CODE_CLAIMED_BY_VERIFIED',
        entityType: 'Organization',
        entityId: other.id,
        organizationId: other.id,
        data: { verifiedOrganizationId: verifiedId, verificationStatus: other.verificationStatus },
      });
    }
  }

  /**
   * The admins' verification queue: UNVERIFIED organisations, oldest first, each with the other
   * organisations holding its credit code. One SQL statement per page.
   */
  async verificationQueue(
    args: OrganizationVerificationQueueArgs,
  ): Promise<ConnectionShape<OrganizationVerificationItem>> {
    return timeIdPage(
      args,
      (limit, after) =>
        verificationQueuePage(this.dataSource, limit, { kind: args.filter?.kind, after }),
      (r) => [r.createdAt, r.organizationId],
    );
  }

  private async lockMember(manager: EntityManager, organizationId: string, userId: string) {
    const target = await lockMember(manager, organizationId, userId);
    if (!target) throw new NotFoundError('Organization member');
    return target;
  }

  private async assertAnotherOwner(
    manager: EntityManager,
    organizationId: string,
    userId: string,
  ): Promise<void> {
    // Lock every owner row so two owners cannot demote each other at once.
    const owners = await lockOwnerIds(manager, organizationId);
    if (!owners.some((id) => id !== userId)) {
      throw new ConflictError(
        'LAST_OWNER',
        'An organisation keeps at least one OWNER; make someone else OWNER first',
      );
    }
  }
}
