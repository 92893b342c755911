import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ChallengeType } from '../../challenges/index.js';
import { Connection, DEFAULT_PAGE_SIZE } from '../../common/pagination/connection.js';
import { EligibilityReason, SmeType } from '../../organizations/index.js';
import { TechnicalFieldType } from '../../technical-fields/index.js';
import { MATCH_LOCATIONS, type MatchLocation } from '../analysis/analyze.js';
import { MATCH_COMPONENTS, type MatchComponentKind } from '../analysis/score.js';
import { DismissalSide } from '../match.entities.js';
import { PairIntroductionState } from './introduction.types.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.freeze(Object.fromEntries(values.map((v) => [v, v]))) as { readonly [K in T]: K };

export const MatchComponent = enumOf(MATCH_COMPONENTS);
registerEnumType(MatchComponent, {
  name: 'MatchComponent',
  description: 'A part of a match score (README, "How matching works").',
  valuesMap: {
    TEXT: {
      description:
        "How much of the demand the SME's own text covers (weighted terms, IDF over the SMEs, BM25).",
    },
    TECHNICAL_FIELDS: {
      description:
        'Taxonomy closeness: same field 1, siblings 0.6, parent/child 0.4, same top 0.25.',
    },
    APPLICATION: {
      description:
        "The application the demand names, matched apart from the technology (or past projects in the challenge's industry).",
    },
    QUALIFICATION: { description: 'The 专精特新 level that counts, 0 to 1.' },
    REGION: { description: 'The challenge names regions and the SME is in one.' },
    TRACK_RECORD: {
      description: 'Shortlisted, selected and awarded on the platform in related fields.',
    },
    AVOIDED_OFFER: {
      description: 'Penalty: the SME offers what the demand wants to replace or avoid.',
    },
    EXCLUDED_ROUTE: {
      description: 'Penalty: the SME follows a technical approach the issuer excludes.',
    },
    FEEDBACK: {
      description: 'Penalty: the viewer dismissed recommendations like this one.',
    },
  },
});

export const MatchLocationEnum = enumOf(MATCH_LOCATIONS);
registerEnumType(MatchLocationEnum, {
  name: 'MatchLocation',
  description: 'Where in a challenge or an SME profile a term occurs.',
  valuesMap: {
    TITLE: { description: "The challenge's title." },
    SUMMARY: { description: "The challenge's public summary." },
    REQUIREMENT: { description: "The challenge's technical indicators." },
    NAME: { description: "The SME's name." },
    CAPABILITY: { description: "The SME's capability statement." },
    KEYWORD: { description: "The SME's keywords." },
    PRODUCT: { description: "The SME's products." },
    PAST_PROJECT: { description: "The SME's past projects." },
    ROUTE: { description: "The SME's technical routes." },
  },
});

export enum TermLanguage {
  ZH = 'ZH',
  EN = 'EN',
}
registerEnumType(TermLanguage, {
  name: 'TermLanguage',
  description: 'The language of a matched term.',
  valuesMap: { ZH: { description: 'Chinese.' }, EN: { description: 'English.' } },
});

