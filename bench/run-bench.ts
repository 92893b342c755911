import 'reflect-metadata';
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { floorScenario, SCENARIOS } from './scenarios/index.js';
import type {
  BenchRequest,
  GraphqlResult,
  Scenario,
  ScenarioContext,
} from './scenarios/scenario.js';
import { ALL_PERSONAS, BENCH_PASSWORD, type AnyPersonaName } from './seed/personas.js';
import { COUNTS_AT_L, type SizeName } from './seed/sizes.js';
import { openDatabase, redactUrl, type BenchDatabase } from './support/database.js';
import { runLoad } from './support/load.js';
import {
  markdownTable,
  summarise,
  textTable,
  type GroupedRun,
  type SummaryRow,
} from './support/report.js';
import {
  ensurePeerInstalled,
  PEER_DIR,
  startPeer,
  startService,
  type ServiceProcess,
} from './support/server.js';

const USAGE = `usage: npm run bench -- [--duration <seconds>] [--connections <n>] [--warmup <seconds>] [--only <scenario>[,<scenario>...]] [--no-peer]
scenarios: floor, ${SCENARIOS.map((s) => `${s.name}${s.peer ? ' (+ peer)' : ''}`).join(', ')}
  (+ peer): also measured against PostGraphile 4 over the same database (bench/peer/, installed on
  first use with npm install --prefix bench/peer); --no-peer skips it.
environment: BENCH_URL (measure a running server on 127.0.0.1 instead of starting one), BENCH_PORT,
  BENCH_PEER_PORT (default: the service's port + 1), and the service's own DATABASE_URL / DATA_DIR /
  EMBEDDED_PG_PORT / DB_POOL_SIZE for the database to use (the peer gets the same pool size).`;

/** The peer's row name for a scenario. */
const PEER_LABEL = 'PostGraphile 4';

const RESULTS_DIR = resolve('bench/results');

type Run = GroupedRun;

