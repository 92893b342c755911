import type { ErrorReason } from '../../common/error-catalogue.js';
import { AppError, ErrorCode } from '../../common/errors.js';

/**
 * RATE_LIMITED INTRODUCTIONS_DAILY_LIMIT: the organisation started INTRODUCTIONS_PER_DAY introductions in the last
 * 24 hours. Like every RATE_LIMITED answer it carries HTTP 429 and `Retry-After`; `resetAt` is the instant the
 * oldest of them leaves the window (the count is read from the introductions table, so it is exact).
 */
export class IntroductionsLimitError extends AppError {
  constructor(limit: number, resetAt: Date, now: Date) {
    const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
    super(
      `Your organisation may start at most ${limit} introductions a day; try again after ${resetAt.toISOString()}`,
      ErrorCode.RATE_LIMITED,
      {
        reason: 'INTRODUCTIONS_DAILY_LIMIT' satisfies ErrorReason,
        limit,
        resetAt: resetAt.toISOString(),
        retryAfterSeconds,
        http: {
          status: 429,
          headers: new Map([['retry-after', String(retryAfterSeconds)]]),
        },
      },
    );
  }
}
