import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the expert pool. */
export const ExpertErrorReason = defineErrorReasons('experts', {
  EXPERT_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Expert',
    en: 'No such expert.',
    zh: '专家不存在。',
  },
  NOT_AN_EXPERT: {
    code: 'CONFLICT',
    en: 'This user is not an expert.',
    zh: '该用户不是专家。',
  },
});

type Reasons = (typeof ExpertErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
