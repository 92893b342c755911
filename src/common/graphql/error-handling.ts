import { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatDatabaseUnavailable } from '../../database/db-unavailable.js';
import { SqlCounter } from '../../database/sql-counter.js';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../errors.js';

export interface GraphqlContext {
  req: { id: string; user?: unknown; headers: Record<string, string | string[] | undefined> };
  /** How the operation was executed (CompiledExecution); reported with the SQL count when that is on. */
  execution?: 'compiled' | 'graphql-js';
}

function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  const code = (original instanceof GraphQLError ? original : (error as GraphQLError))?.extensions?.code;
  return typeof code === 'string' && PUBLIC_ERROR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Masks every error the API did not raise on purpose: the client gets INTERNAL_SERVER_ERROR and the
 * request id, never SQL, table names or (in production) a stack trace. The original is logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isExpected(error)) return formatted;
  const unavailable = formatDatabaseUnavailable(formatted, error);
  if (unavailable) return unavailable;
  if (formatted.extensions?.code === 'BAD_REQUEST') {
    // Apollo's refusal of a malformed HTTP request (batched array, missing query, bad variables JSON).
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'BAD_REQUEST' } };
  }
  return {
    message: 'Internal server error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      ...(formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}),
    },
  };
}

/**
 * Logs unexpected errors with the request id, and adds the request id to responses. With BENCH_SQL_COUNT on
 * (benchmark and tests), also the SQL count (`x-sql-statements`) and how the operation was executed
 * (`x-graphql-execution`: compiled or graphql-js).
 */
export function requestPlugin(countStatements: boolean): ApolloServerPlugin<GraphqlContext> {
  const logger = new Logger('GraphQL');
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx: GraphQLRequestContext<GraphqlContext>) {
          for (const error of ctx.errors ?? []) {
            if (isExpected(error)) continue;
            const original = unwrapResolverError(error) as Error;
            logger.error({
              msg: 'unexpected error',
              requestId: ctx.contextValue.req?.id,
              operation: ctx.operationName ?? undefined,
              path: error.path?.join('.'),
              err: { message: original?.message, stack: original?.stack },
            });
          }
        },
        async willSendResponse(ctx: GraphQLRequestContext<GraphqlContext>) {
          const requestId = ctx.contextValue.req?.id;
          const body = ctx.response.body;
          if (body?.kind === 'single' && body.singleResult.errors && requestId) {
            body.singleResult.errors = body.singleResult.errors.map((e: GraphQLFormattedError) => ({
              ...e,
              extensions: { ...e.extensions, requestId },
            }));
          }
          if (countStatements) {
            const count = SqlCounter.current();
            if (count !== undefined) ctx.response.http.headers.set('x-sql-statements', String(count));
            const execution = ctx.contextValue.execution;
            if (execution) ctx.response.http.headers.set('x-graphql-execution', execution);
          }
        },
      };
    },
  };
}
