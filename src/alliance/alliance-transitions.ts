/**
 * The alliance membership lifecycle (DOMAIN.md): APPLIED → ACTIVE (admitted) or REJECTED;
 * ACTIVE ↔ SUSPENDED; ACTIVE → EXITED (the member leaves) or EXPELLED. A suspended member can also be
 * expelled. Tier changes happen within ACTIVE. Pure module: no framework imports. alliance_memberships.status
 * is written only by the shared lifecycle mechanism (common/lifecycle) with this table.
 */
import type { Actor } from '../common/auth/actor.js';
import { isAdmin, managesOrganization } from '../common/auth/actor.js';
import {
  allowedFrom,
  defineLifecycle,
  Lifecycle,
  Transition,
} from '../common/lifecycle/lifecycle.js';

/** The membership states (the database enum alliance_membership_status holds the same values). */
export enum AllianceMembershipStatus {
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
  EXITED = 'EXITED',
  EXPELLED = 'EXPELLED',
}

export type MembershipStatus = `${AllianceMembershipStatus}`;

export type MembershipAction =
  'ADMIT' | 'REJECT' | 'SUSPEND' | 'REINSTATE' | 'EXPEL' | 'LEAVE' | 'CHANGE_TIER';

/** Who may take an action: a platform admin, or the member enterprise itself (its OWNER/ADMIN). */
export type MembershipActorKind = 'PLATFORM_ADMIN' | 'MEMBER';

export type MembershipTransition = Transition<MembershipStatus, MembershipActorKind>;

export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] =
  Object.values(AllianceMembershipStatus);

/** Every move asks for a reason: it is shown to the enterprise and kept in the audit trail. */
export const MEMBERSHIP_TRANSITIONS: Readonly<Record<MembershipAction, MembershipTransition>> = {
  ADMIT: {
    from: ['APPLIED'],
    to: 'ACTIVE',
    by: ['PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: 'ALLIANCE_MEMBERSHIP_ADMITTED',
  },
  REJECT: {
    from: ['APPLIED'],
    to: 'REJECTED',
    by: ['PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: 'ALLIANCE_APPLICATION_REJECTED',
  },
  SUSPEND: {
    from: ['ACTIVE'],
    to: 'SUSPENDED',
    by: ['PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: 'ALLIANCE_MEMBERSHIP_SUSPENDED',
  },
  REINSTATE: {
    from: ['SUSPENDED'],
    to: 'ACTIVE',
    by: ['PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: 'ALLIANCE_MEMBERSHIP_REINSTATED',
  },
  EXPEL: {
    from: ['ACTIVE', 'SUSPENDED'],
    to: 'EXPELLED',
    by: ['PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: 'ALLIANCE_MEMBERSHIP_EXPELLED',
  },
  LEAVE: {
    from: ['ACTIVE'],
    to: 'EXITED',
    by: ['MEMBER'],
    needsReason: true,
    auditAction: 'ALLIANCE_MEMBERSHIP_EXITED',
  },
  CHANGE_TIER: {
    from: ['ACTIVE'],
    to: 'ACTIVE',
    by: ['PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: 'ALLIANCE_TIER_CHANGED',
  },
};

export const MEMBERSHIP_LIFECYCLE: Lifecycle<
  MembershipStatus,
  MembershipAction,
  MembershipActorKind
> = defineLifecycle({
  entityType: 'AllianceMembership',
  states: MEMBERSHIP_STATUSES,
  actorKinds: ['PLATFORM_ADMIN', 'MEMBER'],
  transitions: MEMBERSHIP_TRANSITIONS,
  refusal: (from, action) => ({
    message: `A membership that is ${from ?? 'UNKNOWN'} cannot be changed by ${action}`,
    details: { from, action },
  }),
});

/**
 * The kinds `actor` holds towards a membership of `organizationId`: PLATFORM_ADMIN for platform admins,
 * MEMBER for an OWNER/ADMIN of the member enterprise (null: the membership is not known yet, only the admin
 * kind is decided).
 */
export function membershipActorKinds(
  actor: Actor,
  organizationId: string | null,
): MembershipActorKind[] {
  const kinds: MembershipActorKind[] = [];
  if (isAdmin(actor)) kinds.push('PLATFORM_ADMIN');
  if (organizationId !== null && managesOrganization(actor, organizationId)) kinds.push('MEMBER');
  return kinds;
}

/** The states in which an enterprise counts as having a membership (one at a time). */
export const LIVE_MEMBERSHIP_STATUSES: readonly MembershipStatus[] = [
  'APPLIED',
  'ACTIVE',
  'SUSPENDED',
];

/** The transition `action` allows from `from`, or null when it is not allowed. */
export function membershipTransition(
  action: MembershipAction,
  from: MembershipStatus,
): MembershipTransition | null {
  return allowedFrom(MEMBERSHIP_LIFECYCLE, action, from);
}

/** The states from which `action` is allowed (for the conditional UPDATE's `WHERE status = ANY(...)`). */
export function statusesAllowing(action: MembershipAction): MembershipStatus[] {
  return [...MEMBERSHIP_TRANSITIONS[action].from];
}
