import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the expert pool. */
export const ExpertErrorReason = defineErrorReasons('experts', {
  EXPERT_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Expert',
    en: 'No such expert.',
    zh: '专家不存在。',
  },
  EXPERT_POOL_ENTERPRISES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an enterprise and platform administrators may browse the expert pool.',
    zh: '仅企业成员和平台管理员可浏览专家库。',
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
