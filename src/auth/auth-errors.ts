import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of sign-up, sign-in and sessions. */
export const AuthErrorReason = defineErrorReasons('auth', {
  EMAIL_TAKEN: {
    code: 'CONFLICT',
    en: 'An account with this e-mail address already exists.',
    zh: '该电子邮箱已注册账号。',
  },
  INVALID_CREDENTIALS: {
    code: 'UNAUTHENTICATED',
    en: 'The e-mail address or the password is not correct.',
    zh: '电子邮箱或密码不正确。',
  },
  INVALID_REFRESH_TOKEN: {
    code: 'UNAUTHENTICATED',
    en: 'The refresh token is not valid or has expired; sign in again.',
    zh: '刷新令牌无效或已过期，请重新登录。',
  },
  REFRESH_TOKEN_REUSED: {
    code: 'UNAUTHENTICATED',
    en: 'The refresh token was already used; as a precaution the session has been ended.',
    zh: '该刷新令牌已被使用过；出于安全考虑，会话已被终止。',
  },
});

type Reasons = (typeof AuthErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
