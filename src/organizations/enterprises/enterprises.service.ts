import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import type { OrganizationRow } from '../organization-sql.js';
import { updateColumns } from '../organization-update.js';
import { OrganizationKind } from '../organization.entity.js';
import { OrganizationProfiles, ProfileKind, toOrganizationProfile } from '../organization-profiles.js';
import { CreateEnterpriseInput, OpenResourceInput, UpdateEnterpriseInput } from './dto/enterprise.inputs.js';
import { EnterprisePayload, EnterpriseType } from './dto/enterprise.types.js';
import type { OpenResource } from './enterprise.entity.js';

interface EnterpriseRow extends OrganizationRow {
  industry_code: string;
  is_chain_leader: boolean;
  open_resources: OpenResource[];
}

const ENTERPRISE: ProfileKind = {
  kind: OrganizationKind.ENTERPRISE,
  entity: 'Enterprise',
  table: 'enterprises',
  alias: 'e',
  columns: 'e.industry_code, e.is_chain_leader, e.open_resources',
};

/** The only way an enterprise row becomes API output. */
export function toEnterpriseType(row: EnterpriseRow): EnterpriseType {
  return {
    ...toOrganizationProfile(row),
    industryCode: row.industry_code,
    isChainLeader: row.is_chain_leader,
    openResources: row.open_resources.map((r) => ({ type: r.type, title: r.title, description: r.description })),
  };
}

const toResources = (list: OpenResourceInput[] | undefined): OpenResource[] | undefined =>
  list?.map((r) => ({ type: r.type, title: r.title, description: r.description ?? '' }));

/** Enterprises (发榜方): the shared profile (OrganizationProfiles) plus the `enterprises` row. */
@Injectable()
export class EnterprisesService {
  constructor(private readonly profiles: OrganizationProfiles) {}

  /** One enterprise as the viewer may see it; NOT_FOUND when it does not exist or is not visible. */
  async get(actor: Actor | null, id: string): Promise<EnterpriseType> {
    return toEnterpriseType(await this.profiles.read<EnterpriseRow>(actor, id, ENTERPRISE));
  }

  /** Creates an enterprise, UNVERIFIED, with the actor as its OWNER. */
  async create(actor: Actor, input: CreateEnterpriseInput): Promise<EnterprisePayload> {
    const { id, owner } = await this.profiles.create(actor, ENTERPRISE, input, async (manager, organizationId) => {
      await manager.query(
        `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader, open_resources) VALUES ($1, $2, $3, $4)`,
        [organizationId, input.industryCode, input.isChainLeader ?? false, JSON.stringify(toResources(input.openResources) ?? [])],
      );
    });
    return { enterprise: await this.get(owner, id) };
  }

  /** Edits an enterprise (its OWNER or ADMIN). A verified enterprise that changes its name is verified again. */
  async update(actor: Actor, input: UpdateEnterpriseInput): Promise<EnterprisePayload> {
    await this.profiles.update(actor, ENTERPRISE, input.id, input, async (manager) => ({
      fields: await updateColumns(manager, 'enterprises', 'organization_id', input.id, [
        ['industryCode', 'industry_code', input.industryCode],
        ['isChainLeader', 'is_chain_leader', input.isChainLeader],
        ['openResources', 'open_resources', input.openResources ? JSON.stringify(toResources(input.openResources)) : undefined],
      ]),
      reverify: false,
    }));
    return { enterprise: await this.get(actor, input.id) };
  }
}
