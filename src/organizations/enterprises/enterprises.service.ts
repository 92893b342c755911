import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors.js';
import { assertUuid } from '../common/uuid.js';
import { ORGANIZATION_COLUMNS, OrganizationRow, scoped, toMembers, VISIBLE_ORGANIZATION } from '../organizations/organization-sql.js';
import { resetVerification, updateColumns, updateSharedColumns } from '../organizations/organization-update.js';
import { OrganizationKind } from '../organizations/organization.entity.js';
import {
  alreadyInOrganization,
  assertCreditCodeFree,
  CREDIT_CODE_CONSTRAINT,
  creditCodeTaken,
  MEMBER_CONSTRAINT,
  OrganizationsService,
} from '../organizations/organizations.service.js';
import { CreateEnterpriseInput, OpenResourceInput, UpdateEnterpriseInput } from './dto/enterprise.inputs.js';
import { EnterprisePayload, EnterpriseType } from './dto/enterprise.types.js';
import type { OpenResource } from './enterprise.entity.js';
import { uniqueViolation } from '../database/pg-errors.js';

interface EnterpriseRow extends OrganizationRow {
  industry_code: string;
  is_chain_leader: boolean;
  open_resources: OpenResource[];
}

/** The only way an enterprise row becomes API output. */
export function toEnterpriseType(row: EnterpriseRow): EnterpriseType {
  return {
    id: row.id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    industryCode: row.industry_code,
    description: row.description,
    isChainLeader: row.is_chain_leader,
    openResources: row.open_resources.map((r) => ({ type: r.type, title: r.title, description: r.description })),
    verificationStatus: row.verification_status,
    verificationReason: row.can_see_private ? row.verification_reason : null,
    verifiedAt: row.verified_at,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    members: toMembers(row),
    createdAt: row.created_at,
  };
}

const toResources = (list: OpenResourceInput[] | undefined): OpenResource[] | undefined =>
  list?.map((r) => ({ type: r.type, title: r.title, description: r.description ?? '' }));

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** One enterprise as the viewer may see it; NOT_FOUND when it does not exist or is not visible. */
  async get(actor: Actor | null, id: string): Promise<EnterpriseType> {
    assertUuid(id);
    const q = scoped(
      `SELECT ${ORGANIZATION_COLUMNS}, e.industry_code, e.is_chain_leader, e.open_resources
         FROM organizations o JOIN enterprises e ON e.organization_id = o.id
        WHERE o.id = $1 AND ${VISIBLE_ORGANIZATION}`,
      2,
      actor,
    );
    const [row] = (await this.dataSource.query(q.sql, [id, ...q.params])) as EnterpriseRow[];
    if (!row) throw new NotFoundError('Enterprise');
    return toEnterpriseType(row);
  }

  /** Creates an enterprise, UNVERIFIED, with the actor as its OWNER. */
  async create(actor: Actor, input: CreateEnterpriseInput): Promise<EnterprisePayload> {
    if (actor.organization) throw alreadyInOrganization();
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await assertCreditCodeFree(manager, input.creditCode);
        const [org] = (await manager.query(
          `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, description, contact_email, contact_phone, created_by)
           VALUES ('ENTERPRISE', $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [input.nameZh, input.nameEn ?? null, input.creditCode, input.regionCode, input.description ?? '', input.contactEmail ?? null, input.contactPhone ?? null, actor.userId],
        )) as { id: string }[];
        await manager.query(
          `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader, open_resources) VALUES ($1, $2, $3, $4)`,
          [org.id, input.industryCode, input.isChainLeader ?? false, JSON.stringify(toResources(input.openResources) ?? [])],
        );
        await manager.query(`INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [actor.userId, org.id]);
        await this.audit.record(manager, {
          actor,
          action: 'ORGANIZATION_CREATED',
          entityType: 'Organization',
          entityId: org.id,
          organizationId: org.id,
          to: 'UNVERIFIED',
          data: { kind: OrganizationKind.ENTERPRISE, nameZh: input.nameZh, creditCode: input.creditCode },
        });
        return org.id;
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === CREDIT_CODE_CONSTRAINT) throw creditCodeTaken();
      if (constraint === MEMBER_CONSTRAINT) throw alreadyInOrganization();
      throw error;
    }
    return { enterprise: await this.get({ ...actor, organization: { id, kind: 'ENTERPRISE', role: 'OWNER' } }, id) };
  }

  /** Edits an enterprise (its OWNER or ADMIN). A verified enterprise that changes its name is verified again. */
  async update(actor: Actor, input: UpdateEnterpriseInput): Promise<EnterprisePayload> {
    await this.dataSource.transaction(async (manager) => {
      const { verificationStatus } = await this.organizations.lockManaged(manager, actor, input.id, OrganizationKind.ENTERPRISE);
      const [current] = (await manager.query(`SELECT name_zh FROM organizations WHERE id = $1`, [input.id])) as { name_zh: string }[];
      const shared = await updateSharedColumns(manager, input.id, input);
      const own = await updateColumns(manager, 'enterprises', 'organization_id', input.id, [
        ['industryCode', 'industry_code', input.industryCode],
        ['isChainLeader', 'is_chain_leader', input.isChainLeader],
        ['openResources', 'open_resources', input.openResources ? JSON.stringify(toResources(input.openResources)) : undefined],
      ]);
      const renamed = input.nameZh !== undefined && input.nameZh !== current.name_zh;
      const reset = renamed ? await resetVerification(manager, input.id, verificationStatus) : null;
      await this.audit.record(manager, {
        actor,
        action: 'ORGANIZATION_UPDATED',
        entityType: 'Organization',
        entityId: input.id,
        organizationId: input.id,
        from: reset ? verificationStatus : null,
        to: reset,
        data: { fields: [...shared, ...own] },
      });
    });
    return { enterprise: await this.get(actor, input.id) };
  }
}
