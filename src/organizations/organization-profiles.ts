import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors.js';
import { assertUuid } from '../common/uuid.js';
import { uniqueViolation } from '../database/pg-errors.js';
import type { CreateOrganizationFields, UpdateOrganizationFields } from './dto/organization-profile.inputs.js';
import type { OrganizationProfileType } from './dto/organization-profile.types.js';
import { ORGANIZATION_COLUMNS, OrganizationRow, scoped, toMembers, VISIBLE_ORGANIZATION } from './organization-sql.js';
import { resetVerification, updateSharedColumns } from './organization-update.js';
import { OrganizationKind, VerificationStatus } from './organization.entity.js';
import {
  alreadyInOrganization,
  assertCreditCodeFree,
  CREDIT_CODE_CONSTRAINT,
  creditCodeTaken,
  MEMBER_CONSTRAINT,
  OrganizationsService,
} from './organizations.service.js';

/** One kind of organisation: its own table (joined on `organization_id`) and the columns it adds. */
export interface ProfileKind {
  kind: OrganizationKind.ENTERPRISE | OrganizationKind.SME;
  /** The name in NOT_FOUND answers. */
  entity: 'Enterprise' | 'SME';
  table: 'enterprises' | 'smes';
  alias: 'e' | 's';
  /** The kind's columns in the SELECT list (through `alias`). */
  columns: string;
}

/** The shared part of a profile's API output, from the shared columns (ORGANIZATION_COLUMNS). */
export function toOrganizationProfile(row: OrganizationRow): Omit<OrganizationProfileType, 'regionCode'> & { regionCode: string } {
  return {
    id: row.id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    creditCode: row.credit_code,
    regionCode: row.region_code,
    description: row.description,
    verificationStatus: row.verification_status,
    verificationReason: row.can_see_private ? row.verification_reason : null,
    verifiedAt: row.verified_at,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    members: toMembers(row),
    createdAt: row.created_at,
  };
}

/**
 * What enterprises and SMEs share: reading one profile as the viewer may see it, creating one (the
 * shared row, the creator as OWNER, the audit event) and editing it (the lock and the OWNER/ADMIN check,
 * the shared columns, the new verification a verified organisation needs when what was verified
 * changes, the audit event). Each kind's service adds its own table through callbacks.
 */
@Injectable()
export class OrganizationProfiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  /** One profile row as the viewer may see it; NOT_FOUND when it does not exist or is not visible. */
  async read<R extends OrganizationRow>(actor: Actor | null, id: string, kind: ProfileKind): Promise<R> {
    assertUuid(id);
    const q = scoped(
      `SELECT ${ORGANIZATION_COLUMNS}, ${kind.columns}
         FROM organizations o JOIN ${kind.table} ${kind.alias} ON ${kind.alias}.organization_id = o.id
        WHERE o.id = $1 AND ${VISIBLE_ORGANIZATION}`,
      2,
      actor,
    );
    const [row] = (await this.dataSource.query(q.sql, [id, ...q.params])) as R[];
    if (!row) throw new NotFoundError(kind.entity);
    return row;
  }

  /**
   * Creates an organisation of the kind, UNVERIFIED, with the actor as its OWNER: `insertOwn` writes the
   * kind's own rows (and checks what it must) in the same transaction. Returns the new organisation's id
   * and the actor as its OWNER, to read the profile back with.
   */
  async create(
    actor: Actor,
    kind: ProfileKind,
    input: CreateOrganizationFields,
    insertOwn: (manager: EntityManager, organizationId: string) => Promise<void>,
    auditData: Record<string, unknown> = {},
  ): Promise<{ id: string; owner: Actor }> {
    if (actor.organization) throw alreadyInOrganization();
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await assertCreditCodeFree(manager, input.creditCode);
        const [org] = (await manager.query(
          `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, description, contact_email, contact_phone, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [kind.kind, input.nameZh, input.nameEn ?? null, input.creditCode, input.regionCode, input.description ?? '', input.contactEmail ?? null, input.contactPhone ?? null, actor.userId],
        )) as { id: string }[];
        await insertOwn(manager, org.id);
        await manager.query(`INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [actor.userId, org.id]);
        await this.audit.record(manager, {
          actor,
          action: 'ORGANIZATION_CREATED',
          entityType: 'Organization',
          entityId: org.id,
          organizationId: org.id,
          to: 'UNVERIFIED',
          data: { kind: kind.kind, nameZh: input.nameZh, creditCode: input.creditCode, ...auditData },
        });
        return org.id;
      });
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === CREDIT_CODE_CONSTRAINT) throw creditCodeTaken();
      if (constraint === MEMBER_CONSTRAINT) throw alreadyInOrganization();
      throw error;
    }
    return { id, owner: { ...actor, organization: { id, kind: kind.kind, role: 'OWNER' } } };
  }

  /**
   * Edits an organisation of the kind (its OWNER or ADMIN): locks it, writes the shared columns, then
   * `updateOwn` writes the kind's own and answers which fields it was given and whether what was verified
   * changed. A verified organisation whose name or verified claim changes goes back to UNVERIFIED.
   */
  async update(
    actor: Actor,
    kind: ProfileKind,
    id: string,
    input: UpdateOrganizationFields,
    updateOwn: (manager: EntityManager) => Promise<{ fields: string[]; reverify: boolean }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { verificationStatus, nameZh } = await this.organizations.lockManaged(manager, actor, id, kind.kind);
      const shared = await updateSharedColumns(manager, id, input);
      const own = await updateOwn(manager);
      const renamed = input.nameZh !== undefined && input.nameZh !== nameZh;
      const reset: VerificationStatus | null = renamed || own.reverify ? await resetVerification(manager, id, verificationStatus) : null;
      await this.audit.record(manager, {
        actor,
        action: 'ORGANIZATION_UPDATED',
        entityType: 'Organization',
        entityId: id,
        organizationId: id,
        from: reset ? verificationStatus : null,
        to: reset,
        data: { fields: [...shared, ...own.fields] },
      });
    });
  }
}
