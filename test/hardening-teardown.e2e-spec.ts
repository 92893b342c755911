import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestDatabase } from './support/database.js';
import { startTestApp } from './support/test-app.js';

/**
 * The flake "terminating connection due to administrator command": node-postgres' `pool.end()` resolves
 * as soon as it has ASKED its connections to close, before the server has ended them. Dropping the
 * database right after (DROP DATABASE ... WITH (FORCE)) then terminated backends that were still
 * closing; the server's FATAL reached a client the pool had just let go, and the pool re-emitted it as
 * an 'error' event nobody listened to: an uncaught exception that failed whichever test file was
 * closing. Dropping a test database now waits until its last connection has really gone.
 */
describe('test databases are dropped only after their connections have closed', () => {
  it('ending a pool and dropping its database at once never kills a connection (25 rounds)', async () => {
    const errors: string[] = [];
    for (let round = 0; round < 25; round += 1) {
      const database = await createTestDatabase();
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      pool.on('error', (error) => errors.push(`round ${round}: ${error.message}`));
      await Promise.all([pool.query('SELECT pg_sleep(0.005)'), pool.query('SELECT 1')]);
      await pool.end();
      await database.drop();
    }
    // a late FATAL from the server would arrive after drop() returned
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).toEqual([]);
  });

  it('a whole test app closes cleanly right after busy use of both pools', async () => {
    for (let round = 0; round < 3; round += 1) {
      const t = await startTestApp();
      await Promise.all([
        t.sql.query('SELECT pg_sleep(0.005)'),
        t.sql.query('SELECT 1'),
        t.gql.send('{ technicalFields { edges { node { code } } } }'),
        t.gql.send('{ technicalFields { edges { node { code } } } }'),
      ]);
      await t.close();
      const { rows } = await t.sql.query('SELECT 1').catch(() => ({ rows: [] }));
      expect(rows).toEqual([]);
    }
  });

  it('a connection still open at drop time is reported, not killed', async () => {
    const database = await createTestDatabase();
    const client = new pg.Client({
      connectionString: database.url,
      application_name: 'leaked-by-a-test',
    });
    await client.connect();
    await expect(database.drop({ waitMs: 300 })).rejects.toThrow(/leaked-by-a-test/);
    await client.end();
    await database.drop();
  });
});
