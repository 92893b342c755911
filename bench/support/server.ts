import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { resolve } from 'node:path';

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
export async function startService(env: NodeJS.ProcessEnv, port: number): Promise<ServiceProcess> {
  if (await portInUse(port)) {
    throw new Error(`port ${port} is already in use on 127.0.0.1: set BENCH_PORT to a free port (or BENCH_URL to measure that server)`);
  }
  const child = spawn(process.execPath, [resolve('dist/src/main.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
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
    if (gone) throw new Error(`the service exited during startup:\n${output.join('').slice(-4000)}`);
    if (await isReady(url)) break;
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`the service was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output.join('').slice(-4000)}`);
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

/** SIGTERM (the service finishes requests in flight, closes its pool and the embedded database), then SIGKILL. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
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
