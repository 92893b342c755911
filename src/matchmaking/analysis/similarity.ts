import type { TermLanguage } from './analyze.js';
import { type Quantity, quantityOverlap, type SharedQuantity } from './quantities.js';
import { DEFAULT_MATCH_WEIGHTS, fieldCloseness, idf, type MatchWeights } from './score.js';

/**
 * How alike two challenges are (pure): the duplicate-demand check a platform admin reads before publishing.
 * It reads the same index as recommendations (each challenge's terms from analyze.ts, with the translations
 * of its Chinese terms), the same BM25 term weights (IDF over the challenges, saturation k1 and length
 * normalisation b) and the same taxonomy closeness, but compares a demand with a demand instead of a demand
 * with an offer, so it is symmetric: similarity(a, b) = similarity(b, a).
 *
 * - TEXT: the cosine of the two BM25-weighted term vectors, in each language the two can be read in (Chinese;
 *   English, where a Chinese demand's terms bring their translations), the better of the two: a Chinese demand
 *   and its English translation meet in English, two rewordings in Chinese in Chinese. A demand split in two
 *   keeps most of the weight of its half: the cosine of a whole and an exact half is about 0.7.
 * - OVERLAP: a demand split in two covers part of the whole, which the cosine punishes for the other part; so the
 *   score also reads how much of each challenge's weight (the same BM25 vector, summed) the other one has: the
 *   containment ratios cA and cB, and TEXT = 0.5·cosine + 0.3·max(cA, cB) + 0.2·min(cA, cB). It stays in [0,1]
 *   and symmetric; the larger ratio lifts a half against its whole, the smaller keeps a short generic demand
 *   whose few words a long one happens to contain from counting as a duplicate of it.
 * - FIELDS: the closeness of the nearest pair of their technical fields (same 1, siblings 0.6, parent 0.4,
 *   same top 0.25), which raises TEXT by at most the `technicalFields` weight, as in recommendations:
 *   BASE = TEXT × (1 + weight·FIELDS) / (1 + weight). Fields alone never make two demands similar.
 * - QUANTITIES: the figures with units both state (quantities.ts: "≥10 min" and "不少于10分钟" are one quantity),
 *   language-independent where the vocabulary does not link the trade's words: the mean of the two shares of
 *   quantity weight the other one states, 0 when either states none. similarity = BASE + QUANTITY_BOOST ×
 *   QUANTITIES × (1 − BASE): in [0,1], symmetric, never lower than BASE, and at most QUANTITY_BOOST from
 *   quantities alone (under the default threshold: figures alone never make two demands similar).
 */

export interface SimilarityTerm {
  term: string;
  /** The term's weight in the challenge (sum over the places it occurs in: title 3, indicator 2, summary 1). */
  weight: number;
  surface: string;
  /** True when it is only a translation of one of the challenge's Chinese terms. */
  translated: boolean;
}

export interface SimilarityDocument {
  terms: readonly SimilarityTerm[];
  fieldCodes: readonly string[];
  /** The quantities its title, summary and requirement targets state (quantities.ts); none when absent. */
  quantities?: readonly Quantity[];
}

/** Statistics of the challenges' side of the index: N, the average length, document frequencies. */
export interface ChallengeSideStats {
  documents: number;
  averageLength: number;
  df: ReadonlyMap<string, number>;
}

/** A term both challenges have, with how each writes it. */
export interface SharedTerm {
  term: string;
  language: TermLanguage;
  /** As the first challenge writes it (a translation: the Chinese word it translates). */
  surface: string;
  /** As the second challenge writes it. */
  otherSurface: string;
  /** True when one side (or both) has it only as a translation. */
  viaTranslation: boolean;
  /** Its share of the cosine of its language (the parts sum to the cosine of the better language). */
  contribution: number;
}

export interface ChallengeSimilarity {
  similarity: number;
  /** TEXT: the blend of the cosine and the two containment ratios (the weights in TEXT_BLEND). */
  text: number;
  /** The cosine of the two term vectors in the language TEXT was read in. */
  cosine: number;
  /** The larger and the smaller share of one challenge's term weight that the other one has. */
  containment: { max: number; min: number };
  /** The language TEXT was read in (null when nothing is shared). */
  language: TermLanguage | null;
  fields: number;
  /** The shared terms of the better language, most telling first; then the other language's. */
  sharedTerms: SharedTerm[];
  /** Technical fields both have (the same code). */
  sharedFieldCodes: string[];
  /** QUANTITIES: how far the two state the same quantities (quantities.ts), 0 when either states none. */
  quantities: number;
  /** The quantities both state, most telling first. */
  sharedQuantities: SharedQuantity[];
}

export const languageOfTerm = (term: string): TermLanguage => (term.startsWith('z:') ? 'ZH' : 'EN');

/**
 * The BM25 term vector of one document in one language: term → IDF × saturated weight. A Chinese word stands
 * for one concept in English however many translations the vocabulary gives it (预警: warning, early warning),
 * so its translations count once: the one the other document also has (the best, if several), else its best.
 * Without this a Chinese demand's English reading is diluted by glosses no English text uses at once.
 */
