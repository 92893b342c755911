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
  name: 'NotSelectedReason',
  description: 'Why a proposal was not selected.',
});

@InputType()
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

@InputType()
export class MilestoneInput {
  @Field()
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

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  deliverable: string;

  @Field(() => FenScalar)
  @IsString()
  amountFen: string;
}

@InputType()
export class TeamMemberInput {
  @Field()
  @HumanName({ normalize: false })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role: string;
}

@InputType()
export class AttachmentRefInput {
  @Field()
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

  @Field()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'must be an https URL' })
  @MaxLength(2000)
  url: string;
}

@InputType()
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
  @Field()
  @HumanName({ normalize: false })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @Field()
  @IsString()
  @MaxLength(5000)
  summary: string;

  @Field()
  @IsString()
  @MaxLength(50000)
  technicalApproach: string;

  @Field(() => [CommitmentInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CommitmentInput)
  commitments?: CommitmentInput[] | null;

  @Field(() => [MilestoneInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones?: MilestoneInput[] | null;

  @Field(() => FenScalar)
  @IsString()
  quotedPriceFen: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths: number;

  @Field({ description: 'The IP arrangement proposed (知识产权归属).' })
  @IsString()
  @MaxLength(2000)
  ipArrangement: string;

  @Field(() => [TeamMemberInput], { nullable: true })
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

  @Field(() => [AttachmentRefInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRefInput)
  attachments?: AttachmentRefInput[] | null;

  @Field(() => DeclarationsInput)
  @ValidateNested()
  @Type(() => DeclarationsInput)
  declarations: DeclarationsInput;
}

@InputType()
export class SaveProposalDraftInput {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;

  @Field(() => ProposalContentInput)
  @ValidateNested()
  @Type(() => ProposalContentInput)
  content: ProposalContentInput;
}

@InputType()
export class SubmitProposalInput {
  @Field(() => ID)
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

  @Field(() => ProposalContentInput)
  @ValidateNested()
  @Type(() => ProposalContentInput)
  content: ProposalContentInput;
}

@InputType()
export class ReviseProposalInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => ProposalContentInput)
  @ValidateNested()
  @Type(() => ProposalContentInput)
  content: ProposalContentInput;
}

@InputType()
export class WithdrawProposalInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType()
export class OpenProposalForAdminReviewInput {
  @Field(() => ID)
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

@InputType()
export class AssignReviewersInput {
  @Field(() => ID)
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

@InputType()
export class ReviewAssignmentIdInput {
  @Field(() => ID)
  @IsUUID()
  assignmentId: string;
}

@InputType()
export class DeclineReviewAssignmentInput {
  @Field(() => ID)
  @IsUUID()
  assignmentId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ID)
  @IsUUID()
  criterionId: string;

  @Field(() => Int, { description: '0 to 10.' })
  @IsInt()
  @Min(0)
  @Max(10)
  score: number;

  @Field(() => String, { nullable: true })
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

@InputType()
export class SubmitScoresInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => [CriterionScoreInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  scores: CriterionScoreInput[];
}

@InputType()
export class LockScoringInput {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;
}

@InputType()
export class ShortlistProposalsInput {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  proposalIds: string[];
}

@InputType()
export class WinnerInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => FenScalar)
  @IsString()
  awardAmountFen: string;
}

@InputType()
export class SelectWinnersInput {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;

  @Field(() => [WinnerInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WinnerInput)
  winners: WinnerInput[];
}

@InputType()
export class MarkNotSelectedInput {
  @Field(() => ID)
  @IsUUID()
  proposalId: string;

  @Field(() => NotSelectedReason)
  @IsEnum(NotSelectedReason)
  reason: NotSelectedReason;

  @Field({ description: 'Feedback to the SME.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  feedback: string;
}

@InputType()
export class FileObjectionInput {
  @Field(() => ID, {
    description: 'The winning proposal objected to (as listed by challengeResult).',
  })
  @IsUUID()
  proposalId: string;

  @Field()
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  reason: string;
}

@InputType()
export class DecideObjectionInput {
  @Field(() => ID)
  @IsUUID()
  objectionId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}

@InputType()
export class CloseChallengeAsFailedInput {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}

@ArgsType()
export class ChallengeObjectionsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;
}

@ArgsType()
export class ChallengeProposalsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  challengeId: string;
}

@ArgsType()
export class ProposalRankingArgs {
  @Field(() => ID)
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
