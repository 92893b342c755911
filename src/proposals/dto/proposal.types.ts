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

registerEnumType(ProposalStatus, {
  description:
    'Lifecycle of a proposal: DRAFT → SUBMITTED → UNDER_REVIEW → SHORTLISTED → SELECTED, with side paths.',
  valuesMap: {
    DRAFT: { description: 'Being written; seen only by the SME.' },
    SUBMITTED: {
      description:
        'Submitted and sealed until the deadline; may be revised or withdrawn until then.',
    },
    WITHDRAWN: { description: 'Withdrawn by the SME before the deadline.' },
    UNDER_REVIEW: { description: 'Past the deadline, being evaluated.' },
    SHORTLISTED: { description: 'Kept for the final decision (入围).' },
    SELECTED: { description: 'A winner.' },
    NOT_SELECTED: { description: 'Not selected, with a reason.' },
    DISQUALIFIED: { description: 'A winner ruled out after an upheld objection.' },
  },
  name: 'ProposalStatus',
});
registerEnumType(ReviewAssignmentStatus, {
  description: 'Lifecycle of a review assignment.',
  valuesMap: {
    INVITED: { description: "Waiting for the reviewer's answer." },
    ACCEPTED: { description: 'The reviewer scores the proposals.' },
    DECLINED: { description: 'The reviewer declined.' },
    RECUSED: { description: 'Recused for a conflict of interest (回避).' },
  },
  name: 'ReviewAssignmentStatus',
});

/** Why a reviewer is recused from a proposal (回避): the conflict-of-interest rule of assignReviewers. */
export enum RecusalReason {
  ORGANIZATION_MEMBER = 'ORGANIZATION_MEMBER',
  AFFILIATION_MATCH = 'AFFILIATION_MATCH',
}
registerEnumType(RecusalReason, {
  name: 'RecusalReason',
  description: 'Why a reviewer is recused from a proposal (回避).',
  valuesMap: {
    ORGANIZATION_MEMBER: { description: 'The reviewer is a member of the proposing SME.' },
    AFFILIATION_MATCH: {
      description:
        "The reviewer's declared affiliation is the proposing SME (same credit code or name).",
    },
  },
});
registerEnumType(ObjectionStatus, {
  description: 'Lifecycle of an objection.',
  valuesMap: {
    FILED: { description: "Waiting for the platform's decision." },
    UPHELD: { description: 'Accepted: the winner is disqualified.' },
    DISMISSED: { description: 'Rejected: the selection stands.' },
  },
  name: 'ObjectionStatus',
});

@ObjectType({
  description:
    "Proof of what was submitted: the hash of a revision's content and the database time.",
})
export class ProposalReceipt {
  @Field({ description: 'Database time at which this revision was accepted.' })
  submittedAt: Date;

  @Field({
    description: 'SHA-256 (hex) of the canonical JSON of the content (see docs/proposals.md).',
  })
  contentSha256: string;

  @Field(() => Int, { description: 'The revision this receipt is for, from 1.' })
  revision: number;
}

@ObjectType({ description: 'What a proposal commits to for one requirement of the challenge.' })
export class Commitment {
  @Field(() => ID, { description: 'The ChallengeRequirement committed to.' }) requirementId: string;
  @Field({ description: "The value committed to, in the requirement's unit." }) value: string;
  @Field({ description: 'How the value is supported (tests, references).' }) evidence: string;
}

@ObjectType({ description: "A step of a proposal's delivery plan." })
export class Milestone {
  @Field({ description: 'Name of the milestone.' }) name: string;
  @Field(() => Int, { description: 'Month after the start in which it is due, 1 to 120.' })
  month: number;
  @Field({ description: 'What is delivered.' }) deliverable: string;
  @Field(() => FenScalar, {
    description: 'Payment due at this milestone, in fen (integer CNY cents).',
  })
  amountFen: string;
}

@ObjectType({ description: 'A member of the team proposed.' })
export class TeamMember {
  @Field({ description: 'Name.' }) name: string;
  @Field({ description: 'Role in the project.' }) role: string;
}

@ObjectType({
  description: 'A file attached to a proposal, by reference (the platform stores no files).',
})
export class AttachmentRef {
  @Field({ description: 'File name as given by the SME.' }) name: string;
  @Field(() => Int, { description: 'Size in bytes.' }) size: number;
  @Field({ description: 'SHA-256 of the file, 64 hex digits.' }) sha256: string;
  @Field({ description: 'Where the file can be downloaded.' }) url: string;
}

