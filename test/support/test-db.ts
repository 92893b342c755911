import pg from 'pg';
import { createTestDatabase } from './database.js';

/**
 * The database tier (test/db/*.db-spec.ts): a fresh database copied from the migrated template and a
 * plain node-postgres pool on it, without the app. For what is decided in SQL (the builders' statements,
 * triggers, functions such as audit_append): seeded rows in, results out.
 */
export interface TestDb {
  sql: pg.Pool;
  url: string;
  close(): Promise<void>;
}

export async function openTestDb(): Promise<TestDb> {
  const database = await createTestDatabase();
  const sql = new pg.Pool({ connectionString: database.url, max: 4, application_name: 'test-db' });
  const errors: Error[] = [];
  sql.on('error', (error) => errors.push(error));
  return {
    sql,
    url: database.url,
    async close() {
      await sql.end();
      await database.drop();
      if (errors.length)
        throw new Error(
          `the test's SQL pool lost a connection: ${errors.map((e) => e.message).join('; ')}`,
        );
    },
  };
}
