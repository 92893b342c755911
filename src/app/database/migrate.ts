import { DataSource, MigrationExecutor } from 'typeorm';
import { suspendQueryTimeout } from '../../database/query-timeout.js';
import { installJobSchema } from '../../jobs/index.js';

/** Any fixed number: every instance of the service takes the same lock before migrating. */
const MIGRATION_LOCK_KEY = 7_310_042_118;

/**
 * Applies pending migrations under a Postgres advisory lock, so that several instances starting at
 * once on an empty database run them one after the other (the later ones find nothing to do). They run
 * on the lock's connection without the pool's statement timeout, which bounds requests, not a migration
 * that rewrites or indexes a large table. Then the job queue's schema is created or migrated by pg-boss's own
 * migrator (src/jobs/job-schema.ts), on the same connection.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  const restoreQueryTimeout = suspendQueryTimeout(await runner.connect());
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await runner.query('SET statement_timeout = 0');
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      await installJobSchema(runner);
      return applied.map((m) => m.name);
    } finally {
      await runner.query('RESET statement_timeout');
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    restoreQueryTimeout();
    await runner.release();
  }
}
