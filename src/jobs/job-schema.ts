import PgBoss from 'pg-boss';
import type { QueryRunner } from 'typeorm';

/**
 * The PostgreSQL schema of the job queue (pg-boss's tables: queue, job and its per-queue partitions, archive,
 * schedule, version). It is pg-boss's own, created and migrated by pg-boss; TypeORM's entities do not describe
 * it and `npm run migration:check` compares only the `public` schema.
 */
export const JOBS_SCHEMA = 'pgboss';

/** Anything TypeORM runs SQL on: the data source, a transaction's manager, a query runner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * pg-boss's database interface over TypeORM, so that a job is written on the caller's connection (inside its
 * transaction). TypeORM answers UPDATE and DELETE with `[rows, rowCount]`, other commands with the rows, and a
 * multi-statement text (pg-boss's migration plans, whose result is not read) with nothing.
 */
export function bossDb(target: SqlRunner): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await target.query(text, values ?? []);
      if (!Array.isArray(result)) return { rows: [] };
      if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
        return { rows: result[0] as unknown[] };
      return { rows: result as unknown[] };
    },
  };
}

/**
 * Creates the queue's schema, or brings it to the installed pg-boss's version, with pg-boss's own migrator (it
 * takes its own advisory lock, so instances starting together do it once). Called by `runMigrations`
 * (`npm run migration:run` and the service's start) on the migration lock's connection.
 */
export async function installJobSchema(runner: QueryRunner): Promise<void> {
  const boss = new PgBoss({
    db: bossDb(runner),
    schema: JOBS_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, close: false, wait: true });
}
