/**
 * The catalogue of `extensions.reason`: every reason the API can send is an entry of one module's catalogue,
 * with the error code(s) it comes with (`extensions.code`) and its meaning in English and in Chinese (zh-CN),
 * so that a client can branch on it and show it in the user's language.
 *
 * Each module declares its reasons once (`defineErrorReasons`, e.g. `challenges/challenge-errors.ts`) and adds
 * them to `ErrorReasonRegistry` by declaration merging; the error classes (errors.ts) accept only the reasons
 * of that registry whose code matches theirs, so TypeScript refuses an uncatalogued reason. The composition
 * root assembles the catalogues (app/error-catalogue.ts: the schema enum `ErrorReason`, docs/errors.md).
 * A reason belongs to one module and is written once; other modules throw it by name.
 */

/** The codes of `extensions.code` a catalogued reason can come with. */
export type CataloguedCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'QUERY_TOO_COMPLEX'
  | 'GRAPHQL_PARSE_FAILED'
  | 'OPERATION_RESOLUTION_FAILURE';

/** The languages every entry is written in. */
export type ErrorLocale = 'en' | 'zh-CN';

export interface ErrorReasonEntry {
  /** The code(s) the reason is sent with; a list when the same reason is answered with two codes. */
  readonly code: CataloguedCode | readonly CataloguedCode[];
  /** What the reason means, in English. */
  readonly en: string;
  /** What the reason means, in Chinese (zh-CN). */
  readonly zh: string;
  /** For NOT_FOUND reasons: the entity named by NotFoundError (the reason is `<ENTITY>_NOT_FOUND`). */
  readonly entity?: string;
}

/**
 * Every catalogued reason, filled by the modules' catalogues through declaration merging:
 * `declare module '../common/error-catalogue.js' { interface ErrorReasonRegistry extends XReasons {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ErrorReasonRegistry {}

/** A reason of the catalogue. */
export type ErrorReason = keyof ErrorReasonRegistry & string;

type CodesOf<E> = E extends { code: infer C } ? (C extends readonly (infer X)[] ? X : C) : never;

/** The catalogued reasons that come with `code`. */
export type ReasonWithCode<C extends CataloguedCode> = {
  [R in ErrorReason]: C extends CodesOf<ErrorReasonRegistry[R]> ? R : never;
}[ErrorReason];

/** The entities NotFoundError may name: those whose `<ENTITY>_NOT_FOUND` reason is catalogued. */
export type NotFoundEntity = {
  [R in ErrorReason]: ErrorReasonRegistry[R] extends { entity: infer E extends string } ? E : never;
}[ErrorReason];

/** The reason NotFoundError derives from an entity name: `Challenge question` → `CHALLENGE_QUESTION_NOT_FOUND`. */
export function notFoundReason(entity: string): string {
  return `${entity.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`;
}

/** One module's catalogue: its name and its entries. */
export interface ErrorCatalogue<
  T extends Record<string, ErrorReasonEntry> = Record<string, ErrorReasonEntry>,
> {
  readonly module: string;
  readonly reasons: T;
}

/** Declares a module's reasons (the object is kept as written, for the registry's types). */
export function defineErrorReasons<const T extends Record<string, ErrorReasonEntry>>(
  module: string,
  reasons: T,
): ErrorCatalogue<T> {
  return { module, reasons };
}

/** The codes of an entry, as a list. */
export function entryCodes(entry: ErrorReasonEntry): readonly CataloguedCode[] {
  return typeof entry.code === 'string' ? [entry.code] : entry.code;
}

/** The entry's text in a locale. */
export function reasonText(entry: ErrorReasonEntry, locale: ErrorLocale): string {
  return locale === 'zh-CN' ? entry.zh : entry.en;
}
