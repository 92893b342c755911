import type { SqlRow } from '../../database/typed-query.js';
import { oneOfOrNull, str, strArray, strOrNull } from '../../database/typed-query.js';
import type { ActorOrganization } from './actor.js';
import { PlatformRole } from './actor.js';

const ORGANIZATION_KINDS: readonly ActorOrganization['kind'][] = ['ENTERPRISE', 'SME'];
const ORGANIZATION_ROLES: readonly ActorOrganization['role'][] = ['OWNER', 'ADMIN', 'MEMBER'];
const KNOWN_PLATFORM_ROLES: readonly string[] = Object.values(PlatformRole);

/**
 * What an actor is read from, with `u` users, `m` organization_members (LEFT JOIN) and `o` organizations (LEFT JOIN):
 * the one list for the session check (auth) and for a notification's reader (notifications).
 */
export const ACTOR_FACT_COLUMNS = `u.platform_roles, u.locale, m.organization_id, m.role AS organization_role,
  o.kind AS organization_kind`;

/** A user's facts as ACTOR_FACT_COLUMNS read them. */
export interface ActorFacts {
  /** Only the roles this code knows: an unknown role in the column grants nothing. */
  platformRoles: PlatformRole[];
  organizationId: string | null;
  organizationRole: ActorOrganization['role'] | null;
  organizationKind: ActorOrganization['kind'] | null;
  locale: 'zh-CN' | 'en';
}

export function actorFactsOf(row: SqlRow): ActorFacts {
  return {
    platformRoles: strArray(row, 'platform_roles').filter((r): r is PlatformRole =>
      KNOWN_PLATFORM_ROLES.includes(r),
    ),
    organizationId: strOrNull(row, 'organization_id'),
    organizationRole: oneOfOrNull(row, 'organization_role', ORGANIZATION_ROLES),
    organizationKind: oneOfOrNull(row, 'organization_kind', ORGANIZATION_KINDS),
    locale: str(row, 'locale') === 'en' ? 'en' : 'zh-CN',
  };
}
