import 'reflect-metadata';
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { floorScenario, SCENARIOS } from './scenarios/index.js';
import type { BenchRequest, GraphqlResult, Scenario, ScenarioContext } from './scenarios/scenario.js';
import { BENCH_PASSWORD, PERSONAS, type PersonaName } from './seed/personas.js';
import { COUNTS_AT_L, type SizeName } from './seed/sizes.js';
import { redactUrl } from './support/database.js';
import { runLoad, type LoadRun } from './support/load.js';
import { markdownTable, summarise, textTable, type SummaryRow } from './support/report.js';
import { startService, type ServiceProcess } from './support/server.js';

const USAGE = `usage: npm run bench -- [--duration <seconds>] [--connections <n>] [--warmup <seconds>] [--only <scenario>[,<scenario>...]]
scenarios: floor, ${SCENARIOS.map((s) => s.name).join(', ')}
environment: BENCH_URL (measure a running server on 127.0.0.1 instead of starting one), BENCH_PORT,
  and the service's own DATABASE_URL / DATA_DIR / EMBEDDED_PG_PORT for the database to use.`;

const RESULTS_DIR = resolve('bench/results');

type Run = LoadRun & { group: 'floor' | 'main' | 'slow' };

interface Options {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  only?: string[];
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const bounded = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const known = ['floor', ...SCENARIOS.map((s) => s.name)];
  for (const name of only ?? []) if (!known.includes(name)) throw new Error(`unknown scenario '${name}'\n${USAGE}`);
  return {
    durationSeconds: bounded('duration', values.duration!, 1, 300),
    connections: bounded('connections', values.connections!, 1, 256),
    warmupSeconds: bounded('warmup', values.warmup!, 0, 60),
    only,
  };
}

/** Benchmark traffic goes to this machine only. */
function localTarget(raw: string): string {
  const url = new URL(raw);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`BENCH_URL must point at this machine (127.0.0.1), not ${url.hostname}`);
  }
  return `${url.protocol}//${url.host}`;
}

async function graphql(baseUrl: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphqlResult> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return (await res.json()) as GraphqlResult;
}

function scenarioContext(baseUrl: string): ScenarioContext {
  const tokens = new Map<PersonaName, Promise<string>>();
  const login = async (persona: PersonaName) => {
    const result = await graphql(baseUrl, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: PERSONAS[persona].email, password: BENCH_PASSWORD },
    });
    const token = (result.data?.login as { accessToken?: string } | undefined)?.accessToken;
    if (!token) {
      throw new Error(
        `the bench persona '${persona}' (${PERSONAS[persona].email}) cannot sign in: ${result.errors?.[0]?.message ?? 'no token'}; ` +
          'run `npm run seed:scale -- --size S` on this database first',
      );
    }
    return token;
  };
  return {
    tokenOf(persona) {
      if (!tokens.has(persona)) tokens.set(persona, login(persona));
      return tokens.get(persona)!;
    },
    graphql: (query, variables, token) => graphql(baseUrl, query, variables, token),
  };
}

interface DatabaseFacts {
  url: string;
  serverVersion: string;
  tables: Record<string, number>;
  size: SizeName | 'custom';
}