@ObjectType({ description: "The SME's declarations made with its proposal." })
export class Declarations {
  @Field({ description: 'The SME declared it has no conflict of interest with the issuer.' })
  noConflictOfInterest: boolean;
  @Field({ description: 'The SME declared the solution is its own work.' }) original: boolean;
}

@ObjectType({ description: 'The content of one revision of a proposal.' })
export class ProposalContentType {
  @Field({ description: 'Title of the proposal.' }) title: string;
  @Field({ description: 'Short summary.' }) summary: string;
  @Field({ description: 'How the problem is solved.' }) technicalApproach: string;
  @Field(() => [Commitment], { description: "Commitments to the challenge's requirements." })
  commitments: Commitment[];
  @Field(() => [Milestone], { description: 'Delivery plan.' }) milestones: Milestone[];
  @Field(() => FenScalar, { description: 'Quoted price in fen (integer CNY cents).' })
  quotedPriceFen: string;
  @Field(() => Int, { description: 'Delivery time in months.' }) durationMonths: number;
  @Field({ description: 'The agreed intellectual-property arrangement.' }) ipArrangement: string;
  @Field(() => [TeamMember], { description: 'Team members.' }) team: TeamMember[];
  @Field(() => [ID], { description: 'Organisation ids of consortium partners; empty when none.' })
  consortiumPartnerIds: string[];
  @Field(() => [AttachmentRef], { description: 'Files attached by reference.' })
  attachments: AttachmentRef[];
  @Field(() => Declarations, { description: 'Declarations made with the proposal.' })
  declarations: Declarations;
}

/** The SME behind a proposal; null under blind review. */
@ObjectType({ description: 'The SME behind a proposal.' })
export class ProposalOrganization {
  @Field(() => ID, { description: "The SME's organisation id." }) id: string;
  @Field({ description: 'Chinese name.' }) nameZh: string;
  @Field(() => String, { description: 'English name; null when not given.', nullable: true })
  nameEn: string | null;
}

@ObjectType({
  description:
    '揭榜方案. Content is sealed until the deadline and shown only to those allowed (docs/proposals.md).',
})
export class Proposal {
  @Field(() => ID, { description: 'Proposal id.' }) id: string;
  @Field(() => ID, { description: 'The challenge answered.' }) challengeId: string;
  @Field(() => ProposalStatus, {
    description: 'SUBMITTED reads as UNDER_REVIEW once the deadline has passed.',
  })
  status: ProposalStatus;
  @Field(() => ProposalOrganization, {
    nullable: true,
    description: 'Null under blind review for reviewers.',
  })
  organization: ProposalOrganization | null;
  @Field(() => Int, { description: 'Latest revision number, from 1.' }) currentRevision: number;
  @Field(() => Date, {
    description: 'When it was first submitted; null for a draft.',
    nullable: true,
  })
  submittedAt: Date | null;
  @Field(() => ProposalReceipt, {
    description: 'Receipt of the latest submitted revision; null for a draft.',
    nullable: true,
  })
  receipt: ProposalReceipt | null;
  @Field(() => ProposalContentType, {
    nullable: true,
    description: 'The current revision (or the draft).',
  })
  content: ProposalContentType | null;
  @Field(() => FenScalar, {
    description: 'Award in fen when SELECTED; otherwise null.',
    nullable: true,
  })
  awardAmountFen: string | null;
  @Field(() => NotSelectedReason, {
    description: 'Why it was not selected; null unless NOT_SELECTED.',
    nullable: true,
  })
  notSelectedReason: NotSelectedReason | null;
  @Field(() => String, {
    description: "The issuer's feedback to the SME; null when none.",
    nullable: true,
  })
  feedback: string | null;
  @Field(() => Date, {
    description: 'When the last decision on it was taken; null before.',
    nullable: true,
  })
  decidedAt: Date | null;
}

@ObjectType({ description: 'A page of proposals.' })
export class ProposalConnection extends Connection(Proposal, 'Proposal') {}

