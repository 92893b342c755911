/** What a generator writes through: one connection of the seeding session. */
export interface SeedDb {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface ColumnSpec {
  name: string;
  /** PostgreSQL type of the values sent (the parameter is an array of it): uuid, text, int4, timestamptz, bool... */
  type: string;
  /** Cast applied in SQL, for what unnest cannot carry as such (arrays as '{A,B}' text, enums): `text[]`, `user_status`. */
  cast?: string;
}

export interface BulkInsertOptions {
  /** Appended after the insert; default `ON CONFLICT DO NOTHING` so a rerun skips rows it already wrote. */
  onConflict?: string;
  /** Rows per statement. */
  batchSize?: number;
}

/**
 * Inserts `count` rows built by `rowAt(i)` (in index order, so a seeded stream gives the same rows
 * every time), in batches of multi-row `INSERT ... SELECT * FROM unnest($1::type[], ...)`: one
 * statement per batch whatever the number of columns, and memory bounded by the batch.
 * Returns the number of rows inserted.
 */
export async function insertRows(
  db: SeedDb,
  table: string,
  columns: readonly ColumnSpec[],
  count: number,
  rowAt: (index: number) => readonly unknown[],
  options: BulkInsertOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const onConflict = options.onConflict ?? 'ON CONFLICT DO NOTHING';
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const selects = columns.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`)).join(', ');
  const params = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${selects} FROM unnest(${params}) AS r(${aliases}) ${onConflict} RETURNING 1`;
  let inserted = 0;
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    const arrays: unknown[][] = columns.map(() => new Array<unknown>(end - start));
    for (let i = start; i < end; i += 1) {
      const row = rowAt(i);
      for (let c = 0; c < columns.length; c += 1) arrays[c][i - start] = row[c];
    }
    const rows = await db.query(sql, arrays);
    inserted += rows.length;
  }
  return inserted;
}

/** A PostgreSQL array literal for a text[] column sent through unnest as text: ['A','B'] → '{"A","B"}'. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
