import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { NotFoundError } from '../common/errors.js';
import { assertUuid } from '../common/uuid.js';
import { uniqueViolation } from '../database/pg-errors.js';
import type {
  CreateOrganizationFields,
  UpdateOrganizationFields,
} from './dto/organization-profile.inputs.js';
import { VerificationStatus } from './organization.entity.js';
import {
  findProfile,
  findProfiles,
  insertOrganization,
  insertOwner,
  ProfileKind,
  resetVerification,
  updateSharedColumns,
} from './organizations.queries.js';
import {
  alreadyInOrganization,
  assertCreditCodeFree,
  CREDIT_CODE_CONSTRAINT,
  creditCodeTaken,
  MEMBER_CONSTRAINT,
  OrganizationsService,
} from './organizations.service.js';

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

  /** One profile as the viewer may see it; NOT_FOUND when it does not exist or is not visible. */
  async read<T>(actor: Actor | null, id: string, kind: ProfileKind<T>): Promise<T> {
    assertUuid(id);
    const profile = await findProfile(this.dataSource, actor, id, kind);
    if (profile === undefined) throw new NotFoundError(kind.entity);
    return profile;
  }

  /**
   * The profiles among `ids` the viewer may see, in the order of `ids` (those it may not see left out); with
   * `fields` (the API fields a query selects), read only as far as they need.
   */
  async readMany<T extends { id: string }>(
    actor: Actor | null,
    ids: readonly string[],
    kind: ProfileKind<T>,
    fields?: ReadonlySet<string>,
  ): Promise<T[]> {
    if (!ids.length) return [];
    const byId = new Map(
      (await findProfiles(this.dataSource, actor, ids, kind, fields)).map((p) => [p.id, p]),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Creates an organisation of the kind, UNVERIFIED, with the actor as its OWNER: `insertOwn` writes the
   * kind's own rows (and checks what it must) in the same transaction. Returns the new organisation's id
   * and the actor as its OWNER, to read the profile back with.
   */
  async create(
    actor: Actor,
    kind: ProfileKind<unknown>,
    input: CreateOrganizationFields,
    insertOwn: (manager: EntityManager, organizationId: string) => Promise<void>,
    auditData: Record<string, unknown> = {},
  ): Promise<{ id: string; owner: Actor }> {
    if (actor.organization) throw alreadyInOrganization();
    let id: string;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        await assertCreditCodeFree(manager, input.creditCode);
        const orgId = await insertOrganization(manager, kind.kind, input, actor.userId);
        await insertOwn(manager, orgId);
        await insertOwner(manager, actor.userId, orgId);
        await this.audit.record(manager, {
          actor,
          action: 'ORGANIZATION_CREATED',
          entityType: 'Organization',
          entityId: orgId,
          organizationId: orgId,
          to: 'UNVERIFIED',
          data: {
            kind: kind.kind,
            nameZh: input.nameZh,
            creditCode: input.creditCode,
            ...auditData,
          },
        });
        return orgId;
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
    kind: ProfileKind<unknown>,
    id: string,
    input: UpdateOrganizationFields,
    updateOwn: (manager: EntityManager) => Promise<{ fields: string[]; reverify: boolean }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { verificationStatus, nameZh } = await this.organizations.lockManaged(
        manager,
        actor,
        id,
        kind.kind,
      );
      const shared = await updateSharedColumns(manager, id, input);
      const own = await updateOwn(manager);
      const renamed = input.nameZh !== undefined && input.nameZh !== nameZh;
      const reset: VerificationStatus | null =
        renamed || own.reverify ? await resetVerification(manager, id, verificationStatus) : null;
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
