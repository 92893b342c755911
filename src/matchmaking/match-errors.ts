import { defineErrorReasons } from '../common/error-catalogue.js';

/** The reasons of matchmaking. */
export const MatchErrorReason = defineErrorReasons('matchmaking', {
  RECOMMENDATIONS_FOR_ISSUERS_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an enterprise and platform administrators may see the SMEs recommended for a challenge.',
    zh: '仅企业成员和平台管理员可查看为榜单推荐的中小企业。',
  },
  RECOMMENDATIONS_FOR_SMES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an SME may see the challenges recommended to it.',
    zh: '仅中小企业成员可查看为其推荐的榜单。',
  },
  MATCH_EXPLANATION_FOR_PARTIES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only the issuer of the challenge, the SME and platform administrators may see why they match.',
    zh: '仅榜单发布方、该中小企业和平台管理员可查看匹配说明。',
  },
  DISMISSAL_FOR_PARTIES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of the issuing enterprise or of the SME may dismiss a recommendation.',
    zh: '仅发榜企业或该中小企业的成员可忽略推荐。',
  },
  VOCABULARY_PAIR_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Vocabulary pair',
    en: 'No such pair among those added to the vocabulary.',
    zh: '词表中没有该新增词对。',
  },
  VOCABULARY_PAIR_EXISTS: {
    code: 'CONFLICT',
    en: 'This pair is already in the vocabulary.',
    zh: '该词对已在词表中。',
  },
  RELATED_CHALLENGES_SAME_ISSUER: {
    code: 'CONFLICT',
    en: 'Related demands are challenges of two different enterprises; these two have the same issuer.',
    zh: '关联需求须为两家不同企业的榜单；这两个榜单属于同一发榜企业。',
  },
  RELATED_CHALLENGE_NOT_COMPARABLE: {
    code: 'CONFLICT',
    en: 'Only challenges pending review or published (before their deadline) can be linked as related.',
    zh: '仅待审核或已发布（截止前）的榜单可关联为相关需求。',
  },
  RELATED_CHALLENGES_ALREADY_LINKED: {
    code: 'CONFLICT',
    en: 'These two challenges are already linked as related.',
    zh: '这两个榜单已关联为相关需求。',
  },
  RELATED_CHALLENGES_LINK_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Related challenges link',
    en: 'These two challenges are not linked as related.',
    zh: '这两个榜单之间没有相关需求关联。',
  },
  INTRODUCTION_NOT_FOUND: {
    code: 'NOT_FOUND',
    entity: 'Introduction',
    en: 'No such introduction, or it is not one of your organisation’s.',
    zh: '没有该对接，或它不属于您的组织。',
  },
  INTRODUCTION_REQUEST_FOR_SMES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an SME may request an introduction to a challenge.',
    zh: '仅中小企业成员可申请对接榜单。',
  },
  INTRODUCTIONS_FOR_PARTIES_ONLY: {
    code: 'FORBIDDEN',
    en: 'Only members of an enterprise or an SME (and platform administrators, to read) have introductions.',
    zh: '仅企业或中小企业成员有对接（平台管理员仅可查看）。',
  },
  INTRODUCTION_CHALLENGE_NOT_OPEN: {
    code: 'CONFLICT',
    en: 'Introductions are made only for a published challenge before its deadline.',
    zh: '仅可就已发布且未截止的榜单发起对接。',
  },
  INTRODUCTION_SME_NOT_ELIGIBLE: {
    code: 'CONFLICT',
    en: 'The SME is not verified or not eligible for this challenge (see `eligibilityReasons`).',
    zh: '该中小企业未经认证或不符合该榜单的条件（见 `eligibilityReasons`）。',
  },
  INTRODUCTION_ALREADY_LIVE: {
    code: 'CONFLICT',
    en: 'This challenge and this SME already have a live (requested or accepted) introduction (see `introductionId`).',
    zh: '该榜单与该中小企业已有进行中的对接（待回复或已接受，见 `introductionId`）。',
  },
  INTRODUCTION_COOLDOWN: {
    code: 'CONFLICT',
    en: 'Your last introduction for this pair was declined; a new one may be asked for after `until`.',
    zh: '您对该配对的上一次对接已被拒绝，须在 `until` 之后才能再次发起。',
  },
  INTRODUCTION_NOT_ACCEPTED: {
    code: 'CONFLICT',
    en: 'Messages are exchanged only in an accepted introduction.',
    zh: '仅已接受的对接可以互发消息。',
  },
  INTRODUCTIONS_DAILY_LIMIT: {
    code: 'RATE_LIMITED',
    en: 'Your organisation started as many introductions as it may in a day; try again after `resetAt`.',
    zh: '您的组织今日发起的对接已达上限，请在 `resetAt` 之后重试。',
  },
});

type Reasons = (typeof MatchErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
