import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import { date, queryOne, queryRows, str, strOrNull } from '../database/typed-query.js';
import type { TimeIdKey } from '../common/pagination/connection.js';

/** The SQL of the admins' vocabulary pairs (match_vocabulary). Pure module. */

/** One admin-added pair as the API shows it. */
export interface VocabularyPairRow {
  id: string;
  zh: string;
  en: string;
  createdAt: Date;
  createdById: string | null;
}

const PAIR_COLUMNS = `id, zh, en, created_at, created_by`;

function toPair(row: SqlRow): VocabularyPairRow {
  return {
    id: str(row, 'id'),
    zh: str(row, 'zh'),
    en: str(row, 'en'),
    createdAt: date(row, 'created_at'),
    createdById: strOrNull(row, 'created_by'),
  };
}

/** `value` as a literal part of a LIKE pattern: its \, % and _ escaped (the default escape character is \). */
export function likeLiteral(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A page of pairs, newest first (created_at DESC, id DESC), after `after`; with `search`, only pairs whose
 * Chinese or English term holds it (ILIKE, taken literally). The table is small (admins type each row), so the
 * search scans it.
 */
export function vocabularyPairsPage(
  target: SqlTarget,
  limit: number,
  after: TimeIdKey | null,
  search: string | null,
): Promise<VocabularyPairRow[]> {
  return queryRows(
    target,
    `SELECT ${PAIR_COLUMNS} FROM match_vocabulary
      WHERE ($2::text IS NULL OR zh ILIKE $2 OR en ILIKE $2)
        AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $1`,
    [limit, search ? `%${likeLiteral(search)}%` : null, after?.[0] ?? null, after?.[1] ?? null],
    toPair,
  );
}

/**
 * Inserts a pair unless the same (zh, en) is there already: the new row, or undefined for a duplicate. ON
 * CONFLICT keeps the transaction usable, so the caller can answer CONFLICT having changed nothing.
 */
export function insertVocabularyPair(
  target: SqlTarget,
  pair: { zh: string; en: string; createdBy: string | null },
): Promise<VocabularyPairRow | undefined> {
  return queryOne(
    target,
    `INSERT INTO match_vocabulary (zh, en, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (zh, en) DO NOTHING
     RETURNING ${PAIR_COLUMNS}`,
    [pair.zh, pair.en, pair.createdBy],
    toPair,
  );
}

/** Deletes a pair: the row deleted, or undefined when there was none. */
export function deleteVocabularyPair(
  target: SqlTarget,
  id: string,
): Promise<VocabularyPairRow | undefined> {
  return queryOne(
    target,
    `DELETE FROM match_vocabulary WHERE id = $1 RETURNING ${PAIR_COLUMNS}`,
    [id],
    toPair,
  );
}
