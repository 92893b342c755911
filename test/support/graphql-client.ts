import request from 'supertest';
import type { App } from 'supertest/types.js';
import { ERROR_REASONS } from '../../src/app/error-catalogue.js';
import { entryCodes } from '../../src/common/error-catalogue.js';
import { SQL_COUNT_REQUEST_HEADER } from '../../src/database/sql-counter.js';

/** The catalogue: each reason and the codes it may come with. */
const CATALOGUE = new Map<string, readonly string[]>(
  ERROR_REASONS.map((r) => [r.reason, entryCodes(r.entry)]),
);

/**
 * Every response of every test is checked against the error catalogue: each `extensions.reason` is catalogued
 * and sent with one of its codes, and every BAD_USER_INPUT carries a reason. A breach throws, naming the reason,
 * the code and the operation, whichever test made the request.
 */
export function assertCataloguedErrors(errors: unknown, query: string): void {
  if (!Array.isArray(errors)) return;
  const operation = query.replace(/\s+/g, ' ').trim().slice(0, 120);
  for (const error of errors as GqlError[]) {
    const { code, reason } = (error?.extensions ?? {}) as { code?: string; reason?: unknown };
    if (reason === undefined) {
      if (code === 'BAD_USER_INPUT')
        throw new Error(
          `BAD_USER_INPUT without extensions.reason ("${error.message}") in the response to: ${operation}`,
        );
      continue;
    }
    const codes = CATALOGUE.get(String(reason));
    if (!codes)
      throw new Error(
        `Uncatalogued extensions.reason "${String(reason)}" (code ${code}) in the response to: ${operation}. ` +
          "Add it to its module's error catalogue (src/*/…-errors.ts).",
      );
    if (code !== undefined && !codes.includes(code))
      throw new Error(
        `extensions.reason "${String(reason)}" came with code ${code}, but the catalogue gives ${codes.join(', ')} ` +
          `(response to: ${operation})`,
      );
  }
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    reason?: string;
    fields?: { field: string; message: string }[];
    requestId?: string;
    [k: string]: unknown;
  };
}

export interface GqlResponse<T> {
  status: number;
  data: T | null | undefined;
  errors: GqlError[] | undefined;
  /** The raw body text, to check that a secret appears nowhere in it. */
  text: string;
  headers: Record<string, string>;
  /** SQL statements the server ran for this request (x-sql-statements; counting is on in tests). */
  sqlStatements: number | undefined;
}

/** A tiny GraphQL client over the real HTTP server. `as(token)` returns a client for another persona. */
export class GraphqlClient {
  constructor(
    private readonly server: App,
    private readonly token?: string,
    private readonly acceptLanguage?: string,
  ) {}

  as(token: string | undefined): GraphqlClient {
    return new GraphqlClient(this.server, token, this.acceptLanguage);
  }

  /** A client that sends `Accept-Language: <value>` (no header by default). */
  language(value: string | undefined): GraphqlClient {
    return new GraphqlClient(this.server, this.token, value);
  }

  async send<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResponse<T>> {
    // Every test request asks for its SQL statement count (x-sql-statements; the test apps run with BENCH_SQL_COUNT).
    let req = request(this.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set(SQL_COUNT_REQUEST_HEADER, '1');
    if (this.token) req = req.set('authorization', `Bearer ${this.token}`);
    if (this.acceptLanguage !== undefined) req = req.set('accept-language', this.acceptLanguage);
    const res = await req.send({ query, variables });
    const body = (res.body ?? {}) as { data?: T | null; errors?: GqlError[] };
    assertCataloguedErrors(body.errors, query);
    const statements = res.headers['x-sql-statements'];
    return {
      status: res.status,
      data: body.data,
      errors: body.errors,
      text: res.text,
      headers: res.headers as Record<string, string>,
      sqlStatements: statements === undefined ? undefined : Number(statements),
    };
  }

  /** Sends and expects success: returns data, or throws with the errors. */
  async ok<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const res = await this.send<T>(query, variables);
    if (res.errors?.length || !res.data) {
      throw new Error(
        `GraphQL request failed (${res.status}): ${JSON.stringify(res.errors ?? res.text)}`,
      );
    }
    return res.data;
  }

  /** Sends and expects exactly one error: returns it. */
  async fails(query: string, variables?: Record<string, unknown>): Promise<GqlError> {
    const res = await this.send(query, variables);
    if (!res.errors?.length) throw new Error(`expected an error, got ${res.text}`);
    return res.errors[0];
  }
}
