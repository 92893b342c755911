import { DataSource } from 'typeorm';

/** Any fixed number: every instance of the service takes the same lock before migrating. */
const MIGRATION_LOCK_KEY = 7_310_042_118;

/**
 * Applies pending migrations under a Postgres advisory lock, so that several instances starting at
 * once on an empty database run them one after the other (the later ones find nothing to do).
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
