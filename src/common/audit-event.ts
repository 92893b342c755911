import type { Actor } from './auth/actor.js';

/** What a module tells the audit trail about one state change or admin decision. */
export interface AuditEventInput {
  /** Who did it; null for the system (seed, CLI). The request id is taken from the actor. */
  actor: Actor | null;
  /** UPPER_SNAKE verb phrase, e.g. ORGANIZATION_VERIFIED, ALLIANCE_MEMBERSHIP_ADMITTED, CHALLENGE_PUBLISHED. */
  action: string;
  /** The entity's type name as in the API, e.g. Organization, AllianceMembership, Challenge. */
  entityType: string;
  entityId: string;
  /** The organisation the event is about (shown to its members by myOrganizationAuditEvents). */
  organizationId?: string | null;
  /** Status before and after, for transitions. */
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  /** Further details, JSON-serialisable (no secrets, no sealed content). */
  data?: Record<string, unknown>;
}
