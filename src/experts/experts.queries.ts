import type { SqlTarget } from '../database/typed-query.js';
import {
  date,
  dateOrNull,
  execute,
  jsonRows,
  queryOne,
  queryRows,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import { technicalFieldJsonSql, toTechnicalFieldJson } from '../technical-fields/index.js';
import type { ExpertProfileType, PoolExpertType } from './dto/expert.types.js';

/** The SQL of the expert pool (see docs/architecture.md, "The SQL layer"). */

/** The user's platform roles, the row locked (FOR UPDATE) until the transaction ends; undefined for no such user. */
export function lockUserPlatformRoles(
  target: SqlTarget,
  userId: string,
): Promise<string[] | undefined> {
  return queryOne(
    target,
    `SELECT platform_roles FROM users WHERE id = $1 FOR UPDATE`,
    [userId],
    (row) => strArray(row, 'platform_roles'),
  );
}

export async function userExists(target: SqlTarget, userId: string): Promise<boolean> {
  return (
    (await queryOne(target, `SELECT 1 FROM users WHERE id = $1`, [userId], () => true)) === true
  );
}

/** Creates or updates the profile; a revoked profile becomes active again with a new grant date. */
export function upsertExpertProfile(
  target: SqlTarget,
  profile: {
    userId: string;
    affiliationName: string;
    affiliationCreditCode: string | null;
    bio: string;
  },
): Promise<void> {
  return execute(
    target,
    `INSERT INTO expert_profiles (user_id, affiliation_name, affiliation_credit_code, bio) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET affiliation_name = $2, affiliation_credit_code = $3, bio = $4, updated_at = now(),
           granted_at = CASE WHEN expert_profiles.revoked_at IS NULL THEN expert_profiles.granted_at ELSE now() END,
           revoked_at = NULL`,
    [profile.userId, profile.affiliationName, profile.affiliationCreditCode, profile.bio],
  );
}

/** Replaces the expert's technical fields (two statements: delete, insert). */
export async function replaceExpertFields(
  target: SqlTarget,
  userId: string,
  codes: readonly string[],
): Promise<void> {
  await execute(target, `DELETE FROM expert_technical_fields WHERE user_id = $1`, [userId]);
  await execute(
    target,
    `INSERT INTO expert_technical_fields (user_id, field_code) SELECT $1, unnest($2::varchar[])`,
    [userId, codes],
  );
}

export function addExpertRole(target: SqlTarget, userId: string): Promise<void> {
  return execute(
    target,
    `UPDATE users SET platform_roles = array_append(platform_roles, 'EXPERT'), updated_at = now() WHERE id = $1`,
    [userId],
  );
}

/** Takes the EXPERT role away; false when the user does not exist or is not an expert. */
export async function removeExpertRole(target: SqlTarget, userId: string): Promise<boolean> {
  const rows = await queryRows(
    target,
    `UPDATE users SET platform_roles = array_remove(platform_roles, 'EXPERT'), updated_at = now()
          WHERE id = $1 AND 'EXPERT' = ANY(platform_roles) RETURNING id`,
    [userId],
    (row) => str(row, 'id'),
  );
  return rows.length > 0;
}

/** Marks the profile revoked; a role granted outside the pool (create-admin style) gets a minimal revoked profile. */
export function markExpertProfileRevoked(target: SqlTarget, userId: string): Promise<void> {
  return execute(
    target,
    `INSERT INTO expert_profiles (user_id, affiliation_name, revoked_at) VALUES ($1, '', now())
         ON CONFLICT (user_id) DO UPDATE SET revoked_at = now(), updated_at = now()`,
    [userId],
  );
}

/** The expert's profile with its fields (ordered by code), active or revoked; undefined without a profile. */
export function findExpertProfile(
  target: SqlTarget,
  userId: string,
): Promise<ExpertProfileType | undefined> {
  return queryOne(
    target,
    `SELECT p.user_id, u.display_name, p.affiliation_name, p.affiliation_credit_code, p.bio, p.granted_at, p.revoked_at,
              (SELECT coalesce(json_agg(${technicalFieldJsonSql('f')}
                                        ORDER BY f.code), '[]'::json)
                 FROM expert_technical_fields ef JOIN technical_fields f ON f.code = ef.field_code WHERE ef.user_id = p.user_id) AS fields
         FROM expert_profiles p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1`,
    [userId],
    (row) => {
      const revokedAt = dateOrNull(row, 'revoked_at');
      return {
        userId: str(row, 'user_id'),
        displayName: str(row, 'display_name'),
        affiliationName: str(row, 'affiliation_name'),
        affiliationCreditCode: strOrNull(row, 'affiliation_credit_code'),
        bio: str(row, 'bio'),
        fields: jsonRows(row, 'fields').map(toTechnicalFieldJson),
        active: revokedAt === null,
        grantedAt: date(row, 'granted_at'),
        revokedAt,
      };
    },
  );
}

/** A row of the expert pool with the keyset it is paged by. */
export interface PoolExpertRow extends PoolExpertType {
  grantedAt: Date;
}

/**
 * One page of the expert pool, most recently granted first (granted_at, user_id descending), `limit` rows
 * after the keyset `after`; one statement, the fields aggregated per row. Only the columns an issuer needs.
 * A field code also finds the experts of its sub-fields.
 */
export function listPoolExperts(
  target: SqlTarget,
  filter: {
    technicalFieldCodes: readonly string[] | null;
    /** A LIKE pattern, escaped. */
    searchPattern: string | null;
    includeRevoked: boolean;
  },
  after: { grantedAt: string; userId: string } | null,
  limit: number,
): Promise<PoolExpertRow[]> {
  return queryRows(
    target,
    `SELECT p.user_id, u.display_name, p.affiliation_name, p.granted_at, p.revoked_at,
              (SELECT coalesce(json_agg(${technicalFieldJsonSql('f')} ORDER BY f.code), '[]'::json)
                 FROM expert_technical_fields ef JOIN technical_fields f ON f.code = ef.field_code
                WHERE ef.user_id = p.user_id) AS fields
         FROM expert_profiles p JOIN users u ON u.id = p.user_id
        WHERE ($1::boolean OR (p.revoked_at IS NULL AND 'EXPERT' = ANY(u.platform_roles)))
          AND ($2::varchar[] IS NULL OR EXISTS (SELECT 1 FROM expert_technical_fields ef
                WHERE ef.user_id = p.user_id
                  AND (ef.field_code = ANY($2::varchar[]) OR ef.field_code LIKE ANY($7::text[]))))
          AND ($3::text IS NULL OR u.display_name ILIKE $3 OR p.affiliation_name ILIKE $3)
          AND ($4::timestamptz IS NULL OR (p.granted_at, p.user_id) < ($4::timestamptz, $5::uuid))
        ORDER BY p.granted_at DESC, p.user_id DESC
        LIMIT $6`,
    [
      filter.includeRevoked,
      filter.technicalFieldCodes,
      filter.searchPattern,
      after?.grantedAt ?? null,
      after?.userId ?? null,
      limit,
      filter.technicalFieldCodes?.map((code) => `${code.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`) ??
        null,
    ],
    (row) => ({
      userId: str(row, 'user_id'),
      displayName: str(row, 'display_name'),
      affiliationName: str(row, 'affiliation_name'),
      fields: jsonRows(row, 'fields').map(toTechnicalFieldJson),
      active: dateOrNull(row, 'revoked_at') === null,
      grantedAt: date(row, 'granted_at'),
    }),
  );
}
