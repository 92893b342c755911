/**
 * The challenge lifecycle (DOMAIN.md): DRAFT → PENDING_REVIEW → PUBLISHED → CLOSED → IN_PUBLICITY → AWARDED.
 * Side paths: PENDING_REVIEW → CHANGES_REQUESTED → PENDING_REVIEW; PENDING_REVIEW → REJECTED;
 * CLOSED → FAILED; any state before AWARDED (and not already terminal) → CANCELLED; IN_PUBLICITY → CLOSED
 * when an objection is upheld; PUBLISHED → CLOSED at the deadline (the system).
 * Pure module: no framework imports. The only writer of challenges.status is
 * ChallengeLifecycleService.transition(), which looks actions up here.
 */
export type ChallengeStatusName =
  | 'DRAFT'
  | 'PENDING_REVIEW'
  | 'CHANGES_REQUESTED'
  | 'REJECTED'
  | 'PUBLISHED'
  | 'CLOSED'
  | 'IN_PUBLICITY'
  | 'AWARDED'
  | 'FAILED'
  | 'CANCELLED';

export type ChallengeAction =
  | 'SUBMIT_FOR_REVIEW'
  | 'REQUEST_CHANGES'
  | 'REJECT'
  | 'APPROVE_AND_PUBLISH'
  | 'CANCEL'
  | 'CLOSE_AT_DEADLINE'
  | 'START_PUBLICITY'
  | 'UPHOLD_OBJECTION'
  | 'AWARD'
  | 'FAIL';

/**
 * Who may take an action: a member (any role) of the issuing enterprise, an OWNER/ADMIN of it, a platform
 * admin, or the system (deadline). START_PUBLICITY/AWARD/FAIL/UPHOLD_OBJECTION belong to the evaluation
 * module; they are listed here so that the table stays the single source of truth.
 */
export type ChallengeActorKind = 'ISSUER_MEMBER' | 'ISSUER_MANAGER' | 'PLATFORM_ADMIN' | 'SYSTEM';

export interface ChallengeTransition {
  from: readonly ChallengeStatusName[];
  to: ChallengeStatusName;
  by: ChallengeActorKind;
  /** The audit action written with it. */
  auditAction: string;
  /** Whether a reason must be given (stored in challenges.status_reason and the audit row). */
  needsReason: boolean;
}

export const CHALLENGE_TRANSITIONS: Record<ChallengeAction, ChallengeTransition> = {
  SUBMIT_FOR_REVIEW: { from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'PENDING_REVIEW', by: 'ISSUER_MEMBER', auditAction: 'CHALLENGE_SUBMITTED_FOR_REVIEW', needsReason: false },
  REQUEST_CHANGES: { from: ['PENDING_REVIEW'], to: 'CHANGES_REQUESTED', by: 'PLATFORM_ADMIN', auditAction: 'CHALLENGE_CHANGES_REQUESTED', needsReason: true },
  REJECT: { from: ['PENDING_REVIEW'], to: 'REJECTED', by: 'PLATFORM_ADMIN', auditAction: 'CHALLENGE_REJECTED', needsReason: true },
  APPROVE_AND_PUBLISH: { from: ['PENDING_REVIEW'], to: 'PUBLISHED', by: 'PLATFORM_ADMIN', auditAction: 'CHALLENGE_PUBLISHED', needsReason: false },
  CANCEL: {
    from: ['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED', 'CLOSED', 'IN_PUBLICITY'],
    to: 'CANCELLED',
    by: 'ISSUER_MANAGER',
    auditAction: 'CHALLENGE_CANCELLED',
    needsReason: true,
  },
  CLOSE_AT_DEADLINE: { from: ['PUBLISHED'], to: 'CLOSED', by: 'SYSTEM', auditAction: 'CHALLENGE_CLOSED', needsReason: false },
  START_PUBLICITY: { from: ['CLOSED'], to: 'IN_PUBLICITY', by: 'ISSUER_MANAGER', auditAction: 'CHALLENGE_PUBLICITY_STARTED', needsReason: false },
  UPHOLD_OBJECTION: { from: ['IN_PUBLICITY'], to: 'CLOSED', by: 'PLATFORM_ADMIN', auditAction: 'CHALLENGE_OBJECTION_UPHELD', needsReason: true },
  AWARD: { from: ['IN_PUBLICITY'], to: 'AWARDED', by: 'ISSUER_MANAGER', auditAction: 'CHALLENGE_AWARDED', needsReason: false },
  FAIL: { from: ['CLOSED'], to: 'FAILED', by: 'ISSUER_MANAGER', auditAction: 'CHALLENGE_FAILED', needsReason: true },
};

/** Statuses only the issuer's members and platform admins may see (never public, whatever the visibility). */
export const PRIVATE_STATUSES: readonly ChallengeStatusName[] = ['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'REJECTED'];

/** Statuses in which the content may be edited as a draft (no version snapshot, no change summary). */
export const DRAFT_EDITABLE_STATUSES: readonly ChallengeStatusName[] = ['DRAFT', 'CHANGES_REQUESTED'];

/** The transition `action` allows from `from`, or null when it is not allowed. */
export function challengeTransition(action: ChallengeAction, from: ChallengeStatusName): ChallengeTransition | null {
  const t = CHALLENGE_TRANSITIONS[action];
  return t.from.includes(from) ? t : null;
}

/** What a challenge in `status` reads as at `now`: PUBLISHED past its deadline is CLOSED. (SQL twin: effectiveStatusSql.) */
export function effectiveStatus(status: ChallengeStatusName, deadline: Date, now: Date): ChallengeStatusName {
  return status === 'PUBLISHED' && deadline.getTime() <= now.getTime() ? 'CLOSED' : status;
}
