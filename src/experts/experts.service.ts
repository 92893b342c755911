import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { isAdmin, type Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '../common/pagination/connection.js';
import { TechnicalFieldsService } from '../technical-fields/index.js';
import {
  ExpertProfilePayload,
  ExpertProfileType,
  ExpertsArgs,
  GrantExpertRoleInput,
  PoolExpertType,
  RevokeExpertRoleInput,
} from './dto/expert.types.js';
import {
  addExpertRole,
  findExpertProfile,
  listPoolExperts,
  lockUserPlatformRoles,
  markExpertProfileRevoked,
  removeExpertRole,
  replaceExpertFields,
  upsertExpertProfile,
  userExists,
} from './experts.queries.js';

/** The expert pool: admins grant the EXPERT platform role with a profile, and revoke it. */
@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly fields: TechnicalFieldsService,
  ) {}

  async grant(actor: Actor, input: GrantExpertRoleInput): Promise<ExpertProfilePayload> {
    const codes = [...new Set(input.fieldCodes.map((c) => c.trim()))];
    return this.dataSource.transaction(async (manager) => {
      const platformRoles = await lockUserPlatformRoles(manager, input.userId);
      if (!platformRoles) throw new NotFoundError('User');
      await this.fields.assertKnown(manager, codes, 'fieldCodes');
      const wasExpert = platformRoles.includes('EXPERT');
      await upsertExpertProfile(manager, {
        userId: input.userId,
        affiliationName: input.affiliationName,
        affiliationCreditCode: input.affiliationCreditCode ?? null,
        bio: input.bio ?? '',
      });
      await replaceExpertFields(manager, input.userId, codes);
      if (!wasExpert) await addExpertRole(manager, input.userId);
      await this.audit.record(manager, {
        actor,
        action: wasExpert ? 'EXPERT_PROFILE_UPDATED' : 'EXPERT_ROLE_GRANTED',
        entityType: 'User',
        entityId: input.userId,
        data: {
          fieldCodes: codes,
          affiliationName: input.affiliationName,
          affiliationCreditCode: input.affiliationCreditCode ?? null,
        },
      });
      return { expert: await this.byId(manager, input.userId) };
    });
  }

  async revoke(actor: Actor, input: RevokeExpertRoleInput): Promise<ExpertProfilePayload> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await removeExpertRole(manager, input.userId))) {
        if (!(await userExists(manager, input.userId))) throw new NotFoundError('User');
        throw new ConflictError('NOT_AN_EXPERT', 'This user is not an expert');
      }
      // A role granted outside the pool (create-admin style) has no profile yet: keep a minimal one.
      await markExpertProfileRevoked(manager, input.userId);
      await this.audit.record(manager, {
        actor,
        action: 'EXPERT_ROLE_REVOKED',
        entityType: 'User',
        entityId: input.userId,
        reason: input.reason,
      });
      return { expert: await this.byId(manager, input.userId) };
    });
  }

  /**
   * The expert pool for choosing reviewers: members of an enterprise (any role) and platform admins; most
   * recently granted first, keyset-paged, one statement per page.
   */
  async list(actor: Actor, args: ExpertsArgs): Promise<ConnectionShape<PoolExpertType>> {
    if (!isAdmin(actor) && actor.organization?.kind !== 'ENTERPRISE') {
      throw new ForbiddenError(
        'EXPERT_POOL_ENTERPRISES_ONLY',
        'Only members of an enterprise and platform administrators may browse the expert pool',
      );
    }
    const first = pageSize(args);
    const cursor = args.after ? decodeCursor(args.after, ['timestamp', 'uuid']) : null;
    const search = args.filter?.search;
    const rows = await listPoolExperts(
      this.dataSource,
      {
        technicalFieldCodes: args.filter?.technicalFieldCodes
          ? [...new Set(args.filter.technicalFieldCodes)]
          : null,
        searchPattern: search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
        includeRevoked: args.filter?.includeRevoked ?? false,
      },
      cursor ? { grantedAt: String(cursor[0]), userId: String(cursor[1]) } : null,
      first + 1,
    );
    return toConnection(
      rows,
      first,
      (row) => encodeCursor([row.grantedAt.toISOString(), row.userId]),
      ({ grantedAt: _grantedAt, ...expert }) => expert,
      args.after,
    );
  }

  private async byId(manager: EntityManager, userId: string): Promise<ExpertProfileType> {
    const expert = await findExpertProfile(manager, userId);
    if (!expert) throw new NotFoundError('Expert');
    return expert;
  }
}
