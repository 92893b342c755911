import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of organisations, their members, invitations and verification. */
export const OrganizationErrorReason = defineErrorReasons('organizations', {
  ORGANIZATION_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Organization',
    en: 'No such organisation, or you may not see it.',
    zh: '机构不存在，或您无权查看。',
  },
  ENTERPRISE_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Enterprise',
    en: 'No such enterprise, or you may not see it.',
    zh: '企业不存在，或您无权查看。',
  },
  SME_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'SME',
    en: 'No such SME, or you may not see it.',
    zh: '中小企业不存在，或您无权查看。',
  },
  ORGANIZATION_MEMBER_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Organization member',
    en: 'No such member of the organisation.',
    zh: '该机构没有此成员。',
  },
  INVITATION_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Invitation',
    en: 'No such invitation.',
    zh: '邀请不存在。',
  },
  NO_ORGANIZATION: {
    code: 'CONFLICT',
    en: 'You do not belong to an organisation.',
    zh: '您尚未加入任何机构。',
  },
  ALREADY_IN_ORGANIZATION: {
    code: 'CONFLICT',
    en: 'A user belongs to at most one organisation, and this one already belongs to one.',
    zh: '一个用户最多只能加入一个机构，该用户已加入机构。',
  },
  ALREADY_MEMBER: {
    code: 'CONFLICT',
    en: 'This user is already a member of the organisation.',
    zh: '该用户已是本机构成员。',
  },
  CREDIT_CODE_TAKEN: {
    code: 'CONFLICT',
    en: 'A verified organisation with this unified social credit code is already registered.',
    zh: '已有使用该统一社会信用代码的认证机构。',
  },
  INVITATION_EXPIRED: {
    code: 'CONFLICT',
    en: 'This invitation has expired.',
    zh: '该邀请已过期。',
  },
  INVITATION_USED: {
    code: 'CONFLICT',
    en: 'This invitation has already been accepted.',
    zh: '该邀请已被接受。',
  },
  LAST_OWNER: {
    code: 'CONFLICT',
    en: 'An organisation keeps at least one OWNER; make someone else OWNER first.',
    zh: '机构至少须保留一名所有者（OWNER）；请先将其他成员设为所有者。',
  },
  ROLE_UNCHANGED: {
    code: 'CONFLICT',
    en: 'The member already has this role.',
    zh: '该成员已是此角色。',
  },
  NOT_ORGANIZATION_MEMBER: {
    code: 'FORBIDDEN',
    en: 'Only members of the organisation (its OWNER or ADMIN, for this action) may do this. Same meaning as NOT_AN_ORGANIZATION_MEMBER.',
    zh: '仅本机构成员（此操作需所有者或管理员）可执行。与 NOT_AN_ORGANIZATION_MEMBER 含义相同。',
  },
  ORGANIZATION_ADMIN_REQUIRED: {
    code: 'FORBIDDEN',
    en: 'Only an OWNER or ADMIN of the organisation may do this.',
    zh: '仅机构的所有者或管理员可执行此操作。',
  },
  OWNER_REQUIRED: {
    code: 'FORBIDDEN',
    en: 'Only an OWNER may grant, change or remove ownership.',
    zh: '仅所有者可授予、变更或移除所有者身份。',
  },
  ORGANIZATION_NOT_VERIFIED: {
    code: ['FORBIDDEN', 'CONFLICT'],
    en: 'The organisation is not verified, and only verified organisations may do this (CONFLICT when applying to the alliance, FORBIDDEN elsewhere).',
    zh: '该机构尚未通过认证，仅认证机构可执行此操作（申请加入联盟时为 CONFLICT，其他情况为 FORBIDDEN）。',
  },
});

type Reasons = (typeof OrganizationErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