@ObjectType({ description: 'An SME’s own proposal as listed by myProposals.' })
export class MyProposal {
  @Field(() => ID, { description: 'Proposal id.' }) id: string;
  @Field(() => ID, { description: 'The challenge answered.' }) challengeId: string;
  @Field(() => String, {
    description: "The challenge's title; null when the SME may no longer see it.",
    nullable: true,
  })
  challengeTitle: string | null;
  @Field(() => ProposalStatus, { description: 'Where the proposal is in its lifecycle.' })
  status: ProposalStatus;
  @Field(() => Int, { description: 'Latest revision number, from 1.' }) currentRevision: number;
  @Field(() => Date, {
    description: 'When it was first submitted; null for a draft.',
    nullable: true,
  })
  submittedAt: Date | null;
  @Field(() => ProposalReceipt, {
    description: 'Receipt of the latest submitted revision; null for a draft.',
    nullable: true,
  })
  receipt: ProposalReceipt | null;
  @Field(() => String, {
    description: 'Title of the latest revision; null when not written yet.',
    nullable: true,
  })
  title: string | null;
  @Field(() => FenScalar, {
    description: 'Award in fen when SELECTED; otherwise null.',
    nullable: true,
  })
  awardAmountFen: string | null;
  @Field(() => NotSelectedReason, {
    description: 'Why it was not selected; null unless NOT_SELECTED.',
    nullable: true,
  })
  notSelectedReason: NotSelectedReason | null;
  @Field(() => String, { description: "The issuer's feedback; null when none.", nullable: true })
  feedback: string | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Weighted score 0-100, shown only once the proposal is decided.',
  })
  aggregateScore: number | null;
}

@ObjectType({ description: "A page of the caller's SME's proposals." })
export class MyProposalConnection extends Connection(MyProposal, 'MyProposal') {}

@ObjectType({ description: "A reviewer's assignment to score a challenge's proposals." })
export class ReviewAssignment {
  @Field(() => ID, { description: 'Assignment id.' }) id: string;
  @Field(() => ID, { description: 'The challenge.' }) challengeId: string;
  @Field(() => ID, { nullable: true, description: 'Set on a recusal from one proposal.' })
  proposalId: string | null;
  @Field(() => ID, { description: 'The reviewer.' }) reviewerUserId: string;
  @Field(() => ReviewAssignmentStatus, { description: 'Where the assignment is.' })
  status: ReviewAssignmentStatus;
  @Field(() => RecusalReason, {
    description: 'Set when RECUSED: the conflict of interest; null otherwise.',
    nullable: true,
  })
  recusalReason: RecusalReason | null;
  @Field(() => String, {
    description: "Set when DECLINED: the reviewer's own words; null otherwise.",
    nullable: true,
  })
  declineReason: string | null;
  @Field(() => String, {
    description:
      'Why it was declined (free text) or recused (a RecusalReason value); null otherwise.',
    nullable: true,
    deprecationReason: 'Mixes a code and free text: read recusalReason or declineReason.',
  })
  reason: string | null;
  @Field({ description: 'When the reviewer was invited.' }) createdAt: Date;
}

@ObjectType({ description: 'A page of review assignments.' })
export class ReviewAssignmentConnection extends Connection(ReviewAssignment, 'ReviewAssignment') {}

@ObjectType({ description: 'The assignments made.' })
export class AssignReviewersPayload {
  @Field(() => [ReviewAssignment], { description: 'The invitations and the automatic recusals.' })
  assignments: ReviewAssignment[];
}

@ObjectType({ description: "A reviewer's score on one criterion of a proposal." })
export class Score {
  @Field(() => ID, { description: 'The EvaluationCriterion.' }) criterionId: string;
  @Field(() => Int, { description: 'Score, 0 to 10.' }) score: number;
  @Field({ description: "The reviewer's comment." }) comment: string;
  @Field({ description: 'Seen only by the reviewer.' }) privateNote: string;
  @Field({ description: 'When it was last changed.' }) updatedAt: Date;
}

@ObjectType({ description: "The reviewer's scores as saved." })
export class SubmitScoresPayload {
  @Field(() => ID, { description: 'The proposal.' }) proposalId: string;
  @Field(() => [Score], { description: 'The scores.' }) scores: Score[];
}

@ObjectType({ description: "The reviewers' scores of one proposal on one evaluation criterion." })
export class CriterionAggregate {
  @Field(() => ID, { description: 'The EvaluationCriterion.' }) criterionId: string;
  @Field({ description: "The criterion's name." }) name: string;
  @Field(() => Int, { description: "The criterion's weight (weights of a challenge sum to 100)." })
  weight: number;
  @Field({ description: 'True when failing this criterion rules the proposal out.' }) veto: boolean;
  @Field(() => Int, { description: 'Reviewers who scored this criterion.' }) reviewerCount: number;
  @Field(() => Float, {
    description: 'Mean score, 0 to 10; null when no reviewer scored it.',
    nullable: true,
  })
  average: number | null;
  @Field(() => Int, {
    description: 'Lowest score; null when no reviewer scored it.',
    nullable: true,
  })
  min: number | null;
  @Field(() => Int, {
    description: 'Highest score; null when no reviewer scored it.',
    nullable: true,
  })
  max: number | null;
  @Field(() => Int, { nullable: true, description: 'max - min between reviewers.' }) spread:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Population standard deviation between reviewers.',
  })
  stdDev: number | null;
}

