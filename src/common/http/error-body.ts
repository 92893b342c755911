import type { ErrorLocale, ErrorReason } from '../error-catalogue.js';
import { DEFAULT_ERROR_LOCALE, localizeError } from '../error-locale.js';

/**
 * The one shape of an error answered outside GraphQL execution (by the HTTP layer: malformed JSON, 413,
 * 415, CSRF refusal, unknown routes, rate limits, load shedding): a GraphQL response with one error whose
 * `extensions` carry the code, a reason and the request id, like every error the resolvers raise; its message
 * is in `locale` (the request's: `requestLocale`, from Accept-Language, as no session has been checked yet),
 * the way every error is (common/error-locale.ts). The sender sets `Content-Language` (`contentLanguage`).
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
  locale: ErrorLocale = DEFAULT_ERROR_LOCALE,
): HttpErrorBody {
  return {
    errors: [
      localizeError(
        { message, extensions: { code, reason, ...extra, ...(requestId ? { requestId } : {}) } },
        locale,
      ),
    ],
  };
}
