import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmbeddedPostgres } from '../src/app/database/embedded-postgres.js';
import { freePort } from './support/net.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(import.meta.dirname, '..');

/** The environment of a newcomer's shell: no database URL, the embedded database under `dataDir`. */
function toolEnv(dataDir: string | undefined, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  delete env.DATA_DIR;
  delete env.JWT_SECRET;
  env.EMBEDDED_PG_PORT = String(port);
  if (dataDir) env.DATA_DIR = dataDir;
  return env;
}

/** Runs a command to its end; `onStdout` may signal it while it runs. */
function run(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd?: string; onStdout?: (text: string, pid: number) => void },
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      options.onStdout?.(stdout, child.pid!);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** `npm run -s <script> -- args`, as the README has it. */
const npmRun = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  run('npm', ['run', '-s', script, ...(args.length ? ['--', ...args] : [])], { env });

/** PostgreSQL processes whose command line names this data folder. */
function postgresRunningIn(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', join(dataDir, 'pg')])
      .toString()
      .trim()
      .split('\n')
      .filter((line) => line && !line.includes('pgrep'));
  } catch {
    return [];
  }
}

const noDatabase = (dir: string) =>
  `no database at ${dir}: start the service once (npm start) or run npm run migration:run`;

describe('the command-line tools', () => {
  let base: string;
  let port: number;
  /** Initialised once by migration:run and reused by every tool. */
  let dataDir: string;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'mp-cli-'));
    // Run as root, PostgreSQL runs as the postgres user, which must reach the folder.
    chmodSync(base, 0o755);
    port = await freePort();
    dataDir = join(base, 'data');
  });

  afterAll(async () => {
    // Leave no server behind, whatever happened above: adopt any (its owner is gone) and stop it.
    for (const dir of readdirSync(base)) {
      if (postgresRunningIn(join(base, dir)).length === 0) continue;
      const left = new EmbeddedPostgres({ baseDir: join(base, dir), port });
      await left.start().catch(() => undefined);
      await left.stop();
    }
    rmSync(base, { recursive: true, force: true });
  }, 60000);

  it('refuse an empty DATA_DIR with one line, twice, and create nothing there', async () => {
    const empty = join(base, 'empty');
    const env = toolEnv(empty, port);
    const tools: [string, string[], number][] = [
      ['audit:verify', [], 2],
      ['create-admin', ['--email', 'first.admin@example.cn'], 1],
      ['seed', [], 1],
      ['migration:revert', [], 1],
    ];
    // The tools one beside the other, each twice in a row.
    await Promise.all(
      tools.map(async ([script, args, exitCode]) => {
        for (let round = 1; round <= 2; round++) {
          const result = await npmRun(script, args, env);
          expect({ script, round, code: result.code, stderr: result.stderr }).toEqual({
            script,
            round,
            code: exitCode,
            stderr: noDatabase(empty) + '\n',
          });
          expect(result.stdout).toBe('');
          expect(existsSync(empty)).toBe(false);
        }
      }),
    );
    expect(postgresRunningIn(empty)).toEqual([]);
  }, 120000);

  it("use the service's DATA_DIR default (.data in the working folder)", async () => {
    const cwd = join(base, 'checkout');
    mkdirSync(cwd);
    const result = await run('node', [join(ROOT, 'dist/src/audit/audit-verify.cli.js')], {
      cwd,
      env: toolEnv(undefined, port),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(noDatabase(join(cwd, '.data')) + '\n');
    expect(readdirSync(cwd)).toEqual([]);
  }, 30000);

  it('migration:run creates the schema on a fresh DATA_DIR, then finds nothing to do, and stops its database', async () => {
    const env = toolEnv(dataDir, port);
    const first = await npmRun('migration:run', [], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied: Initial\d+, /);
    expect(postgresRunningIn(dataDir)).toEqual([]);
    const second = await npmRun('migration:run', [], env);
    expect({ code: second.code, stdout: second.stdout }).toEqual({
      code: 0,
      stdout: 'no pending migrations\n',
    });
    expect(postgresRunningIn(dataDir)).toEqual([]);
  }, 120000);

  it('create-admin, seed, audit:verify and seed:scale run twice each and leave no PostgreSQL running', async () => {
    const env = toolEnv(dataDir, port);
    const runs: [string, () => Promise<Run>, RegExp[]][] = [
      [
        'create-admin',
        () => npmRun('create-admin', ['--email', 'first.admin@example.cn'], env),
        [
          /^created administrator first\.admin@example\.cn with password: \S{12,}\n$/,
          /^first\.admin@example\.cn is an administrator \(existing account; password unchanged\)\n$/,
        ],
      ],
      ['seed', () => npmRun('seed', [], env), [/\S/, /\S/]],
      [
        'audit:verify',
        () => npmRun('audit:verify', [], env),
        [/^audit chain intact: [1-9]\d* events checked/, /^audit chain intact: [1-9]\d* events/],
      ],
      [
        'seed:scale',
        // Its npm script builds first; the tool itself is this file (one generator keeps it short).
        () =>
          run('node', ['dist/bench/seed/seed-scale.js', '--size', 'S', '--only', 'users'], {
            env,
          }),
        [/seeded size S in/, /seeded size S in/],
      ],
    ];
    for (const [name, start, outputs] of runs) {
      for (const [round, output] of outputs.entries()) {
        const result = await start();
        expect({ name, round, code: result.code, stderr: result.stderr }).toEqual({
          name,
          round,
          code: 0,
          stderr: '',
        });
        expect(result.stdout).toMatch(output);
        expect({ name, round, running: postgresRunningIn(dataDir) }).toEqual({
          name,
          round,
          running: [],
        });
      }
    }
  }, 240000);

  it('leave a database they did not start running (the service’s)', async () => {
    const service = new EmbeddedPostgres({ baseDir: dataDir, port });
    await service.start();
    try {
      const result = await npmRun('audit:verify', [], toolEnv(dataDir, port));
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^audit chain intact/);
      expect(postgresRunningIn(dataDir)).not.toEqual([]);
    } finally {
      await service.stop();
    }
    expect(postgresRunningIn(dataDir)).toEqual([]);
  }, 60000);

  it('stop the database they started on SIGTERM', async () => {
    let signalled = false;
    const result = await run('node', ['dist/bench/seed/seed-scale.js', '--size', 'S', '--reset'], {
      env: toolEnv(dataDir, port),
      onStdout: (text, pid) => {
        if (!signalled && text.includes('seeding size S')) {
          signalled = true;
          process.kill(pid, 'SIGTERM');
        }
      },
    });
    expect(signalled).toBe(true);
    expect(result.code).toBe(143);
    expect(result.stdout).not.toMatch(/seeded size S in/);
    expect(postgresRunningIn(dataDir)).toEqual([]);
  }, 120000);

  it('refuse a database that has no schema, and stop it again', async () => {
    const bare = join(base, 'bare');
    const server = new EmbeddedPostgres({ baseDir: bare, port });
    await server.start();
    await server.stop();
    const env = toolEnv(bare, port);
    for (let round = 1; round <= 2; round++) {
      const result = await npmRun('audit:verify', [], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `no schema in the database at ${bare}: start the service once (npm start) or run npm run migration:run\n`,
      );
      expect(postgresRunningIn(bare)).toEqual([]);
    }
  }, 120000);

  it('in production, the service and the tools refuse to run without DATABASE_URL', async () => {
    const env = { ...toolEnv(join(base, 'production'), port), NODE_ENV: 'production' };
    const service = await run('node', ['dist/src/main.js'], {
      env: { ...env, JWT_SECRET: 'a-production-secret-of-at-least-32-characters' },
    });
    const tool = await run('node', ['dist/src/users/create-admin.cli.js', '--email', 'a@b.cn'], {
      env,
    });
    for (const result of [service, tool]) {
      expect({ code: result.code, stderr: result.stderr }).toEqual({
        code: 1,
        stderr:
          'DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development only)\n',
      });
    }
    expect(existsSync(join(base, 'production'))).toBe(false);
  }, 60000);

  it('migration:revert reverts one migration per run and stops its database', async () => {
    const env = toolEnv(dataDir, port);
    for (let round = 1; round <= 2; round++) {
      const result = await npmRun('migration:revert', [], env);
      expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
        code: 0,
        stdout: 'reverted the last migration\n',
        stderr: '',
      });
      expect(postgresRunningIn(dataDir)).toEqual([]);
    }
  }, 120000);
});
