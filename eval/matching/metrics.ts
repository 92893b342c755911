/**
 * Ranking metrics for the matchmaking evaluation set. Pure functions over keys, so the harness can
 * feed them whatever the recommender returned (ranked SME keys for a challenge, or challenge keys for
 * an SME) and the unit tests can check them on hand-computed values.
 */
import type { EvalSet, TrapKind } from './types.js';

/** Graded relevance of the keys that are true fits: 2 excellent, 1 good; absent keys are not relevant. */
export type Grades = ReadonlyMap<string, 1 | 2>;

function topK(ranked: readonly string[], k: number): string[] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  // A key listed twice counts once, at its first rank: a recommender must not gain by repeating itself.
  const seen = new Set<string>();
  const out: string[] = [];
  for (const key of ranked) {
    if (out.length === k) break;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(key);
    } else {
      out.push('\u0000duplicate');
    }
  }
  return out;
}

function hits(
  ranked: readonly string[],
  relevant: ReadonlySet<string> | Grades,
  k: number,
): number {
  return topK(ranked, k).filter((key) => relevant.has(key)).length;
}

/**
 * Precision at k, capped: the hits in the top k divided by min(k, number of relevant keys), so that a
 * perfect ranking scores 1 even when a challenge has fewer than k true fits (the set has 2-6 per
 * challenge). Returns null when nothing is relevant (the query is then left out of averages).
 */
export function precisionAtK(
  ranked: readonly string[],
  relevant: ReadonlySet<string> | Grades,
  k: number,
): number | null {
  if (relevant.size === 0) return null;
  return hits(ranked, relevant, k) / Math.min(k, relevant.size);
}

/** Textbook precision at k: the hits in the top k divided by k (null when nothing is relevant). */
export function strictPrecisionAtK(
  ranked: readonly string[],
  relevant: ReadonlySet<string> | Grades,
  k: number,
): number | null {
  if (relevant.size === 0) return null;
  return hits(ranked, relevant, k) / k;
}

/** Recall at k: the share of the relevant keys found in the top k (null when nothing is relevant). */
export function recallAtK(
  ranked: readonly string[],
  relevant: ReadonlySet<string> | Grades,
  k: number,
): number | null {
  if (relevant.size === 0) return null;
  return hits(ranked, relevant, k) / relevant.size;
}

/**
 * Normalised discounted cumulative gain at k with the graded gains of the labels (2 excellent, 1 good)
 * and gain / log2(rank + 1); the ideal ranking is the labels sorted by grade. Null when nothing is relevant.
 */
export function ndcgAtK(ranked: readonly string[], grades: Grades, k: number): number | null {
  if (grades.size === 0) return null;
  const dcg = topK(ranked, k).reduce(
    (sum, key, i) => sum + (grades.get(key) ?? 0) / Math.log2(i + 2),
    0,
  );
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  return dcg / ideal;
}

/**
 * Share of the top k occupied by near misses (look-alikes that are not fits), divided by k: 0 is best.
 * A short list is not rewarded for being short beyond what it shows, since empty places are no near misses.
 */
export function nearMissShareAtK(
  ranked: readonly string[],
  nearMisses: ReadonlySet<string>,
  k: number,
): number {
  return hits(ranked, nearMisses, k) / k;
}

/** How many of the results (all of them, or the top k) are ineligible: any such result is an error. */
export function ineligibleCount(
  ranked: readonly string[],
  ineligible: ReadonlySet<string>,
  k?: number,
): number {
  return (k === undefined ? [...new Set(ranked)] : topK(ranked, k)).filter((key) =>
    ineligible.has(key),
  ).length;
}

const NEAR_MISS_KINDS: ReadonlySet<TrapKind> = new Set<TrapKind>([
  'NEAR_MISS_GENERIC',
  'NEAR_MISS_FIELD',
  'NEAR_MISS_REPLACE',
  'NEAR_MISS_APPLICATION',
  'NEAR_MISS_ROUTE',
]);

/** Whether a trap kind is a near miss (as opposed to an eligibility trap). */
export function isNearMiss(kind: TrapKind): boolean {
  return NEAR_MISS_KINDS.has(kind);
}

/** What the set says about one query: graded fits, near misses and ineligible fits. */
export interface QueryTruth {
  grades: Map<string, 1 | 2>;
  nearMisses: Set<string>;
  ineligible: Set<string>;
}

/** The truth for a challenge → SMEs query. */
export function challengeTruth(set: EvalSet, challengeKey: string): QueryTruth {
  const truth: QueryTruth = { grades: new Map(), nearMisses: new Set(), ineligible: new Set() };
  for (const l of set.labels) if (l.challenge === challengeKey) truth.grades.set(l.sme, l.grade);
  for (const t of set.traps) {
    if (t.challenge !== challengeKey) continue;
    (isNearMiss(t.kind) ? truth.nearMisses : truth.ineligible).add(t.sme);
  }
  return truth;
}

/** The truth for an SME → challenges query (the challenges it is an eligible fit for, and so on). */
export function smeTruth(set: EvalSet, smeKey: string): QueryTruth {
  const truth: QueryTruth = { grades: new Map(), nearMisses: new Set(), ineligible: new Set() };
  for (const l of set.labels) if (l.sme === smeKey) truth.grades.set(l.challenge, l.grade);
  for (const t of set.traps) {
    if (t.sme !== smeKey) continue;
    (isNearMiss(t.kind) ? truth.nearMisses : truth.ineligible).add(t.challenge);
  }
  return truth;
}

/** Averages over the queries that have at least one relevant key. */
export interface RankingSummary {
  queries: number;
  precisionAt5: number;
  strictPrecisionAt5: number;
  recallAt5: number;
  recallAt20: number;
  ndcgAt10: number;
  nearMissShareAt5: number;
  /** Total count of ineligible keys anywhere in the results (should be 0). */
  ineligibleResults: number;
}

function mean(values: (number | null)[]): number {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : 0;
}

/**
 * Summarises rankings (query key → ranked result keys) against the truth of each query. Queries with
 * no relevant key are left out of the averages but still count ineligible results.
 */
export function summarise(
  rankings: ReadonlyMap<string, readonly string[]>,
  truthOf: (queryKey: string) => QueryTruth,
): RankingSummary {
  const rows: {
    p5: number | null;
    sp5: number | null;
    r5: number | null;
    r20: number | null;
    n10: number | null;
    nm5: number | null;
  }[] = [];
  let ineligibleResults = 0;
  for (const [query, ranked] of rankings) {
    const t = truthOf(query);
    ineligibleResults += ineligibleCount(ranked, t.ineligible);
    if (t.grades.size === 0) continue;
    rows.push({
      p5: precisionAtK(ranked, t.grades, 5),
      sp5: strictPrecisionAtK(ranked, t.grades, 5),
      r5: recallAtK(ranked, t.grades, 5),
      r20: recallAtK(ranked, t.grades, 20),
      n10: ndcgAtK(ranked, t.grades, 10),
      nm5: nearMissShareAtK(ranked, t.nearMisses, 5),
    });
  }
  return {
    queries: rows.length,
    precisionAt5: mean(rows.map((r) => r.p5)),
    strictPrecisionAt5: mean(rows.map((r) => r.sp5)),
    recallAt5: mean(rows.map((r) => r.r5)),
    recallAt20: mean(rows.map((r) => r.r20)),
    ndcgAt10: mean(rows.map((r) => r.n10)),
    nearMissShareAt5: mean(rows.map((r) => r.nm5)),
    ineligibleResults,
  };
}
