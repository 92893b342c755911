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
/** The SMEs' results on the platform per technical field (Sme.trackRecord; matchmaking's TRACK_RECORD). */
export { trackRecordsOf } from './proposals.queries.js';
