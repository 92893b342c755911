import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of challenges: content, lifecycle, Q&A, announcements, invitations and terms. */
export const ChallengeErrorReason = defineErrorReasons('challenges', {
  CHALLENGE_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Challenge',
    en: 'No such challenge, or you may not see it.',
    zh: '榜单不存在，或您无权查看。',
  },
  CHALLENGE_QUESTION_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Challenge question',
    en: 'No such question on a challenge you may see.',
    zh: '该问题不存在，或您无权查看。',
  },
  ENTERPRISE_MEMBERS_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an enterprise may post challenges or have challenges of their own.',
    zh: '仅企业成员可发布榜单或拥有自己的榜单。',
  },
  SME_MEMBERS_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an SME may ask questions about a challenge.',
    zh: '仅中小企业成员可就榜单提问。',
  },
  ORGANIZATION_MEMBERS_ONLY: {
    code: 'FORBIDDEN',
    en: 'Terms are accepted on behalf of an organisation; join one first.',
    zh: '条款须以机构名义接受，请先加入机构。',
  },
  ISSUER_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of the issuing enterprise may do this (edit, invite, announce, answer questions).',
    zh: '仅发榜企业的成员可执行此操作（编辑、邀请、发布公告、回答问题）。',
  },
  ISSUER_MANAGER_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only an OWNER or ADMIN of the issuing enterprise may do this (e.g. cancel its challenge). Same meaning as NOT_ISSUER_MANAGER.',
    zh: '仅发榜企业的所有者或管理员可执行此操作（如撤销榜单）。与 NOT_ISSUER_MANAGER 含义相同。',
  },
  ALLIANCE_MEMBERSHIP_REQUIRED: {
    code: 'FORBIDDEN',
    en: 'Only enterprises with an active alliance membership may submit challenges for review.',
    zh: '仅拥有有效联盟成员资格的企业可提交榜单审核。',
  },
  NOT_ELIGIBLE_FOR_TERMS: {
    code: 'FORBIDDEN',
    en: 'Only organisations that could answer this challenge (eligible SMEs, or SMEs the issuer invited) may accept its terms; `extensions.eligibilityReasons` says why not.',
    zh: '仅有资格揭榜的机构（符合条件或受发榜方邀请的中小企业）可接受其条款；`extensions.eligibilityReasons` 说明原因。',
  },
  CHALLENGE_INCOMPLETE: {
    code: 'CONFLICT',
    en: 'The challenge lacks content required before it can be submitted for review; the message lists what is missing.',
    zh: '榜单缺少提交审核所需的内容；错误信息列出缺少的项目。',
  },
  DEADLINE_TOO_SOON: {
    code: 'CONFLICT',
    en: 'The deadline must be at least 24 hours after publication; the issuer must extend it first.',
    zh: '截止时间须在发布后至少 24 小时；发榜方须先延长截止时间。',
  },
  NOT_A_DRAFT: {
    code: 'CONFLICT',
    en: 'The challenge is no longer a draft; amend it after publication instead.',
    zh: '榜单已不是草稿；发布后请改用修订（amendChallenge）。',
  },
  NOT_PUBLISHED: {
    code: 'CONFLICT',
    en: 'Only a published challenge (before its deadline) can be amended or carry announcements.',
    zh: '仅已发布（且未截止）的榜单可修订或发布公告。',
  },
  STALE_VERSION: {
    code: 'CONFLICT',
    en: 'The challenge was changed meanwhile; reload it and edit again.',
    zh: '榜单已被他人修改，请重新加载后再编辑。',
  },
  CHALLENGE_NOT_OPEN: {
    code: 'CONFLICT',
    en: 'The challenge is not open (not published, or past its deadline), so this is not possible now.',
    zh: '榜单当前未开放（未发布或已截止），暂不能执行此操作。',
  },
  CHALLENGE_CANCELLED: {
    code: 'CONFLICT',
    en: 'The challenge was cancelled.',
    zh: '榜单已撤销。',
  },
  ALREADY_ANSWERED: {
    code: 'CONFLICT',
    en: 'This question has already been answered.',
    zh: '该问题已回答。',
  },
  NO_TERMS: {
    code: 'CONFLICT',
    en: 'This challenge requires no terms to accept.',
    zh: '该榜单无需接受条款。',
  },
  TERMS_VERSION_CHANGED: {
    code: 'CONFLICT',
    en: 'The terms in force have a newer version; read them and accept that version.',
    zh: '现行条款已更新版本，请阅读后接受最新版本。',
  },
  DEV_ONLY: {
    code: 'FORBIDDEN',
    en: 'This operation exists for development only and is refused in production (NODE_ENV=production).',
    zh: '该操作仅用于开发环境，生产环境（NODE_ENV=production）中拒绝执行。',
  },
  CLOCK_NOT_APPLICABLE: {
    code: 'CONFLICT',
    en: "The challenge's clock cannot move there from its state: the deadline passes only for a published challenge before its deadline, the publicity period ends only while it runs.",
    zh: '榜单当前状态下不能将时钟移到该时刻：仅已发布且未截止的榜单可使截止时间到达，仅公示期进行中的榜单可结束公示。',
  },
});

type Reasons = (typeof ChallengeErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
