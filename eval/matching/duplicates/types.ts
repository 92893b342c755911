/**
 * Types of the labelled duplicate-demand set: challenges of different alliance members, grouped by the demand
 * they express. Written by hand, as enterprises write 揭榜挂帅 demands, independently of the matcher.
 */

/** A challenge as an issuer posts it (each challenge has an issuer of its own). */
export interface DuplicateChallenge {
  key: string;
  titleZh?: string;
  titleEn?: string;
  summaryZh?: string;
  summaryEn?: string;
  /** Technical indicators (名称 + 目标值). */
  requirements: { name: string; target: string }[];
  technicalFieldCodes: string[];
}

/** How a challenge relates to its group's demand. */
export type VariantKind =
  /** The demand as first written. */
  | 'ORIGINAL'
  /** The same demand, written again in other words by another enterprise (same language). */
  | 'REWORDED'
  /** The same demand in the other language. */
  | 'TRANSLATED'
  /** One part of the demand: the whole demand split in two, posted by two enterprises. */
  | 'SPLIT';

/** Why a challenge looks like a group's demand but is not it. */
export type NearMissKind =
  'SAME_FIELD_OTHER_TECHNOLOGY' | 'SAME_TECHNOLOGY_OTHER_APPLICATION' | 'GENERIC_WORDS';

/** One demand and the challenges that express it, plus the near misses written against it. */
export interface DemandGroup {
  name: string;
  variants: { kind: VariantKind; challenge: DuplicateChallenge }[];
  nearMisses: { kind: NearMissKind; challenge: DuplicateChallenge }[];
}

/** A labelled pair (keys in either order). */
export interface LabelledPair {
  a: string;
  b: string;
  /** DUPLICATE pairs must be found; NEAR_MISS and OTHER_DEMAND pairs must not. */
  label: 'DUPLICATE' | 'NEAR_MISS' | 'OTHER_DEMAND';
  kind: string;
}
