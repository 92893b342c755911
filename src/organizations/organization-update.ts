import type { EntityManager } from 'typeorm';
import type { UpdateOrganizationFields } from './dto/organization-profile.inputs.js';
import { VerificationStatus } from './organization.entity.js';

const SHARED: [keyof UpdateOrganizationFields, string][] = [
  ['nameZh', 'name_zh'],
  ['nameEn', 'name_en'],
  ['regionCode', 'region_code'],
  ['description', 'description'],
  ['contactEmail', 'contact_email'],
  ['contactPhone', 'contact_phone'],
];

/**
 * Runs `UPDATE <table> SET ...` for the given column → value pairs (only those not undefined).
 * Returns the names of the fields that were given.
 */
export async function updateColumns(
  manager: EntityManager,
  table: 'organizations' | 'enterprises' | 'smes',
  keyColumn: 'id' | 'organization_id',
  id: string,
  columns: [field: string, column: string, value: unknown][],
): Promise<string[]> {
  const given = columns.filter(([, , value]) => value !== undefined);
  if (!given.length) return [];
  const sets = given.map(([, column], i) => `${column} = $${i + 2}`);
  if (table === 'organizations') sets.push('updated_at = now()');
  await manager.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${keyColumn} = $1`, [id, ...given.map(([, , v]) => v)]);
  return given.map(([field]) => field);
}

/** Updates the shared columns of an organisation; returns the fields given. */
export function updateSharedColumns(manager: EntityManager, id: string, input: UpdateOrganizationFields): Promise<string[]> {
  return updateColumns(
    manager,
    'organizations',
    'id',
    id,
    SHARED.map(([field, column]) => [field, column, input[field]]),
  );
}

/**
 * A verified organisation that changes what was verified (its name, an SME's qualification) goes
 * back to UNVERIFIED until an admin looks again. Returns the new status when it changed.
 */
export async function resetVerification(manager: EntityManager, id: string, status: VerificationStatus): Promise<VerificationStatus | null> {
  if (status !== VerificationStatus.VERIFIED) return null;
  await manager.query(
    `UPDATE organizations SET verification_status = 'UNVERIFIED', verified_at = NULL, verification_reason = NULL, updated_at = now() WHERE id = $1`,
    [id],
  );
  return VerificationStatus.UNVERIFIED;
}
