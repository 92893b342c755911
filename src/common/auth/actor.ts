import type { ErrorLocale } from '../error-catalogue.js';

export const PlatformRole = { ADMIN: 'ADMIN', EXPERT: 'EXPERT' } as const;
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

/** The user's organisation membership (a user belongs to at most one organisation). */
export interface ActorOrganization {
  /** organizations.id (also enterprises.organization_id / smes.organization_id). */
  id: string;
  kind: 'ENTERPRISE' | 'SME';
  role: 'OWNER' | 'ADMIN' | 'MEMBER';
}

/** The authenticated user on whose behalf an operation runs. Built from the database on every request. */
export interface Actor {
  userId: string;
  sessionId: string;
  platformRoles: readonly PlatformRole[];
  /** Absent when the user belongs to no organisation. */
  organization?: ActorOrganization;
  /** The user's language (users.locale), read with the session check: the language of the errors answered. */
  locale?: ErrorLocale;
  /** The request id the server generated (returned in x-request-id; never the client's), written to the audit trail. */
  requestId?: string;
}

export function isAdmin(actor: Actor | null | undefined): boolean {
  return !!actor && actor.platformRoles.includes(PlatformRole.ADMIN);
}

export function isExpert(actor: Actor | null | undefined): boolean {
  return !!actor && actor.platformRoles.includes(PlatformRole.EXPERT);
}

/** True when the actor is an OWNER or ADMIN of the given organisation. */
export function managesOrganization(
  actor: Actor | null | undefined,
  organizationId: string,
): boolean {
  return (
    !!actor?.organization &&
    actor.organization.id === organizationId &&
    actor.organization.role !== 'MEMBER'
  );
}

/** True when the actor is a member (any role) of the given organisation. */
export function belongsTo(actor: Actor | null | undefined, organizationId: string): boolean {
  return actor?.organization?.id === organizationId;
}
