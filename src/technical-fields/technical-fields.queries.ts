import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import { queryOne, queryRows, str, strOrNull } from '../database/typed-query.js';
import type { TechnicalFieldType } from './dto/technical-field.types.js';

/** The SQL of the technical-field taxonomy (see docs/architecture.md, "The SQL layer"). */

/** A technical_fields row (code, parent_code, name_zh, name_en) as the API type. */
export const toTechnicalFieldType = (row: SqlRow): TechnicalFieldType => ({
  code: str(row, 'code'),
  parentCode: strOrNull(row, 'parent_code'),
  nameZh: str(row, 'name_zh'),
  nameEn: str(row, 'name_en'),
});

/** One technical field of `technical_fields` row `f` as a JSON object, for lists aggregated in SQL (read with toTechnicalFieldJson). */
export const technicalFieldJsonSql = (f = 'f'): string =>
  `json_build_object('code', ${f}.code, 'parentCode', ${f}.parent_code, 'nameZh', ${f}.name_zh, 'nameEn', ${f}.name_en)`;

/** One element of a list built with technicalFieldJsonSql, as the API type. */
export const toTechnicalFieldJson = (f: SqlRow): TechnicalFieldType => ({
  code: str(f, 'code'),
  parentCode: strOrNull(f, 'parentCode'),
  nameZh: str(f, 'nameZh'),
  nameEn: str(f, 'nameEn'),
});

/** One page of the taxonomy ordered by code (parents before their children): `limit` fields after the code `after`. */
export function listTechnicalFields(
  target: SqlTarget,
  limit: number,
  after: string | null,
): Promise<TechnicalFieldType[]> {
  return queryRows(
    target,
    `SELECT code, parent_code, name_zh, name_en FROM technical_fields
      WHERE $2::text IS NULL OR code > $2::text ORDER BY code LIMIT $1`,
    [limit, after],
    toTechnicalFieldType,
  );
}

/** Whether the field exists, locking it against deletion (FOR SHARE) until the transaction ends. */
export async function lockTechnicalField(target: SqlTarget, code: string): Promise<boolean> {
  const found = await queryOne(
    target,
    `SELECT 1 FROM technical_fields WHERE code = $1 FOR SHARE`,
    [code],
    () => true,
  );
  return found === true;
}

export async function insertTechnicalField(
  target: SqlTarget,
  field: { code: string; parentCode: string | null; nameZh: string; nameEn: string },
): Promise<TechnicalFieldType> {
  const row = await queryOne(
    target,
    `INSERT INTO technical_fields (code, parent_code, name_zh, name_en) VALUES ($1, $2, $3, $4)
           RETURNING code, parent_code, name_zh, name_en`,
    [field.code, field.parentCode, field.nameZh, field.nameEn],
    toTechnicalFieldType,
  );
  return row!;
}

/** Which of `codes` exist. */
export function existingTechnicalFieldCodes(
  target: SqlTarget,
  codes: readonly string[],
): Promise<string[]> {
  return queryRows(
    target,
    `SELECT code FROM technical_fields WHERE code = ANY($1::varchar[])`,
    [codes],
    (row) => str(row, 'code'),
  );
}
