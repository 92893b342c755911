/**
 * Types of the labelled matchmaking evaluation set. The set is written by hand, independently of the
 * recommender, so that its precision and recall can be measured on realistic demands and SME profiles;
 * a held-out set written the same way is used to check the figures are not the result of tuning.
 */

/** The language(s) a text is written in: Chinese only, English only, or both. */
export type Lang = 'ZH' | 'EN' | 'BOTH';

/** SME quality tier, in ascending order (创新型 → 专精特新 → 专精特新"小巨人"). */
export type Qualification = 'NONE' | 'INNOVATIVE' | 'SPECIALIZED' | 'LITTLE_GIANT';

/** A published demand (榜单), as an issuer would write it. */
export interface EvalChallenge {
  /** Stable key, e.g. 'c01-sodium-storage'. */
  key: string;
  lang: Lang;
  /** At least one title; 'BOTH' has both. */
  titleZh?: string;
  titleEn?: string;
  /** The public summary, 1-4 sentences. */
  summaryZh?: string;
  summaryEn?: string;
  /** Technical indicators (名称 + 目标值 + 单位), 1-5, in the challenge's language(s). */
  requirements: { name: string; target: string; unit?: string }[];
  /** GB/T 4754 section letter of the issuer's application (C manufacturing, D energy, …). */
  industryCode: string;
  /** 1-3 codes of the technical-field taxonomy. */
  technicalFieldCodes: string[];
  minQualification: Qualification;
  /** [] = anywhere; else province codes like '320000'. */
  allowedRegionCodes: string[];
  /** Technical approaches the issuer rules out, bilingual facet, 0-3. */
  excludedApproaches?: { zh?: string; en?: string }[];
}

/** A verified SME's capability profile, as the company would write it. */
export interface EvalSme {
  /** Stable key, e.g. 's001-...'. */
  key: string;
  lang: Lang;
  nameZh?: string;
  nameEn?: string;
  /** Province code (GB/T 2260). */
  regionCode: string;
  qualification: Qualification;
  /** 1-4 sentences in its language(s). */
  capabilityStatement: string;
  /** 0-12. */
  keywords: string[];
  /** 0-4. */
  products: { name: string; description: string }[];
  /** 0-4. */
  pastProjects: { title: string; year: number; clientIndustryCode: string; outcome: string }[];
  /** 0-3. */
  technicalRoutes: { zh?: string; en?: string }[];
  /** 0-3. */
  technicalFieldCodes: string[];
}

/**
 * How a fit can be found when it is reachable through one kind of text match only: a two-character
 * Chinese term inside unspaced text, an English inflection, or a translation between the two languages.
 */
export type LinkKind = 'ZH_TWO_CHAR' | 'EN_INFLECTION' | 'CROSS_LANGUAGE';

/** A true, eligible fit: grade 2 excellent, 1 good. */
export interface EvalLabel {
  challenge: string;
  sme: string;
  grade: 1 | 2;
  /** Set when the fit is reachable only through this kind of link. */
  link?: LinkKind;
}

/** Why an SME looks like a fit for a challenge but must not be recommended (or should rank low). */
export type TrapKind =
  /** Truly fits, but the challenge's rules exclude it. */
  | 'INELIGIBLE_QUALIFICATION'
  | 'INELIGIBLE_REGION'
  /** Shares only a generic word (系统, 材料, 检测, system, material, …). */
  | 'NEAR_MISS_GENERIC'
  /** Same broad field (e.g. new energy) but not the specific technology. */
  | 'NEAR_MISS_FIELD'
  /** Sells the very thing the challenge wants to replace, eliminate or avoid. */
  | 'NEAR_MISS_REPLACE'
  /** The same technology for another application. */
  | 'NEAR_MISS_APPLICATION'
  /** The same field with another technical route (one the issuer excludes or does not want). */
  | 'NEAR_MISS_ROUTE';

export interface EvalTrap {
  challenge: string;
  sme: string;
  kind: TrapKind;
  /** Optional note on why it is a trap (for reviewers of the set). */
  note?: string;
}

export interface EvalSet {
  challenges: EvalChallenge[];
  smes: EvalSme[];
  labels: EvalLabel[];
  traps: EvalTrap[];
}

/** Qualification tiers in ascending order, for eligibility checks. */
export const QUALIFICATION_ORDER: readonly Qualification[] = [
  'NONE',
  'INNOVATIVE',
  'SPECIALIZED',
  'LITTLE_GIANT',
];
