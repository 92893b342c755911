import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FenScalar } from '../../common/graphql/fen.scalar.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { NotSelectedReason } from '../proposal.entities.js';
import { RANKING_PAGE_DEFAULT, RANKING_PAGE_MAX } from '../proposal-rules.js';
import { HumanName } from '../../common/validation.js';

registerEnumType(NotSelectedReason, {
  valuesMap: {
    BELOW_THRESHOLD: { description: 'The score stayed below what the issuer required.' },
    CHALLENGE_FAILED: { description: 'The challenge closed with no winner.' },
    INCOMPLETE: { description: 'The proposal was incomplete.' },
    LESS_COMPETITIVE: { description: 'Other proposals were stronger.' },
    OTHER: { description: 'Another reason, given in the feedback.' },
    PRICE_TOO_HIGH: { description: 'The quoted price was too high.' },
    TECHNICAL_MISMATCH: { description: 'The approach did not fit the requirements.' },
    TIMELINE_TOO_LONG: { description: 'The delivery would take too long.' },
    VETO_CRITERION_FAILED: { description: 'A veto criterion was failed.' },
  },
  name: 'NotSelectedReason',
  description: 'Why a proposal was not selected.',
});

@InputType({ description: 'A commitment to one requirement of the challenge.' })
export class CommitmentInput {
  @Field(() => ID, { description: 'The challenge requirement (考核指标) this commitment answers.' })
  @IsUUID()
  requirementId: string;

