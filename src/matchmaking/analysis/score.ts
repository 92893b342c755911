import type { TermLanguage } from './analyze.js';

/**
 * The score of a challenge–SME pair (pure), in [0, 1]: TEXT, raised by the other components (each up to its
 * weight, relative to the most all of them could add), times the penalties of what the demand rules out:
 * score = TEXT × (1 + Σ weight·component) / (1 + Σ weight) × Π (1 − penalty weight · penalty). The same function ranks both directions and explains one pair, so a person sees
 * the numbers the ranking used.
 *
 * - TEXT: how much of the demand the SME's own text covers: Σ over the challenge's terms the SME has of
 *   weight × IDF × BM25 saturation, over Σ of weight × IDF of all the challenge's terms, in the better of the
 *   demand's two readings (Chinese; English with the translations of its Chinese terms). IDF is over the SMEs
 *   (a word most SMEs use, 系统 or system, weighs little; a specific one, 乙烯 or electrolyser, a lot).
 * - TECHNICAL_FIELDS: taxonomy closeness of the nearest pair of fields: same field 1, siblings 0.6, parent and
 *   child 0.4, same top-level field 0.25.
 * - APPLICATION: the application the demand names (用于…, for use in …), matched apart from the technology:
 *   the IDF-weighted share of its terms the SME has, or 1 when a past project of the SME was for a client of
 *   the challenge's industry (0.5: industries are broad).
 * - QUALIFICATION (专精特新 level that counts), REGION (the challenge names regions and the SME is in one),
 *   TRACK_RECORD (shortlisted, selected and awarded on the platform in the challenge's fields).
 * - Penalties: AVOIDED_OFFER (the SME offers what the demand wants to replace or avoid), EXCLUDED_ROUTE (the
 *   SME's technical route is one the issuer excludes), FEEDBACK (the viewer dismissed similar pairs).
 */
export interface MatchWeights {
  /** How much each component can raise TEXT (a share of it: 0.5 lets a full field match add half). */
  technicalFields: number;
  application: number;
  qualification: number;
  region: number;
  trackRecord: number;
  /** How much of the score the penalties can take away (0..1). */
  avoidedOffer: number;
  excludedRoute: number;
  feedback: number;
  /** BM25 saturation (k1) and length normalisation (b). */
  k1: number;
  b: number;
}

export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  technicalFields: 0.1,
  application: 0.3,
  qualification: 0.05,
  region: 0.05,
  trackRecord: 0.2,
  avoidedOffer: 0.9,
  excludedRoute: 0.9,
  feedback: 0.3,
  k1: 1.2,
  b: 0.75,
});

/** The weights: the documented defaults, with what MATCH_WEIGHTS overrides. */
export function matchWeights(overrides: Record<string, number>): MatchWeights {
  const known = Object.keys(DEFAULT_MATCH_WEIGHTS);
  const unknown = Object.keys(overrides).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new Error(
      `MATCH_WEIGHTS names unknown weights: ${unknown.join(', ')} (known: ${known.join(', ')})`,
    );
  return { ...DEFAULT_MATCH_WEIGHTS, ...overrides };
}

export const MATCH_COMPONENTS = [
  'TEXT',
  'TECHNICAL_FIELDS',
  'APPLICATION',
  'QUALIFICATION',
  'REGION',
  'TRACK_RECORD',
  'AVOIDED_OFFER',
  'EXCLUDED_ROUTE',
  'FEEDBACK',
] as const;
export type MatchComponentKind = (typeof MATCH_COMPONENTS)[number];

export interface ChallengeTermInput {
  term: string;
  weight: number;
  locations: number;
  surface: string;
  language: TermLanguage;
  translated: boolean;
  /** Inverse document frequency over the SMEs. */
  idf: number;
}

export interface SmePosting {
  weight: number;
  locations: number;
  surface: string;
  translated: boolean;
}

export interface LooseTerm {
  term: string;
  surface: string;
  language: TermLanguage;
  idf: number;
}

export interface PairInput {
  challengeTerms: readonly ChallengeTermInput[];
  /** The SME's postings of the terms the challenge names (positive, avoided or excluded). */
  smePostings: ReadonlyMap<string, SmePosting>;
  smeLength: number;
  averageSmeLength: number;
  avoid: readonly LooseTerm[];
  excludedRoutes: readonly LooseTerm[];
  /** The terms of the application the demand names, with their IDF. */
  applicationTerms: readonly LooseTerm[];
  challengeFields: readonly string[];
  smeFields: readonly string[];
  challengeIndustry: string | null;
  smeProjectIndustries: readonly string[];
  /** 0 (none) to 3 (小巨人). */
  qualificationRank: number;
  regionNamed: boolean;
  regionMatched: boolean;
  track: { shortlisted: number; selected: number; awarded: number };
  /** 0..1: how strongly the viewer's dismissals speak against this pair. */
  feedback: number;
}

export interface MatchedTerm {
  term: string;
  challengeSurface: string;
  smeSurface: string;
  language: TermLanguage;
  challengeLocations: number;
  smeLocations: number;
  /** The link exists only through a translation on one side. */
  viaTranslation: boolean;
  /** weight × IDF × saturation: what the term added to TEXT before normalising. */
  contribution: number;
}

export interface PairScore {
  score: number;
  components: { kind: MatchComponentKind; value: number; weight: number }[];
  matched: MatchedTerm[];
  sharedFields: { challenge: string; sme: string; closeness: number }[];
  avoidedOffers: LooseTerm[];
  excludedRoutes: LooseTerm[];
  applicationIndustryMatched: boolean;
}

