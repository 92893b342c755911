import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { nameText } from '../../common/transforms.js';
import { NO_CONTROL_CHARS } from '../../common/validators.js';
import { englishKey } from '../analysis/english.js';
import { MAX_PHRASE_WORDS, MAX_ZH_TERM } from '../analysis/vocabulary.js';

/**
 * The Chinese side of an admin pair as stored and compared: Unicode NFKC, trimmed. NFKC folds compatibility
 * forms (full-width characters) into the spelling the analyser reads, so two entries that look alike are one.
 */
export const vocabularyChinese = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFKC').trim() : value;

/**
 * The English side as stored and compared: NFKC, lower case, trimmed, runs of white space made one space. The
 * vocabulary lower-cases its English terms anyway; storing them so makes "Thermal Runaway" and "thermal
 * runaway" the same pair (the unique index then refuses the second).
 */
export const vocabularyEnglish = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')
    : value;

/**
 * 2 to MAX_ZH_TERM Han characters and nothing else: what the analyser can find inside unspaced Chinese text.
 * Longer terms are never looked up (vocabulary.ts MAX_ZH_TERM), so accepting them would store a pair that does
 * nothing.
 */
export const VOCABULARY_CHINESE = new RegExp(`^\\p{Script=Han}{2,${MAX_ZH_TERM}}$`, 'u');

/**
 * 1 to MAX_PHRASE_WORDS words of lower-case letters and digits, separated by one space or a hyphen (a hyphen
 * separates words for matching too, so "lithium-ion" counts as two). Longer phrases are never looked up.
 */
export const VOCABULARY_ENGLISH = new RegExp(
  `^[a-z0-9]+(?:[ -][a-z0-9]+){0,${MAX_PHRASE_WORDS - 1}}$`,
);

/** At most this many characters of English (the column's length). */
export const MAX_VOCABULARY_ENGLISH = 80;

/**
 * The English term must keep a word once grammar words are left out (englishKey non-empty): "the of" would be
 * stored but could never match anything.
 */
function HasMeaningfulWord(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'hasMeaningfulWord',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && englishKey(value) !== '',
        defaultMessage: (args) =>
          `${args?.property} must hold a word other than grammar words (the, of, and…)`,
      },
    });
}

@ObjectType('MatchVocabularyPair', {
  description:
    'A Chinese term and an English term that mean the same, added by platform admins to the vocabulary matching ' +
    'uses to link Chinese and English text (besides the shipped technical vocabulary and the taxonomy’s names).',
})
export class MatchVocabularyPairType {
  @Field(() => ID, { description: 'The pair’s id (to remove it).' })
  id: string;

  @Field({ description: 'The Chinese term: 2 to 8 Han characters, NFKC.' })
  zh: string;

  @Field({ description: 'The English term: 1 to 4 lower-case words.' })
  en: string;

  @Field({ description: 'When the pair was added.' })
  createdAt: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The admin who added it; null once that account is gone.',
  })
  createdById: string | null;
}

@ObjectType({ description: 'A page of admin-added vocabulary pairs, newest first.' })
export class MatchVocabularyPairConnection extends Connection(
  MatchVocabularyPairType,
  'MatchVocabularyPair',
) {}

@InputType({ description: 'Narrows the list of admin-added vocabulary pairs.' })
export class MatchVocabularyFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Part of the Chinese or the English term (case-insensitive, taken literally: % and _ are no wildcards).',
  })
  @IsOptional()
  @Transform(nameText)
  @IsString()
  @MaxLength(80)
  @Matches(NO_CONTROL_CHARS, { message: 'search must not contain control characters' })
  search?: string;
}

@ArgsType()
export class MatchVocabularyArgs extends ConnectionArgs {
  @Field(() => MatchVocabularyFilterInput, {
    nullable: true,
    description: 'Narrows the list; every admin-added pair when omitted.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MatchVocabularyFilterInput)
  filter?: MatchVocabularyFilterInput;
}

@InputType({
  description:
    'A pair to add to the matching vocabulary: a Chinese term and the English term that means the same.',
})
export class AddMatchVocabularyPairInput {
  @Field({
    description:
      'The Chinese term: 2 to 8 Chinese (Han) characters and nothing else, after Unicode NFKC and trimming.',
  })
  @Transform(vocabularyChinese)
  @IsString()
  @Matches(VOCABULARY_CHINESE, {
    message: `zh must be 2 to ${MAX_ZH_TERM} Chinese characters and nothing else`,
  })
  zh: string;

  @Field({
    description:
      'The English term: 1 to 4 words of letters (a to z) and digits separated by spaces or hyphens, at most 80 ' +
      'characters, lower-cased on the way in; at least one word must not be a grammar word (the, of, and…).',
  })
  @Transform(vocabularyEnglish)
  @IsString()
  @MaxLength(MAX_VOCABULARY_ENGLISH)
  @Matches(VOCABULARY_ENGLISH, {
    message: `en must be 1 to ${MAX_PHRASE_WORDS} words of letters and digits separated by spaces or hyphens`,
  })
  @HasMeaningfulWord()
  en: string;
}

@ObjectType({ description: 'The pair added.' })
export class AddMatchVocabularyPairPayload {
  @Field(() => MatchVocabularyPairType, { description: 'The new pair, as stored (normalised).' })
  pair: MatchVocabularyPairType;
}

@InputType({ description: 'An admin-added vocabulary pair to remove.' })
export class RemoveMatchVocabularyPairInput {
  @Field(() => ID, { description: 'The pair’s id.' })
  @IsUUID('all', { message: 'id must be an ID' })
  id: string;
}

@ObjectType({ description: 'The pair removed.' })
export class RemoveMatchVocabularyPairPayload {
  @Field(() => ID, { description: 'The id of the pair removed.' })
  id: string;
}