  @Field({ description: 'The committed value, e.g. "≥ 99.5%".' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  value: string;

  @Field(() => String, {
    nullable: true,
    description: 'How the value is backed (test report, reference, ...).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  evidence?: string | null;
}

@InputType({ description: 'A step of the delivery plan.' })
export class MilestoneInput {
  @Field({ description: 'Name of the milestone.' })
  @HumanName({ normalize: false })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => Int, { description: 'Month after the start, 1 to 120.' })
  @IsInt()
  @Min(1)
  @Max(120)
  month: number;

  @Field({ description: 'What is delivered.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  deliverable: string;

  @Field(() => FenScalar, {
    description: 'Payment due at this milestone, in fen (integer CNY cents).',
  })
  @IsString()
  amountFen: string;
}

@InputType({ description: 'A member of the team proposed.' })
export class TeamMemberInput {
  @Field({ description: 'Name.' })
  @HumanName({ normalize: false })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field({ description: 'Role in the project.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role: string;
}

@InputType({ description: 'A file to attach to a proposal, by reference.' })
export class AttachmentRefInput {
  @Field({ description: 'File name.' })
  @HumanName({ normalize: false })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @Field(() => Int, { description: 'Bytes.' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  size: number;

  @Field({ description: 'SHA-256 of the file, 64 hex digits.' })
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hexadecimal digits' })
  sha256: string;

  @Field({ description: 'An https URL of the file.' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https URL' })
  @MaxLength(2000)
  url: string;
}

@InputType({
  description: 'Declarations the SME makes with its proposal; both must be true to submit.',
})
export class DeclarationsInput {
  @Field({ description: 'No conflict of interest with the issuer or its reviewers.' })
  @IsBoolean()
  noConflictOfInterest: boolean;

  @Field({ description: 'The proposal is the SME’s own original work.' })
  @IsBoolean()
  original: boolean;
}

@InputType({ description: 'The content of a proposal (one revision).' })
export class ProposalContentInput {
  @Field({ description: 'Title of the proposal.' })
  @HumanName({ normalize: false })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field({ description: 'Short summary.' })
  @IsString()
  @MaxLength(5000)
  summary: string;

  @Field({ description: 'How the problem is solved.' })
  @IsString()
  @MaxLength(50000)
  technicalApproach: string;

  @Field(() => [CommitmentInput], {
    description: "Commitments to the challenge's requirements.",
    nullable: true,
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CommitmentInput)
  commitments?: CommitmentInput[] | null;

  @Field(() => [MilestoneInput], { description: 'Delivery plan.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones?: MilestoneInput[] | null;

  @Field(() => FenScalar, { description: 'Quoted price in fen (integer CNY cents).' })
  @IsString()
  quotedPriceFen: string;

  @Field(() => Int, { description: 'Delivery time in months.' })
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths: number;

  @Field({ description: 'The IP arrangement proposed (知识产权归属).' })
  @IsString()
  @MaxLength(2000)
  ipArrangement: string;

  @Field(() => [TeamMemberInput], { description: 'Team members.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberInput)
  team?: TeamMemberInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Other SMEs of the consortium (organisation ids).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  consortiumPartnerIds?: string[] | null;

  @Field(() => [AttachmentRefInput], {
    description: 'Files attached by reference.',
    nullable: true,
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRefInput)
  attachments?: AttachmentRefInput[] | null;

  @Field(() => DeclarationsInput, {
    description: 'Declarations of originality and no conflict of interest.',
  })
  @ValidateNested()
  @Type(() => DeclarationsInput)
  declarations: DeclarationsInput;
}

@InputType({ description: "Saves the caller's SME's draft proposal for a challenge." })
export class SaveProposalDraftInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;

  @Field(() => ProposalContentInput, { description: 'The draft content.' })
  @ValidateNested()
  @Type(() => ProposalContentInput)
  content: ProposalContentInput;
}

@InputType({
  description: "Submits the caller's SME's proposal for a challenge before its deadline.",
})
export class SubmitProposalInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;

  @Field({
    description:
      'Chosen by the client, unique per SME: a retry with the same key and payload returns the same proposal and receipt.',
  })
  @IsString()
  @MinLength(8)
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'may contain only letters, digits and . _ : -' })
  idempotencyKey: string;

  @Field(() => ProposalContentInput, { description: 'The proposal content.' })
  @ValidateNested()
  @Type(() => ProposalContentInput)
  content: ProposalContentInput;
}

@InputType({ description: 'A new revision of a SUBMITTED proposal, before the deadline.' })
export class ReviseProposalInput {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  proposalId: string;

  @Field(() => ProposalContentInput, { description: 'The full new content.' })
  @ValidateNested()
  @Type(() => ProposalContentInput)
  content: ProposalContentInput;
}

@InputType({ description: 'Withdraws a SUBMITTED proposal before the deadline.' })
export class WithdrawProposalInput {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  proposalId: string;

  @Field(() => String, {
    description: 'Why, for the issuer and the audit trail (at most 2000 characters).',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType({ description: "A platform admin opens a proposal's content (the read is audited)." })
export class OpenProposalForAdminReviewInput {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  proposalId: string;

  @Field({
    description: 'Why the administrator needs to read this proposal (kept in the audit trail).',
  })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  reason: string;
}

@InputType({ description: "Invites reviewers to score a challenge's proposals." })
export class AssignReviewersInput {
  @Field(() => ID, { description: 'The challenge to review.' })
  @IsUUID()
  challengeId: string;

  @Field(() => [ID], {
    description: "Members of the issuing organisation or experts of the platform's pool.",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  reviewerUserIds: string[];
}

@InputType({ description: 'Names a review assignment.' })
export class ReviewAssignmentIdInput {
  @Field(() => ID, { description: 'The assignment.' })
  @IsUUID()
  assignmentId: string;
}

@InputType({ description: 'A reviewer declines an assignment, with a reason.' })
export class DeclineReviewAssignmentInput {
  @Field(() => ID, { description: 'The INVITED assignment.' })
  @IsUUID()
  assignmentId: string;

  @Field({ description: 'Why (e.g. a conflict of interest), 3 to 500 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

@InputType({ description: "A reviewer's score on one criterion." })
export class CriterionScoreInput {
  @Field(() => ID, { description: 'The EvaluationCriterion scored.' })
  @IsUUID()
  criterionId: string;

  @Field(() => Int, { description: '0 to 10.' })
  @IsInt()
  @Min(0)
  @Max(10)
  score: number;

  @Field(() => String, { description: "The reviewer's comment on the score.", nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string | null;

  @Field(() => String, { nullable: true, description: 'Seen only by the reviewer.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  privateNote?: string | null;
}

@InputType({ description: "A reviewer's scores for one proposal." })
export class SubmitScoresInput {
  @Field(() => ID, { description: 'The proposal scored.' })
  @IsUUID()
  proposalId: string;

  @Field(() => [CriterionScoreInput], { description: 'One score per criterion.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores: CriterionScoreInput[];
}

@InputType({ description: "Ends scoring of a challenge's proposals; scores can no longer change." })
export class LockScoringInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;
}

@InputType({ description: 'Shortlists proposals for the final decision (入围).' })
export class ShortlistProposalsInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;

  @Field(() => [ID], { description: 'The proposals shortlisted.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  proposalIds: string[];
}

@InputType({ description: 'A winning proposal and its award.' })
export class WinnerInput {
  @Field(() => ID, { description: 'The winning proposal.' })
  @IsUUID()
  proposalId: string;

  @Field(() => FenScalar, { description: 'Award in fen (integer CNY cents).' })
  @IsString()
  awardAmountFen: string;
}

@InputType({
  description: 'Selects the winners of a challenge; starts the publicity period (公示).',
})
export class SelectWinnersInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;

  @Field(() => [WinnerInput], { description: 'The winning proposals and their awards.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WinnerInput)
  winners: WinnerInput[];
}

@InputType({ description: 'Marks a proposal as not selected, with a structured reason.' })
export class MarkNotSelectedInput {
  @Field(() => ID, { description: 'The proposal (UNDER_REVIEW or SHORTLISTED).' })
  @IsUUID()
  proposalId: string;

  @Field(() => NotSelectedReason, { description: 'Why, shown to the SME.' })
  @IsEnum(NotSelectedReason)
  reason: NotSelectedReason;

  @Field({ description: 'Feedback to the SME.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  feedback: string;
}

@InputType({ description: 'An objection to a selected winner during the publicity period (公示).' })
export class FileObjectionInput {
  @Field(() => ID, {
    description: 'The winning proposal objected to (as listed by challengeResult).',
  })
  @IsUUID()
  proposalId: string;

  @Field({ description: 'Why the selection is wrong (3 to 2000 characters).' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  reason: string;
}

@InputType({ description: "A platform admin's decision on an objection, with its reason." })
export class DecideObjectionInput {
  @Field(() => ID, { description: 'The FILED objection.' })
  @IsUUID()
  objectionId: string;

  @Field({ description: 'Why, shown to the objector and the issuer (3 to 500 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}

@InputType({ description: 'Closes a CLOSED challenge with no winner (流榜).' })
export class CloseChallengeAsFailedInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;

  @Field({ description: 'Why, told to the SMEs that submitted (3 to 500 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}

@ArgsType()
export class ChallengeObjectionsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID()
  challengeId: string;
}

@ArgsType()
export class ChallengeProposalsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The challenge whose proposals are listed.' })
  @IsUUID()
  challengeId: string;
}

@ArgsType()
export class ProposalRankingArgs {
  @Field(() => ID, { description: 'The challenge whose proposals are ranked.' })
  @IsUUID()
  challengeId: string;

  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${RANKING_PAGE_MAX} (default ${RANKING_PAGE_DEFAULT}), best first.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(RANKING_PAGE_MAX)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}
