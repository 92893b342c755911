import type { ErrorReason } from '../error-catalogue.js';

/**
 * The one shape of an error answered outside GraphQL execution (by the HTTP layer: malformed JSON, 413,
 * 415, CSRF refusal, unknown routes, rate limits, load shedding): a GraphQL response with one error whose
 * `extensions` carry the code, a reason and the request id, like every error the resolvers raise.
 */
export interface HttpErrorBody {
  errors: {
    message: string;
    extensions: { code: string; reason: string; requestId?: string } & Record<string, unknown>;
  }[];
}

export function httpErrorBody(
  code: string,
  reason: ErrorReason,
  message: string,
  requestId: string | undefined,
  extra: Record<string, unknown> = {},
): HttpErrorBody {
  return {
    errors: [
      { message, extensions: { code, reason, ...extra, ...(requestId ? { requestId } : {}) } },
    ],
  };
}