function vectorOf(
  doc: SimilarityDocument,
  other: ReadonlySet<string>,
  language: TermLanguage,
  stats: ChallengeSideStats,
  w: Pick<MatchWeights, 'k1' | 'b'>,
): Map<string, number> {
  const length = doc.terms.reduce((s, t) => s + t.weight, 0);
  const norm = 1 - w.b + w.b * (length / Math.max(stats.averageLength, 1e-6));
  const out = new Map<string, number>();
  const translations = new Map<string, { term: string; value: number; shared: boolean }>();
  for (const t of doc.terms) {
    if (languageOfTerm(t.term) !== language) continue;
    const saturated = (t.weight * (w.k1 + 1)) / (t.weight + w.k1 * norm);
    const value = saturated * idf(stats.df.get(t.term) ?? 0, Math.max(stats.documents, 1));
    if (value <= 0) continue;
    if (!t.translated) {
      out.set(t.term, value);
      continue;
    }
    const shared = other.has(t.term);
    const best = translations.get(t.surface);
    if (
      !best ||
      (shared && !best.shared) ||
      (shared === best.shared &&
        (value > best.value || (value === best.value && t.term < best.term)))
    )
      translations.set(t.surface, { term: t.term, value, shared });
  }
  for (const { term, value } of translations.values()) if (!out.has(term)) out.set(term, value);
  return out;
}

const lengthOf = (v: Map<string, number>) =>
  Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** How TEXT blends the cosine and the containment ratios (the weights sum to 1, so TEXT stays in [0,1]). */
export const TEXT_BLEND = { cosine: 0.5, maxContainment: 0.3, minContainment: 0.2 } as const;

/**
 * How much of the gap between the text-and-fields score and 1 shared quantities can close: with QUANTITIES = 1
 * (every quantity of both stated by the other) a score s becomes s + 0.3·(1 − s).
 */
export const QUANTITY_BOOST = 0.3;

const sum = (v: Map<string, number>) => [...v.values()].reduce((s, x) => s + x, 0);

export function challengeSimilarity(
  a: SimilarityDocument,
  b: SimilarityDocument,
  stats: ChallengeSideStats,
  w: Pick<MatchWeights, 'k1' | 'b' | 'technicalFields'> = DEFAULT_MATCH_WEIGHTS,
): ChallengeSimilarity {
  const termsA = new Map(a.terms.map((t) => [t.term, t]));
  const termsB = new Map(b.terms.map((t) => [t.term, t]));
  const readings = (['ZH', 'EN'] as const).map((language) => {
    const va = vectorOf(a, new Set(termsB.keys()), language, stats, w);
    const vb = vectorOf(b, new Set(termsA.keys()), language, stats, w);
    const denominator = lengthOf(va) * lengthOf(vb);
    const shared: SharedTerm[] = [];
    let dot = 0;
    let sharedA = 0;
    let sharedB = 0;
    for (const [term, x] of va) {
      const y = vb.get(term);
      if (y === undefined || denominator === 0) continue;
      dot += x * y;
      sharedA += x;
      sharedB += y;
      const ta = termsA.get(term)!;
      const tb = termsB.get(term)!;
      shared.push({
        term,
        language,
        surface: ta.surface,
        otherSurface: tb.surface,
        viaTranslation: ta.translated || tb.translated,
        contribution: (x * y) / denominator,
      });
    }
    shared.sort((p, q) => q.contribution - p.contribution || p.term.localeCompare(q.term));
    const cosine = denominator > 0 ? clamp(dot / denominator) : 0;
    const ca = denominator > 0 ? clamp(sharedA / sum(va)) : 0;
    const cb = denominator > 0 ? clamp(sharedB / sum(vb)) : 0;
    const containment = { max: Math.max(ca, cb), min: Math.min(ca, cb) };
    const text = clamp(
      TEXT_BLEND.cosine * cosine +
        TEXT_BLEND.maxContainment * containment.max +
        TEXT_BLEND.minContainment * containment.min,
    );
    return { language, cosine, containment, text, shared };
  });
  const [zh, en] = readings;
  // Ties go to Chinese, whichever side is first: the result must not depend on the order of the pair.
  const best = en.text > zh.text ? en : zh;
  const other = best === zh ? en : zh;
  let fields = 0;
  const sharedFieldCodes: string[] = [];
  for (const x of a.fieldCodes)
    for (const y of b.fieldCodes) {
      fields = Math.max(fields, fieldCloseness(x, y));
      if (x === y) sharedFieldCodes.push(x);
    }
  const text = best.text;
  const base = clamp((text * (1 + w.technicalFields * fields)) / (1 + w.technicalFields));
  const q = quantityOverlap(a.quantities ?? [], b.quantities ?? []);
  return {
    similarity: clamp(base + QUANTITY_BOOST * q.score * (1 - base)),
    text,
    cosine: best.cosine,
    containment: best.containment,
    language: text > 0 ? best.language : null,
    fields,
    sharedTerms: [...best.shared, ...other.shared],
    sharedFieldCodes: [...new Set(sharedFieldCodes)].sort(),
    quantities: q.score,
    sharedQuantities: q.shared,
  };
}