/** BM25's IDF (never negative). */
export function idf(df: number, documents: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Taxonomy closeness of two field codes (DOT-separated paths). */
export function fieldCloseness(a: string, b: string): number {
  if (a === b) return 1;
  const pa = a.split('.');
  const pb = b.split('.');
  if (pa[0] !== pb[0]) return 0;
  const parent = (p: string[]) => p.slice(0, -1).join('.');
  if (pa.length === pb.length && parent(pa) === parent(pb)) return 0.6;
  if (a.startsWith(`${b}.`) || b.startsWith(`${a}.`)) return 0.4;
  return 0.25;
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

function shareOf(terms: readonly LooseTerm[], has: (t: LooseTerm) => boolean): number {
  const total = terms.reduce((s, t) => s + t.idf, 0);
  if (total <= 0) return 0;
  return terms.filter(has).reduce((s, t) => s + t.idf, 0) / total;
}

export function scorePair(input: PairInput, w: MatchWeights = DEFAULT_MATCH_WEIGHTS): PairScore {
  const norm = 1 - w.b + w.b * (input.smeLength / Math.max(input.averageSmeLength, 1e-6));
  // The demand is read in each language it can be read in (its own words plus the translations of its
  // Chinese terms): TEXT is the better coverage of the two, so an English-only SME is measured against the
  // demand's English reading, not against Chinese words it cannot have.
  const ideal = { ZH: 0, EN: 0 };
  const got = { ZH: 0, EN: 0 };
  const matched: MatchedTerm[] = [];
  for (const t of input.challengeTerms) {
    const value = t.weight * t.idf;
    ideal[t.language] += value;
    const posting = input.smePostings.get(t.term);
    // Both sides only translated: an echo of a match in the other language, already counted there.
    if (!posting || (t.translated && posting.translated)) continue;
    const saturation = (posting.weight * (w.k1 + 1)) / (posting.weight + w.k1 * norm) / (w.k1 + 1);
    const contribution = value * saturation;
    got[t.language] += contribution;
    matched.push({
      term: t.term,
      challengeSurface: t.surface,
      smeSurface: posting.surface,
      language: t.language,
      challengeLocations: t.locations,
      smeLocations: posting.locations,
      viaTranslation: t.translated || posting.translated,
      contribution,
    });
  }
  matched.sort((a, b) => b.contribution - a.contribution || a.term.localeCompare(b.term));
  const coverage = (l: TermLanguage) => (ideal[l] > 0 ? got[l] / ideal[l] : 0);
  // The square root spreads the usual coverages (0.05 to 0.5) over the scale a person reads.
  const text = Math.sqrt(clamp(Math.max(coverage('ZH'), coverage('EN'))));

  const sharedFields: PairScore['sharedFields'] = [];
  let fields = 0;
  for (const c of input.challengeFields)
    for (const s of input.smeFields) {
      const closeness = fieldCloseness(c, s);
      if (closeness > 0) sharedFields.push({ challenge: c, sme: s, closeness });
      fields = Math.max(fields, closeness);
    }
  sharedFields.sort((a, b) => b.closeness - a.closeness);

  const applicationIndustryMatched =
    !!input.challengeIndustry && input.smeProjectIndustries.includes(input.challengeIndustry);
  const appShare = shareOf(input.applicationTerms, (t) => input.smePostings.has(t.term));
  const application = Math.max(appShare, applicationIndustryMatched ? 0.5 : 0);

  const qualification = clamp(input.qualificationRank / 3);
  const region = input.regionNamed && input.regionMatched ? 1 : 0;
  const { shortlisted, selected, awarded } = input.track;
  const trackRecord = clamp((shortlisted + 2 * selected + 3 * awarded) / 6);

  const avoidedOffers = input.avoid.filter((t) => input.smePostings.has(t.term));
  const avoided = shareOf(input.avoid, (t) => input.smePostings.has(t.term));
  const excludedRoutes = input.excludedRoutes.filter((t) => input.smePostings.has(t.term));
  const excluded = shareOf(input.excludedRoutes, (t) => input.smePostings.has(t.term));
  const feedback = clamp(input.feedback);

  // TEXT is the base: the other components raise it (by up to their weight each) but never make a match of
  // their own, so an SME in the right field that does not have the technology stays low.
  const boosts: [MatchComponentKind, number, number][] = [
    ['TECHNICAL_FIELDS', fields, w.technicalFields],
    ['APPLICATION', application, w.application],
    ['QUALIFICATION', qualification, w.qualification],
    ['REGION', region, w.region],
    ['TRACK_RECORD', trackRecord, w.trackRecord],
  ];
  const maxBoost = 1 + boosts.reduce((s, [, , weight]) => s + weight, 0);
  const boost = 1 + boosts.reduce((s, [, v, weight]) => s + v * weight, 0);
  const factor =
    (1 - w.avoidedOffer * avoided) * (1 - w.excludedRoute * excluded) * (1 - w.feedback * feedback);
  const mean = (text * boost) / maxBoost;
  return {
    score: clamp(mean * factor),
    components: [
      { kind: 'TEXT', value: text, weight: 1 },
      ...boosts.map(([kind, value, weight]) => ({ kind, value, weight })),
      { kind: 'AVOIDED_OFFER', value: avoided, weight: w.avoidedOffer },
      { kind: 'EXCLUDED_ROUTE', value: excluded, weight: w.excludedRoute },
      { kind: 'FEEDBACK', value: feedback, weight: w.feedback },
    ],
    matched,
    sharedFields,
    avoidedOffers,
    excludedRoutes,
    applicationIndustryMatched,
  };
}
