import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ChallengeIssuer, ChallengeType } from '../../challenges/index.js';
import { trim } from '../../common/transforms.js';
import { NO_CONTROL_CHARS_MULTILINE } from '../../common/validators.js';
import { TechnicalFieldType } from '../../technical-fields/index.js';
import { TermLanguage } from './match.types.js';

/** similarChallenges answers at most this many challenges (each is scored exactly). */
export const MAX_SIMILAR_CHALLENGES = 20;
export const DEFAULT_SIMILAR_CHALLENGES = 10;
/** The longest note of a link between two related challenges. */
export const MAX_RELATED_NOTE = 500;

@ArgsType()
export class SimilarChallengesArgs {
  @Field(() => ID, { description: 'The challenge under review (any challenge).' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => Int, {
    nullable: true,
    description: `How many similar challenges, most similar first: 1 to ${MAX_SIMILAR_CHALLENGES}; ${DEFAULT_SIMILAR_CHALLENGES} when omitted.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SIMILAR_CHALLENGES)
  first?: number;
}

@ObjectType({
  description:
    'A term two challenges share (or that links them across Chinese and English through the bilingual vocabulary).',
})
export class SharedChallengeTerm {
  @Field({ description: 'The term as the challenge under review writes it.' })
  challengeText: string;

  @Field({ description: 'The term as the similar challenge writes it.' })
  similarText: string;

  @Field(() => TermLanguage, { description: 'The language the two challenges meet in.' })
  language: TermLanguage;

  @Field({
    description: 'True when the link goes through the bilingual vocabulary (a translation).',
  })
  viaTranslation: boolean;
}

@ObjectType({
  description:
    'A quantity two challenges both state (a figure with its unit, read alike in Chinese and English: "≥10 min" ' +
    'and "不少于10分钟").',
})
export class SharedChallengeQuantity {
  @Field({ description: 'The quantity as the challenge under review writes it.' })
  challengeText: string;

  @Field({ description: 'The quantity as the similar challenge writes it.' })
  similarText: string;
}

@ObjectType({
  description:
    'A challenge of another alliance member, PENDING_REVIEW or PUBLISHED, that looks like the same demand as the ' +
    'challenge under review.',
})
export class SimilarChallenge {
  @Field(() => ChallengeType, { description: 'The similar challenge (as an admin sees it).' })
  challenge: ChallengeType;

  @Field(() => Float, {
    description:
      'How alike the two demands are, 0 to 1, the same both ways: the cosine of their BM25-weighted terms in the ' +
      'language they meet in, raised a little by shared technical fields and by the quantities both state (figures ' +
      'with units, read alike in Chinese and English; README, "Duplicate demands"). Only ' +
      'challenges at or above SIMILAR_CHALLENGES_MIN_SIMILARITY are listed.',
  })
  similarity: number;

  @Field(() => [SharedChallengeTerm], {
    description: 'The shared terms, most telling first (at most 20).',
  })
  sharedTerms: SharedChallengeTerm[];

  @Field(() => [TechnicalFieldType], {
    description: 'The technical fields both challenges have, by code, with their names.',
  })
  sharedTechnicalFields: TechnicalFieldType[];

  @Field(() => [SharedChallengeQuantity], {
    description: 'The quantities both challenges state, most telling first (at most 20).',
  })
  sharedQuantities: SharedChallengeQuantity[];

  @Field({ description: 'Whether an admin already linked the two challenges as related.' })
  linked: boolean;
}

@InputType({
  description:
    'Two challenges of different enterprises an admin links as related demands (both PENDING_REVIEW or PUBLISHED).',
})
export class LinkRelatedChallengesInput {
  @Field(() => ID, { description: 'One challenge.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => ID, { description: 'The other challenge (of another enterprise).' })
  @IsUUID('all', { message: 'relatedChallengeId must be an ID' })
  relatedChallengeId: string;

  @Field({
    description: `Why they are related, shown to both issuers: 1 to ${MAX_RELATED_NOTE} characters, trimmed.`,
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'note must not be empty' })
  @MaxLength(MAX_RELATED_NOTE)
  @Matches(NO_CONTROL_CHARS_MULTILINE, { message: 'note must not contain control characters' })
  note: string;
}

@InputType({ description: 'Two linked challenges to unlink (in either order).' })
export class UnlinkRelatedChallengesInput {
  @Field(() => ID, { description: 'One challenge.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;

  @Field(() => ID, { description: 'The other challenge.' })
  @IsUUID('all', { message: 'relatedChallengeId must be an ID' })
  relatedChallengeId: string;
}

@ObjectType({
  description: 'A link between two related challenges, as the admin who made it sees it.',
})
export class RelatedChallengesLink {
  @Field(() => ID, { description: 'One challenge (as given).' })
  challengeId: string;

  @Field(() => ID, { description: 'The other challenge (as given).' })
  relatedChallengeId: string;

  @Field({ description: 'Why they are related.' })
  note: string;

  @Field({ description: 'When the link was made.' })
  linkedAt: Date;
}

@ObjectType({ description: 'The result of linkRelatedChallenges.' })
export class LinkRelatedChallengesPayload {
  @Field(() => RelatedChallengesLink, { description: 'The new link.' })
  link: RelatedChallengesLink;
}

@ObjectType({ description: 'The result of unlinkRelatedChallenges.' })
export class UnlinkRelatedChallengesPayload {
  @Field(() => RelatedChallengesLink, { description: 'The link removed.' })
  link: RelatedChallengesLink;
}

@ObjectType({
  description:
    'A related demand of another enterprise an admin linked to this challenge, as this challenge’s issuer may see it.',
})
export class RelatedChallenge {
  @Field(() => ChallengeType, {
    nullable: true,
    description:
      'The related challenge as the viewer may see it (its public summary once published, never its confidential ' +
      'description unless the viewer may read it); null while the viewer may not see it (not yet published, or ' +
      'invitation only).',
  })
  challenge: ChallengeType | null;

  @Field(() => ChallengeIssuer, {
    nullable: true,
    description:
      'The enterprise that posted it; null when that challenge is anonymous (and the viewer is not an admin).',
  })
  issuer: ChallengeIssuer | null;

  @Field({ description: 'Why an admin linked them.' })
  note: string;

  @Field({ description: 'When the link was made.' })
  linkedAt: Date;
}