export const MATCH_REASON_KINDS = [
  'TECHNICAL_FIELDS',
  'TERMS_ZH',
  'TERMS_EN',
  'CROSS_LANGUAGE',
  'APPLICATION',
  'QUALIFICATION',
  'REGION',
  'TRACK_RECORD',
  'AVOIDED_OFFER',
  'EXCLUDED_ROUTE',
  'FEEDBACK',
] as const;
export type MatchReasonKindValue = (typeof MATCH_REASON_KINDS)[number];
export const MatchReasonKind = enumOf(MATCH_REASON_KINDS);
registerEnumType(MatchReasonKind, {
  name: 'MatchReasonKind',
  description: 'What a reason of a match speaks of.',
  valuesMap: {
    TECHNICAL_FIELDS: { description: 'Shared or related technical fields.' },
    TERMS_ZH: { description: 'Chinese terms both sides use.' },
    TERMS_EN: { description: 'English terms both sides use.' },
    CROSS_LANGUAGE: { description: 'Terms that match across Chinese and English.' },
    APPLICATION: { description: 'The application the demand names.' },
    QUALIFICATION: { description: 'The SME’s 专精特新 qualification.' },
    REGION: { description: 'The SME is in a region the challenge names.' },
    TRACK_RECORD: { description: 'Results on the platform in related fields.' },
    AVOIDED_OFFER: { description: 'Against: the SME offers what the demand wants replaced.' },
    EXCLUDED_ROUTE: { description: 'Against: an approach the issuer excludes.' },
    FEEDBACK: { description: 'Against: like recommendations the viewer dismissed.' },
  },
});

registerEnumType(DismissalSide, {
  name: 'DismissalSide',
  description: 'Which side dismissed a recommended pair.',
  valuesMap: {
    ISSUER: { description: 'The issuing enterprise (for recommendedSmes).' },
    SME: { description: 'The SME (for recommendedChallenges).' },
  },
});

@ObjectType({ description: 'One component of a match score.' })
export class MatchComponentScore {
  @Field(() => MatchComponent, { description: 'Which component.' })
  kind: MatchComponentKind;

  @Field(() => Float, { description: 'Its value, 0 to 1.' })
  value: number;

  @Field(() => Float, {
    description:
      'Its weight in the mean of the positive components, or for a penalty the share of the score it can take away.',
  })
  weight: number;
}

@ObjectType({ description: 'A term both sides use (or that links them across languages).' })
export class MatchedTerm {
  @Field({ description: 'The term as the challenge writes it.' })
  challengeText: string;

  @Field({ description: 'The term as the SME writes it.' })
  smeText: string;

  @Field(() => TermLanguage, { description: 'The language the two sides meet in.' })
  language: TermLanguage;

  @Field(() => [MatchLocationEnum], { description: 'Where it occurs in the challenge.' })
  challengeLocations: MatchLocation[];

  @Field(() => [MatchLocationEnum], { description: 'Where it occurs in the SME profile.' })
  smeLocations: MatchLocation[];

  @Field({ description: 'True when the link goes through the bilingual vocabulary.' })
  viaTranslation: boolean;
}

@ObjectType({ description: 'A reason, for or against, in the viewer’s language.' })
export class MatchReason {
  @Field(() => MatchReasonKind, { description: 'What it speaks of.' })
  kind: MatchReasonKindValue;

  @Field({ description: 'True for a reason for the match, false for one against.' })
  positive: boolean;

  @Field({ description: 'The reason in words, in the viewer’s language (zh-CN or English).' })
  text: string;
}

@ObjectType({ description: 'Why a challenge and an SME match: the score and what made it.' })
export class MatchBreakdown {
  @Field(() => Float, {
    description:
      'The score, 0 to 1: the weighted mean of the positive components times the penalties. Comparable within one list.',
  })
  score: number;

  @Field(() => [MatchComponentScore], { description: 'Every component, penalties last.' })
  components: MatchComponentScore[];

  @Field(() => [MatchedTerm], {
    description: 'The matched terms, most telling first (at most 20).',
  })
  matchedTerms: MatchedTerm[];

  @Field(() => [TechnicalFieldType], {
    description: 'The SME’s technical fields close to the challenge’s, closest first.',
  })
  sharedTechnicalFields: TechnicalFieldType[];

  @Field(() => [MatchReason], { description: 'The reasons in words, for first, then against.' })
  reasons: MatchReason[];
}

/** What every recommendation has: why. */
@ObjectType({ isAbstract: true })
abstract class Recommendation {
  @Field(() => MatchBreakdown, { description: 'Why it is recommended.' })
  match: MatchBreakdown;

