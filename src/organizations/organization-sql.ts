import type { Actor } from '../common/auth/actor.js';
import { isAdmin } from '../common/auth/actor.js';

/**
 * SQL pieces to read organisations scoped to a viewer. Queries using them take the viewer's
 * organisation id and admin flag as two parameters, referenced here as $VIEWER_ORG and $VIEWER_ADMIN
 * (replaced by `scoped()` with real parameter numbers).
 */
const PRIVATE = `(o.id = $VIEWER_ORG::uuid OR $VIEWER_ADMIN::boolean)`;

/**
 * Whether the organisation `o` is verified (a platform admin checked it): what the organisation's visibility,
 * the eligibility rule, the qualification that counts and matchmaking all rely on.
 */
export function verifiedSql(o = 'o'): string {
  return `${o}.verification_status = 'VERIFIED'`;
}

/** Unverified and rejected organisations are seen only by their members and platform admins. */
const VISIBLE_ORGANIZATION = `(${verifiedSql('o')} OR ${PRIVATE})`;

const ORGANIZATION_COLUMNS = `
  o.id, o.kind, o.name_zh, o.name_en, o.credit_code, o.region_code, o.description,
  o.verification_status, o.verification_reason, o.verified_at, o.created_at, o.updated_at,
  ${PRIVATE} AS can_see_private,
  CASE WHEN ${PRIVATE} THEN o.contact_email END AS contact_email,
  CASE WHEN ${PRIVATE} THEN o.contact_phone END AS contact_phone,
  CASE WHEN ${PRIVATE} THEN (
    SELECT coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u.display_name, 'email', u.email,
                                               'role', m.role, 'joinedAt', m.joined_at) ORDER BY m.joined_at, u.id), '[]'::json)
      FROM organization_members m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = o.id) END AS members`;

/** Replaces the viewer placeholders with $n and $n+1, and returns the two parameter values. */
function scoped(
  sql: string,
  firstParam: number,
  actor: Actor | null,
): { sql: string; params: [string | null, boolean] } {
  return {
    sql: sql
      .replaceAll('$VIEWER_ORG', `$${firstParam}`)
      .replaceAll('$VIEWER_ADMIN', `$${firstParam + 1}`),
    params: [actor?.organization?.id ?? null, isAdmin(actor)],
  };
}

/**
 * One profile of a kind (its table joined on `organization_id` as `alias`, its `columns`) by id ($1), if the viewer
 * may see it; with `many`, those of the ids in the array $1 the viewer may see.
 */
export function profileSql(
  kind: { table: string; alias: string; columns: string },
  actor: Actor | null,
  many = false,
): { sql: string; params: [string | null, boolean] } {
  return scoped(
    `SELECT ${ORGANIZATION_COLUMNS}, ${kind.columns}
         FROM organizations o JOIN ${kind.table} ${kind.alias} ON ${kind.alias}.organization_id = o.id
        WHERE ${many ? 'o.id = ANY($1::uuid[])' : 'o.id = $1'} AND ${VISIBLE_ORGANIZATION}`,
    2,
    actor,
  );
}

/** A table whose columns an edit updates. */
export type UpdatedTable = 'organizations' | 'enterprises' | 'smes';
/** A field of the input, its column, and the new value (undefined: the field was not given, the column stays). */
export type UpdatedColumn = [field: string, column: string, value: unknown];

/**
 * `UPDATE <table> SET ...` for the given columns whose value is not undefined (and `updated_at` on the
 * organisation), with its parameters ($1 the key) and the fields given; null when none was given.
 */
export function updateColumnsSql(
  table: UpdatedTable,
  keyColumn: 'id' | 'organization_id',
  id: string,
  columns: readonly UpdatedColumn[],
): { sql: string; params: unknown[]; fields: string[] } | null {
  const given = columns.filter(([, , value]) => value !== undefined);
  if (!given.length) return null;
  const sets = given.map(([, column], i) => `${column} = $${i + 2}`);
  if (table === 'organizations') sets.push('updated_at = now()');
  return {
    sql: `UPDATE ${table} SET ${sets.join(', ')} WHERE ${keyColumn} = $1`,
    params: [id, ...given.map(([, , v]) => v)],
    fields: given.map(([field]) => field),
  };
}
