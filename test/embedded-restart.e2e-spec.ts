import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../src/app/database/embedded-postgres.js';
import { freePort } from './support/net.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function select1(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>('SELECT 1 AS one');
    return rows[0].one;
  } finally {
    await client.end();
  }
}

describe('the embedded database', () => {
  let base: string;
  let port: number;
  const pids = new Set<number>();
  const log: string[] = [];
  /** The instance that started the server running now (and so stops it). */
  let owner: EmbeddedPostgres;
  const postmasterPid = () =>
    Number(readFileSync(join(base, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'mp-embedded-'));
    // Run as root, PostgreSQL runs as the postgres user, which must reach the folder.
    chmodSync(base, 0o755);
    port = await freePort();
  }, 10000);

  afterAll(async () => {
    // Leave no server behind, whatever happened above.
    await new EmbeddedPostgres({ baseDir: base, port }).stop().catch(() => undefined);
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(base, { recursive: true, force: true });
  }, 60000);

  it('starts again right after its postmaster was killed (three times in a row)', async () => {
    owner = new EmbeddedPostgres({ baseDir: base, port });
    await owner.start();
    expect(await select1(owner.url)).toBe(1);
    for (let round = 1; round <= 3; round++) {
      const pid = postmasterPid();
      pids.add(pid);
      process.kill(pid, 'SIGKILL');
      // At once: the killed postmaster is typically not reaped yet, and pg_ctl status still calls it running.
      const started = Date.now();
      const again = new EmbeddedPostgres({
        baseDir: base,
        port,
        log: (m) => log.push(`${Date.now() - started} ms: ${m}`),
      });
      await again.start();
      owner = again;
      const now = postmasterPid();
      pids.add(now);
      expect(now).not.toBe(pid);
      expect(await select1(again.url)).toBe(1);
      expect(log.at(-1)).toMatch(/started on port/);
      // Seconds, not the minute of pg_ctl's own wait: the dead server is told from a live one at once.
      expect(Number(/^(\d+) ms/.exec(log.at(-1)!)?.[1])).toBeLessThan(20000);
    }
  }, 180000);

  it('reuses a server that is running and answering, and its owner stops it', async () => {
    const pid = postmasterPid();
    expect(alive(pid)).toBe(true);
    const messages: string[] = [];
    const second = new EmbeddedPostgres({ baseDir: base, port, log: (m) => messages.push(m) });
    await second.start();
    // The same server: reused, not replaced.
    expect(messages).toEqual([expect.stringMatching(/already running on port \d+; reusing it/)]);
    expect(postmasterPid()).toBe(pid);
    expect(await select1(second.url)).toBe(1);
    // Its owner (this process, through the instance that started it) is alive: the second one leaves it running.
    await second.stop();
    expect(await select1(second.url)).toBe(1);
    await owner.stop();
    expect(existsSync(join(base, 'pg', 'postmaster.pid'))).toBe(false);
    await expect(select1(second.url)).rejects.toThrow(/ECONNREFUSED/);
  }, 60000);
});