@ObjectType({ description: 'One proposal in the ranking, with its scores per criterion.' })
export class RankedProposal {
  @Field(() => Int, { nullable: true, description: 'Null when vetoed.' }) rank: number | null;
  @Field(() => Int, {
    description: 'Place in the list, from 1 (ranked first, then vetoed and unscored).',
  })
  position: number;
  @Field(() => ID, { description: 'The proposal.' }) proposalId: string;
  @Field(() => ProposalStatus, { description: "The proposal's status." }) status: ProposalStatus;
  @Field({ description: 'Title of the proposal.' }) title: string;
  @Field(() => ProposalOrganization, {
    description: 'The SME; null under blind review.',
    nullable: true,
  })
  organization: ProposalOrganization | null;
  @Field(() => FenScalar, { description: 'Quoted price in fen (integer CNY cents).' })
  quotedPriceFen: string;
  @Field(() => Float, { nullable: true, description: 'Σ weight × average score / 10, 0 to 100.' })
  weightedScore: number | null;
  @Field({ description: `A veto criterion averaged below the threshold (${VETO_THRESHOLD}).` })
  vetoed: boolean;
  @Field({ description: 'Every criterion has at least one score.' }) complete: boolean;
  @Field(() => Int, { description: 'Reviewers who scored it.' }) reviewerCount: number;
  @Field(() => [CriterionAggregate], { description: 'Scores per evaluation criterion.' })
  criteria: CriterionAggregate[];
}

/** The issuer's ranking, one page of it (edges best first), with the facts of the whole ranking beside it. */
@ObjectType({ description: "A page of a challenge's proposals ranked by their reviewers' scores." })
export class ProposalRankingConnection extends Connection(RankedProposal, 'ProposalRanking') {
  @Field(() => ID, { description: 'The challenge.' }) challengeId: string;
  @Field(() => Int, { description: 'Proposals under evaluation (a page holds at most `first`).' })
  total: number;
  @Field({ description: 'True once scoring is locked.' }) scoringLocked: boolean;
}

@ObjectType({ description: 'The lock that ends scoring of a challenge.' })
export class ScoringLock {
  @Field(() => ID, { description: 'The challenge.' }) challengeId: string;
  @Field({ description: 'When scoring was locked.' }) lockedAt: Date;
}

@ObjectType({ description: 'The result of lockScoring.' })
export class LockScoringPayload {
  @Field(() => ScoringLock, { description: 'The lock on the challenge’s scores.' })
  scoringLock: ScoringLock;
}