  @Field(() => PairIntroductionState, {
    nullable: true,
    description:
      'The pair’s latest introduction (对接) and its status now, null when there is none: whether someone ' +
      'already invited or asked, so nobody does it twice.',
  })
  introduction: PairIntroductionState | null;
}

@ObjectType({ description: 'An SME recommended for a challenge.' })
export class SmeRecommendation extends Recommendation {
  @Field(() => SmeType, { description: 'The SME (as the viewer may see it).' })
  sme: SmeType;
}

@ObjectType({ description: 'A challenge recommended to an SME.' })
export class ChallengeRecommendation extends Recommendation {
  @Field(() => ChallengeType, { description: 'The challenge (as the viewer may see it).' })
  challenge: ChallengeType;
}

@ObjectType({
  description: 'SMEs recommended for a challenge, best first (paged forward).',
})
export class SmeRecommendationConnection extends Connection(SmeRecommendation) {}

@ObjectType({ description: 'Challenges recommended to an SME, best first.' })
export class ChallengeRecommendationConnection extends Connection(ChallengeRecommendation) {}

@ObjectType({ description: 'The match of one challenge and one SME, recommended or not.' })
export class MatchExplanation {
  @Field(() => ChallengeType, { description: 'The challenge.' })
  challenge: ChallengeType;

  @Field(() => SmeType, { description: 'The SME.' })
  sme: SmeType;

  @Field({
    description:
      'Whether the pair can be recommended: the SME verified and eligible, the challenge open (for the SME’s side), not dismissed by the viewer’s side.',
  })
  recommendable: boolean;

  @Field(() => [EligibilityReason], {
    description:
      'Why the SME may not answer the challenge (the eligibility rule); empty when it may.',
  })
  eligibilityProblems: string[];

  @Field({ description: 'Whether the viewer’s side dismissed this pair.' })
  dismissed: boolean;

  @Field(() => MatchBreakdown, { description: 'The score and its reasons.' })
  match: MatchBreakdown;
}

/** Recommendation pages are at most this long (each is scored exactly, candidate by candidate). */
export const MAX_RECOMMENDATIONS_PAGE = 50;

@ArgsType()
export class RecommendationPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, 1 to ${MAX_RECOMMENDATIONS_PAGE}; ${DEFAULT_PAGE_SIZE} when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RECOMMENDATIONS_PAGE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ArgsType()
export class RecommendedSmesArgs extends RecommendationPageArgs {
  @Field(() => ID, {
    description: 'The challenge (one of the viewer’s enterprise; any for admins).',
  })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;
}

@ArgsType()
export class RecommendedChallengesArgs extends RecommendationPageArgs {}

@ArgsType()
export class MatchExplanationArgs {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => ID, { description: 'The SME.' })
  @IsUUID('all', { message: 'smeId must be an ID' })
  smeId: string;
}

@InputType({ description: 'A recommended pair the viewer’s side does not want to see again.' })
export class DismissRecommendationInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => ID, { description: 'The SME.' })
  @IsUUID('all', { message: 'smeId must be an ID' })
  smeId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why, in a few words (at most 300 characters); kept for ranking to learn from.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string | null;
}

@ObjectType({ description: 'A dismissed recommended pair.' })
export class RecommendationDismissal {
  @Field(() => ID, { description: 'The challenge.' })
  challengeId: string;

  @Field(() => ID, { description: 'The SME.' })
  smeId: string;

  @Field(() => DismissalSide, { description: 'Which side dismissed it.' })
  side: DismissalSide;

  @Field(() => String, { nullable: true, description: 'Why, as given.' })
  reason: string | null;

  @Field({ description: 'When.' })
  dismissedAt: Date;
}

@ObjectType({ description: 'The result of dismissRecommendation.' })
export class DismissRecommendationPayload {
  @Field(() => RecommendationDismissal, { description: 'The dismissal.' })
  dismissal: RecommendationDismissal;
}
