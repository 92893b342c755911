// Jest loads global setup outside its ESM module system, so this file is plain JavaScript and uses
// the compiled service (npm test builds first).
import 'reflect-metadata';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '../../dist/src/app/database/embedded-postgres.js';
import { runMigrations } from '../../dist/src/app/database/migrate.js';
import { typeormOptions } from '../../dist/src/app/database/typeorm-options.js';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function databaseUrl(adminUrl, database) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl, sql, params) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/**
 * Tests run against TEST_DATABASE_URL or DATABASE_URL when set (CI: the machine's PostgreSQL 15),
 * else against a throwaway embedded PostgreSQL. Migrations are applied once to a template database
 * from which each test file copies its own.
 */
export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'mp-test-pg-'));
    chmodSync(dir, 0o755);
    const server = new EmbeddedPostgres({ baseDir: dir, port: await freePort() });
    await server.start();
    globalThis.__MP_EMBEDDED__ = { server, dir };
    adminUrl = server.url;
  }
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const template = `mp_tpl_${runId}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${template}`);
  const dataSource = new DataSource(
    typeormOptions({
      url: databaseUrl(adminUrl, template),
      poolSize: 2,
      connectionTimeoutMs: 5000,
      statementTimeoutMs: 60000,
    }),
  );
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  process.env.MP_TEST_ADMIN_URL = adminUrl;
  process.env.MP_TEST_TEMPLATE = template;
  process.env.MP_TEST_RUN = runId;
}
