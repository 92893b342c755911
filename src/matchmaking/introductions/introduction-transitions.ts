/**
 * The introduction (对接) lifecycle (DOMAIN.md): REQUESTED → ACCEPTED | DECLINED | EXPIRED | CANCELLED;
 * ACCEPTED → CLOSED_DEAL | CLOSED_NO_DEAL. One side asks (the issuer invites an SME, or an SME requests an
 * introduction to a challenge), the other answers. introductions.status is written only by the shared lifecycle
 * mechanism (common/lifecycle/status-writer.ts) with this table. Pure module: no framework imports.
 */
import {
  allowedFrom,
  defineLifecycle,
  type Lifecycle,
  type Transition,
} from '../../common/lifecycle/lifecycle.js';

/** The introduction states (the database enum introduction_status holds the same values). */
export enum IntroductionStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  CLOSED_DEAL = 'CLOSED_DEAL',
  CLOSED_NO_DEAL = 'CLOSED_NO_DEAL',
}

export type IntroductionStatusName = `${IntroductionStatus}`;

export const INTRODUCTION_STATUSES: readonly IntroductionStatusName[] =
  Object.values(IntroductionStatus);

/** Live introductions: at most one per (challenge, SME) (a partial unique index holds it). */
export const LIVE_INTRODUCTION_STATUSES: readonly IntroductionStatusName[] = [
  'REQUESTED',
  'ACCEPTED',
];

/** The states in which each side sees the other's contact person (and an anonymous issuer's identity). */
export const CONTACTS_SHOWN_STATUSES: readonly IntroductionStatusName[] = [
  'ACCEPTED',
  'CLOSED_DEAL',
  'CLOSED_NO_DEAL',
];

/** Who started it: INVITE the issuer (inviteSmeToChallenge), REQUEST the SME (requestIntroduction). */
export enum IntroductionDirection {
  INVITE = 'INVITE',
  REQUEST = 'REQUEST',
}

export type IntroductionAction =
  'ACCEPT' | 'DECLINE' | 'CANCEL' | 'EXPIRE' | 'CLOSE_DEAL' | 'CLOSE_NO_DEAL';

/**
 * Who may move an introduction: a member of the organisation that asked (REQUESTER), of the one asked
 * (RECIPIENT), or the system (time: a request unanswered past its expiry). Platform admins read introductions
 * for support but never act on behalf of a side, so they hold no kind here.
 */
export type IntroductionActorKind = 'REQUESTER' | 'RECIPIENT' | 'SYSTEM';

export type IntroductionTransition = Transition<IntroductionStatusName, IntroductionActorKind>;

export const INTRODUCTION_TRANSITIONS: Readonly<
  Record<IntroductionAction, IntroductionTransition>
> = {
  ACCEPT: {
    from: ['REQUESTED'],
    to: 'ACCEPTED',
    by: ['RECIPIENT'],
    auditAction: 'INTRODUCTION_ACCEPTED',
    needsReason: false,
  },
  DECLINE: {
    from: ['REQUESTED'],
    to: 'DECLINED',
    by: ['RECIPIENT'],
    auditAction: 'INTRODUCTION_DECLINED',
    needsReason: true,
  },
  CANCEL: {
    from: ['REQUESTED'],
    to: 'CANCELLED',
    by: ['REQUESTER'],
    auditAction: 'INTRODUCTION_CANCELLED',
    needsReason: false,
  },
  EXPIRE: {
    from: ['REQUESTED'],
    to: 'EXPIRED',
    by: ['SYSTEM'],
    auditAction: 'INTRODUCTION_EXPIRED',
    needsReason: false,
  },
  CLOSE_DEAL: {
    from: ['ACCEPTED'],
    to: 'CLOSED_DEAL',
    by: ['REQUESTER', 'RECIPIENT'],
    auditAction: 'INTRODUCTION_CLOSED',
    needsReason: false,
  },
  CLOSE_NO_DEAL: {
    from: ['ACCEPTED'],
    to: 'CLOSED_NO_DEAL',
    by: ['REQUESTER', 'RECIPIENT'],
    auditAction: 'INTRODUCTION_CLOSED',
    needsReason: false,
  },
};

