import type { SqlRow, SqlTarget } from '../../database/typed-query.js';
import { bool, execute, jsonRows, oneOf, str } from '../../database/typed-query.js';
import { OrganizationKind } from '../organization.entity.js';
import { ProfileKind, toOrganizationProfile } from '../organizations.queries.js';
import type { EnterpriseType } from './dto/enterprise.types.js';
import { OpenResource, OpenResourceType } from './enterprise.entity.js';

/** The SQL of an enterprise's own row (see docs/architecture.md, "The SQL layer"); the shared profile is in organizations.queries.ts. */

const RESOURCE_TYPES = Object.values(OpenResourceType);

const toOpenResource = (r: SqlRow): OpenResource => ({
  type: oneOf(r, 'type', RESOURCE_TYPES),
  title: str(r, 'title'),
  description: str(r, 'description'),
});

/** The only way an enterprise row becomes API output. */
export function toEnterpriseType(r: SqlRow): EnterpriseType {
  return {
    ...toOrganizationProfile(r),
    industryCode: str(r, 'industry_code'),
    isChainLeader: bool(r, 'is_chain_leader'),
    openResources: jsonRows(r, 'open_resources').map(toOpenResource),
  };
}

export const ENTERPRISE: ProfileKind<EnterpriseType> = {
  kind: OrganizationKind.ENTERPRISE,
  entity: 'Enterprise',
  table: 'enterprises',
  alias: 'e',
  columns: 'e.industry_code, e.is_chain_leader, e.open_resources',
  toType: toEnterpriseType,
};

export interface NewEnterprise {
  industryCode: string;
  isChainLeader: boolean;
  openResources: OpenResource[];
}

/** The `enterprises` row of a new enterprise. */
export function insertEnterprise(
  target: SqlTarget,
  organizationId: string,
  e: NewEnterprise,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader, open_resources) VALUES ($1, $2, $3, $4)`,
    [organizationId, e.industryCode, e.isChainLeader, JSON.stringify(e.openResources)],
  );
}