interface Options {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  only?: string[];
  /** Measure the scenarios' peer requests too (default; --no-peer turns it off). */
  peer: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      only: { type: 'string' },
      'no-peer': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const bounded = (name: string, raw: string, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be an integer from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  const only = values.only
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = ['floor', ...SCENARIOS.map((s) => s.name)];
  for (const name of only ?? [])
    if (!known.includes(name)) throw new Error(`unknown scenario '${name}'\n${USAGE}`);
  return {
    durationSeconds: bounded('duration', values.duration!, 1, 300),
    connections: bounded('connections', values.connections!, 1, 256),
    warmupSeconds: bounded('warmup', values.warmup!, 0, 60),
    only,
    peer: !values['no-peer'],
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

async function graphql(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  token?: string,
): Promise<GraphqlResult> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return (await res.json()) as GraphqlResult;
}

function scenarioContext(baseUrl: string, dataSize?: SizeName | 'custom'): ScenarioContext {
  const tokens = new Map<AnyPersonaName, Promise<string>>();
  const login = async (persona: AnyPersonaName) => {
    const result = await graphql(
      baseUrl,
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      {
        input: { email: ALL_PERSONAS[persona].email, password: BENCH_PASSWORD },
      },
    );
    const token = (result.data?.login as { accessToken?: string } | undefined)?.accessToken;
    if (!token) {
      throw new Error(
        `the bench persona '${persona}' (${ALL_PERSONAS[persona].email}) cannot sign in: ${result.errors?.[0]?.message ?? 'no token'}; ` +
          'run `npm run seed:scale -- --size S` on this database first',
      );
    }
    return token;
  };
  return {
    dataSize,
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
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    application_name: 'marketplace-bench',
  });
  try {
    await client.connect();
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]
      .server_version;
    const tables: Record<string, number> = {};
    const names = await client.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY tablename`,
    );
    for (const { t } of names.rows) {
      tables[t] = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n,
      );
    }
    const users = tables.users ?? 0;
    const sizes: [SizeName, number][] = [
      ['S', 0.01],
      ['M', 0.1],
      ['L', 1],
    ];
    const size =
      sizes.find(
        ([, f]) => Math.abs(users - COUNTS_AT_L.users * f) <= COUNTS_AT_L.users * f * 0.05,
      )?.[0] ?? 'custom';
    return { url: redactUrl(url), serverVersion: version.split(' ')[0], tables, size };
  } catch (error) {
    console.warn(`could not read the database facts: ${(error as Error).message}`);
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The pseudo-scenario that sends a scenario's peer request to the peer. */
function peerScenario(scenario: Scenario): Scenario {
  const peer = scenario.peer!;
  return {
    name: `${scenario.name} @ ${PEER_LABEL}`,
    description: peer.description,
    group: 'main',
    prepare: async () => [{ query: peer.query, variables: peer.variables }],
    verify: peer.verify,
  };
}

/** Refuses to compare a pair whose two sides do not answer the same thing. */
async function checkPair(
  scenario: Scenario,
  product: BenchRequest,
  productUrl: string,
  peerUrl: string,
): Promise<void> {
  const peer = scenario.peer!;
  const [a, b] = await Promise.all([
    graphql(productUrl, product.query, product.variables, product.token),
    graphql(peerUrl, peer.query, peer.variables),
  ]);
  for (const [side, result] of [
    ['the product', a],
    [PEER_LABEL, b],
  ] as const) {
    if (result.errors?.length || !result.data) {
      throw new Error(
        `${scenario.name}: ${side} answered ${JSON.stringify(result.errors ?? result).slice(0, 500)}`,
      );
    }
  }
  if (peer.matches && !peer.matches(a.data!, b.data!)) {
    throw new Error(
      `${scenario.name}: the product and ${PEER_LABEL} do not return the same page, so they cannot be compared`,
    );
  }
}

function peerVersions(): Record<string, string | undefined> {
  const version = (name: string) => {
    try {
      return (
        JSON.parse(readFileSync(join(PEER_DIR, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    } catch {
      return undefined;
    }
  };
  return { postgraphile: version('postgraphile'), graphql: version('graphql'), pg: version('pg') };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
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
  let peer: ServiceProcess | undefined;
  let embedded: BenchDatabase | undefined;
  let stopping: Promise<void> | undefined;
  // The peer first: it reads the database the service's embedded PostgreSQL serves.
  const stop = () =>
    (stopping ??= (async () => {
      await peer?.stop();
      await service?.stop();
      await embedded?.release();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the service`);
      void stop().finally(() => process.exit(130));
    });
  }

  try {
    let baseUrl: string;
    let databaseUrl: string | undefined = process.env.DATABASE_URL || undefined;
    let poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
    let port: number;
    if (process.env.BENCH_URL) {
      baseUrl = localTarget(process.env.BENCH_URL);
      port = Number(new URL(baseUrl).port || 80);
      console.log(`measuring the running service at ${baseUrl} (peak RSS not available)`);
    } else {
      const env: NodeJS.ProcessEnv = {
        // Rate limits stay on (their cost is in the figures) with budgets no run reaches: every request comes
        // from 127.0.0.1, at up to thousands a second. The environment may set others.
        RATE_LIMIT_IP_PER_MINUTE: '10000000',
        RATE_LIMIT_USER_PER_MINUTE: '10000000',
        RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
        RATE_LIMIT_REFRESH_PER_MINUTE: '1000000',
        RATE_LIMIT_REGISTER_PER_HOUR: '1000000',
        // The figures are the requests': no background jobs (the scheduled status writes would persist the scale
        // data's passed deadlines while it is measured). The environment may turn them on.
        JOBS_ENABLED: 'false',
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(48).toString('base64url'),
        BENCH_SQL_COUNT: 'true',
        LOG_LEVEL: 'warn',
        // Long runs must not outlive the personas' tokens.
        JWT_ACCESS_TTL_SECONDS: '86400',
      };
      const config = loadConfig(env);
      poolSize = config.database.poolSize;
      if (!databaseUrl) {
        if (!existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) {
          throw new Error(
            `no database under ${config.dataDir}: run \`npm run seed:scale -- --size S\` first (with the same DATA_DIR)`,
          );
        }
      }
      if (!databaseUrl) {
        // The service in production mode needs DATABASE_URL: the embedded database is opened here, as a
        // command opens it, and stopped with the run if this run started it.
        embedded = await openDatabase((m) => console.log(m), { handleSignals: false });
        databaseUrl = embedded.url;
        env.DATABASE_URL = databaseUrl;
      }
      port = Number(process.env.BENCH_PORT ?? process.env.PORT ?? 3100);
      console.log(`starting the service in production mode on 127.0.0.1:${port} ...`);
      service = await startService(env, port);
      baseUrl = service.url;
    }

    const database = await databaseFacts(databaseUrl);
    const ctx = scenarioContext(baseUrl, database?.size);
    const prepared = new Map<Scenario, BenchRequest[]>();
    for (const scenario of [floorScenario, ...selected])
      prepared.set(scenario, await scenario.prepare(ctx));

    // Scenarios with a peer request are also measured against PostGraphile 4 over the same database.
    const peers = new Map<Scenario, Scenario>();
    const paired = options.peer ? selected.filter((s) => s.peer && s.group !== 'slow') : [];
    if (paired.length && !databaseUrl) {
      console.warn(
        'no peer comparison: set DATABASE_URL so the peer can reach the database the service at BENCH_URL uses',
      );
    } else if (paired.length) {
      ensurePeerInstalled((m) => console.log(m));
      const peerPort = Number(process.env.BENCH_PEER_PORT ?? port + 1);
      console.log(
        `starting the ${PEER_LABEL} peer on 127.0.0.1:${peerPort} (pool of ${poolSize}) ...`,
      );
      peer = await startPeer(databaseUrl!, poolSize, peerPort);
      // The peer's own floor, once: how much of a gap is the HTTP + GraphQL stack rather than the query.
      peers.set(
        floorScenario,
        peerScenario({
          ...floorScenario,
          peer: {
            description: `\`{ __typename }\` on the peer (Node http + PostGraphile 4, graphql 15)`,
            query: '{ __typename }',
            verify: floorScenario.verify!,
          },
        }),
      );
      prepared.set(peers.get(floorScenario)!, await peers.get(floorScenario)!.prepare(ctx));
      for (const scenario of paired) {
        await checkPair(scenario, prepared.get(scenario)![0], baseUrl, peer.url);
        const twin = peerScenario(scenario);
        peers.set(scenario, twin);
        prepared.set(twin, await twin.prepare(ctx));
      }
    }

    const measure = async (
      scenario: Scenario,
      group: Run['group'],
      connections: number,
      seconds: number,
    ): Promise<Run> => {
      const target = group === 'peer' ? peer! : service;
      const url = group === 'peer' ? peer!.url : baseUrl;
      const reset = target?.resetPeakRss() ?? false;
      const run = await runLoad(url, scenario, prepared.get(scenario)!, {
        connections,
        durationSeconds: seconds,
        ratePerSecond: scenario.ratePerSecond,
      });
      // Without a reset, VmHWM is the peak since the process started.
      return { ...run, group, peakRssBytes: reset || target ? target?.peakRss() : undefined };
    };
    const connectionsOf = (s: Scenario) =>
      s.group === 'slow' ? (s.connections ?? 1) : options.connections;

    if (options.warmupSeconds > 0) {
      console.log(`warming up (${options.warmupSeconds} s per scenario, not recorded) ...`);
      for (const scenario of [floorScenario, ...selected]) {
        await runLoad(baseUrl, scenario, prepared.get(scenario)!, {
          connections: connectionsOf(scenario),
          durationSeconds: scenario.group === 'slow' ? 1 : options.warmupSeconds,
          ratePerSecond: scenario.ratePerSecond,
        });
        const twin = peers.get(scenario);
        if (twin)
          await runLoad(peer!.url, twin, prepared.get(twin)!, {
            connections: options.connections,
            durationSeconds: options.warmupSeconds,
          });
      }
    }

    const runs: Run[] = [];
    const progress = (run: Run) =>
      console.log(
        `  ${run.scenario.padEnd(34)} ${run.requestsPerSecond.toFixed(1).padStart(9)} req/s  p99 ${run.latencyMs.p99.toFixed(1)} ms` +
          `  errors ${run.errors.total}${run.errors.samples.length ? ` (${run.errors.samples[0]})` : ''}`,
      );
    const floor = async () => {
      const run = await measure(
        floorScenario,
        'floor',
        options.connections,
        options.durationSeconds,
      );
      runs.push(run);
      progress(run);
    };
    console.log(`measuring: ${options.durationSeconds} s per run, floor interleaved ...`);
    await floor();
    const peerFloor = peers.get(floorScenario);
    if (peerFloor && !runFloorOnly) {
      const run = {
        ...(await measure(peerFloor, 'peer', options.connections, options.durationSeconds)),
        peerOf: floorScenario.name,
      };
      runs.push(run);
      progress(run);
      await floor();
    }
    if (!runFloorOnly) {
      for (const scenario of selected) {
        const run = await measure(
          scenario,
          scenario.group,
          connectionsOf(scenario),
          options.durationSeconds,
        );
        runs.push(run);
        progress(run);
        await floor();
        const twin = peers.get(scenario);
        if (twin) {
          const peerRun = {
            ...(await measure(twin, 'peer', options.connections, options.durationSeconds)),
            peerOf: scenario.name,
          };
          runs.push(peerRun);
          progress(peerRun);
          await floor();
        }
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
      target: process.env.BENCH_URL
        ? 'BENCH_URL'
        : 'child service (NODE_ENV=production, LOG_LEVEL=warn)',
      peer: peers.size ? { name: PEER_LABEL, poolSize, versions: peerVersions() } : null,
      options,
      scenarios: Object.fromEntries(
        [floorScenario, ...selected].flatMap((s) => {
          const twin = peers.get(s);
          return twin
            ? [
                [s.name, s.description],
                [twin.name, twin.description],
              ]
            : [[s.name, s.description]];
        }),
      ),
      summary: rows,
      runs,
    };
    report(result, rows);
  } finally {
    await stop();
  }
}

