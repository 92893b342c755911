import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';

export interface ServiceProcess {
  url: string;
  pid: number;
  /** Resets the peak RSS (VmHWM) so the next reading covers only what follows; false when the kernel refuses. */
  resetPeakRss(): boolean;
  /** Peak resident memory in bytes since start or the last reset (VmHWM), or undefined once the process is gone. */
  peakRss(): number | undefined;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the built service (`node dist/src/main.js`) as a child process in production mode, with
 * SQL statement counting on, and waits until /health/ready answers. The child inherits the
 * database settings (DATABASE_URL, or DATA_DIR/EMBEDDED_PG_PORT for the embedded one).
 */
export function startService(env: NodeJS.ProcessEnv, port: number): Promise<ServiceProcess> {
  return startChild(
    'the service',
    resolve('dist/src/main.js'),
    { ...env, PORT: String(port), HOST: '127.0.0.1' },
    port,
    isReady,
    SERVICE_NODE_FLAGS,
  );
}

/**
 * The Node.js flags the service runs with in production: the same as `npm start`, `npm run start:prod` and the
 * Dockerfile, so that the benchmark measures what is deployed: semi-spaces of 16 MiB, whose scavenges pause the
 * service for about 5 ms where 64 MiB ones paused it for 15 (README "Operations").
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=16'];

/** Where the PostGraphile 4 peer lives, with its own package.json and node_modules (it needs graphql 15). */
export const PEER_DIR = resolve('bench/peer');

/**
 * Installs the peer's dependencies into bench/peer/node_modules when they are missing
 * (`npm install --prefix bench/peer`); the product's own dependencies are never touched.
 */
export function ensurePeerInstalled(log: (message: string) => void): void {
  if (existsSync(join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json'))) return;
  log('installing the PostGraphile 4 peer (npm install --prefix bench/peer) ...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['install', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], {
    stdio: 'inherit',
  });
}

/**
 * Starts the PostGraphile 4 peer (bench/peer/server.mjs) over `databaseUrl` with a pool of
 * `poolSize` connections, and waits until it answers `{ __typename }`.
 */
export function startPeer(
  databaseUrl: string,
  poolSize: number,
  port: number,
): Promise<ServiceProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PEER_DATABASE_URL: databaseUrl,
    PEER_PORT: String(port),
    PEER_POOL_SIZE: String(poolSize),
  };
  return startChild(
    'the PostGraphile peer',
    join(PEER_DIR, 'server.mjs'),
    env,
    port,
    answersGraphql,
  );
}

async function startChild(
  label: string,
  script: string,
  env: NodeJS.ProcessEnv,
  port: number,
  ready: (url: string) => Promise<boolean>,
  nodeFlags: readonly string[] = [],
): Promise<ServiceProcess> {
  if (await portInUse(port)) {
    throw new Error(
      `port ${port} is already in use on 127.0.0.1: set BENCH_PORT / BENCH_PEER_PORT to a free port (or BENCH_URL to measure that server)`,
    );
  }
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (gone) throw new Error(`${label} exited during startup:\n${output.join('').slice(-4000)}`);
    if (await ready(url)) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(
        `${label} was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output.join('').slice(-4000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    resetPeakRss() {
      try {
        // "5" resets the peak resident set size of the process (Linux 4.0+, proc(5)).
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    peakRss() {
      try {
        const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    stop: () => stopChild(child, exited),
  };
}

/** SIGTERM (the service finishes requests in flight, closes its pool and the embedded database; the peer its pool), then SIGKILL. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function answersGraphql(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(5000),
    });
    return (
      res.ok &&
      ((await res.json()) as { data?: { __typename?: string } }).data?.__typename === 'Query'
    );
  } catch {
    return false;
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
