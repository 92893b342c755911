/** The proposals module's public surface: other modules import from here only. */
export { ProposalsModule } from './proposals.module.js';
export {
  ChallengeEvaluationEntity,
  ObjectionEntity,
  ProposalAccessGrantEntity,
  ProposalEntity,
  ProposalRevisionEntity,
  PublicityEntity,
  ReviewAssignmentEntity,
  ScoreEntity,
} from './proposal.entities.js';
export { ProposalErrorReason } from './proposal-errors.js';
