import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase } from './database.js';
import { GraphqlClient } from './graphql-client.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Anonymous client; `.as(token)` for a persona. */
  gql: GraphqlClient;
  /** Direct SQL on the test file's database, for arranging data and checking that nothing changed. */
  sql: pg.Pool;
  databaseUrl: string;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    BENCH_SQL_COUNT: 'true',
    // Every operation of the suite runs compiled (the service's default compiles a document at its second run;
    // test/compiled-execution.e2e-spec.ts compares the two executions).
    GRAPHQL_COMPILE_AFTER_RUNS: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-test-data-')),
    // The suite registers and signs in many users from 127.0.0.1: request budgets off and the per-address
    // sign-in failure budget high (test/hardening-rate-limits.e2e-spec.ts turns them on).
    RATE_LIMIT_ENABLED: 'false',
    LOGIN_IP_MAX_FAILURES: '100000',
    // No workers or schedules: the scheduled jobs would persist statuses under the tests that check what the
    // next write persists. The jobs' tests turn them on (test/jobs*.e2e-spec.ts); enqueueing works either way.
    JOBS_ENABLED: 'false',
    ...overrides,
  };
}

/** The real service over HTTP on a database of its own (copied from the migrated template). */
export async function startTestApp(
  options: { env?: Record<string, string>; databaseUrl?: string } = {},
): Promise<TestApp> {
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const config = loadConfig(testEnv(options.env));
  const app = await createApp(config, { databaseUrl });
  const sql = new pg.Pool({
    connectionString: database?.url ?? databaseUrl,
    max: 2,
    application_name: 'test-sql',
  });
  // An idle connection that fails would otherwise be an uncaught 'error' event; close() reports it.
  const sqlErrors: Error[] = [];
  sql.on('error', (error) => sqlErrors.push(error));
  return {
    app,
    config,
    gql: new GraphqlClient(app.getHttpServer()),
    sql,
    databaseUrl,
    async close() {
      await app.close();
      await sql.end();
      await database?.drop();
      if (sqlErrors.length)
        throw new Error(
          `the test's SQL pool lost a connection: ${sqlErrors.map((e) => e.message).join('; ')}`,
        );
    },
  };
}