interface RunResult {
  startedAt: string;
  machine: {
    cpus: number;
    cpuModel?: string;
    memoryGiB: number;
    node: string;
    loadAverage1m: { before: number; after: number };
  };
  database: DatabaseFacts | null;
  peer: { name: string; poolSize: number; versions: Record<string, string | undefined> } | null;
  options: Options;
  scenarios: Record<string, string>;
  runs: Run[];
}

function report(result: RunResult, rows: SummaryRow[]): void {
  const { machine, database } = result;
  const machineLine = `${machine.cpus} × ${machine.cpuModel ?? 'CPU'}, ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${database?.serverVersion ?? 'unknown'}`;
  const dataLine = database
    ? `data set ${database.size}: ${Object.entries(database.tables)
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(', ')}`
    : 'data set unknown (no database access)';
  const floorRuns = result.runs
    .filter((r) => r.group === 'floor')
    .map((r) => r.requestsPerSecond.toFixed(0));
  const noiseLine =
    `floor runs ${floorRuns.join(', ')} req/s in order; 1-minute load average ` +
    `${machine.loadAverage1m.before.toFixed(2)} before, ${machine.loadAverage1m.after.toFixed(2)} after (${machine.cpus} CPUs)`;
  const peerLine = result.peer
    ? `peer: ${result.peer.name} (postgraphile ${result.peer.versions.postgraphile}, graphql ${result.peer.versions.graphql}, pg ${result.peer.versions.pg}) ` +
      `on Node's http server over the same database, pool of ${result.peer.poolSize} like the service; product ÷ peer = the scenario's req/s ÷ the peer row's`
    : undefined;
  const table = textTable(rows);
  console.log(
    `\n${machineLine}\n${dataLine}\n${noiseLine}\n${peerLine ? `${peerLine}\n` : ''}` +
      `${result.options.durationSeconds} s per run; ratio = req/s ÷ mean of the floor runs before and after\n\n${table}\n`,
  );
  for (const run of result.runs) {
    if (run.errors.samples.length)
      console.log(`errors in ${run.scenario}: ${run.errors.samples.join(' | ')}`);
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
      "× floor = the scenario's req/s ÷ the mean of the floor runs before and after it",
    `- Noise: ${noiseLine}`,
    ...(peerLine ? [`- Peer: ${peerLine.slice('peer: '.length)}`] : []),
    '- errors = non-2xx + GraphQL `errors` + failed checks + socket errors, over all requests; SQL/req from `x-sql-statements`, one request in ten sampled',
    '',
    markdownTable(rows),
    '',
    'Scenarios:',
    '',
    ...Object.entries(result.scenarios).map(
      ([name, description]) => `- \`${name}\`: ${description}`,
    ),
    '',
  ].join('\n');
  writeFileSync(join(RESULTS_DIR, 'latest.md'), markdown);
  console.log(
    `results: bench/results/latest.md, bench/results/latest.json, bench/results/run-${stamp}.json`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(1);
  },
);
