import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FenScalar } from '../../common/graphql/fen.scalar.js';
import { Connection } from '../../common/pagination/connection.js';
import { ChallengeStatus } from '../../challenges/index.js';
import {
  NotSelectedReason,
  ObjectionStatus,
  ProposalStatus,
  ReviewAssignmentStatus,
} from '../proposal.entities.js';
import { VETO_THRESHOLD } from '../proposal-rules.js';

registerEnumType(ProposalStatus, { name: 'ProposalStatus' });
registerEnumType(ReviewAssignmentStatus, { name: 'ReviewAssignmentStatus' });
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus' });

@ObjectType()
export class ProposalReceipt {
  @Field({ description: 'Database time at which this revision was accepted.' })
  submittedAt: Date;

  @Field({
    description: 'SHA-256 (hex) of the canonical JSON of the content (see docs/proposals.md).',
  })
  contentSha256: string;

  @Field(() => Int)
  revision: number;
}

@ObjectType()
export class Commitment {
  @Field(() => ID) requirementId: string;
  @Field() value: string;
  @Field() evidence: string;
}

@ObjectType()
export class Milestone {
  @Field() name: string;
  @Field(() => Int) month: number;
  @Field() deliverable: string;
  @Field(() => FenScalar) amountFen: string;
}

@ObjectType()
export class TeamMember {
  @Field() name: string;
  @Field() role: string;
}

@ObjectType()
export class AttachmentRef {
  @Field() name: string;
  @Field(() => Int) size: number;
  @Field() sha256: string;
  @Field() url: string;
}

@ObjectType()
export class Declarations {
  @Field() noConflictOfInterest: boolean;
  @Field() original: boolean;
}

@ObjectType()
export class ProposalContentType {
  @Field() title: string;
  @Field() summary: string;
  @Field() technicalApproach: string;
  @Field(() => [Commitment]) commitments: Commitment[];
  @Field(() => [Milestone]) milestones: Milestone[];
  @Field(() => FenScalar) quotedPriceFen: string;
  @Field(() => Int) durationMonths: number;
  @Field() ipArrangement: string;
  @Field(() => [TeamMember]) team: TeamMember[];
  @Field(() => [ID]) consortiumPartnerIds: string[];
  @Field(() => [AttachmentRef]) attachments: AttachmentRef[];
  @Field(() => Declarations) declarations: Declarations;
}

/** The SME behind a proposal; null under blind review. */
@ObjectType()
export class ProposalOrganization {
  @Field(() => ID) id: string;
  @Field() nameZh: string;
  @Field(() => String, { nullable: true }) nameEn: string | null;
}

@ObjectType({
  description:
    '揭榜方案. Content is sealed until the deadline and shown only to those allowed (docs/proposals.md).',
})
export class Proposal {
  @Field(() => ID) id: string;
  @Field(() => ID) challengeId: string;
  @Field(() => ProposalStatus, {
    description: 'SUBMITTED reads as UNDER_REVIEW once the deadline has passed.',
  })
  status: ProposalStatus;
  @Field(() => ProposalOrganization, {
    nullable: true,
    description: 'Null under blind review for reviewers.',
  })
  organization: ProposalOrganization | null;
  @Field(() => Int) currentRevision: number;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => ProposalReceipt, { nullable: true }) receipt: ProposalReceipt | null;
  @Field(() => ProposalContentType, {
    nullable: true,
    description: 'The current revision (or the draft).',
  })
  content: ProposalContentType | null;
  @Field(() => FenScalar, { nullable: true }) awardAmountFen: string | null;
  @Field(() => NotSelectedReason, { nullable: true }) notSelectedReason: NotSelectedReason | null;
  @Field(() => String, { nullable: true }) feedback: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType()
export class ProposalConnection extends Connection(Proposal, 'Proposal') {}

@ObjectType({ description: 'An SME’s own proposal as listed by myProposals.' })
export class MyProposal {
  @Field(() => ID) id: string;
  @Field(() => ID) challengeId: string;
  @Field(() => String, { nullable: true }) challengeTitle: string | null;
  @Field(() => ProposalStatus) status: ProposalStatus;
  @Field(() => Int) currentRevision: number;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => ProposalReceipt, { nullable: true }) receipt: ProposalReceipt | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => FenScalar, { nullable: true }) awardAmountFen: string | null;
  @Field(() => NotSelectedReason, { nullable: true }) notSelectedReason: NotSelectedReason | null;
  @Field(() => String, { nullable: true }) feedback: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Weighted score 0-100, shown only once the proposal is decided.',
  })
  aggregateScore: number | null;
}

@ObjectType()
export class MyProposalConnection extends Connection(MyProposal, 'MyProposal') {}

