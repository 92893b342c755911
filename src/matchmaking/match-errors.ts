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
});

type Reasons = (typeof MatchErrorReason)['reasons'];
declare module '../common/error-catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorReasonRegistry extends Reasons {}
}
