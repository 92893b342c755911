import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/index.js';
import { OrganizationsModule } from '../organizations/index.js';
import { IntroductionNotificationSubject } from './introductions/introduction-notification-subject.js';
import { IntroductionResolver } from './introductions/introduction.resolver.js';
import { IntroductionExpiryJob } from './introductions/introduction-expiry.job.js';
import { IntroductionExpiringJob } from './introductions/introduction-expiring.job.js';
import { IntroductionService } from './introductions/introduction.service.js';
import { MatchIndexerService } from './match-indexer.service.js';
import { MatchVocabularyAdminService } from './match-vocabulary-admin.service.js';
import { MatchVocabularyResolver } from './match-vocabulary.resolver.js';
import { MatchVocabularyService } from './match-vocabulary.service.js';
import { MatchmakingResolver } from './matchmaking.resolver.js';
import { MatchmakingService } from './matchmaking.service.js';
import { PublishedNoticeJob } from './published-notice.job.js';
import { RelatedChallengesService } from './related-challenges.service.js';
import { SimilarChallengesResolver } from './similar-challenges.resolver.js';
import { SimilarChallengesService } from './similar-challenges.service.js';

/**
 * Matchmaking (供需对接): recommendations both ways with their reasons, one pair's explanation, dismissals,
 * the index that keeps them fresh (README, "How matching works"), the vocabulary pairs admins add,
 * introductions (对接: invitations and requests, their answers, contacts and threads) and duplicate demands
 * (similar challenges of other issuers, related-challenge links).
 */
@Module({
  imports: [ChallengesModule, OrganizationsModule],
  providers: [
    MatchVocabularyService,
    MatchIndexerService,
    MatchmakingService,
    MatchmakingResolver,
    MatchVocabularyAdminService,
    MatchVocabularyResolver,
    SimilarChallengesService,
    RelatedChallengesService,
    SimilarChallengesResolver,
    IntroductionService,
    IntroductionResolver,
    IntroductionNotificationSubject,
    IntroductionExpiryJob,
    IntroductionExpiringJob,
    PublishedNoticeJob,
  ],
})
export class MatchmakingModule {}
