import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import request from 'supertest';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { runMigrations } from '../src/app/database/migrate.js';
import { MIGRATIONS } from '../src/app/database/migrations.js';
import { typeormOptions } from '../src/app/database/typeorm-options.js';
import { createTestDatabase } from './support/database.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';
import { freePort, waitFor } from './support/net.js';

describe('health', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url);
    const port = await proxy.start();
    t = await startTestApp({
      databaseUrl: proxy.url(database.url, port),
      env: { DB_CONNECTION_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
    await database.drop();
  });

  it('is live and ready while the database answers', async () => {
    const live = await request(t.app.getHttpServer()).get('/health/live');
    expect(live.status).toBe(200);
    const ready = await request(t.app.getHttpServer()).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('reports not ready during a database outage and recovers by itself afterwards', async () => {
    proxy.cut();
    const down = await request(t.app.getHttpServer()).get('/health/ready');
    expect(down.status).toBe(503);
    expect(down.text).not.toMatch(/password|postgres:\/\//);
    // Still live: restarting the process would not bring the database back.
    expect((await request(t.app.getHttpServer()).get('/health/live')).status).toBe(200);
    // A GraphQL request during the outage fails cleanly rather than hanging: the service is unavailable (503).
    const gql = await t.gql.send(
      `mutation { login(input: { email: "a@b.cn", password: "whatever-123" }) { accessToken } }`,
    );
    expect(gql.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(gql.status).toBe(503);

    proxy.restore();
    await waitFor(
      async () => (await request(t.app.getHttpServer()).get('/health/ready')).status === 200,
      10000,
    );
  });
});

describe('the service process', () => {
  let proxy: TcpProxy;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dbUrl: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = TcpProxy.forUrl(database.url);
    dbUrl = proxy.url(database.url, await proxy.start());
  });
  afterAll(async () => {
    await proxy.close();
    await database.drop();
  });

  it('stops with one clear line naming a bad setting', async () => {
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: '',
        DATABASE_URL: dbUrl,
        PORT: 'eighty',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/JWT_SECRET is required when NODE_ENV=production/);
  });

  it('on SIGTERM finishes the request in flight, refuses new work, closes and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        JWT_SECRET: TEST_JWT_SECRET,
        DATABASE_URL: dbUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(async () => (await fetch(`${base}/health/ready`)).status === 200, 20000);
      const gql = (query: string) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
      const reg = await gql(
        `mutation { register(input: { email: "inflight@example.cn", password: "long-enough-pw", displayName: "In Flight" }) { user { id } } }`,
      );
      expect(reg.status).toBe(200);

      proxy.latencyMs = 250;
      const inFlight = gql(
        `mutation { login(input: { email: "inflight@example.cn", password: "long-enough-pw" }) { accessToken } }`,
      );
      // Each statement of the login now takes a quarter second: it is surely in flight at SIGTERM.
      await new Promise((r) => setTimeout(r, 150));
      child.kill('SIGTERM');
      const res = await inFlight;
      const body = (await res.json()) as { data?: { login?: { accessToken?: string } } };
      expect(res.status).toBe(200);
      expect(body.data?.login?.accessToken).toEqual(expect.any(String));

      const [code] = await exited;
      expect(code).toBe(0);
      await expect(fetch(`${base}/health/live`)).rejects.toThrow();
    } finally {
      proxy.latencyMs = 0;
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('migrations at start', () => {
  /** A migration that takes longer than the pool lets a request's statement run. */
  class SlowMigration9999999999999 implements MigrationInterface {
    name = 'SlowMigration9999999999999';
    async up(runner: QueryRunner): Promise<void> {
      await runner.query('SELECT pg_sleep(0.6)');
    }
    async down(): Promise<void> {}
  }

  it('run without the statement and query timeouts that bound requests, which the pool keeps afterwards', async () => {
    const database = await createTestDatabase();
    const options = typeormOptions({
      url: database.url,
      poolSize: 1,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 300,
      queryTimeoutMs: 400,
      applicationName: 'test-migrations',
    });
    const dataSource = new DataSource({
      ...options,
      migrations: [...MIGRATIONS, SlowMigration9999999999999],
    });
    await dataSource.initialize();
    try {
      expect(await runMigrations(dataSource)).toEqual(['SlowMigration9999999999999']);
      // The one pooled connection (the migrations' own) bounds a statement again.
      await expect(dataSource.query('SELECT pg_sleep(0.6)')).rejects.toThrow(/statement timeout/);
      // And the client-side bound: a statement the server does not cancel (statement timeout lifted) still ends.
      await expect(
        dataSource.transaction(async (m) => {
          await m.query('SET LOCAL statement_timeout = 0');
          await m.query('SELECT pg_sleep(0.6)');
        }),
      ).rejects.toThrow(/Query read timeout/);
      expect(await runMigrations(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
