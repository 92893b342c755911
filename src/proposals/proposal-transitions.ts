/**
 * The proposal lifecycle (DOMAIN.md): DRAFT → SUBMITTED → (after the deadline) UNDER_REVIEW → SHORTLISTED → SELECTED.
 * Side paths: DRAFT/SUBMITTED → WITHDRAWN (before the deadline: submission checks the challenge is open);
 * UNDER_REVIEW/SHORTLISTED → NOT_SELECTED (a structured reason and feedback); SELECTED → DISQUALIFIED when an
 * objection against it is upheld, the other winners going back to SHORTLISTED; every open proposal →
 * NOT_SELECTED when the challenge fails (流榜).
 *
 * A proposal is created as DRAFT (saveProposalDraft) or, submitted without a draft, directly as SUBMITTED (the
 * SUBMIT move from no row: its INSERT is the only other place a proposal status is written). SUBMITTED past the
 * challenge deadline READS as UNDER_REVIEW (effectiveProposalStatusSql); the evaluation gate persists it.
 *
 * Pure module: no framework imports. proposals.status is written only by the shared lifecycle mechanism
 * (common/lifecycle) with this table.
 */
import type { Actor } from '../common/auth/actor.js';
import { belongsTo, isAdmin, managesOrganization } from '../common/auth/actor.js';
import {
  allowedFrom,
  defineLifecycle,
  Lifecycle,
  Transition,
} from '../common/lifecycle/lifecycle.js';

/** The proposal states (the database enum proposal_status holds the same values). */
export enum ProposalStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  WITHDRAWN = 'WITHDRAWN',
  UNDER_REVIEW = 'UNDER_REVIEW',
  SHORTLISTED = 'SHORTLISTED',
  SELECTED = 'SELECTED',
  NOT_SELECTED = 'NOT_SELECTED',
  DISQUALIFIED = 'DISQUALIFIED',
}

export type ProposalStatusName = `${ProposalStatus}`;

export const PROPOSAL_STATUSES: readonly ProposalStatusName[] = Object.values(ProposalStatus);

export type ProposalAction =
  | 'SUBMIT'
  | 'WITHDRAW'
  | 'REVIEW_AT_DEADLINE'
  | 'SHORTLIST'
  | 'SELECT'
  | 'MARK_NOT_SELECTED'
  | 'DISQUALIFY'
  | 'RETURN_TO_SHORTLIST'
  | 'CLOSE_AS_FAILED';

/**
 * Who may move a proposal: a member (any role) of the SME that wrote it; an OWNER/ADMIN of the issuing
 * enterprise (its evaluation decisions); a platform admin (deciding an objection); the system (the deadline
 * passing). Reviewers (the issuer's evaluators and the platform's experts) score proposals but move none.
 */
export type ProposalActorKind = 'SME_MEMBER' | 'ISSUER_MANAGER' | 'PLATFORM_ADMIN' | 'SYSTEM';

export type ProposalTransition = Transition<ProposalStatusName, ProposalActorKind>;

