import { ApolloServerPlugin, GraphQLRequestContext, HeaderMap } from '@apollo/server';
import type { ErrorReason } from '../error-catalogue.js';
import { unwrapResolverError } from '@apollo/server/errors';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError, Kind } from 'graphql';
import { formatDatabaseUnavailable } from '../../database/db-unavailable.js';
import { SqlCounter } from '../../database/sql-counter.js';
import { contentLanguage, localizeError, requestLocale } from '../error-locale.js';
import { ErrorCode, PUBLIC_ERROR_CODES } from '../errors.js';
import { operationResolutionError } from './compiled-execution.js';

export interface GraphqlContext {
  req: { id: string; user?: unknown; headers: Record<string, string | string[] | undefined> };
  /** How the operation was executed (CompiledExecution); reported with the SQL count when that is on. */
  execution?: 'compiled' | 'graphql-js';
}

function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  const code = (original instanceof GraphQLError ? original : (error as GraphQLError))?.extensions
    ?.code;
  return (
    typeof code === 'string' &&
    PUBLIC_ERROR_CODES.has(code) &&
    code !== ErrorCode.INTERNAL_SERVER_ERROR
  );
}

/** graphql-js's refusal of a document over the parser's token limit (GRAPHQL_MAX_TOKENS); "more that" is its spelling. */
const TOKEN_LIMIT = /Document contains more th(?:an|at) \d+ tokens/;
/** Apollo's CSRF refusal (preventCsrf) carries no code of its own: only its message tells it apart. */
const CSRF_REFUSAL = /Cross-Site Request Forgery/;
/** graphql-js's suggestions end its messages: "Did you mean "me"?", "Did you mean the enum value "NEWEST"?". */
const SUGGESTION = /\s*Did you mean [^]*$/;
/** graphql-armor's marker for a hidden suggestion (it still tells that a near name exists). */
const SUGGESTION_MARKER = /\s*\[Suggestion hidden\]\??/g;

/** graphql-js's refusals of a variable: `Variable "$input" got invalid value "OWNER" at "input.role"; ...`. */
const VARIABLE_AT = /^Variable "\$([^"]+)" got invalid value .*? at "([^"]+)"; ([^]*)$/;
const VARIABLE_WHOLE = /^Variable "\$([^"]+)" /;

/**
 * A BAD_USER_INPUT that carries no reason is graphql-js's refusal of a variable's value (coercion: an enum value
 * that does not exist or is not accepted, a wrong type, a missing required value): the reason INVALID_VARIABLE
 * and, when the message tells it, the field (`input.role`, or `$id` for the whole variable). A scalar's refusal
 * of a variable (money, a date) keeps its reason and gains the field the same way.
 */
function variableRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const at = VARIABLE_AT.exec(formatted.message);
  const whole = at ? null : VARIABLE_WHOLE.exec(formatted.message);
  // The field's message never names a near value ("did you mean"), in any environment.
  const fields = at
    ? [{ field: at[2], message: at[3].replace(SUGGESTION, '').trim() }]
    : whole
      ? [{ field: `$${whole[1]}`, message: formatted.message.replace(SUGGESTION, '').trim() }]
      : undefined;
  return {
    ...formatted,
    extensions: {
      ...formatted.extensions,
      // A scalar's own refusal (INVALID_MONEY, INVALID_DATE) keeps its reason; graphql-js's has none.
      reason: formatted.extensions?.reason ?? ('INVALID_VARIABLE' satisfies ErrorReason),
      ...(fields ? { fields } : {}),
    },
  };
}

export interface ErrorFormatOptions {
  /** Production: no "did you mean" suggestion in any message, and no limit's number in a parse refusal. */
  production: boolean;
}

/**
 * Masks every error the API did not raise on purpose: the client gets INTERNAL_SERVER_ERROR and the
 * request id, never SQL, table names or (in production) a stack trace. The original is logged.
 * Apollo's refusals of a malformed HTTP request become BAD_USER_INPUT with a reason; a document over the
 * token limit is GRAPHQL_PARSE_FAILED with the reason TOO_MANY_TOKENS; a variable refused by coercion is
 * BAD_USER_INPUT with the reason INVALID_VARIABLE (every BAD_USER_INPUT carries a reason). In production no message names a
 * near field, argument, type or enum value ("did you mean"), whether from validation or from variables.
 */
