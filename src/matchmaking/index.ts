/** The matchmaking module's public surface: other modules import from here only. */
export { MatchmakingModule } from './matchmaking.module.js';
export {
  MatchDismissalEntity,
  MatchDocumentEntity,
  MatchListEntity,
  MatchListEntryEntity,
  MatchQueueEntity,
  MatchSideStatsEntity,
  MatchTermStatsEntity,
  MatchTermEntity,
  MatchVocabularyEntity,
} from './match.entities.js';
export { RelatedChallengeEntity } from './related-challenge.entity.js';
export { SimilarListEntity, SimilarListEntryEntity } from './similar-list.entities.js';
export {
  IntroductionEntity,
  IntroductionMessageEntity,
} from './introductions/introduction.entities.js';
export { MatchErrorReason } from './match-errors.js';
/** Indexing for the command-line tools that fill a database in bulk (seed:scale, eval:matching). */
export { indexQueued, loadMatchVocabulary } from './match-indexing.js';
