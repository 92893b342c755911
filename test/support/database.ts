import pg from 'pg';
import { randomBytes } from 'node:crypto';

/** Set by global-setup: the server the tests use and the template database with migrations applied. */
export function testServer(): { adminUrl: string; template: string; runId: string } {
  const adminUrl = process.env.MP_TEST_ADMIN_URL;
  const template = process.env.MP_TEST_TEMPLATE;
  const runId = process.env.MP_TEST_RUN;
  if (!adminUrl || !template || !runId) throw new Error('test/support/global-setup.ts did not run');
  return { adminUrl, template, runId };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, copied from the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const { adminUrl, template, runId } = testServer();
  const name = `mp_t_${runId}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(adminUrl, name),
    drop: () => withAdminClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
