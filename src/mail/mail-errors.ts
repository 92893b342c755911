import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the links sent by e-mail (verification, password reset, unsubscribe). */
export const MailErrorReason = defineErrorReasons('mail', {
  EMAIL_TOKEN_USED: {
    code: 'CONFLICT',
    en: 'This link was already used; each link works once.',
    zh: '该链接已被使用；每个链接只能使用一次。',
  },
  EMAIL_TOKEN_EXPIRED: {
    code: 'CONFLICT',
    en: 'This link has expired; ask for a new one.',
    zh: '该链接已过期，请重新申请。',
  },
  EMAIL_ALREADY_VERIFIED: {
    code: 'CONFLICT',
    en: 'This e-mail address is already verified.',
    zh: '该电子邮箱已验证。',
  },
});

type Reasons = (typeof MailErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
