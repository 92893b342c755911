import { AllianceMembershipEntity } from '../../alliance/alliance-membership.entity.js';
import { AuditEventEntity } from '../../audit/audit-event.entity.js';
import { AuthSessionEntity } from '../../auth/auth-session.entity.js';
import { RefreshTokenEntity } from '../../auth/refresh-token.entity.js';
import { ChallengeAnnouncementEntity, ChallengeInvitationEntity, ChallengeQuestionEntity, ChallengeTermsAcceptanceEntity, ChallengeTermsEntity } from '../../challenges/challenge-engagement.entities.js';
import { ChallengeRequirementEntity, ChallengeTechnicalFieldEntity, ChallengeVersionEntity, EvaluationCriterionEntity } from '../../challenges/challenge-content.entities.js';
import { ChallengeEntity } from '../../challenges/challenge.entity.js';
import { EnterpriseEntity } from '../../organizations/enterprises/enterprise.entity.js';
import { ExpertProfileEntity } from '../../experts/expert-profile.entity.js';
import { ExpertTechnicalFieldEntity } from '../../experts/expert-technical-field.entity.js';
import { OrganizationInvitationEntity } from '../../organizations/organization-invitation.entity.js';
import { OrganizationMemberEntity } from '../../organizations/organization-member.entity.js';
import { OrganizationEntity } from '../../organizations/organization.entity.js';
import { ChallengeEvaluationEntity, ObjectionEntity, ProposalAccessGrantEntity, ProposalEntity, ProposalRevisionEntity, PublicityEntity, ReviewAssignmentEntity, ScoreEntity } from '../../proposals/proposal.entities.js';
import { SmeTechnicalFieldEntity } from '../../organizations/smes/sme-technical-field.entity.js';
import { SmeEntity } from '../../organizations/smes/sme.entity.js';
import { TechnicalFieldEntity } from '../../technical-fields/technical-field.entity.js';
import { UserEntity } from '../../users/user.entity.js';

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
];
