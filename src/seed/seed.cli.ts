import 'reflect-metadata';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import { emailSkeleton, hashPassword } from '../users/index.js';
import { runWithDatabase, type CommandDatabase } from '../app/database/command-database.js';
import {
  DEMO_ADMIN,
  DEMO_ENTERPRISES,
  DEMO_EXPERT,
  DEMO_PASSWORD,
  DEMO_SMES,
} from './seed-data.js';
import { seedMarketplace, type MarketplaceResult } from './seed-marketplace.js';
import { createApp } from '../app/bootstrap.js';

/** Any fixed number: two seeds at once run one after the other. */
const SEED_LOCK_KEY = 5_512_204_771;

/**
 * npm run seed: loads the demo data set. Idempotent: everything is looked up by its natural key
 * (e-mail, credit code) and created only when missing, so a second run changes nothing.
 */
async function main(database: CommandDatabase): Promise<void> {
  if (process.env.NODE_ENV === 'production')
    throw new Error(
      'npm run seed loads demo accounts with a published password: refused with NODE_ENV=production',
    );
  const dataSource = database.dataSource();
  await dataSource.initialize();
  const audit = new AuditService();
  let created = 0;
  let marketplace: MarketplaceResult;
  try {
    await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const passwordHash = await hashPassword(DEMO_PASSWORD);

      const ensureUser = async (
        email: string,
        displayName: string,
        roles: string[],
      ): Promise<string> => {
        const [found] = (await manager.query(`SELECT id FROM users WHERE email = $1`, [email])) as {
          id: string;
        }[];
        if (found) return found.id;
        const [row] = (await manager.query(
          `INSERT INTO users (email, email_skeleton, password_hash, display_name, locale, platform_roles) VALUES ($1, $2, $3, $4, 'zh-CN', $5) RETURNING id`,
          [email, emailSkeleton(email), passwordHash, displayName, roles],
        )) as { id: string }[];
        created += 1;
        return row.id;
      };

      const adminId = await ensureUser(DEMO_ADMIN.email, DEMO_ADMIN.displayName, ['ADMIN']);
      const admin = { userId: adminId, sessionId: 'seed', platformRoles: ['ADMIN'] as const };

      const expertId = await ensureUser(DEMO_EXPERT.email, DEMO_EXPERT.displayName, ['EXPERT']);
      const [profile] = (await manager.query(`SELECT 1 FROM expert_profiles WHERE user_id = $1`, [
        expertId,
      ])) as unknown[];
      if (!profile) {
        await manager.query(
          `INSERT INTO expert_profiles (user_id, affiliation_name) VALUES ($1, $2)`,
          [expertId, DEMO_EXPERT.affiliationName],
        );
        await manager.query(
          `INSERT INTO expert_technical_fields (user_id, field_code) SELECT $1, unnest($2::varchar[])`,
          [expertId, DEMO_EXPERT.fieldCodes],
        );
        await audit.record(manager, {
          actor: admin,
          action: 'EXPERT_ROLE_GRANTED',
          entityType: 'User',
          entityId: expertId,
          data: { fieldCodes: DEMO_EXPERT.fieldCodes, seed: true },
        });
        created += 1;
      }

      const ensureOrganization = async (
        kind: 'ENTERPRISE' | 'SME',
        o: {
          key: string;
          nameZh: string;
          nameEn: string | null;
          creditCode: string;
          regionCode: string;
          description: string;
        },
        verified: boolean,
        details: (m: EntityManager, id: string) => Promise<void>,
      ): Promise<{ id: string; isNew: boolean }> => {
        const [found] = (await manager.query(
          `SELECT id FROM organizations WHERE credit_code = $1`,
          [o.creditCode],
        )) as { id: string }[];
        if (found) return { id: found.id, isNew: false };
        const ownerId = await ensureUser(`${o.key}@demo.innovation.cn`, `${o.nameZh} 管理员`, []);
        const [row] = (await manager.query(
          `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, description, contact_email, contact_phone, created_by,
                                      verification_status, verified_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, '+86 400 000 0000', $8, $9, CASE WHEN $9 = 'VERIFIED'::organization_verification_status THEN now() END) RETURNING id`,
          [
            kind,
            o.nameZh,
            o.nameEn,
            o.creditCode,
            o.regionCode,
            o.description,
            `contact@${o.key}.demo.cn`,
            ownerId,
            verified ? 'VERIFIED' : 'UNVERIFIED',
          ],
        )) as { id: string }[];
        await details(manager, row.id);
        await manager.query(
          `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`,
          [ownerId, row.id],
        );
        await audit.record(manager, {
          actor: null,
          action: 'ORGANIZATION_CREATED',
          entityType: 'Organization',
          entityId: row.id,
          organizationId: row.id,
          to: 'UNVERIFIED',
          data: { kind, seed: true },
        });
        if (verified) {
          await audit.record(manager, {
            actor: admin,
            action: 'ORGANIZATION_VERIFIED',
            entityType: 'Organization',
            entityId: row.id,
            organizationId: row.id,
            from: 'UNVERIFIED',
            to: 'VERIFIED',
            reason: 'demo data',
          });
        }
        created += 1;
        return { id: row.id, isNew: true };
      };

      for (const e of DEMO_ENTERPRISES) {
        const { id, isNew } = await ensureOrganization('ENTERPRISE', e, true, async (m, orgId) => {
          await m.query(
            `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader, open_resources) VALUES ($1, $2, $3, $4)`,
            [orgId, e.industryCode, e.isChainLeader, JSON.stringify(e.openResources)],
          );
        });
        if (!isNew) continue;
        const [m] = (await manager.query(
          `INSERT INTO alliance_memberships (organization_id, status, tier, statement, applied_at, admitted_at, status_reason, status_changed_at)
           VALUES ($1, 'ACTIVE', $2, '大企业创新联盟发起成员（2022 全球技术转移大会）', '2022-08-29T09:00:00+08', '2022-08-29T10:00:00+08', '联盟成立', now())
           RETURNING id`,
          [id, e.tier],
        )) as { id: string }[];
        await audit.record(manager, {
          actor: null,
          action: 'ALLIANCE_APPLIED',
          entityType: 'AllianceMembership',
          entityId: m.id,
          organizationId: id,
          to: 'APPLIED',
          data: { seed: true },
        });
        await audit.record(manager, {
          actor: admin,
          action: 'ALLIANCE_MEMBERSHIP_ADMITTED',
          entityType: 'AllianceMembership',
          entityId: m.id,
          organizationId: id,
          from: 'APPLIED',
          to: 'ACTIVE',
          reason: '联盟成立',
          data: { tier: e.tier },
        });
      }

      for (const s of DEMO_SMES) {
        await ensureOrganization(
          'SME',
          { ...s, description: s.capability },
          s.verified,
          async (m, orgId) => {
            const has = s.qualification !== 'NONE';
            await m.query(
              `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from, qualification_valid_until,
                               capability_statement, founding_year, employees)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
              [
                orgId,
                s.sizeClass,
                s.qualification,
                has ? `ZJTX-${s.creditCode.slice(8, 14)}` : null,
                has ? (s.validYears < 0 ? '2019-01-01' : '2022-01-01') : null,
                has ? (s.validYears < 0 ? '2021-12-31' : `${2022 + s.validYears + 4}-12-31`) : null,
                s.capability,
                s.foundingYear,
                s.employees,
              ],
            );
            await m.query(
              `INSERT INTO sme_technical_fields (organization_id, field_code) SELECT $1, unnest($2::varchar[])`,
              [orgId, s.fields],
            );
          },
        );
      }
    });
    // The marketplace (challenges at every stage, proposals, reviews) through the API, on the same database.
    marketplace = await seedMarketplace(database.url, createApp);
  } finally {
    await dataSource.destroy();
  }
  created += marketplace.challengesCreated + marketplace.expertsCreated;
  console.log(
    created
      ? `seeded: ${created} new records (${marketplace.challengesCreated} demo challenges)`
      : 'seed: nothing to do (already loaded)',
  );
  console.log(`\nDemo personas (development only; password for all: ${DEMO_PASSWORD})`);
  for (const p of marketplace.personas)
    console.log(`  ${p.email.padEnd(40)} ${p.role.padEnd(28)} ${p.organization}`);
}

runWithDatabase({ applicationName: 'marketplace-seed' }, main);