@ObjectType()
export class ReviewAssignment {
  @Field(() => ID) id: string;
  @Field(() => ID) challengeId: string;
  @Field(() => ID, { nullable: true, description: 'Set on a recusal from one proposal.' })
  proposalId: string | null;
  @Field(() => ID) reviewerUserId: string;
  @Field(() => ReviewAssignmentStatus) status: ReviewAssignmentStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class ReviewAssignmentConnection extends Connection(ReviewAssignment, 'ReviewAssignment') {}

@ObjectType()
export class AssignReviewersPayload {
  @Field(() => [ReviewAssignment], { description: 'The invitations and the automatic recusals.' })
  assignments: ReviewAssignment[];
}

@ObjectType()
export class Score {
  @Field(() => ID) criterionId: string;
  @Field(() => Int) score: number;
  @Field() comment: string;
  @Field({ description: 'Seen only by the reviewer.' }) privateNote: string;
  @Field() updatedAt: Date;
}

@ObjectType()
export class SubmitScoresPayload {
  @Field(() => ID) proposalId: string;
  @Field(() => [Score]) scores: Score[];
}

@ObjectType()
export class CriterionAggregate {
  @Field(() => ID) criterionId: string;
  @Field() name: string;
  @Field(() => Int) weight: number;
  @Field() veto: boolean;
  @Field(() => Int) reviewerCount: number;
  @Field(() => Float, { nullable: true }) average: number | null;
  @Field(() => Int, { nullable: true }) min: number | null;
  @Field(() => Int, { nullable: true }) max: number | null;
  @Field(() => Int, { nullable: true, description: 'max - min between reviewers.' }) spread:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Population standard deviation between reviewers.',
  })
  stdDev: number | null;
}

@ObjectType()
export class RankedProposal {
  @Field(() => Int, { nullable: true, description: 'Null when vetoed.' }) rank: number | null;
  @Field(() => Int, {
    description: 'Place in the list, from 1 (ranked first, then vetoed and unscored).',
  })
  position: number;
  @Field(() => ID) proposalId: string;
  @Field(() => ProposalStatus) status: ProposalStatus;
  @Field() title: string;
  @Field(() => ProposalOrganization, { nullable: true }) organization: ProposalOrganization | null;
  @Field(() => FenScalar) quotedPriceFen: string;
  @Field(() => Float, { nullable: true, description: 'Σ weight × average score / 10, 0 to 100.' })
  weightedScore: number | null;
  @Field({ description: `A veto criterion averaged below the threshold (${VETO_THRESHOLD}).` })
  vetoed: boolean;
  @Field({ description: 'Every criterion has at least one score.' }) complete: boolean;
  @Field(() => Int) reviewerCount: number;
  @Field(() => [CriterionAggregate]) criteria: CriterionAggregate[];
}

/** The issuer's ranking, one page of it (edges best first), with the facts of the whole ranking beside it. */
@ObjectType()
export class ProposalRankingConnection extends Connection(RankedProposal, 'ProposalRanking') {
  @Field(() => ID) challengeId: string;
  @Field(() => Int, { description: 'Proposals under evaluation (a page holds at most `first`).' })
  total: number;
  @Field() scoringLocked: boolean;
}

@ObjectType()
export class ScoringLock {
  @Field(() => ID) challengeId: string;
  @Field() lockedAt: Date;
}

@ObjectType()
export class DecisionPayload {
  @Field(() => [Proposal]) proposals: Proposal[];
}

@ObjectType()
export class ChallengeStatusPayload {
  @Field(() => ID) challengeId: string;
  @Field(() => ChallengeStatus) status: ChallengeStatus;
  @Field(() => Date, { nullable: true }) publicityEndsAt: Date | null;
}

@ObjectType()
export class SelectWinnersPayload {
  @Field(() => ChallengeStatusPayload) challenge: ChallengeStatusPayload;
  @Field(() => [Proposal]) winners: Proposal[];
}

@ObjectType()
export class Objection {
  @Field(() => ID) id: string;
  @Field(() => ID) challengeId: string;
  @Field(() => ID) proposalId: string;
  @Field() reason: string;
  @Field(() => ObjectionStatus) status: ObjectionStatus;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field() createdAt: Date;
}

@ObjectType()
export class ObjectionConnection extends Connection(Objection, 'Objection') {}

@ObjectType()
export class ObjectionDecisionPayload {
  @Field(() => Objection) objection: Objection;
  @Field(() => ChallengeStatusPayload) challenge: ChallengeStatusPayload;
}

@ObjectType()
export class ResultWinner {
  @Field(() => ID) proposalId: string;
  @Field() organizationNameZh: string;
  @Field(() => String, { nullable: true }) organizationNameEn: string | null;
  @Field() proposalTitle: string;
  @Field(() => FenScalar) awardAmountFen: string;
}

@ObjectType({ description: '公示: the public result of a challenge in publicity or awarded.' })
export class ChallengeResult {
  @Field(() => ID) challengeId: string;
  @Field(() => ChallengeStatus) status: ChallengeStatus;
  @Field() publicityStartedAt: Date;
  @Field() publicityEndsAt: Date;
  @Field(() => [ResultWinner]) winners: ResultWinner[];
}
