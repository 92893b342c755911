import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of the enterprises' alliance. */
export const AllianceErrorReason = defineErrorReasons('alliance', {
  ALLIANCE_MEMBERSHIP_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Alliance membership',
    en: 'No such alliance membership or application.',
    zh: '联盟成员资格或入盟申请不存在。',
  },
  ENTERPRISES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only enterprises belong to the alliance.',
    zh: '仅企业可加入联盟。',
  },
  ALLIANCE_EXPELLED: {
    code: 'CONFLICT',
    en: 'An enterprise expelled from the alliance cannot apply again.',
    zh: '已被联盟除名的企业不能再次申请。',
  },
  ALLIANCE_MEMBERSHIP_EXISTS: {
    code: 'CONFLICT',
    en: 'The enterprise has already applied to the alliance or is a member.',
    zh: '该企业已提交入盟申请或已是联盟成员。',
  },
  NOT_AN_ALLIANCE_MEMBER: {
    code: 'CONFLICT',
    en: 'The enterprise is not a member of the alliance.',
    zh: '该企业不是联盟成员。',
  },
  TIER_UNCHANGED: {
    code: 'CONFLICT',
    en: 'The member is already in this tier.',
    zh: '该成员已处于此等级。',
  },
});

type Reasons = (typeof AllianceErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
