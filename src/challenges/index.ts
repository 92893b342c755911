/** The challenges module's public surface: other modules import from here only. */
export { ChallengesModule } from './challenges.module.js';
export { ChallengeEntity, ChallengeStatus } from './challenge.entity.js';
export {
  ChallengeRequirementEntity,
  ChallengeTechnicalFieldEntity,
  ChallengeVersionEntity,
  EvaluationCriterionEntity,
} from './challenge-content.entities.js';
export {
  ChallengeAnnouncementEntity,
  ChallengeInvitationEntity,
  ChallengeQuestionEntity,
  ChallengeTermsAcceptanceEntity,
  ChallengeTermsEntity,
} from './challenge-engagement.entities.js';
export { ChallengeLifecycleService } from './challenge-lifecycle.service.js';
export { ChallengeQueryService } from './challenge-query.service.js';
export type { ChallengeNode } from './challenge.mapper.js';
export { ChallengeIssuer, ChallengeType } from './dto/challenge.types.js';
/** The fields a query selects below a field (to read only the columns it needs). */
export { requestedFields } from './requested-fields.js';
/** The one visibility rule and the SQL pieces other modules compose with it (challenge-sql.ts). */
export {
  effectiveStatusSql,
  issuerShownSql,
  proposalCountShownSql,
  viewerOf,
  visibleSql,
} from './challenge-sql.js';
export type { Viewer } from './challenge-sql.js';
/** Builds the word-segmentation dictionary ahead of the first search (called by the service's entry point). */
export { warmUpSegmentation } from './challenge-search.js';
export { ChallengeErrorReason } from './challenge-errors.js';
