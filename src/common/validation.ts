import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsOptional,
  IsString,
  MaxLength,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { FieldError, UserInputError } from './errors.js';
import { nameText, trim } from './transforms.js';

function flatten(errors: ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The longest list any argument may hold, whatever its own cap (every list argument and list input field has
 * an ArrayMaxSize of its own, at most this): a longer list is refused before its elements are looked at.
 */
export const MAX_LIST_LENGTH = 1000;

/**
 * Checks every string and instant of an argument, however deeply nested, before class-validator runs:
 * PostgreSQL cannot store a NUL character (U+0000) in text or jsonb, and refuses instants before 4713 BC
 * that JavaScript accepts. Both would otherwise surface as a server error. A list longer than MAX_LIST_LENGTH
 * is refused here too, cheaply.
 */
function storable(value: unknown, field: string, out: FieldError[], depth = 0): void {
  if (Array.isArray(value) && value.length > MAX_LIST_LENGTH) {
    // refused before class-transformer and class-validator walk every element
    out.push({ field, message: `must contain no more than ${MAX_LIST_LENGTH} elements` });
  } else if (typeof value === 'string') {
    if (value.includes('\u0000'))
      out.push({ field, message: 'must not contain NUL characters (U+0000)' });
  } else if (value instanceof Date) {
    const year = value.getUTCFullYear();
    if (Number.isNaN(value.getTime()) || year < 1 || year > 9999)
      out.push({ field, message: 'must be between the years 1 and 9999' });
  } else if (value && typeof value === 'object' && depth < 10) {
    for (const [key, item] of Object.entries(value))
      storable(item, field ? `${field}.${key}` : key, out, depth + 1);
  }
}

class StorableValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problems: FieldError[] = [];
    if (metadata.type !== 'custom') storable(value, metadata.data ?? '', problems);
    if (problems.length) throw new UserInputError(problems);
    return super.transform(value, metadata);
  }
}

/**
 * Validates every resolver argument with class-validator and answers BAD_USER_INPUT with one entry
 * per field and reason. Unknown properties are refused (GraphQL refuses unknown input fields first).
 * NUL characters and instants PostgreSQL cannot store are refused in every argument (see `storable`).
 */
export function createValidationPipe(): ValidationPipe {
  return new StorableValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors, '');
      return new UserInputError(
        fields.length ? fields : [{ field: 'input', message: 'is invalid' }],
      );
    },
  });
}

/**
 * Characters a name must not contain: controls (Cc), format characters (Cf: zero-width spaces and joiners
 * U+200B–U+200F, the bidi embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069, word joiner and
 * invisible operators U+2060–U+2064, U+FEFF, the tag characters U+E0000–U+E007F, soft hyphen...), lone
 * surrogates, line and paragraph separators, and every other default-ignorable code point (Hangul fillers,
 * U+034F...) — except the variation selectors, which only choose a glyph for the character before them and
 * are needed by Mongolian, by CJK ideographic variants and by emoji.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;
const VARIATION_SELECTOR = /^[\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/** The invisible or bidi control characters of `text`, as U+XXXX (empty when it has none). */
export function invisibleCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const [c] of text.matchAll(INVISIBLE)) {
    if (!VARIATION_SELECTOR.test(c))
      found.add(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

/**
 * A name people read (display name, organisation name, title): trimmed, NFKC-normalised when it identifies
 * someone (see `nameText`; `normalize: false` for titles and other prose, which keep the author's typography,
 * such as the full-width brackets of Chinese titles), and refused (BAD_USER_INPUT naming the field) when it holds a control, invisible or bidi control character,
 * which could hide text, reverse it on screen, or make two names look the same. Han, Latin and mixed
 * Han + Latin names ("Haier 海尔") are fine. Put it before the length validators: they then see the normal form.
 */
export function HumanName(
  options: { emptyAsNull?: boolean; normalize?: boolean } = {},
): PropertyDecorator {
  const clean = options.normalize === false ? trim : nameText;
  const transform = Transform(options.emptyAsNull ? (params) => clean(params) || null : clean);
  const validate = ValidateBy({
    name: 'humanName',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' || invisibleCharacters(value).length === 0,
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must not contain invisible or bidirectional control characters (${invisibleCharacters(String(args?.value ?? '')).join(', ')})`,
    },
  });
  return (target: object, property: string | symbol) => {
    transform(target, property as string);
    validate(target, property as string);
  };
}

/**
 * A short label in Chinese and/or English: an SME's technical route, an approach a challenge rules out.
 * Matchmaking compares these across the two sides, so both are written and checked by the same rule
 * (BilingualLabelText on each language, bilingualLabelProblems on each element).
 */
export interface BilingualLabel {
  zh: string | null;
  en: string | null;
}

/** The longest label of either language, in characters (after trimming). */
export const BILINGUAL_LABEL_MAX = 60;

/**
 * One language of a bilingual label input: optional, trimmed (empty becomes null), at most `max`
 * characters, and no control, invisible or bidi control character (HumanName, keeping the author's
 * typography). Whether the element has a label at all is bilingualLabelProblems' part.
 */
export function BilingualLabelText(max: number = BILINGUAL_LABEL_MAX): PropertyDecorator {
  const decorators = [
    HumanName({ normalize: false, emptyAsNull: true }),
    IsOptional(),
    IsString(),
    MaxLength(max),
  ];
  // applied last to first, as the same decorators stacked above a property would be
  return (target: object, property: string | symbol) => {
    for (const decorate of [...decorators].reverse()) decorate(target, property);
  };
}

/**
 * Each label needs a Chinese or an English text (pure; the inputs were trimmed, empty to null, by
 * BilingualLabelText). The problems name the element: `${field}.${index}`.
 */
export function bilingualLabelProblems(
  labels: readonly BilingualLabel[],
  field: string,
): FieldError[] {
  return labels.flatMap((label, i) =>
    label.zh || label.en
      ? []
      : [{ field: `${field}.${i}`, message: 'needs a Chinese (zh) or English (en) label' }],
  );
}
