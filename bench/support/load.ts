import autocannon from 'autocannon';
import { SQL_COUNT_REQUEST_HEADER } from '../../src/database/sql-counter.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { BenchRequest, GraphqlResult, Scenario } from '../scenarios/scenario.js';

export interface LoadRun {
  scenario: string;
  connections: number;
  /** The offered load when the scenario sets one (Scenario.ratePerSecond). */
  ratePerSecond?: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: {
    total: number;
    /** HTTP status outside 2xx. */
    non2xx: number;
    /** 2xx with GraphQL `errors`, no `data`, or a failed scenario check. */
    graphql: number;
    /** Socket errors and timeouts reported by the load generator. */
    transport: number;
    /** The first few distinct error messages, to see what went wrong. */
    samples: string[];
  };
  /** SQL statements per request from the x-sql-statements header (one request in SQL_SAMPLE_EVERY asks for it). */
  sqlStatements: { mean: number; min: number; max: number; sampled: number } | null;
  /** Peak RSS of the service during this run, in bytes (undefined when the service is not ours). */
  peakRssBytes?: number;
}

/** Where each-request-once lists are (shared by every connection and run of the same list). */
const cursors = new WeakMap<BenchRequest[], { next: number }>();

/**
 * One request in SQL_SAMPLE_EVERY asks the service to count its SQL statements (`x-count-sql: 1`, answered in
 * `x-sql-statements`): counting costs the service several percent of its CPU, so the timed runs measure
 * what production runs, and the SQL/req column is the mean over the sampled requests.
 */
const SQL_SAMPLE_EVERY = 10;

function headersOf(r: BenchRequest | undefined, countSql = false): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(r?.token ? { authorization: `Bearer ${r.token}` } : {}),
    ...(countSql ? { [SQL_COUNT_REQUEST_HEADER]: '1' } : {}),
  };
}

/**
 * Open-model load at `rate` requests per second: request i is sent at start + i / rate whatever the earlier
 * ones are doing (autocannon's own rate limit sends each second's share in a burst), and its latency counts
 * from that moment, so a slow answer delays nobody's clock. Every response goes through `onResponse`.
 */
async function pacedRequests(
  baseUrl: string,
  requests: BenchRequest[],
  rate: number,
  seconds: number,
  onResponse: (status: number, body: string, context: object, headers: IncomingHttpHeaders) => void,
  latencies: number[],
): Promise<{ errors: number; timeouts: number }> {
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let errors = 0;
  let timeouts = 0;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    const r = requests[i % requests.length];
    inflight.push(
      (async () => {
        try {
          const res = await fetch(`${baseUrl}/graphql`, {
            method: 'POST',
            headers: headersOf(r, i % SQL_SAMPLE_EVERY === 0),
            body: JSON.stringify({ query: r.query, variables: r.variables }),
            signal: AbortSignal.timeout(10_000),
          });
          const body = await res.text();
          latencies.push(performance.now() - due);
          onResponse(res.status, body, {}, Object.fromEntries(res.headers));
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') timeouts += 1;
          else errors += 1;
        }
      })(),
    );
  }
  await Promise.all(inflight);
  return { errors, timeouts };
}