export const INTRODUCTION_LIFECYCLE: Lifecycle<
  IntroductionStatusName,
  IntroductionAction,
  IntroductionActorKind
> = defineLifecycle({
  entityType: 'Introduction',
  states: INTRODUCTION_STATUSES,
  actorKinds: ['REQUESTER', 'RECIPIENT', 'SYSTEM'],
  transitions: INTRODUCTION_TRANSITIONS,
  refusal: (from, _action, t) => ({
    message: `A ${from ?? 'UNKNOWN'} introduction cannot become ${t.to}`,
    details: { from: from ?? 'UNKNOWN', to: t.to },
  }),
});

/** The sides of an introduction, as the organisations that stand for them. */
export interface IntroductionSides {
  direction: IntroductionDirection | `${IntroductionDirection}`;
  issuerOrganizationId: string;
  smeId: string;
}

/** The organisation that asked. */
export function requesterOf(i: IntroductionSides): string {
  return i.direction === 'INVITE' ? i.issuerOrganizationId : i.smeId;
}

/** The organisation that was asked. */
export function recipientOf(i: IntroductionSides): string {
  return i.direction === 'INVITE' ? i.smeId : i.issuerOrganizationId;
}

/** The kinds a member of `organizationId` (null: the system) holds towards the introduction. */
export function introductionActorKinds(
  organizationId: string | null | undefined,
  i: IntroductionSides,
  system = false,
): IntroductionActorKind[] {
  if (system) return ['SYSTEM'];
  const kinds: IntroductionActorKind[] = [];
  if (organizationId && organizationId === requesterOf(i)) kinds.push('REQUESTER');
  if (organizationId && organizationId === recipientOf(i)) kinds.push('RECIPIENT');
  return kinds;
}

/** The transition `action` allows from `from`, or null. */
export function introductionTransition(
  action: IntroductionAction,
  from: IntroductionStatusName,
): IntroductionTransition | null {
  return allowedFrom(INTRODUCTION_LIFECYCLE, action, from);
}

/**
 * What an introduction in `status` reads as at `now`: REQUESTED past its expiry is EXPIRED (no timer needed; the
 * next write, or the introduction-expiry job, persists it). SQL twin: effectiveIntroductionStatusSql (a parity
 * test holds them equal).
 */
export function effectiveIntroductionStatus(
  status: IntroductionStatusName,
  expiresAt: Date,
  now: Date,
): IntroductionStatusName {
  return status === 'REQUESTED' && expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : status;
}

/** SQL twin of effectiveIntroductionStatus over the introductions row `i`. */
export function effectiveIntroductionStatusSql(i = 'i'): string {
  return `(CASE WHEN ${i}.status = 'REQUESTED' AND ${i}.expires_at <= now() THEN 'EXPIRED'::introduction_status ELSE ${i}.status END)`;
}

/** Structured reasons for closing an introduction. */
export enum IntroductionCloseReason {
  CONTRACT_SIGNED = 'CONTRACT_SIGNED',
  PILOT_STARTED = 'PILOT_STARTED',
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  TECHNICAL_MISMATCH = 'TECHNICAL_MISMATCH',
  COMMERCIAL_TERMS = 'COMMERCIAL_TERMS',
  TIMING = 'TIMING',
  NO_RESPONSE = 'NO_RESPONSE',
  OTHER = 'OTHER',
}

/** The close reasons that go with each outcome (a deal, or none). */
export const CLOSE_REASONS_BY_OUTCOME: Readonly<
  Record<'CLOSED_DEAL' | 'CLOSED_NO_DEAL', readonly IntroductionCloseReason[]>
> = {
  CLOSED_DEAL: [
    IntroductionCloseReason.CONTRACT_SIGNED,
    IntroductionCloseReason.PILOT_STARTED,
    IntroductionCloseReason.PROPOSAL_SUBMITTED,
    IntroductionCloseReason.OTHER,
  ],
  CLOSED_NO_DEAL: [
    IntroductionCloseReason.TECHNICAL_MISMATCH,
    IntroductionCloseReason.COMMERCIAL_TERMS,
    IntroductionCloseReason.TIMING,
    IntroductionCloseReason.NO_RESPONSE,
    IntroductionCloseReason.OTHER,
  ],
};
