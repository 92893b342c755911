import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of proposals: submission, review and scores, decisions, objections, publicity. */
export const ProposalErrorReason = defineErrorReasons('proposals', {
  PROPOSAL_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Proposal',
    en: 'No such proposal, or you may not see it.',
    zh: '方案不存在，或您无权查看。',
  },
  OBJECTION_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Objection',
    en: 'No such objection.',
    zh: '异议不存在。',
  },
  REVIEW_ASSIGNMENT_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Review assignment',
    en: 'No such review assignment.',
    zh: '评审分配不存在。',
  },
  WINNING_PROPOSAL_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Winning proposal',
    en: 'No such winning proposal for this challenge.',
    zh: '该榜单没有此中标方案。',
  },
  CHALLENGE_RESULT_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Challenge result',
    en: 'The challenge has no published result (yet), or you may not see it.',
    zh: '榜单尚无公示结果，或您无权查看。',
  },
  NOT_AN_SME_MEMBER: {
    code: 'FORBIDDEN',
    en: 'Only members of an SME can submit proposals.',
    zh: '仅中小企业成员可提交方案。',
  },
  SME_NOT_VERIFIED: {
    code: 'FORBIDDEN',
    en: 'Only verified SMEs may submit to this challenge.',
    zh: '仅通过认证的中小企业可向该榜单提交方案。',
  },
  REGION_NOT_ELIGIBLE: {
    code: 'FORBIDDEN',
    en: 'The SME is not registered in a region this challenge accepts.',
    zh: '该中小企业的注册地区不在榜单接受的范围内。',
  },
  QUALIFICATION_EXPIRED: {
    code: 'FORBIDDEN',
    en: "The SME's qualification certificate has expired.",
    zh: '该中小企业的资质证书已过期。',
  },
  QUALIFICATION_INSUFFICIENT: {
    code: 'FORBIDDEN',
    en: "The SME's qualification is below what this challenge requires.",
    zh: '该中小企业的资质等级低于榜单要求。',
  },
  NOT_ISSUER_MANAGER: {
    code: 'FORBIDDEN',
    en: 'Only an OWNER or ADMIN of the issuing organisation can do this. Same meaning as ISSUER_MANAGER_ONLY.',
    zh: '仅发榜机构的所有者或管理员可执行此操作。与 ISSUER_MANAGER_ONLY 含义相同。',
  },
  NOT_AN_ORGANIZATION_MEMBER: {
    code: 'FORBIDDEN',
    en: 'Only members of a (verified) organisation can do this, e.g. file objections. Same meaning as NOT_ORGANIZATION_MEMBER.',
    zh: '仅（已认证）机构的成员可执行此操作，例如提出异议。与 NOT_ORGANIZATION_MEMBER 含义相同。',
  },
  PROPOSAL_COUNT_ISSUER_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only the issuing enterprise may see the number of proposals of its challenge.',
    zh: '仅发榜企业可查看其榜单收到的方案数量。',
  },
  PROPOSALS_SEALED: {
    code: 'CONFLICT',
    en: 'Proposals are sealed until the deadline; only their number is shown.',
    zh: '截止前方案处于密封状态，仅显示数量。',
  },
  PROPOSAL_ALREADY_SUBMITTED: {
    code: 'CONFLICT',
    en: 'This SME has already submitted a proposal for this challenge; revise it instead.',
    zh: '该中小企业已向此榜单提交过方案，请修改已有方案。',
  },
  PROPOSAL_NOT_SUBMITTED: {
    code: 'CONFLICT',
    en: 'Only a submitted proposal can be revised.',
    zh: '仅已提交状态的方案可以修改。',
  },
  TERMS_NOT_ACCEPTED: {
    code: 'CONFLICT',
    en: "The challenge's terms (NDA) must be accepted before submitting.",
    zh: '提交方案前须先接受榜单条款（保密协议）。',
  },
  DEADLINE_PASSED: {
    code: 'CONFLICT',
    en: 'The deadline of this challenge has passed.',
    zh: '该榜单已过截止时间。',
  },
  IDEMPOTENCY_KEY_REUSED: {
    code: 'CONFLICT',
    en: 'This idempotency key was already used with a different payload.',
    zh: '该幂等键已用于内容不同的请求。',
  },
  INVALID_CHALLENGE_STATE: {
    code: 'CONFLICT',
    en: 'Not possible while the challenge is in its current status; `extensions.challengeStatus` tells which.',
    zh: '榜单当前状态下无法执行此操作；`extensions.challengeStatus` 给出当前状态。',
  },
  EVALUATION_NOT_OPEN: {
    code: 'CONFLICT',
    en: 'Evaluation is possible only once the challenge is closed (and, for some steps, in publicity).',
    zh: '仅在榜单截止后（部分步骤在公示期内）方可进行评审。',
  },
  CHALLENGE_NOT_CLOSED: {
    code: 'CONFLICT',
    en: 'This is possible only while the challenge is closed, before winners are announced.',
    zh: '仅在榜单已截止、尚未公布中标结果时可执行此操作。',
  },
  NOT_IN_PUBLICITY: {
    code: 'CONFLICT',
    en: 'This is possible only during the publicity period of the result.',
    zh: '仅在结果公示期内可执行此操作。',
  },
  PROPOSAL_NOT_UNDER_REVIEW: {
    code: 'CONFLICT',
    en: 'Only a proposal under review can be scored.',
    zh: '仅评审中的方案可以评分。',
  },
  SCORING_LOCKED: {
    code: 'CONFLICT',
    en: 'The issuer has locked scoring; scores can no longer change.',
    zh: '发榜方已锁定评分，评分不可再修改。',
  },
  SCORING_ALREADY_LOCKED: {
    code: 'CONFLICT',
    en: 'Scoring is already locked.',
    zh: '评分已被锁定。',
  },
  WINNERS_ALREADY_SELECTED: {
    code: 'CONFLICT',
    en: 'Winners have already been selected for this challenge.',
    zh: '该榜单已选定中标方案。',
  },
  AWARD_EXCEEDS_BUDGET: {
    code: 'CONFLICT',
    en: "The awards add up to more than the challenge's budget.",
    zh: '奖金总额超出榜单预算。',
  },
  PROPOSAL_VETOED: {
    code: 'CONFLICT',
    en: 'A veto criterion excludes this proposal.',
    zh: '该方案因否决项未达标而被排除。',
  },
  OWN_PROPOSAL: {
    code: 'CONFLICT',
    en: 'An organisation cannot object to its own proposal.',
    zh: '机构不能对自己的方案提出异议。',
  },
  OBJECTION_ALREADY_DECIDED: {
    code: 'CONFLICT',
    en: 'The objection has already been decided.',
    zh: '该异议已有处理结果。',
  },
  PUBLICITY_ENDED: {
    code: 'CONFLICT',
    en: 'The publicity period has ended.',
    zh: '公示期已结束。',
  },
});

type Reasons = (typeof ProposalErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
