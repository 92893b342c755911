import { EnterpriseChallengesResolver } from './enterprise-challenges.resolver.js';
import { Module } from '@nestjs/common';
import { ChallengeNotificationSubject } from './challenge-notification-subject.js';
import { ChallengeClockService } from './challenge-clock.service.js';
import { ChallengeContentService } from './challenge-content.service.js';
import { ChallengeEngagementService } from './challenge-engagement.service.js';
import { ChallengeLifecycleService } from './challenge-lifecycle.service.js';
import { ChallengeLoaders } from './challenge.loaders.js';
import { ChallengeQueryService } from './challenge-query.service.js';
import { DeadlineReminderJob } from './deadline-reminder.job.js';
import { ChallengeResolver } from './challenge.resolver.js';

/** Challenges (发榜). Exports the services the proposals module reuses (visibility, lifecycle). */
@Module({
  providers: [
    ChallengeQueryService,
    ChallengeContentService,
    ChallengeLifecycleService,
    ChallengeEngagementService,
    ChallengeClockService,
    DeadlineReminderJob,
    ChallengeLoaders,
    ChallengeNotificationSubject,
    ChallengeResolver,
    EnterpriseChallengesResolver,
  ],
  exports: [ChallengeQueryService, ChallengeLifecycleService],
})
export class ChallengesModule {}