export const PROPOSAL_TRANSITIONS: Readonly<Record<ProposalAction, ProposalTransition>> = {
  SUBMIT: {
    from: ['DRAFT'],
    to: 'SUBMITTED',
    by: ['SME_MEMBER'],
    needsReason: false,
    auditAction: 'PROPOSAL_SUBMITTED',
  },
  // The reason is optional: kept in the audit trail when given.
  WITHDRAW: {
    from: ['DRAFT', 'SUBMITTED'],
    to: 'WITHDRAWN',
    by: ['SME_MEMBER'],
    needsReason: false,
    auditAction: 'PROPOSAL_WITHDRAWN',
  },
  // Nobody decides it: the deadline passes (persisted by the evaluation gate for every proposal of the challenge).
  REVIEW_AT_DEADLINE: {
    from: ['SUBMITTED'],
    to: 'UNDER_REVIEW',
    by: ['SYSTEM'],
    needsReason: false,
    auditAction: null,
  },
  SHORTLIST: {
    from: ['UNDER_REVIEW'],
    to: 'SHORTLISTED',
    by: ['ISSUER_MANAGER'],
    needsReason: false,
    auditAction: 'PROPOSAL_SHORTLISTED',
  },
  SELECT: {
    from: ['SHORTLISTED'],
    to: 'SELECTED',
    by: ['ISSUER_MANAGER'],
    needsReason: false,
    auditAction: 'PROPOSAL_SELECTED',
  },
  // The reason is the structured NotSelectedReason; the feedback goes with it.
  MARK_NOT_SELECTED: {
    from: ['UNDER_REVIEW', 'SHORTLISTED'],
    to: 'NOT_SELECTED',
    by: ['ISSUER_MANAGER'],
    needsReason: true,
    auditAction: 'PROPOSAL_NOT_SELECTED',
  },
  // Part of upholding an objection (its OBJECTION_UPHELD event records the proposal disqualified).
  DISQUALIFY: {
    from: ['SELECTED'],
    to: 'DISQUALIFIED',
    by: ['ISSUER_MANAGER', 'PLATFORM_ADMIN'],
    needsReason: true,
    auditAction: null,
  },
  // Part of upholding an objection: the other winners go back to the shortlist for a new selection.
  RETURN_TO_SHORTLIST: {
    from: ['SELECTED'],
    to: 'SHORTLISTED',
    by: ['ISSUER_MANAGER', 'PLATFORM_ADMIN'],
    needsReason: false,
    auditAction: null,
  },
  // Part of closing the challenge as FAILED (its CHALLENGE_FAILED event records it).
  CLOSE_AS_FAILED: {
    from: ['SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED'],
    to: 'NOT_SELECTED',
    by: ['ISSUER_MANAGER'],
    needsReason: true,
    auditAction: null,
  },
};

export const PROPOSAL_LIFECYCLE: Lifecycle<ProposalStatusName, ProposalAction, ProposalActorKind> =
  defineLifecycle({
    entityType: 'Proposal',
    states: PROPOSAL_STATUSES,
    actorKinds: ['SME_MEMBER', 'ISSUER_MANAGER', 'PLATFORM_ADMIN', 'SYSTEM'],
    transitions: PROPOSAL_TRANSITIONS,
    refusal: (from, action, t) => ({
      message:
        action === 'WITHDRAW'
          ? `A ${from ?? 'UNKNOWN'} proposal cannot be withdrawn`
          : `A ${from ?? 'UNKNOWN'} proposal cannot become ${t.to}`,
      details: { from, to: t.to },
    }),
  });

/** The transition `action` allows from `from`, or null when it is not allowed. */
export function proposalTransition(
  action: ProposalAction,
  from: ProposalStatusName,
): ProposalTransition | null {
  return allowedFrom(PROPOSAL_LIFECYCLE, action, from);
}

/**
 * The kinds `actor` holds towards a proposal of the SME `smeOrganizationId` to a challenge of
 * `issuerOrganizationId` (either may be omitted when the caller acts for the other side); null actor: the system.
 */
export function proposalActorKinds(
  actor: Actor | null,
  parties: { smeOrganizationId?: string; issuerOrganizationId?: string },
): ProposalActorKind[] {
  if (!actor) return ['SYSTEM'];
  const kinds: ProposalActorKind[] = [];
  if (
    parties.smeOrganizationId &&
    belongsTo(actor, parties.smeOrganizationId) &&
    actor.organization?.kind === 'SME'
  )
    kinds.push('SME_MEMBER');
  if (parties.issuerOrganizationId && managesOrganization(actor, parties.issuerOrganizationId))
    kinds.push('ISSUER_MANAGER');
  if (isAdmin(actor)) kinds.push('PLATFORM_ADMIN');
  return kinds;
}
