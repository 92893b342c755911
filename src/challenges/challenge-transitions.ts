/**
 * The challenge lifecycle (DOMAIN.md): DRAFT → PENDING_REVIEW → PUBLISHED → CLOSED → IN_PUBLICITY → AWARDED.
 * Side paths: PENDING_REVIEW → CHANGES_REQUESTED → PENDING_REVIEW; PENDING_REVIEW → REJECTED;
 * CLOSED → FAILED; any state before AWARDED (and not already terminal) → CANCELLED; IN_PUBLICITY → CLOSED
 * when an objection is upheld; PUBLISHED → CLOSED at the deadline (the system).
 * Pure module: no framework imports. challenges.status is written only by the shared lifecycle mechanism
 * (common/lifecycle), which ChallengeLifecycleService.transition() calls with this table.
 */
import type { Actor } from '../common/auth/actor.js';
import { belongsTo, isAdmin, managesOrganization } from '../common/auth/actor.js';
import {
  allowedFrom,
  defineLifecycle,
  Lifecycle,
  Transition,
} from '../common/lifecycle/lifecycle.js';

/** The challenge states (the database enum challenge_status holds the same values). */
export enum ChallengeStatus {
  DRAFT = 'DRAFT',
  PENDING_REVIEW = 'PENDING_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  REJECTED = 'REJECTED',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  IN_PUBLICITY = 'IN_PUBLICITY',
  AWARDED = 'AWARDED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export type ChallengeStatusName = `${ChallengeStatus}`;

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
 * admin, or the system (time: the deadline, the end of the publicity period). START_PUBLICITY/FAIL/
 * UPHOLD_OBJECTION are taken through the evaluation module; they are listed here so that the table stays the
 * single source of truth.
 */
export type ChallengeActorKind = 'ISSUER_MEMBER' | 'ISSUER_MANAGER' | 'PLATFORM_ADMIN' | 'SYSTEM';

export type ChallengeTransition = Transition<ChallengeStatusName, ChallengeActorKind>;

export const CHALLENGE_STATUSES: readonly ChallengeStatusName[] = Object.values(ChallengeStatus);

export const CHALLENGE_TRANSITIONS: Readonly<Record<ChallengeAction, ChallengeTransition>> = {
  SUBMIT_FOR_REVIEW: {
    from: ['DRAFT', 'CHANGES_REQUESTED'],
    to: 'PENDING_REVIEW',
    by: ['ISSUER_MEMBER'],
    auditAction: 'CHALLENGE_SUBMITTED_FOR_REVIEW',
    needsReason: false,
  },
  REQUEST_CHANGES: {
    from: ['PENDING_REVIEW'],
    to: 'CHANGES_REQUESTED',
    by: ['PLATFORM_ADMIN'],
    auditAction: 'CHALLENGE_CHANGES_REQUESTED',
    needsReason: true,
  },
  REJECT: {
    from: ['PENDING_REVIEW'],
    to: 'REJECTED',
    by: ['PLATFORM_ADMIN'],
    auditAction: 'CHALLENGE_REJECTED',
    needsReason: true,
  },
  APPROVE_AND_PUBLISH: {
    from: ['PENDING_REVIEW'],
    to: 'PUBLISHED',
    by: ['PLATFORM_ADMIN'],
    auditAction: 'CHALLENGE_PUBLISHED',
    needsReason: false,
  },
  CANCEL: {
    from: ['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED', 'CLOSED', 'IN_PUBLICITY'],
    to: 'CANCELLED',
    by: ['ISSUER_MANAGER'],
    auditAction: 'CHALLENGE_CANCELLED',
    needsReason: true,
  },
  CLOSE_AT_DEADLINE: {
    from: ['PUBLISHED'],
    to: 'CLOSED',
    by: ['SYSTEM'],
    auditAction: 'CHALLENGE_CLOSED',
    needsReason: false,
  },
  START_PUBLICITY: {
    from: ['CLOSED'],
    to: 'IN_PUBLICITY',
    by: ['ISSUER_MANAGER'],
    auditAction: 'CHALLENGE_PUBLICITY_STARTED',
    needsReason: false,
  },
  // upholdObjection is documented in the API for the issuer's OWNER/ADMIN or a platform admin.
  UPHOLD_OBJECTION: {
    from: ['IN_PUBLICITY'],
    to: 'CLOSED',
    by: ['ISSUER_MANAGER', 'PLATFORM_ADMIN'],
    auditAction: 'CHALLENGE_OBJECTION_UPHELD',
    needsReason: true,
  },
  // The award is made by time: the publicity period ends with no objection pending.
  AWARD: {
    from: ['IN_PUBLICITY'],
    to: 'AWARDED',
    by: ['SYSTEM'],
    auditAction: 'CHALLENGE_AWARDED',
    needsReason: false,
  },
  FAIL: {
    from: ['CLOSED'],
    to: 'FAILED',
    by: ['ISSUER_MANAGER'],
    auditAction: 'CHALLENGE_FAILED',
    needsReason: true,
  },
};

export const CHALLENGE_LIFECYCLE: Lifecycle<
  ChallengeStatusName,
  ChallengeAction,
  ChallengeActorKind
> = defineLifecycle({
  entityType: 'Challenge',
  states: CHALLENGE_STATUSES,
  actorKinds: ['ISSUER_MEMBER', 'ISSUER_MANAGER', 'PLATFORM_ADMIN', 'SYSTEM'],
  transitions: CHALLENGE_TRANSITIONS,
  refusal: (from, _action, t) => ({
    message: `A ${from ?? 'UNKNOWN'} challenge cannot become ${t.to}`,
    details: { from: from ?? 'UNKNOWN', to: t.to },
  }),
});

/** The kinds `actor` holds towards a challenge of `issuerOrganizationId` (null actor: the system). */
export function challengeActorKinds(
  actor: Actor | null,
  issuerOrganizationId: string,
): ChallengeActorKind[] {
  if (!actor) return ['SYSTEM'];
  const kinds: ChallengeActorKind[] = [];
  if (belongsTo(actor, issuerOrganizationId)) kinds.push('ISSUER_MEMBER');
  if (managesOrganization(actor, issuerOrganizationId)) kinds.push('ISSUER_MANAGER');
  if (isAdmin(actor)) kinds.push('PLATFORM_ADMIN');
  return kinds;
}

/** Statuses only the issuer's members and platform admins may see (never public, whatever the visibility). */
export const PRIVATE_STATUSES: readonly ChallengeStatusName[] = [
  'DRAFT',
  'PENDING_REVIEW',
  'CHANGES_REQUESTED',
  'REJECTED',
];

/** Statuses in which the content may be edited as a draft (no version snapshot, no change summary). */
export const DRAFT_EDITABLE_STATUSES: readonly ChallengeStatusName[] = [
  'DRAFT',
  'CHANGES_REQUESTED',
];

/** The transition `action` allows from `from`, or null when it is not allowed. */
export function challengeTransition(
  action: ChallengeAction,
  from: ChallengeStatusName,
): ChallengeTransition | null {
  return allowedFrom(CHALLENGE_LIFECYCLE, action, from);
}

/** What a challenge in `status` reads as at `now`: PUBLISHED past its deadline is CLOSED. (SQL twin: effectiveStatusSql.) */
export function effectiveStatus(
  status: ChallengeStatusName,
  deadline: Date,
  now: Date,
): ChallengeStatusName {
  return status === 'PUBLISHED' && deadline.getTime() <= now.getTime() ? 'CLOSED' : status;
}