/** Runs one scenario for a fixed time at a fixed concurrency (or offered load) against `baseUrl`, checking every response. */
export async function runLoad(
  baseUrl: string,
  scenario: Scenario,
  requests: BenchRequest[],
  options: { connections: number; durationSeconds: number; ratePerSecond?: number },
): Promise<LoadRun> {
  const latencies: number[] = [];
  let non2xx = 0;
  let graphqlErrors = 0;
  const samples = new Set<string>();
  const sql = { sum: 0, min: Infinity, max: -Infinity, sampled: 0 };

  const note = (message: string) => {
    if (samples.size < 5) samples.add(message.slice(0, 300));
  };
  const onResponse = (
    status: number,
    body: string,
    _context: object,
    headers: IncomingHttpHeaders | undefined,
  ) => {
    const header = headers?.['x-sql-statements'];
    if (header !== undefined) {
      const n = Number(Array.isArray(header) ? header[0] : header);
      if (Number.isFinite(n)) {
        sql.sum += n;
        sql.sampled += 1;
        if (n < sql.min) sql.min = n;
        if (n > sql.max) sql.max = n;
      }
    }
    if (status < 200 || status > 299) {
      non2xx += 1;
      note(`HTTP ${status}: ${firstError(body) ?? body.slice(0, 200)}`);
      return;
    }
    let parsed: GraphqlResult;
    try {
      parsed = JSON.parse(body) as GraphqlResult;
    } catch {
      graphqlErrors += 1;
      note(`unparsable body: ${body.slice(0, 200)}`);
      return;
    }
    if (parsed.errors?.length) {
      graphqlErrors += 1;
      note(`${parsed.errors[0].extensions?.code ?? 'ERROR'}: ${parsed.errors[0].message}`);
    } else if (!parsed.data) {
      graphqlErrors += 1;
      note('response without data');
    } else if (scenario.verify && !scenario.verify(parsed.data)) {
      graphqlErrors += 1;
      note(`check failed: ${body.slice(0, 200)}`);
    }
  };

  const started = process.hrtime.bigint();
  let result: { errors: number; timeouts: number; duration?: number };
  if (options.ratePerSecond) {
    if (scenario.eachRequestOnce)
      throw new Error(
        `${scenario.name}: an offered load cycles through its requests; eachRequestOnce is not supported`,
      );
    result = await pacedRequests(
      baseUrl,
      requests,
      options.ratePerSecond,
      options.durationSeconds,
      onResponse,
      latencies,
    );
  } else
    result = await autocannon({
      url: `${baseUrl}/graphql`,
      connections: options.connections,
      duration: options.durationSeconds,
      pipelining: 1,
      timeout: 10,
      requests: scenario.eachRequestOnce
        ? [
            {
              method: 'POST' as const,
              path: '/graphql',
              // One shared cursor over the list for every connection (and every run of this list), so no request is sent twice.
              setupRequest: (request: autocannon.Request) => {
                const cursor = cursors.get(requests) ?? { next: 0 };
                cursors.set(requests, cursor);
                const sampled = cursor.next % SQL_SAMPLE_EVERY === 0;
                const r = requests[cursor.next++];
                // Exhausted: a request the service refuses, so that it counts as an error, never as throughput.
                const body = r
                  ? JSON.stringify({ query: r.query, variables: r.variables })
                  : JSON.stringify({ query: '{ requestListExhausted }' });
                return { ...request, headers: headersOf(r, sampled), body };
              },
              onResponse,
            },
          ]
        : // autocannon cycles through this list on each connection: every request of the scenario, SQL_SAMPLE_EVERY times, the first time counted.
          Array.from({ length: SQL_SAMPLE_EVERY }, (_, round) =>
            requests.map((r) => ({
              method: 'POST' as const,
              path: '/graphql',
              headers: headersOf(r, round === 0),
              body: JSON.stringify({ query: r.query, variables: r.variables }),
              onResponse,
            })),
          ).flat(),
      setupClient: (client) => {
        client.on('response', (_status: number, _bytes: number, responseTime: number) => {
          latencies.push(responseTime);
        });
      },
    });
  const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies.length === 0
      ? NaN
      : latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  const transport = result.errors + result.timeouts;
  if (transport > 0) note(`${result.errors} socket errors, ${result.timeouts} timeouts`);
  const durationSeconds = result.duration || elapsedSeconds;
  return {
    scenario: scenario.name,
    connections: options.connections,
    ...(options.ratePerSecond ? { ratePerSecond: options.ratePerSecond } : {}),
    durationSeconds: round(durationSeconds, 2),
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / durationSeconds, 1),
    latencyMs: {
      p50: round(percentile(50), 2),
      p95: round(percentile(95), 2),
      p99: round(percentile(99), 2),
      max: round(latencies[latencies.length - 1] ?? NaN, 2),
    },
    errors: {
      total: non2xx + graphqlErrors + transport,
      non2xx,
      graphql: graphqlErrors,
      transport,
      samples: [...samples],
    },
    sqlStatements:
      sql.sampled === 0
        ? null
        : {
            mean: round(sql.sum / sql.sampled, 2),
            min: sql.min,
            max: sql.max,
            sampled: sql.sampled,
          },
  };
}

/** `CODE: message` of a GraphQL error body (without its request id, so samples of one failure stay one). */
function firstError(body: string): string | undefined {
  try {
    const error = (JSON.parse(body) as GraphqlResult).errors?.[0];
    return error ? `${error.extensions?.code ?? 'ERROR'}: ${error.message}` : undefined;
  } catch {
    return undefined;
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
