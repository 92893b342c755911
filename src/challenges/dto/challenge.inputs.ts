import {
  ArgsType,
  Field,
  ID,
  InputType,
  Int,
  PartialType,
  PickType,
  registerEnumType,
} from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FenScalar } from '../../common/graphql/fen.scalar.js';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import {
  ChainGoal,
  ChallengeStatus,
  ChallengeVisibility,
  CooperationMode,
  DemandType,
  IpOwnership,
  ProposalCountVisibility,
} from '../challenge.entity.js';
import { trim } from '../../common/transforms.js';
import { SmeQualification } from '../../organizations/index.js';
import { BILINGUAL_LABEL_MAX, BilingualLabelText, HumanName } from '../../common/validation.js';

const trimOrNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2000;
export const DESCRIPTION_MAX = 50000;
export const TERMS_MAX = 20000;
/** The most technical approaches an issuer may rule out for one challenge. */
export const EXCLUDED_APPROACHES_MAX = 5;

/**
 * A technical approach an issuer rules out (e.g. 不采用液流电池路线), labelled like an SME's technical route
 * and checked by the same rule (common/validation.ts, BilingualLabelText and bilingualLabelProblems), so that
 * matchmaking compares like with like.
 */
@InputType({
  description:
    'A technical approach the issuer rules out, labelled in Chinese and/or English (at least one).',
})
export class TechnicalApproachInput {
  @Field(() => String, {
    description: `Chinese label, 1 to ${BILINGUAL_LABEL_MAX} characters after trimming; empty means none.`,
    nullable: true,
  })
  @BilingualLabelText()
  zh?: string | null;

  @Field(() => String, {
    description: `English label, 1 to ${BILINGUAL_LABEL_MAX} characters after trimming; empty means none.`,
    nullable: true,
  })
  @BilingualLabelText()
  en?: string | null;
}

@InputType({ description: 'A measurable indicator of a challenge.' })
export class RequirementInput {
  @Field({ description: 'What is measured.' })
  @HumanName({ normalize: false })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: 'Target value, e.g. "≥ 6000" or "< 2 s".' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  target: string;

  @Field({ description: 'Unit of the target; empty when none.', defaultValue: '' })
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  unit: string = '';

