import { ChallengesModule } from '../challenges/index.js';
import { Module } from '@nestjs/common';
import { EvaluationClockJob } from './evaluation-clock.job.js';
import { EvaluationGate } from './evaluation-gate.service.js';
import { EvaluationResolver } from './evaluation.resolver.js';
import { ProposalNotificationSubject } from './proposal-notification-subject.js';
import { ProposalDecisionService } from './proposal-decision.service.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { ProposalReviewService } from './proposal-review.service.js';
import { ProposalSubmissionService } from './proposal-submission.service.js';
import { ProposalsResolver } from './proposals.resolver.js';
import { SmeTrackRecordResolver } from './sme-track-record.resolver.js';

/** 揭榜: proposals, sealed until the deadline; evaluation, decisions, 公示 and award. */
@Module({
  imports: [ChallengesModule],
  providers: [
    EvaluationGate,
    EvaluationClockJob,
    ProposalQueryService,
    ProposalSubmissionService,
    ProposalReviewService,
    ProposalDecisionService,
    ProposalsResolver,
    EvaluationResolver,
    SmeTrackRecordResolver,
    ProposalNotificationSubject,
  ],
})
export class ProposalsModule {}
