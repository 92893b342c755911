import { AllianceMembershipEntity } from '../../alliance/index.js';
import { AuditEventEntity } from '../../audit/index.js';
import { AuthSessionEntity, RefreshTokenEntity } from '../../auth/index.js';
import {
  ChallengeAnnouncementEntity,
  ChallengeEntity,
  ChallengeInvitationEntity,
  ChallengeQuestionEntity,
  ChallengeRequirementEntity,
  ChallengeTechnicalFieldEntity,
  ChallengeTermsAcceptanceEntity,
  ChallengeTermsEntity,
  ChallengeVersionEntity,
  EvaluationCriterionEntity,
} from '../../challenges/index.js';
import {
  EnterpriseEntity,
  OrganizationEntity,
  OrganizationInvitationEntity,
  OrganizationMemberEntity,
  SmeEntity,
  SmeTechnicalFieldEntity,
} from '../../organizations/index.js';
import { ExpertProfileEntity, ExpertTechnicalFieldEntity } from '../../experts/index.js';
import {
  ChallengeEvaluationEntity,
  ObjectionEntity,
  ProposalAccessGrantEntity,
  ProposalEntity,
  ProposalRevisionEntity,
  PublicityEntity,
  ReviewAssignmentEntity,
  ScoreEntity,
} from '../../proposals/index.js';
import {
  MatchDismissalEntity,
  MatchDocumentEntity,
  MatchListEntity,
  MatchListEntryEntity,
  MatchQueueEntity,
  MatchSideStatsEntity,
  MatchTermStatsEntity,
  MatchTermEntity,
  MatchVocabularyEntity,
  RelatedChallengeEntity,
} from '../../matchmaking/index.js';
import { TechnicalFieldEntity } from '../../technical-fields/index.js';
import { UserEntity } from '../../users/index.js';

/** Every entity, listed once for the service, the migration CLI and the tests. */
export const ENTITIES = [
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  OrganizationEntity,
  OrganizationMemberEntity,
  OrganizationInvitationEntity,
  EnterpriseEntity,
  SmeEntity,
  TechnicalFieldEntity,
  SmeTechnicalFieldEntity,
  AllianceMembershipEntity,
  ExpertProfileEntity,
  ExpertTechnicalFieldEntity,
  AuditEventEntity,
  ChallengeEntity,
  ChallengeTechnicalFieldEntity,
  ChallengeRequirementEntity,
  EvaluationCriterionEntity,
  ChallengeVersionEntity,
  ChallengeTermsEntity,
  ChallengeTermsAcceptanceEntity,
  ChallengeInvitationEntity,
  ChallengeQuestionEntity,
  ChallengeAnnouncementEntity,
  ProposalEntity,
  ProposalRevisionEntity,
  ReviewAssignmentEntity,
  ScoreEntity,
  ChallengeEvaluationEntity,
  PublicityEntity,
  ObjectionEntity,
  ProposalAccessGrantEntity,
  MatchDocumentEntity,
  MatchTermEntity,
  MatchQueueEntity,
  MatchTermStatsEntity,
  MatchSideStatsEntity,
  MatchDismissalEntity,
  MatchVocabularyEntity,
  MatchListEntity,
  MatchListEntryEntity,
  RelatedChallengeEntity,
];
