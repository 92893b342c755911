/**
 * The alliance membership lifecycle (DOMAIN.md): APPLIED → ACTIVE (admitted) or REJECTED;
 * ACTIVE ↔ SUSPENDED; ACTIVE → EXITED (the member leaves) or EXPELLED. A suspended member can also be
 * expelled. Tier changes happen within ACTIVE. Pure module: no framework imports.
 */
export type MembershipStatus = 'APPLIED' | 'ACTIVE' | 'REJECTED' | 'SUSPENDED' | 'EXITED' | 'EXPELLED';

export type MembershipAction = 'ADMIT' | 'REJECT' | 'SUSPEND' | 'REINSTATE' | 'EXPEL' | 'LEAVE' | 'CHANGE_TIER';

/** Who may take an action: a platform admin, or the member enterprise itself (its OWNER/ADMIN). */
export type MembershipActorKind = 'PLATFORM_ADMIN' | 'MEMBER';

export interface MembershipTransition {
  from: MembershipStatus;
  to: MembershipStatus;
  by: MembershipActorKind;
  /** The audit action written with it. */
  auditAction: string;
}

export const MEMBERSHIP_TRANSITIONS: Record<MembershipAction, readonly MembershipTransition[]> = {
  ADMIT: [{ from: 'APPLIED', to: 'ACTIVE', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_MEMBERSHIP_ADMITTED' }],
  REJECT: [{ from: 'APPLIED', to: 'REJECTED', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_APPLICATION_REJECTED' }],
  SUSPEND: [{ from: 'ACTIVE', to: 'SUSPENDED', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_MEMBERSHIP_SUSPENDED' }],
  REINSTATE: [{ from: 'SUSPENDED', to: 'ACTIVE', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_MEMBERSHIP_REINSTATED' }],
  EXPEL: [
    { from: 'ACTIVE', to: 'EXPELLED', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_MEMBERSHIP_EXPELLED' },
    { from: 'SUSPENDED', to: 'EXPELLED', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_MEMBERSHIP_EXPELLED' },
  ],
  LEAVE: [{ from: 'ACTIVE', to: 'EXITED', by: 'MEMBER', auditAction: 'ALLIANCE_MEMBERSHIP_EXITED' }],
  CHANGE_TIER: [{ from: 'ACTIVE', to: 'ACTIVE', by: 'PLATFORM_ADMIN', auditAction: 'ALLIANCE_TIER_CHANGED' }],
};

/** The states in which an enterprise counts as having a membership (one at a time). */
export const LIVE_MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['APPLIED', 'ACTIVE', 'SUSPENDED'];

/** The transition `action` allows from `from`, or null when it is not allowed. */
export function membershipTransition(action: MembershipAction, from: MembershipStatus): MembershipTransition | null {
  return MEMBERSHIP_TRANSITIONS[action].find((t) => t.from === from) ?? null;
}

/** The states from which `action` is allowed (for the conditional UPDATE's `WHERE status = ANY(...)`). */
export function statusesAllowing(action: MembershipAction): MembershipStatus[] {
  return MEMBERSHIP_TRANSITIONS[action].map((t) => t.from);
}
