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

export async function withAdminClient<T>(
  adminUrl: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Waits until no client is connected to `database` any more. node-postgres' `pool.end()` (and so
 * TypeORM's `destroy()`) resolves once it has asked its connections to close, not once the server has
 * ended them; a `DROP DATABASE ... WITH (FORCE)` right after used to terminate those backends, and the
 * server's "terminating connection due to administrator command" reached a client its pool had just let
 * go, which re-emitted it as an uncaught 'error' event (the test file that was closing failed).
 */
async function waitUntilUnused(client: pg.Client, database: string, waitMs: number): Promise<void> {
  const until = Date.now() + waitMs;
  for (;;) {
    const { rows } = await client.query<{
      pid: number;
      application_name: string;
      state: string | null;
    }>(
      `SELECT pid, application_name, state FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`,
      [database],
    );
    if (rows.length === 0) return;
    if (Date.now() > until) {
      const who = rows
        .map((r) => `${r.application_name || '(no name)'} pid ${r.pid} ${r.state ?? ''}`.trim())
        .join(', ');
      throw new Error(
        `test database ${database} still has ${rows.length} connection(s) after ${waitMs} ms: ${who}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A fresh database for one test file, copied from the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<{
  name: string;
  url: string;
  drop: (options?: { waitMs?: number }) => Promise<void>;
}> {
  const { adminUrl, template, runId } = testServer();
  const name = `mp_t_${runId}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: databaseUrl(adminUrl, name),
    // Without FORCE: a connection still open after the wait is a leak to report, not one to kill.
    drop: ({ waitMs = 10_000 } = {}) =>
      withAdminClient(adminUrl, async (c) => {
        await waitUntilUnused(c, name, waitMs);
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
      }),
  };
}
