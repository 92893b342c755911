/**
 * The labelled pairs of the duplicate-demand set, and precision and recall at a threshold (pure). The set is
 * closed: every pair of its challenges that is not labelled DUPLICATE is a non-duplicate (a false positive
 * when listed), except the two halves of a split demand, which are neither (each covers another part).
 */
import { GENERIC, GROUPS, OTHER_DEMANDS } from './set.js';
import type { DemandGroup, DuplicateChallenge, LabelledPair } from './types.js';

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function challengesOf(groups: readonly DemandGroup[] = GROUPS): DuplicateChallenge[] {
  return [
    ...groups.flatMap((g) => [
      ...g.variants.map((v) => v.challenge),
      ...g.nearMisses.map((n) => n.challenge),
    ]),
    ...GENERIC.map((g) => g.challenge),
  ];
}

export function labelledPairs(groups: readonly DemandGroup[] = GROUPS): {
  pairs: LabelledPair[];
  /** Pairs that count neither way (the halves of one split demand). */
  neutral: Set<string>;
} {
  const pairs: LabelledPair[] = [];
  const neutral = new Set<string>();
  for (const g of groups) {
    for (const [i, x] of g.variants.entries())
      for (const y of g.variants.slice(i + 1)) {
        const a = x.challenge.key;
        const b = y.challenge.key;
        if (x.kind === 'SPLIT' && y.kind === 'SPLIT') neutral.add(pairKey(a, b));
        else {
          const kinds = [x.kind, y.kind].filter((k) => k !== 'ORIGINAL');
          const kind = kinds.includes('SPLIT') ? 'SPLIT' : [...new Set(kinds)].sort().join('+');
          pairs.push({ a, b, label: 'DUPLICATE', kind });
        }
      }
    for (const n of g.nearMisses)
      for (const v of g.variants)
        pairs.push({ a: n.challenge.key, b: v.challenge.key, label: 'NEAR_MISS', kind: n.kind });
  }
  for (const g of GENERIC)
    for (const key of g.against)
      pairs.push({ a: g.challenge.key, b: key, label: 'NEAR_MISS', kind: 'GENERIC_WORDS' });
  for (const [a, b] of OTHER_DEMANDS)
    pairs.push({ a, b, label: 'OTHER_DEMAND', kind: 'SAME_FIELD_OTHER_DEMAND' });
  return { pairs, neutral };
}

export interface ThresholdFigures {
  threshold: number;
  listed: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Labelled near misses (and other demands of the field) listed. */
  nearMissesListed: number;
}

/**
 * Precision and recall at `threshold`, from the similarity of every pair the service listed (pair key →
 * similarity; a pair it never listed has none).
 */
export function figuresAt(
  threshold: number,
  similarity: ReadonlyMap<string, number>,
  pairs: readonly LabelledPair[],
  neutral: ReadonlySet<string>,
): ThresholdFigures {
  const duplicates = new Set(
    pairs.filter((p) => p.label === 'DUPLICATE').map((p) => pairKey(p.a, p.b)),
  );
  const negatives = new Set(
    pairs.filter((p) => p.label !== 'DUPLICATE').map((p) => pairKey(p.a, p.b)),
  );
  let listed = 0;
  let truePositives = 0;
  let nearMissesListed = 0;
  for (const [key, s] of similarity) {
    if (s < threshold || neutral.has(key)) continue;
    listed += 1;
    if (duplicates.has(key)) truePositives += 1;
    if (negatives.has(key)) nearMissesListed += 1;
  }
  return {
    threshold,
    listed,
    truePositives,
    precision: listed ? truePositives / listed : 1,
    recall: duplicates.size ? truePositives / duplicates.size : 1,
    nearMissesListed,
  };
}
