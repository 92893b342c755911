import { defineErrorReasons, type ErrorReason } from '../common/error-catalogue.js';
import { AppError, ErrorCode } from '../common/errors.js';

/** The reasons of live updates (subscriptions over graphql-ws). */
export const LiveErrorReason = defineErrorReasons('realtime', {
  SUBSCRIPTIONS_ONLY: {
    code: 'BAD_USER_INPUT',
    en: 'Only subscriptions are served over the socket: send queries and mutations over HTTP.',
    zh: '该连接仅用于订阅：查询和变更请通过 HTTP 发送。',
  },
  LIVE_SUBSCRIPTIONS_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'This connection holds as many subscriptions as it may (LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET): end one first.',
    zh: '该连接的订阅数已达上限（LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET），请先结束一个订阅。',
  },
});

type Reasons = (typeof LiveErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}

/** BAD_USER_INPUT SUBSCRIPTIONS_ONLY: a query or mutation sent over the socket. */
export class SubscriptionsOnlyError extends AppError {
  constructor() {
    super(
      'Only subscriptions are served over the socket: send queries and mutations over HTTP',
      ErrorCode.BAD_USER_INPUT,
      { reason: 'SUBSCRIPTIONS_ONLY' satisfies ErrorReason },
    );
  }
}

/** RATE_LIMITED LIVE_SUBSCRIPTIONS_LIMIT: one subscription more than a socket may hold. */
export class LiveSubscriptionsLimitError extends AppError {
  constructor(limit: number) {
    super(`At most ${limit} subscriptions on one connection`, ErrorCode.RATE_LIMITED, {
      reason: 'LIVE_SUBSCRIPTIONS_LIMIT' satisfies ErrorReason,
      limit,
    });
  }
}