export function createFormatError(
  options: ErrorFormatOptions,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const shaped = shapeError(formatted, error, options);
    if (!options.production) return shaped;
    const message = shaped.message.replace(SUGGESTION, '').replace(SUGGESTION_MARKER, '');
    return message === shaped.message ? shaped : { ...shaped, message };
  };
}

function shapeError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(formatted.message)) {
    return {
      message: options.production
        ? 'Syntax Error: the document has too many tokens.'
        : formatted.message,
      extensions: { code, reason: 'TOO_MANY_TOKENS' satisfies ErrorReason },
    };
  }
  if (
    code === ErrorCode.BAD_USER_INPUT &&
    (formatted.extensions?.reason === undefined ||
      (formatted.extensions.fields === undefined && VARIABLE_WHOLE.test(formatted.message)))
  )
    return variableRefusal(formatted);
  if (isExpected(error)) return formatted;
  const unavailable = formatDatabaseUnavailable(formatted, error);
  if (unavailable) return unavailable;
  if (code === 'BAD_REQUEST') {
    // Apollo's refusal of a malformed HTTP request (batched array, missing query, bad variables JSON, a
    // mutation over GET, a request without CSRF protection).
    const status = (error as GraphQLError | undefined)?.extensions?.http as
      { status?: number } | undefined;
    const reason = CSRF_REFUSAL.test(formatted.message)
      ? ('CSRF_PREVENTED' satisfies ErrorReason)
      : status?.status === 405
        ? 'METHOD_NOT_ALLOWED'
        : 'BAD_REQUEST';
    return {
      message: formatted.message.trim(),
      extensions: { code: ErrorCode.BAD_USER_INPUT, reason },
    };
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
 * Refuses, before anything executes, a request whose operation Apollo could not resolve (an unknown
 * operationName, or several operations and none named): HTTP 400 OPERATION_RESOLUTION_FAILURE with graphql-js's
 * message. Over GET, a document that holds a mutation (or subscription) is HTTP 405 whatever operationName says.
 */
function refuseUnresolvedOperation(ctx: GraphQLRequestContext<GraphqlContext>): void {
  if (ctx.operation || !ctx.document) return;
  const writes = ctx.document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'query',
  );
  if (ctx.request.http?.method === 'GET' && writes) {
    throw new GraphQLError('GET requests only support query operations', {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'METHOD_NOT_ALLOWED' satisfies ErrorReason,
        http: { status: 405, headers: new HeaderMap([['allow', 'POST']]) },
      },
    });
  }
  const refusal = operationResolutionError(ctx.document, ctx.request.operationName);
  throw new GraphQLError(refusal.message, {
    extensions: {
      code: 'OPERATION_RESOLUTION_FAILURE',
      reason: 'UNKNOWN_OPERATION' satisfies ErrorReason,
      http: { status: 400, headers: new HeaderMap() },
    },
  });
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
        async didResolveOperation(ctx: GraphQLRequestContext<GraphqlContext>) {
          refuseUnresolvedOperation(ctx);
        },
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
          if (body?.kind === 'single' && body.singleResult.errors) {
            // In the caller's language (the signed-in user's locale, else Accept-Language): error-locale.ts.
            const locale = requestLocale(
              ctx.contextValue?.req ?? {
                headers: { 'accept-language': ctx.request.http?.headers.get('accept-language') },
              },
            );
            body.singleResult.errors = body.singleResult.errors.map((e: GraphQLFormattedError) => {
              const localized = localizeError(e, locale);
              return requestId
                ? { ...localized, extensions: { ...localized.extensions, requestId } }
                : localized;
            });
            ctx.response.http.headers.set('content-language', contentLanguage(locale));
          }
          // Automatic persisted queries are off: Apollo answers their refusal with HTTP 200 (the APQ protocol's
          // signal to resend with the query); the API answers 400, as for any request it will not run.
          if (
            body?.kind === 'single' &&
            body.singleResult.errors?.some(
              (e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_SUPPORTED',
            )
          ) {
            ctx.response.http.status = 400;
          }
          if (countStatements) {
            const count = SqlCounter.current();
            if (count !== undefined)
              ctx.response.http.headers.set('x-sql-statements', String(count));
            const execution = ctx.contextValue.execution;
            if (execution) ctx.response.http.headers.set('x-graphql-execution', execution);
          }
        },
      };
    },
  };
}
