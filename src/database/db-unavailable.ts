import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorReason } from '../common/error-catalogue.js';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ErrorCode, ServiceUnavailableError } from '../common/errors.js';

/** What a client is told to wait before retrying when the database failed (seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Errors of node-postgres and its pool that say the database could not be reached or did not answer in
 * time (not that the statement was wrong): the connection was refused, reset or ended, the pool found no
 * free connection within DB_CONNECTION_TIMEOUT_MS, or the client-side query timeout (DB_QUERY_TIMEOUT_MS)
 * fired.
 */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];
/** Socket errors of the connection to the database. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * PostgreSQL SQLSTATEs of a server that cannot serve now: class 08 (connection exception), 53 (insufficient
 * resources: too many connections, out of memory, disk full), 57P01-57P05 (administrator / crash shutdown,
 * cannot connect now, idle session timeouts). Not 57014 (the server's statement timeout, DB_STATEMENT_TIMEOUT_MS,
 * cancelled a statement): on a server that answers, that is a statement too slow for its input, which a retry
 * does not fix; it stays INTERNAL_SERVER_ERROR, logged, so that it is found and fixed.
 */
function unavailableSqlState(code: string): boolean {
  return code.startsWith('08') || code.startsWith('53') || /^57P0[1-5]$/.test(code);
}

/** True when `error` (from TypeORM, node-postgres or its pool) means the database is unavailable or overloaded. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // TypeORM wraps the driver's error (QueryFailedError.driverError); the pool wraps a connect timeout (cause).
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as {
      message?: unknown;
      code?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (
      typeof e.code === 'string' &&
      (UNAVAILABLE_ERRNO.has(e.code) ||
        (/^[0-9A-Z]{5}$/.test(e.code) && unavailableSqlState(e.code)))
    )
      return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.includes(e.message)) return true;
    current = current instanceof QueryFailedError ? e.driverError : e.cause;
  }
  return false;
}

/** The client's view of a database failure: SERVICE_UNAVAILABLE, HTTP 503 with Retry-After. */
export function databaseUnavailableError(): ServiceUnavailableError {
  return new ServiceUnavailableError('DATABASE_UNAVAILABLE', DATABASE_RETRY_AFTER_SECONDS);
}

/**
 * For formatError: a database failure reaching the client from any resolver is SERVICE_UNAVAILABLE with
 * reason DATABASE_UNAVAILABLE (the original is logged by the request plugin as an unexpected error);
 * undefined for any other error.
 */
export function formatDatabaseUnavailable(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError | undefined {
  if (!isDatabaseUnavailable(unwrapResolverError(error))) return undefined;
  return {
    message: 'The service is temporarily unavailable; try again shortly',
    path: formatted.path,
    locations: formatted.locations,
    extensions: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      reason: 'DATABASE_UNAVAILABLE' satisfies ErrorReason,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    },
  };
}

/**
 * Apollo takes the HTTP status and headers of a response from the errors as they were thrown, before
 * formatError: a response that formatError turned into SERVICE_UNAVAILABLE gets its 503 and Retry-After here.
 */
export function serviceUnavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          if (body.kind !== 'single') return;
          const unavailable = body.singleResult.errors?.find(
            (e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE,
          );
          if (!unavailable) return;
          response.http.status = 503;
          if (!response.http.headers.has('retry-after')) {
            const seconds = unavailable.extensions?.retryAfterSeconds;
            response.http.headers.set(
              'retry-after',
              String(typeof seconds === 'number' ? seconds : DATABASE_RETRY_AFTER_SECONDS),
            );
          }
        },
      };
    },
  };
}
