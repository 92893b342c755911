export const PlatformRole = { ADMIN: 'ADMIN', EXPERT: 'EXPERT' } as const;
export type PlatformRole = (typeof PlatformRole)[keyof typeof PlatformRole];

/** The authenticated user on whose behalf an operation runs. Built from the database on every request. */
export interface Actor {
  userId: string;
  sessionId: string;
  platformRoles: readonly PlatformRole[];
}

export function isAdmin(actor: Actor | null | undefined): boolean {
  return !!actor && actor.platformRoles.includes(PlatformRole.ADMIN);
}

export function isExpert(actor: Actor | null | undefined): boolean {
  return !!actor && actor.platformRoles.includes(PlatformRole.EXPERT);
}
