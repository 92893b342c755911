import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineJob, JobsService } from '../src/jobs/index.js';
import { createTestDatabase } from './support/database.js';
import { eventually } from './support/poll.js';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './support/test-app.js';
import pg from 'pg';

/** A service process on `databaseUrl` (its environment: the test's, jobs on, the given overrides). */
function serviceProcess(
  script: string,
  databaseUrl: string,
  env: Record<string, string>,
): { child: ChildProcess; lines: string[]; exited: Promise<[number | null, string | null]> } {
  const { NODE_OPTIONS: _ignored, ...parent } = process.env;
  const child = spawn(process.execPath, [script], {
    env: {
      ...parent,
      NODE_ENV: 'test',
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-jobs-child-')),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      RATE_LIMIT_ENABLED: 'false',
      JOBS_ENABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr!.on('data', (d: Buffer) => lines.push(d.toString()));
  return { child, lines, exited: once(child, 'exit') as Promise<[number | null, string | null]> };
}

describe('two service processes on one database: a scheduled job runs once per slot', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let sql: pg.Pool;
  const services: ReturnType<typeof serviceProcess>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new pg.Pool({ connectionString: database.url, max: 1 });
  });
  afterAll(async () => {
    for (const s of services) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    await sql.end();
    await database.drop({ waitMs: 10_000 });
  });

  const dbNow = async () =>
    ((await sql.query<{ now: Date }>(`SELECT now()`)).rows[0].now as Date).getTime();

  it('both check the schedules every second; each minute exactly one challenge-clock job is created and run; both stop cleanly on SIGTERM', async () => {
    for (let i = 0; i < 2; i++)
      services.push(
        serviceProcess('dist/src/main.js', database.url, { JOBS_SCHEDULE_CHECK_SECONDS: '1' }),
      );
    for (const s of services)
      await eventually(
        'the service started',
        async () => (s.lines.some((l) => l.includes('service started')) ? true : undefined),
        30_000,
      );
    // A whole minute during which both instances were running: from the first boundary 10 s after both started.
    const started = await dbNow();
    const slot = Math.ceil((started + 10_000) / 60_000) * 60_000;
    await eventually(
      'the slot has passed',
      async () => ((await dbNow()) > slot + 65_000 ? true : undefined),
      150_000,
      1000,
    );
    const { rows } = await sql.query<{ state: string }>(
      `SELECT state FROM pgboss.job WHERE name = 'challenge-clock'
            AND created_on >= to_timestamp($1 / 1000.0) AND created_on < to_timestamp($1 / 1000.0) + interval '1 minute'`,
      [slot],
    );
    expect(rows).toEqual([{ state: 'completed' }]);

    for (const s of services) s.child.kill('SIGTERM');
    for (const s of services) expect(await s.exited).toEqual([0, null]);
  }, 240_000);
});

describe('a job claimed by an instance that dies or stops is taken over by another', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        JOBS_ENABLED: 'true',
        JOBS_POLL_INTERVAL_SECONDS: '0.5',
        JOBS_EXPIRE_SECONDS: '3',
        JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
        JOBS_RETRY_DELAY_SECONDS: '0',
      },
    });
  });
  afterAll(() => t.close());

  it('SIGKILLed while its handler runs: within the expiry (plus a maintenance interval) another instance completes it', async () => {
    const child = serviceProcess('test/support/jobs-child.mjs', t.databaseUrl, {
      TEST_JOB_KIND: 'test-takeover',
      JOBS_EXPIRE_SECONDS: '3',
      JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
      JOBS_RETRY_DELAY_SECONDS: '0',
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      JOBS_CONCURRENCY: '1',
      LOG_LEVEL: 'silent',
    });
    const id = await eventually(
      'the child claimed its job',
      async () =>
        child.lines
          .find((l) => l.startsWith('claimed '))
          ?.slice('claimed '.length)
          .trim(),
      30_000,
      20,
    );
    child.child.kill('SIGKILL');
    expect(await child.exited).toEqual([null, 'SIGKILL']);
    const claimed = await t.sql.query(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [
      id,
    ]);
    expect(claimed.rows).toEqual([{ state: 'active', retry_count: 0 }]);

    // This instance learns the kind only now: it cannot have taken the job before the kill.
    const runs: { id: string; retryCount: number }[] = [];
    await t.app
      .get(JobsService)
      .register(
        defineJob({ name: 'test-takeover', parse: (data: unknown) => data, retryLimit: 3 }),
        async (_payload, job) => {
          runs.push(job);
        },
      );
    // Expiry 3 s + maintenance every 1 s + polling every 0.5 s, with room for a busy machine.
    await eventually(
      'the job completed by this instance',
      async () => {
        const { rows } = await t.sql.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
        return rows[0]?.state === 'completed' ? true : undefined;
      },
      20_000,
    );
    expect(runs).toEqual([{ id, retryCount: 1 }]);
    const { rows } = await t.sql.query(`SELECT retry_count FROM pgboss.job WHERE id = $1`, [id]);
    expect(rows[0].retry_count).toBe(1);
  }, 60_000);

  it('SIGTERMed while its handler runs past the grace period: the job is put back at once and another instance completes it', async () => {
    // Half of SHUTDOWN_TIMEOUT_MS (1 s) for running handlers, then their jobs are failed for a retry: not left
    // claimed until the expiry (600 s here).
    const child = serviceProcess('test/support/jobs-child.mjs', t.databaseUrl, {
      TEST_JOB_KIND: 'test-shutdown',
      JOBS_EXPIRE_SECONDS: '600',
      JOBS_RETRY_DELAY_SECONDS: '0',
      JOBS_POLL_INTERVAL_SECONDS: '0.5',
      JOBS_CONCURRENCY: '1',
      SHUTDOWN_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'silent',
    });
    const id = await eventually(
      'the child claimed its job',
      async () =>
        child.lines
          .find((l) => l.startsWith('claimed '))
          ?.slice('claimed '.length)
          .trim(),
      30_000,
      20,
    );
    child.child.kill('SIGTERM');
    expect(await child.exited).toEqual([0, null]);
    const after = await t.sql.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
    expect(after.rows).toEqual([{ state: 'retry' }]);

    const runs: string[] = [];
    await t.app
      .get(JobsService)
      .register(
        defineJob({ name: 'test-shutdown', parse: (data: unknown) => data, retryLimit: 3 }),
        async (_payload, job) => {
          runs.push(job.id);
        },
      );
    await eventually(
      'the job completed by this instance',
      async () => {
        const { rows } = await t.sql.query(`SELECT state FROM pgboss.job WHERE id = $1`, [id]);
        return rows[0]?.state === 'completed' ? true : undefined;
      },
      20_000,
    );
    expect(runs).toEqual([id]);
  }, 60_000);
});
