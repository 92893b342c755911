import type { AnyPersonaName } from '../seed/personas.js';
import type { SizeName } from '../seed/sizes.js';

/** One HTTP request a scenario sends (POST /graphql); connections cycle through a scenario's list. */
export interface BenchRequest {
  query: string;
  variables?: Record<string, unknown>;
  /** Bearer token of the persona the request runs as (none: anonymous). */
  token?: string;
}

export interface GraphqlResult {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** What a scenario may use to prepare its requests. */
export interface ScenarioContext {
  /**
   * The seeded size of the database measured (from its row counts), when the benchmark can read it
   * (DATABASE_URL or the embedded database): a scenario may expect more of a larger data set.
   */
  dataSize?: SizeName | 'custom';
  /** An access token of a seeded persona (signed in once per benchmark run). */
  tokenOf(persona: AnyPersonaName): Promise<string>;
  /** One GraphQL request outside the measurement (to look up ids, for instance). */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResult>;
}

/**
 * A measured operation. Each one lives in its own file in this folder and is listed in
 * scenarios/index.ts. Every response is checked: a non-2xx status, a body with GraphQL `errors`,
 * no `data`, or a `verify` that returns false counts as an error, never as throughput.
 */
export interface Scenario {
  name: string;
  description: string;
  /**
   * `main` scenarios run at --connections; `slow` ones are slow by design (password hashing) and
   * are run at their own concurrency and reported in a separate table.
   */
  group: 'main' | 'slow';
  /** Fixed concurrency of a slow scenario (main scenarios use --connections). */
  connections?: number;
  /**
   * Offered load (open model): this many requests per second, evenly spaced, each sent on time whatever
   * the earlier ones are doing (support/load.ts pacedRequests), to measure the latency a user sees at a
   * stated load instead of at saturation, where latency is mostly queueing behind the other connections.
   * Default: closed loop at the scenario's connections, as fast as the service answers.
   */
  ratePerSecond?: number;
  prepare(ctx: ScenarioContext): Promise<BenchRequest[]>;
  /**
   * Send each prepared request once, in order, across all connections (a write that must not be
   * repeated, e.g. a new proposal each time); when the list runs out, further requests count as errors.
   * Default: every connection cycles through the whole list.
   */
  eachRequestOnce?: boolean;
  /** Extra check of a response's `data` (it has no errors already). */
  verify?(data: Record<string, unknown>): boolean;
  /**
   * The equivalent request served by the peer (PostGraphile 4 over the same database, bench/peer/),
   * measured right after the scenario in the same run and reported as an extra row with the
   * product ÷ peer throughput ratio. Anonymous only: the peer has no sign-in.
   */
  peer?: PeerRequest;
}

export interface PeerRequest {
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Check of each peer response's `data`, as `Scenario.verify`. */
  verify(data: Record<string, unknown>): boolean;
  /**
   * Checked once before measuring, on one response of each: true when both answer the same thing
   * (e.g. the same ids in the same order). The benchmark refuses to compare a pair that does not match.
   */
  matches?(product: Record<string, unknown>, peer: Record<string, unknown>): boolean;
}