  @Field(() => Int, { description: 'Relative weight, 0 to 100.', defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(100)
  weight: number = 0;

  @Field({ description: 'True when a proposal must meet it.', defaultValue: false })
  @IsBoolean()
  mustHave: boolean = false;
}

@InputType({ description: 'A scoring criterion of a challenge.' })
export class EvaluationCriterionInput {
  @Field({ description: 'Name of the criterion.' })
  @HumanName({ normalize: false })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: 'How the criterion is judged.', defaultValue: '' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description: string = '';

  @Field(() => Int, { description: 'The weights of all criteria sum to 100.' })
  @IsInt()
  @Min(0)
  @Max(100)
  weight: number;

  @Field({ defaultValue: false, description: 'Pass/fail: failing it disqualifies.' })
  @IsBoolean()
  veto: boolean = false;
}

@InputType({ description: 'Who may answer a challenge.' })
export class EligibilityInput {
  @Field(() => SmeQualification, {
    description: 'The lowest 专精特新 qualification a respondent needs; NONE admits every SME.',
    defaultValue: SmeQualification.NONE,
  })
  @IsEnum(SmeQualification)
  minQualification: SmeQualification = SmeQualification.NONE;

  @Field(() => [String], {
    defaultValue: [],
    description: 'GB/T 2260 province codes (6 digits); empty = anywhere.',
  })
  @IsArray()
  @ArrayMaxSize(40)
  @Matches(/^\d{6}$/, { each: true, message: 'each region code must be 6 digits (GB/T 2260)' })
  allowedRegionCodes: string[] = [];

  @Field({ description: 'Only platform-verified SMEs may submit.', defaultValue: true })
  @IsBoolean()
  verifiedOnly: boolean = true;
}

/** The content of a challenge as the issuer writes it (create: required fields are non-null). */
@InputType()
export class ChallengeContentInput {
  @Field(() => String, {
    nullable: true,
    description: `Chinese title (at most ${TITLE_MAX}); a Chinese or an English title is required.`,
  })
  @IsOptional()
  @HumanName({ emptyAsNull: true, normalize: false })
  @IsString()
  @MaxLength(TITLE_MAX)
  titleZh?: string | null;

  @Field(() => String, {
    description:
      'English title (at most 200 characters); a Chinese or an English title is required.',
    nullable: true,
  })
  @IsOptional()
  @HumanName({ emptyAsNull: true, normalize: false })
  @IsString()
  @MaxLength(TITLE_MAX)
  titleEn?: string | null;

  @Field(() => String, { nullable: true, description: 'Public summary (Chinese).' })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summaryZh?: string | null;

  @Field(() => String, { description: 'Public summary (English).', nullable: true })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summaryEn?: string | null;

  @Field({
    nullable: true,
    description:
      'The confidential description (shown to the issuer, admins and, with terms, to accepting organisations).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string;

  @Field(() => [String], { nullable: true, description: 'Codes of the technical-field taxonomy.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  technicalFieldCodes?: string[];

  @Field(() => [TechnicalApproachInput], {
    nullable: true,
    description: `Technical approaches the issuer rules out (public, used for matching), up to ${EXCLUDED_APPROACHES_MAX}; replaces the list; none when omitted on a new challenge, unchanged when omitted or null on an edit.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(EXCLUDED_APPROACHES_MAX)
  @ValidateNested({ each: true })
  @Type(() => TechnicalApproachInput)
  excludedApproaches?: TechnicalApproachInput[] | null;

  @Field({ description: 'GB/T 4754-2017 section letter, A to T.' })
  @Matches(/^[A-T]$/, { message: 'industryCode must be a GB/T 4754 section letter A to T' })
  industryCode: string;

  @Field(() => ChainGoal, { description: 'What the demand does for the industrial chain.' })
  @IsEnum(ChainGoal)
  chainGoal: ChainGoal;

  @Field(() => DemandType, { description: 'Kind of demand.' })
  @IsEnum(DemandType)
  demandType: DemandType;

  @Field(() => [CooperationMode], {
    description: 'Cooperation modes the issuer accepts.',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsEnum(CooperationMode, { each: true })
  cooperationModes?: CooperationMode[];

  @Field(() => FenScalar, {
    description: 'Lower budget in fen (integer CNY cents).',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  budgetMin?: string | null;

  @Field(() => FenScalar, {
    description: 'Upper budget in fen (integer CNY cents); at least budgetMin.',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  budgetMax?: string | null;

  @Field(() => FenScalar, { description: 'Bounty in fen (integer CNY cents).', nullable: true })
  @IsOptional()
  @IsString()
  bounty?: string | null;

  @Field({ nullable: true, description: 'ISO 4217 code; CNY when omitted.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string;

  @Field(() => IpOwnership, {
    description: 'Who owns the resulting IP; NEGOTIABLE on a new challenge when omitted.',
    nullable: true,
  })
  @IsOptional()
  @IsEnum(IpOwnership)
  ipOwnership?: IpOwnership;

  @Field(() => EligibilityInput, {
    description:
      'Who may answer; on a new challenge, verified SMEs of any qualification and region when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => EligibilityInput)
  eligibility?: EligibilityInput;

  @Field(() => ChallengeVisibility, {
    description:
      'Who may see the challenge once published; PUBLIC on a new challenge when omitted.',
    nullable: true,
  })
  @IsOptional()
  @IsEnum(ChallengeVisibility)
  visibility?: ChallengeVisibility;

  @Field(() => ProposalCountVisibility, {
    nullable: true,
    description:
      'Who may know how many proposals were received: ISSUER_ONLY (the default) or PUBLIC (everyone who sees the challenge).',
  })
  @IsOptional()
  @IsEnum(ProposalCountVisibility)
  proposalCountVisibility?: ProposalCountVisibility;

  @Field({
    description: "Hide the issuer's identity from SMEs; false on a new challenge when omitted.",
    nullable: true,
  })
  @IsOptional()
  @IsBoolean()
  anonymousIssuer?: boolean;

  @Field({
    description:
      "Reviewers see proposals without the SME's identity; false on a new challenge when omitted.",
    nullable: true,
  })
  @IsOptional()
  @IsBoolean()
  blindReview?: boolean;

  @Field({
    description:
      'Submission deadline: an instant with its offset; at least 24 hours after publication.',
  })
  @Type(() => Date)
  @IsDate()
  deadline: Date;

  @Field(() => [RequirementInput], {
    nullable: true,
    description: 'Measurable indicators (技术拆解), in order.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequirementInput)
  requirements?: RequirementInput[];

  @Field(() => [EvaluationCriterionInput], { nullable: true, description: 'Weights sum to 100.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvaluationCriterionInput)
  evaluationCriteria?: EvaluationCriterionInput[];

  @Field(() => String, {
    nullable: true,
    description: 'NDA / IP terms; when given, the description is shown only after acceptance.',
  })
  @IsOptional()
  @Transform(trimOrNull)
  @IsString()
  @MaxLength(TERMS_MAX)
  terms?: string | null;
}

@InputType({ description: "A new challenge draft of the caller's enterprise." })
export class CreateChallengeInput extends ChallengeContentInput {}

@InputType({
  description:
    'Changes a draft (or a challenge sent back for changes); omitted fields stay as they are.',
})
export class UpdateChallengeDraftInput extends PartialType(ChallengeContentInput) {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, {
    description:
      'The version the edit starts from; CONFLICT STALE_VERSION if it changed meanwhile.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

/** What an amendment after publication may change (requirements and criteria are frozen: proposals reference them). */
@InputType({
  description: 'Amends a published challenge; the change becomes a new public version.',
})
export class AmendChallengeInput extends PartialType(
  PickType(ChallengeContentInput, [
    'titleZh',
    'titleEn',
    'summaryZh',
    'summaryEn',
    'description',
    'technicalFieldCodes',
    'excludedApproaches',
    'cooperationModes',
    'budgetMin',
    'budgetMax',
    'bounty',
    'deadline',
    'terms',
    'proposalCountVisibility',
  ] as const),
) {
  @Field(() => ID, { description: 'The challenge to amend.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, {
    description:
      'The Challenge.version the edit is based on; CONFLICT when the challenge changed since.',
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ description: 'What changed, shown with the new version (3 to 1000 characters).' })
  @Transform(trim)
  @IsString()
  @Length(3, 1000)
  changeSummary: string;
}

@InputType({ description: 'Names a challenge.' })
export class ChallengeIdInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all')
  id: string;
}

@InputType({
  description: 'A decision on a challenge that needs a reason (reject, request changes, cancel).',
})
export class ChallengeDecisionInput {
  @Field(() => ID, { description: 'The challenge decided on.' })
  @IsUUID('all')
  id: string;

  @Field({ description: 'Why (3 to 1000 characters); the issuer sees it.' })
  @Transform(trim)
  @IsString()
  @Length(3, 1000)
  reason: string;
}

@InputType({
  description: "Accepts a challenge's current terms (NDA / IP) for the caller's organisation.",
})
export class AcceptChallengeTermsInput {
  @Field(() => ID, { description: 'The challenge whose terms are accepted.' })
  @IsUUID('all')
  challengeId: string;

  @Field(() => Int, {
    description:
      'The terms version that was read; CONFLICT TERMS_VERSION_CHANGED if it is no longer current.',
  })
  @IsInt()
  @Min(1)
  termsVersion: number;
}

@InputType({
  description: 'A clarification question (答疑) about a challenge; the asker is never shown.',
})
export class AskChallengeQuestionInput {
  @Field(() => ID, { description: 'The challenge asked about.' })
  @IsUUID('all')
  challengeId: string;

  @Field({ description: 'The question.' })
  @Transform(trim)
  @IsString()
  @Length(3, 2000)
  question: string;
}

@InputType({ description: "The issuer's public answer to a clarification question." })
export class AnswerChallengeQuestionInput {
  @Field(() => ID, { description: 'The question answered.' })
  @IsUUID('all')
  questionId: string;

  @Field({ description: 'The answer, published to everyone who sees the challenge.' })
  @Transform(trim)
  @IsString()
  @Length(1, 5000)
  answer: string;
}

@InputType({ description: 'A public notice on a challenge, posted by its issuer.' })
export class PublishChallengeAnnouncementInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all')
  challengeId: string;

  @Field({ description: 'Title of the notice.' })
  @HumanName({ normalize: false })
  @IsString()
  @Length(1, 200)
  title: string;

  @Field({ description: 'Text of the notice.' })
  @Transform(trim)
  @IsString()
  @Length(1, 10000)
  body: string;
}

export enum ChallengeOrderBy {
  NEWEST = 'NEWEST',
  DEADLINE_SOONEST = 'DEADLINE_SOONEST',
  BUDGET_HIGHEST = 'BUDGET_HIGHEST',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ChallengeOrderBy, {
  valuesMap: {
    RELEVANCE: {
      description: 'Best match of the search text first (newest first without search text).',
    },
    NEWEST: { description: 'Most recently published first.' },
    DEADLINE_SOONEST: { description: 'Nearest deadline first.' },
    BUDGET_HIGHEST: { description: 'Highest upper budget first.' },
  },
  name: 'ChallengeOrderBy',
  description: 'RELEVANCE needs filter.search.',
});

@InputType({ description: 'Filters challenges; all given conditions must hold.' })
export class ChallengeFilterInput {
  @Field({ nullable: true, description: 'Full text, Chinese and/or English.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Technical-field codes; a code also matches its sub-fields.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  technicalFieldCodes?: string[];

  @Field(() => [String], {
    description: 'Only challenges in one of these GB/T 4754 sections.',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[A-T]$/, {
    each: true,
    message: 'each industry code must be a GB/T 4754 section letter A to T',
  })
  industryCodes?: string[];

  @Field(() => [ChainGoal], {
    description: 'Only challenges with one of these chain goals.',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ChainGoal).length)
  @IsEnum(ChainGoal, { each: true })
  chainGoals?: ChainGoal[];

  @Field(() => [DemandType], {
    description: 'Only challenges with one of these demand types.',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(DemandType).length)
  @IsEnum(DemandType, { each: true })
  demandTypes?: DemandType[];

  @Field(() => [CooperationMode], {
    nullable: true,
    description: 'Challenges offering any of these modes.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(CooperationMode).length)
  @IsEnum(CooperationMode, { each: true })
  cooperationModes?: CooperationMode[];

  @Field(() => FenScalar, {
    nullable: true,
    description: 'Budget range overlapping [budgetMin, budgetMax].',
  })
  @IsOptional()
  @IsString()
  budgetMin?: string;

  @Field(() => FenScalar, {
    description: 'Upper end of the budget range looked for, in fen (integer CNY cents).',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  budgetMax?: string;

  @Field({
    nullable: true,
    description: 'Only challenges an SME registered in this province may answer.',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'eligibleRegionCode must be 6 digits (GB/T 2260)' })
  eligibleRegionCode?: string;

  @Field(() => [ChallengeStatus], { nullable: true, description: 'Effective statuses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ChallengeStatus).length)
  @IsEnum(ChallengeStatus, { each: true })
  statuses?: ChallengeStatus[];

  @Field({ nullable: true, description: 'Deadline at or after this instant.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  deadlineFrom?: Date;

  @Field({ nullable: true, description: 'Deadline before this instant.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  deadlineTo?: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      "One issuer's challenges (anonymous ones are listed only to the issuer and admins).",
  })
  @IsOptional()
  @IsUUID('all')
  issuerOrganizationId?: string;
}

@ArgsType()
export class ChallengesArgs extends ConnectionArgs {
  @Field(() => ChallengeFilterInput, {
    description: 'Narrows the list; every challenge the viewer may see when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChallengeFilterInput)
  filter?: ChallengeFilterInput;

  @Field(() => ChallengeOrderBy, {
    nullable: true,
    description: 'NEWEST when omitted (RELEVANCE when searching).',
  })
  @IsOptional()
  @IsEnum(ChallengeOrderBy)
  orderBy?: ChallengeOrderBy;
}

@ArgsType()
export class ChallengeFacetsArgs {
  @Field(() => ChallengeFilterInput, {
    description: 'The filter the counts are taken under; none when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChallengeFilterInput)
  filter?: ChallengeFilterInput;
}

@InputType({ description: "Narrows the list of the caller's organisation's challenges." })
export class MyChallengesFilterInput {
  @Field(() => [ChallengeStatus], {
    nullable: true,
    description:
      'Only challenges in one of these states (the effective state); every state when omitted.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(ChallengeStatus).length)
  @IsEnum(ChallengeStatus, { each: true })
  statuses?: ChallengeStatus[];
}

@ArgsType()
export class MyChallengesArgs extends ConnectionArgs {
  @Field(() => MyChallengesFilterInput, {
    nullable: true,
    description: 'Which challenges; all of them when omitted.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MyChallengesFilterInput)
  filter?: MyChallengesFilterInput;
}

@ArgsType()
export class ChallengeVersionsArgs extends ConnectionArgs {
  /** Checked as a UUID by the query (assertUuid), like every id of the challenges module. */
  @Field(() => ID, { description: 'The challenge.' })
  @IsString()
  challengeId: string;
}

/** Where advanceChallengeClock moves a challenge's clock. */
export enum ChallengeClockTarget {
  DEADLINE_PASSED = 'DEADLINE_PASSED',
  PUBLICITY_ENDED = 'PUBLICITY_ENDED',
}

registerEnumType(ChallengeClockTarget, {
  name: 'ChallengeClockTarget',
  description: "Where advanceChallengeClock moves a challenge's clock (development only).",
  valuesMap: {
    DEADLINE_PASSED: {
      description:
        'The deadline becomes now: a PUBLISHED challenge reads as CLOSED (evaluation may start).',
    },
    PUBLICITY_ENDED: {
      description:
        'The running publicity period (公示) ends now: with no objection pending the challenge reads as AWARDED.',
    },
  },
});

@InputType({
  description: "Moves a challenge's clock forward (development only; platform admins).",
})
export class AdvanceChallengeClockInput {
  @Field(() => ID, { description: 'The challenge whose clock moves.' })
  @IsUUID('all')
  challengeId: string;

  @Field(() => ChallengeClockTarget, { description: 'The moment the clock moves to.' })
  @IsEnum(ChallengeClockTarget)
  to: ChallengeClockTarget;
}
