import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the request budgets and the sign-in throttling (RATE_LIMITED, HTTP 429 with Retry-After). */
export const RateLimitErrorReason = defineErrorReasons('rate-limit', {
  REQUEST_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many requests from this address; try again after `Retry-After` seconds.',
    zh: '来自该地址的请求过多，请在 `Retry-After` 秒后重试。',
  },
  USER_REQUEST_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many requests by this account; try again after `Retry-After` seconds.',
    zh: '该账号的请求过多，请在 `Retry-After` 秒后重试。',
  },
  REGISTER_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many sign-ups from this address; try again later.',
    zh: '来自该地址的注册过于频繁，请稍后重试。',
  },
  LOGIN_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many sign-in attempts from this address; try again later.',
    zh: '来自该地址的登录尝试过于频繁，请稍后重试。',
  },
  REFRESH_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many session refreshes from this address; try again later.',
    zh: '来自该地址的会话刷新过于频繁，请稍后重试。',
  },
  INVITATIONS_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many invitations sent by this account; try again later.',
    zh: '该账号发送邀请过于频繁，请稍后重试。',
  },
  UPLOADS_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many uploads by this account; try again later.',
    zh: '该账号上传过于频繁，请稍后重试。',
  },
  MAIL_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Too many e-mails asked for from this address; try again later.',
    zh: '来自该地址的邮件请求过于频繁，请稍后重试。',
  },
  TOO_MANY_ATTEMPTS: {
    code: 'RATE_LIMITED',
    en: 'Too many failed sign-ins for this account from this address; try again later.',
    zh: '该账号在此地址的登录失败次数过多，请稍后重试。',
  },
  TOO_MANY_FAILURES_FROM_ADDRESS: {
    code: 'RATE_LIMITED',
    en: 'Too many failed sign-ins from this address; try again later.',
    zh: '来自该地址的登录失败次数过多，请稍后重试。',
  },
  TOO_MANY_FAILURES_FOR_ACCOUNT: {
    code: 'RATE_LIMITED',
    en: 'Too many failed sign-ins for this account; try again later.',
    zh: '该账号的登录失败次数过多，请稍后重试。',
  },
});

type Reasons = (typeof RateLimitErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
