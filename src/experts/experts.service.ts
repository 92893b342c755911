import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, NotFoundError } from '../common/errors.js';
import type { TechnicalFieldType } from '../technical-fields/dto/technical-field.types.js';
import { TechnicalFieldsService } from '../technical-fields/technical-fields.service.js';
import { ExpertProfilePayload, ExpertProfileType, GrantExpertRoleInput, RevokeExpertRoleInput } from './dto/expert.types.js';

interface ExpertRow {
  user_id: string;
  display_name: string;
  affiliation_name: string;
  affiliation_credit_code: string | null;
  bio: string;
  granted_at: Date;
  revoked_at: Date | null;
  fields: TechnicalFieldType[];
}

const toExpertType = (r: ExpertRow): ExpertProfileType => ({
  userId: r.user_id,
  displayName: r.display_name,
  affiliationName: r.affiliation_name,
  affiliationCreditCode: r.affiliation_credit_code,
  bio: r.bio,
  fields: r.fields,
  active: r.revoked_at === null,
  grantedAt: r.granted_at,
  revokedAt: r.revoked_at,
});

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
      const [user] = (await manager.query(`SELECT platform_roles FROM users WHERE id = $1 FOR UPDATE`, [input.userId])) as {
        platform_roles: string[];
      }[];
      if (!user) throw new NotFoundError('User');
      await this.fields.assertKnown(manager, codes, 'fieldCodes');
      const wasExpert = user.platform_roles.includes('EXPERT');
      await manager.query(
        `INSERT INTO expert_profiles (user_id, affiliation_name, affiliation_credit_code, bio) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET affiliation_name = $2, affiliation_credit_code = $3, bio = $4, updated_at = now(),
           granted_at = CASE WHEN expert_profiles.revoked_at IS NULL THEN expert_profiles.granted_at ELSE now() END,
           revoked_at = NULL`,
        [input.userId, input.affiliationName, input.affiliationCreditCode ?? null, input.bio ?? ''],
      );
      await manager.query(`DELETE FROM expert_technical_fields WHERE user_id = $1`, [input.userId]);
      await manager.query(`INSERT INTO expert_technical_fields (user_id, field_code) SELECT $1, unnest($2::varchar[])`, [input.userId, codes]);
      if (!wasExpert) {
        await manager.query(`UPDATE users SET platform_roles = array_append(platform_roles, 'EXPERT'), updated_at = now() WHERE id = $1`, [input.userId]);
      }
      await this.audit.record(manager, {
        actor,
        action: wasExpert ? 'EXPERT_PROFILE_UPDATED' : 'EXPERT_ROLE_GRANTED',
        entityType: 'User',
        entityId: input.userId,
        data: { fieldCodes: codes, affiliationName: input.affiliationName, affiliationCreditCode: input.affiliationCreditCode ?? null },
      });
      return { expert: await this.byId(manager, input.userId) };
    });
  }

  async revoke(actor: Actor, input: RevokeExpertRoleInput): Promise<ExpertProfilePayload> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE users SET platform_roles = array_remove(platform_roles, 'EXPERT'), updated_at = now()
          WHERE id = $1 AND 'EXPERT' = ANY(platform_roles) RETURNING id`,
        [input.userId],
      )) as [unknown[], number];
      if (!rows.length) {
        const [user] = (await manager.query(`SELECT 1 FROM users WHERE id = $1`, [input.userId])) as unknown[];
        if (!user) throw new NotFoundError('User');
        throw new ConflictError('NOT_AN_EXPERT', 'This user is not an expert');
      }
      // A role granted outside the pool (create-admin style) has no profile yet: keep a minimal one.
      await manager.query(
        `INSERT INTO expert_profiles (user_id, affiliation_name, revoked_at) VALUES ($1, '', now())
         ON CONFLICT (user_id) DO UPDATE SET revoked_at = now(), updated_at = now()`,
        [input.userId],
      );
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

  private async byId(manager: EntityManager, userId: string): Promise<ExpertProfileType> {
    const [row] = (await manager.query(
      `SELECT p.user_id, u.display_name, p.affiliation_name, p.affiliation_credit_code, p.bio, p.granted_at, p.revoked_at,
              (SELECT coalesce(json_agg(json_build_object('code', f.code, 'parentCode', f.parent_code, 'nameZh', f.name_zh, 'nameEn', f.name_en)
                                        ORDER BY f.code), '[]'::json)
                 FROM expert_technical_fields ef JOIN technical_fields f ON f.code = ef.field_code WHERE ef.user_id = p.user_id) AS fields
         FROM expert_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1`,
      [userId],
    )) as ExpertRow[];
    if (!row) throw new NotFoundError('Expert');
    return toExpertType(row);
  }
}
