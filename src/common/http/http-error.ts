import { HttpException } from '@nestjs/common';
import type { ErrorLocale, ErrorReason } from '../error-catalogue.js';
import { DEFAULT_ERROR_LOCALE } from '../error-locale.js';
import { ErrorCode } from '../errors.js';
import { httpErrorBody, type HttpErrorBody } from './error-body.js';

export interface HttpErrorAnswer {
  status: number;
  body: HttpErrorBody;
  /** A server fault (5xx): logged with the request id; the client sees only INTERNAL_SERVER_ERROR. */
  unexpected: boolean;
}

/** Body parser errors that mean "this is not JSON" (Fastify's JSON parser throws a SyntaxError with statusCode 400). */
const MALFORMED_BODY = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
]);

/** Code, reason and message per HTTP status the layer answers; any other 4xx reads as 400, any other 5xx as 500. */
const HTTP_ANSWERS: Record<number, [code: string, reason: ErrorReason, message: string]> = {
  400: [ErrorCode.BAD_USER_INPUT, 'BAD_REQUEST', 'The request is malformed'],
  401: [ErrorCode.UNAUTHENTICATED, 'NOT_AUTHENTICATED', 'Authentication is required'],
  403: [ErrorCode.FORBIDDEN, 'NOT_ALLOWED', 'You are not allowed to do this'],
  404: [ErrorCode.NOT_FOUND, 'ROUTE_NOT_FOUND', 'No such route'],
  405: [ErrorCode.BAD_USER_INPUT, 'METHOD_NOT_ALLOWED', 'Method not allowed'],
  413: [ErrorCode.BAD_USER_INPUT, 'BODY_TOO_LARGE', 'The request body is larger than the limit'],
  415: [
    ErrorCode.BAD_USER_INPUT,
    'UNSUPPORTED_MEDIA_TYPE',
    'Unsupported content type: send application/json',
  ],
  429: [ErrorCode.RATE_LIMITED, 'TOO_MANY_REQUESTS', 'Too many requests; try again later'],
  503: [
    ErrorCode.SERVICE_UNAVAILABLE,
    'UNAVAILABLE',
    'The service is temporarily unavailable; try again shortly',
  ],
};

/**
 * The answer to an error raised by the HTTP layer outside GraphQL (Fastify's body parsing and routing, through
 * Nest's error and not-found handlers): the status is kept, the body is the GraphQL error shape.
 * - 400 malformed JSON: BAD_USER_INPUT / MALFORMED_JSON; any other 400: BAD_USER_INPUT / BAD_REQUEST
 * - 413: BAD_USER_INPUT / BODY_TOO_LARGE; 415: BAD_USER_INPUT / UNSUPPORTED_MEDIA_TYPE
 * - 404: NOT_FOUND / ROUTE_NOT_FOUND; 405: BAD_USER_INPUT / METHOD_NOT_ALLOWED
 * - 5xx and anything unknown: INTERNAL_SERVER_ERROR (503: SERVICE_UNAVAILABLE), never the cause's message.
 */
export function httpErrorAnswer(
  exception: unknown,
  requestId: string | undefined,
  locale: ErrorLocale = DEFAULT_ERROR_LOCALE,
): HttpErrorAnswer {
  let status = 500;
  let cause: unknown = exception;
  if (exception instanceof HttpException) {
    status = exception.getStatus();
    cause = exception.cause ?? exception;
  } else {
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600)
      status = statusCode;
  }
  const causeCode = (cause as { code?: unknown } | null)?.code;
  const answer = (code: string, reason: ErrorReason, message: string): HttpErrorAnswer => ({
    status,
    body: httpErrorBody(code, reason, message, requestId, {}, locale),
    unexpected: status >= 500,
  });
  if (
    status === 400 &&
    (cause instanceof SyntaxError ||
      (typeof causeCode === 'string' && MALFORMED_BODY.has(causeCode)))
  ) {
    return answer(ErrorCode.BAD_USER_INPUT, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  const known = HTTP_ANSWERS[status];
  if (known) return answer(...known);
  return status < 500
    ? answer(...HTTP_ANSWERS[400])
    : {
        ...answer(ErrorCode.INTERNAL_SERVER_ERROR, 'INTERNAL', 'Internal server error'),
        status: 500,
        unexpected: true,
      };
}
