import { GraphQLError } from 'graphql';
import {
  notFoundReason,
  type ErrorReason,
  type NotFoundEntity,
  type ReasonWithCode,
} from './error-catalogue.js';
import './platform-errors.js';

/**
 * The error model of the API. Every error a client can see carries `extensions.code`, one of:
 * BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED (HTTP 429, with
 * `Retry-After`), SERVICE_UNAVAILABLE (HTTP 503, with `Retry-After`: the database failed or the instance
 * is overloaded; never an authentication error), INTERNAL_SERVER_ERROR, QUERY_TOO_COMPLEX (HTTP 400, before
 * anything runs: the operation's cost with its variables is over GRAPHQL_MAX_COST; `extensions.cost` and
 * `extensions.budget` say by how much, see common/graphql/query-cost.ts)
 * (plus the GraphQL protocol codes GRAPHQL_PARSE_FAILED and GRAPHQL_VALIDATION_FAILED for documents
 * that are not valid, OPERATION_RESOLUTION_FAILURE for an operationName the document does not define, and
 * PERSISTED_QUERY_NOT_SUPPORTED: automatic persisted queries are off), and where useful `extensions.reason`, a stable machine-readable detail: always one of the catalogue
 * (error-catalogue.ts; the schema's enum ErrorReason, docs/errors.md). The classes below accept only a
 * catalogued reason of their own code.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that the API produces on purpose and passes to the client as they are. */
export const PUBLIC_ERROR_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface FieldError {
  /** Dotted path of the input field, e.g. `input.email` or `input.requirements.2.weight`. */
  field: string;
  message: string;
}

export abstract class AppError extends GraphQLError {
  protected constructor(
    message: string,
    code: ErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export class UserInputError extends AppError {
  constructor(fields: FieldError[], message?: string) {
    super(
      message ?? fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      ErrorCode.BAD_USER_INPUT,
      {
        reason: 'INVALID_INPUT' satisfies ErrorReason,
        fields,
      },
    );
  }

  static field(field: string, message: string): UserInputError {
    return new UserInputError([{ field, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    reason: ReasonWithCode<'UNAUTHENTICATED'> = 'NOT_AUTHENTICATED',
    message = 'Authentication is required',
  ) {
    super(message, ErrorCode.UNAUTHENTICATED, { reason });
  }
}

export class ForbiddenError extends AppError {
  constructor(
    reason: ReasonWithCode<'FORBIDDEN'> = 'NOT_ALLOWED',
    message = 'You are not allowed to do this',
  ) {
    super(message, ErrorCode.FORBIDDEN, { reason });
  }
}

/**
 * What does not exist and what the caller may not see are answered alike, so ids cannot be probed. The reason
 * is `<ENTITY>_NOT_FOUND`; the entity is one the catalogue names (an entry with `entity`).
 */
export class NotFoundError extends AppError {
  constructor(entity: NotFoundEntity) {
    super(`${entity} not found`, ErrorCode.NOT_FOUND, { reason: notFoundReason(entity) });
  }
}

export class ConflictError extends AppError {
  constructor(
    reason: ReasonWithCode<'CONFLICT'>,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, ErrorCode.CONFLICT, { reason, ...extra });
  }
}

/** Too many requests: HTTP 429 with `Retry-After` (seconds). */
export class RateLimitedError extends AppError {
  constructor(
    reason: ReasonWithCode<'RATE_LIMITED'>,
    retryAfterSeconds: number,
    message = 'Too many requests; try again later',
  ) {
    super(message, ErrorCode.RATE_LIMITED, {
      reason,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

/** The database failed or the instance is overloaded: HTTP 503 with `Retry-After` (seconds). */
export class ServiceUnavailableError extends AppError {
  constructor(
    reason: ReasonWithCode<'SERVICE_UNAVAILABLE'>,
    retryAfterSeconds = 1,
    message = 'The service is temporarily unavailable; try again shortly',
  ) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, {
      reason,
      retryAfterSeconds,
      http: { status: 503, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}