/** Which PostgreSQL and how much data the benchmark ran on. */
async function databaseFacts(url: string | undefined): Promise<DatabaseFacts | null> {
  if (!url) return null;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: 'marketplace-bench' });
  try {
    await client.connect();
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const tables: Record<string, number> = {};
    const names = await client.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
    );
    for (const { t } of names.rows) {
      tables[t] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    }
    const users = tables.users ?? 0;
    const sizes: [SizeName, number][] = [['S', 0.01], ['M', 0.1], ['L', 1]];
    const size = sizes.find(([, f]) => Math.abs(users - COUNTS_AT_L.users * f) <= COUNTS_AT_L.users * f * 0.05)?.[0] ?? 'custom';
    return { url: redactUrl(url), serverVersion: version.split(' ')[0], tables, size };
  } catch (error) {
    console.warn(`could not read the database facts: ${(error as Error).message}`);
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  // Other work on the machine skews every figure; the load average says how busy it was.
  const loadBefore = loadavg()[0];
  const selected = SCENARIOS.filter((s) => !options.only || options.only.includes(s.name));
  const runFloorOnly = options.only?.length === 1 && options.only[0] === 'floor';

  let service: ServiceProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= service?.stop() ?? Promise.resolve());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the service`);
      void stop().finally(() => process.exit(130));
    });
  }

  try {
    let baseUrl: string;
    let databaseUrl: string | undefined = process.env.DATABASE_URL || undefined;
    if (process.env.BENCH_URL) {
      baseUrl = localTarget(process.env.BENCH_URL);
      console.log(`measuring the running service at ${baseUrl} (peak RSS not available)`);
    } else {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        BENCH_SQL_COUNT: 'true',
        LOG_LEVEL: 'warn',
        // Long runs must not outlive the personas' tokens.
        JWT_ACCESS_TTL_SECONDS: '86400',
      };
      const config = loadConfig(env);
      if (!databaseUrl) {
        if (!existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) {
          throw new Error(`no database under ${config.dataDir}: run \`npm run seed:scale -- --size S\` first (with the same DATA_DIR)`);
        }
      }
      const port = Number(process.env.BENCH_PORT ?? process.env.PORT ?? 3100);
      console.log(`starting the service in production mode on 127.0.0.1:${port} ...`);
      service = await startService(env, port);
      baseUrl = service.url;
      if (!process.env.DATABASE_URL) {
        databaseUrl = new EmbeddedPostgres({ baseDir: config.dataDir, port: config.database.embeddedPort }).url;
      }
    }

    const database = await databaseFacts(databaseUrl);
    const ctx = scenarioContext(baseUrl);
    const prepared = new Map<Scenario, BenchRequest[]>();
    for (const scenario of [floorScenario, ...selected]) prepared.set(scenario, await scenario.prepare(ctx));

    const measure = async (scenario: Scenario, group: Run['group'], connections: number, seconds: number): Promise<Run> => {
      const reset = service?.resetPeakRss() ?? false;
      const run = await runLoad(baseUrl, scenario, prepared.get(scenario)!, { connections, durationSeconds: seconds });
      // Without a reset, VmHWM is the peak since the service started.
      return { ...run, group, peakRssBytes: reset || service ? service?.peakRss() : undefined };
    };
    const connectionsOf = (s: Scenario) => (s.group === 'slow' ? (s.connections ?? 1) : options.connections);

    if (options.warmupSeconds > 0) {
      console.log(`warming up (${options.warmupSeconds} s per scenario, not recorded) ...`);
      for (const scenario of [floorScenario, ...selected]) {
        await runLoad(baseUrl, scenario, prepared.get(scenario)!, {
          connections: connectionsOf(scenario),
          durationSeconds: scenario.group === 'slow' ? 1 : options.warmupSeconds,
        });
      }
    }

    const runs: Run[] = [];
    const progress = (run: Run) =>
      console.log(
        `  ${run.scenario.padEnd(12)} ${run.requestsPerSecond.toFixed(1).padStart(9)} req/s  p99 ${run.latencyMs.p99.toFixed(1)} ms` +
          `  errors ${run.errors.total}${run.errors.samples.length ? ` (${run.errors.samples[0]})` : ''}`,
      );
    const floor = async () => {
      const run = await measure(floorScenario, 'floor', options.connections, options.durationSeconds);
      runs.push(run);
      progress(run);
    };
    console.log(`measuring: ${options.durationSeconds} s per run, floor interleaved ...`);
    await floor();
    if (!runFloorOnly) {
      for (const scenario of selected) {
        const run = await measure(scenario, scenario.group, connectionsOf(scenario), options.durationSeconds);
        runs.push(run);
        progress(run);
        await floor();
      }
    }
    await stop();

    const rows = summarise(runs);
    const result = {
      startedAt: new Date().toISOString(),
      commit: gitCommit(),
      machine: {
        hostname: hostname(),
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        kernel: release(),
        node: process.version,
        loadAverage1m: { before: loadBefore, after: loadavg()[0] },
      },
      database,
      target: process.env.BENCH_URL ? 'BENCH_URL' : 'child service (NODE_ENV=production, LOG_LEVEL=warn)',
      options,
      scenarios: Object.fromEntries([floorScenario, ...selected].map((s) => [s.name, s.description])),
      summary: rows,
      runs,
    };
    report(result, rows);
  } finally {
    await stop();
  }
}

function report(result: { startedAt: string; machine: { cpus: number; cpuModel?: string; memoryGiB: number; node: string; loadAverage1m: { before: number; after: number } }; database: DatabaseFacts | null; options: Options; scenarios: Record<string, string>; runs: Run[] }, rows: SummaryRow[]): void {
  const { machine, database } = result;
  const machineLine = `${machine.cpus} × ${machine.cpuModel ?? 'CPU'}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${database?.serverVersion ?? 'unknown'}`;
  const dataLine = database
    ? `data set ${database.size}: ${Object.entries(database.tables).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`
    : 'data set unknown (no database access)';
  const floorRuns = result.runs.filter((r) => r.group === 'floor').map((r) => r.requestsPerSecond.toFixed(0));
  const noiseLine =
    `floor runs ${floorRuns.join(', ')} req/s in order; 1-minute load average ` +
    `${machine.loadAverage1m.before.toFixed(2)} before, ${machine.loadAverage1m.after.toFixed(2)} after (${machine.cpus} CPUs)`;
  const table = textTable(rows);
  console.log(`\n${machineLine}\n${dataLine}\n${noiseLine}\n${result.options.durationSeconds} s per run; ratio = req/s ÷ mean of the floor runs before and after\n\n${table}\n`);
  for (const run of result.runs) {
    if (run.errors.samples.length) console.log(`errors in ${run.scenario}: ${run.errors.samples.join(' | ')}`);
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify(result, null, 2) + '\n';
  writeFileSync(join(RESULTS_DIR, `run-${stamp}.json`), json);
  writeFileSync(join(RESULTS_DIR, 'latest.json'), json);
  const markdown = [
    `# Latest benchmark (${result.startedAt.slice(0, 10)})`,
    '',
    `- Machine: ${machineLine}`,
    `- ${dataLine.charAt(0).toUpperCase()}${dataLine.slice(1)}`,
    `- ${result.options.durationSeconds} s per run after a ${result.options.warmupSeconds} s warm-up; the floor runs between the scenarios; ` +
      '× floor = the scenario\'s req/s ÷ the mean of the floor runs before and after it',
    `- Noise: ${noiseLine}`,
    '- errors = non-2xx + GraphQL `errors` + failed checks + socket errors, over all requests; SQL/req from `x-sql-statements`',
    '',
    markdownTable(rows),
    '',
    'Scenarios:',
    '',
    ...Object.entries(result.scenarios).map(([name, description]) => `- \`${name}\`: ${description}`),
    '',
  ].join('\n');
  writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
  console.log(`results: bench/results/latest.md, bench/results/latest.json, bench/results/run-${stamp}.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(1);
  },
);
