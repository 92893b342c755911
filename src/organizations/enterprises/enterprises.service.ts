import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { OrganizationProfiles } from '../organization-profiles.js';
import { updateColumns } from '../organizations.queries.js';
import {
  CreateEnterpriseInput,
  OpenResourceInput,
  UpdateEnterpriseInput,
} from './dto/enterprise.inputs.js';
import { EnterprisePayload, EnterpriseType } from './dto/enterprise.types.js';
import type { OpenResource } from './enterprise.entity.js';
import { ENTERPRISE, insertEnterprise } from './enterprises.queries.js';

const toResources = (list: OpenResourceInput[] | undefined): OpenResource[] | undefined =>
  list?.map((r) => ({ type: r.type, title: r.title, description: r.description ?? '' }));

/** Enterprises (发榜方): the shared profile (OrganizationProfiles) plus the `enterprises` row. */
@Injectable()
export class EnterprisesService {
  constructor(private readonly profiles: OrganizationProfiles) {}

  /** One enterprise as the viewer may see it; NOT_FOUND when it does not exist or is not visible. */
  async get(actor: Actor | null, id: string): Promise<EnterpriseType> {
    return this.profiles.read(actor, id, ENTERPRISE);
  }

  /** Creates an enterprise, UNVERIFIED, with the actor as its OWNER. */
  async create(actor: Actor, input: CreateEnterpriseInput): Promise<EnterprisePayload> {
    const { id, owner } = await this.profiles.create(
      actor,
      ENTERPRISE,
      input,
      (manager, organizationId) =>
        insertEnterprise(manager, organizationId, {
          industryCode: input.industryCode,
          isChainLeader: input.isChainLeader ?? false,
          openResources: toResources(input.openResources) ?? [],
        }),
    );
    return { enterprise: await this.get(owner, id) };
  }

  /** Edits an enterprise (its OWNER or ADMIN). A verified enterprise that changes its name is verified again. */
  async update(actor: Actor, input: UpdateEnterpriseInput): Promise<EnterprisePayload> {
    await this.profiles.update(actor, ENTERPRISE, input.id, input, async (manager) => ({
      fields: await updateColumns(manager, 'enterprises', 'organization_id', input.id, [
        ['industryCode', 'industry_code', input.industryCode],
        ['isChainLeader', 'is_chain_leader', input.isChainLeader],
        [
          'openResources',
          'open_resources',
          input.openResources ? JSON.stringify(toResources(input.openResources)) : undefined,
        ],
      ]),
      reverify: false,
    }));
    return { enterprise: await this.get(actor, input.id) };
  }
}