/** The fields of the issuer's decisions on several proposals; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class DecisionPayload {
  @Field(() => [Proposal], { description: 'The proposals decided on, in their new status.' })
  proposals: Proposal[];
}

@ObjectType({ description: 'The result of shortlistProposals: the shortlisted proposals.' })
export class ShortlistProposalsPayload extends DecisionPayload {}

@ObjectType({ description: "A challenge's status after a decision on its proposals." })
export class ChallengeStatusChange {
  @Field(() => ID, { description: 'The challenge.' }) challengeId: string;
  @Field(() => ChallengeStatus, { description: "The challenge's status now." })
  status: ChallengeStatus;
  @Field(() => Date, {
    description: 'End of the objection window while IN_PUBLICITY; otherwise null.',
    nullable: true,
  })
  publicityEndsAt: Date | null;
}

@ObjectType({ description: 'The result of closeChallengeAsFailed (流榜).' })
export class CloseChallengeAsFailedPayload {
  @Field(() => ChallengeStatusChange, { description: 'The challenge, now FAILED.' })
  challenge: ChallengeStatusChange;
}

@ObjectType({ description: "The winners and the challenge's new status." })
export class SelectWinnersPayload {
  @Field(() => ChallengeStatusChange, { description: 'The challenge, now IN_PUBLICITY.' })
  challenge: ChallengeStatusChange;
  @Field(() => [Proposal], { description: 'The selected proposals.' }) winners: Proposal[];
}

@ObjectType({
  description: 'An objection to a selected winner, filed during the publicity period (异议).',
})
export class Objection {
  @Field(() => ID, { description: 'Objection id.' }) id: string;
  @Field(() => ID, { description: 'The challenge.' }) challengeId: string;
  @Field(() => ID, { description: 'The winning proposal objected to.' }) proposalId: string;
  @Field({ description: 'Why it was filed.' }) reason: string;
  @Field(() => ObjectionStatus, { description: 'Where the objection is.' }) status: ObjectionStatus;
  @Field(() => String, {
    description: 'The reason of the decision; null while FILED.',
    nullable: true,
  })
  decisionReason: string | null;
  @Field(() => Date, { description: 'When it was decided; null while FILED.', nullable: true })
  decidedAt: Date | null;
  @Field({ description: 'When it was filed.' }) createdAt: Date;
}

@ObjectType({ description: 'A page of objections.' })
export class ObjectionConnection extends Connection(Objection, 'Objection') {}

@ObjectType({ description: 'The result of fileObjection.' })
export class FileObjectionPayload {
  @Field(() => Objection, { description: 'The new objection.' })
  objection: Objection;
}

/** The fields of the decisions on an objection; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class ObjectionDecisionPayload {
  @Field(() => Objection, { description: 'The objection decided.' }) objection: Objection;
  @Field(() => ChallengeStatusChange, {
    description: 'The challenge after the decision (CLOSED again when upheld).',
  })
  challenge: ChallengeStatusChange;
}

@ObjectType({
  description:
    'The result of upholdObjection: the upheld objection and the challenge back in evaluation.',
})
export class UpholdObjectionPayload extends ObjectionDecisionPayload {}

@ObjectType({
  description:
    'The result of dismissObjection: the dismissed objection and the challenge’s status.',
})
export class DismissObjectionPayload extends ObjectionDecisionPayload {}

@ObjectType({ description: 'A winner in the public result (公示).' })
export class ResultWinner {
  @Field(() => ID, { description: 'The winning proposal.' }) proposalId: string;
  @Field({ description: "The SME's Chinese name." }) organizationNameZh: string;
  @Field(() => String, {
    description: "The SME's English name; null when not given.",
    nullable: true,
  })
  organizationNameEn: string | null;
  @Field({ description: 'Title of the winning proposal.' }) proposalTitle: string;
  @Field(() => FenScalar, { description: 'Award in fen (integer CNY cents).' })
  awardAmountFen: string;
}

@ObjectType({ description: '公示: the public result of a challenge in publicity or awarded.' })
export class ChallengeResult {
  @Field(() => ID, { description: 'The challenge.' }) challengeId: string;
  @Field(() => ChallengeStatus, { description: 'IN_PUBLICITY or AWARDED.' })
  status: ChallengeStatus;
  @Field({ description: 'When the winners were announced.' }) publicityStartedAt: Date;
  @Field({ description: 'End of the objection window.' }) publicityEndsAt: Date;
  @Field(() => [ResultWinner], { description: 'The winners.' }) winners: ResultWinner[];
}

/** The fields of every mutation that changes one proposal; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class ProposalPayload {
  @Field(() => Proposal, { description: 'The proposal after the change.' })
  proposal: Proposal;
}

@ObjectType({ description: 'The result of saveProposalDraft: the draft.' })
export class SaveProposalDraftPayload extends ProposalPayload {}

@ObjectType({
  description: 'The result of submitProposal: the submitted proposal with its receipt.',
})
export class SubmitProposalPayload extends ProposalPayload {}

@ObjectType({ description: 'The result of reviseProposal: the new revision with its receipt.' })
export class ReviseProposalPayload extends ProposalPayload {}

@ObjectType({ description: 'The result of withdrawProposal: the withdrawn proposal.' })
export class WithdrawProposalPayload extends ProposalPayload {}

@ObjectType({
  description:
    'The result of openProposalForAdminReview: the proposal, readable by the admin for 24 hours.',
})
export class OpenProposalForAdminReviewPayload extends ProposalPayload {}

@ObjectType({ description: 'The result of markNotSelected: the proposal marked not selected.' })
export class MarkNotSelectedPayload extends ProposalPayload {}

/** The fields of a reviewer's answer to an assignment; each answer has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class ReviewAssignmentPayload {
  @Field(() => ReviewAssignment, { description: 'The assignment after the answer.' })
  reviewAssignment: ReviewAssignment;
}

@ObjectType({ description: 'The result of acceptReviewAssignment: the accepted assignment.' })
export class AcceptReviewAssignmentPayload extends ReviewAssignmentPayload {}

@ObjectType({ description: 'The result of declineReviewAssignment: the declined assignment.' })
export class DeclineReviewAssignmentPayload extends ReviewAssignmentPayload {}
