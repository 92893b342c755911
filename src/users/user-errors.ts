import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of accounts and their administration. */
export const UserErrorReason = defineErrorReasons('users', {
  USER_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'User',
    en: 'No such user, or you may not see it.',
    zh: '用户不存在，或您无权查看。',
  },
  CANNOT_SUSPEND_SELF: {
    code: 'CONFLICT',
    en: 'Administrators cannot suspend their own account.',
    zh: '管理员不能停用自己的账号。',
  },
});

type Reasons = (typeof UserErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
