import { describe, expect, it } from '@jest/globals';
import {
  challengeTruth,
  ineligibleCount,
  ndcgAtK,
  nearMissShareAtK,
  precisionAtK,
  recallAtK,
  smeTruth,
  strictPrecisionAtK,
  summarise,
} from './metrics.js';
import type { EvalSet } from './types.js';

const grades = new Map<string, 1 | 2>([
  ['a', 2],
  ['b', 1],
  ['c', 2],
]);

describe('precision and recall', () => {
  it('count hits in the top k', () => {
    const ranked = ['x', 'a', 'y', 'b', 'z', 'c'];
    // top 5 = x a y b z: 2 hits; capped denominator min(5, 3) = 3
    expect(precisionAtK(ranked, grades, 5)).toBeCloseTo(2 / 3);
    expect(strictPrecisionAtK(ranked, grades, 5)).toBeCloseTo(0.4);
    expect(recallAtK(ranked, grades, 5)).toBeCloseTo(2 / 3);
    expect(recallAtK(ranked, grades, 6)).toBe(1);
    expect(precisionAtK(ranked, grades, 2)).toBe(0.5);
  });

  it('a perfect ranking scores 1 even with fewer fits than k', () => {
    expect(precisionAtK(['c', 'a', 'b', 'x', 'y'], grades, 5)).toBe(1);
  });

  it('a repeated key counts once and takes a place', () => {
    expect(precisionAtK(['a', 'a', 'a', 'x', 'y'], grades, 5)).toBeCloseTo(1 / 3);
  });

  it('null when nothing is relevant; k must be positive', () => {
    expect(precisionAtK(['a'], new Set(), 5)).toBeNull();
    expect(recallAtK(['a'], new Set(), 5)).toBeNull();
    expect(() => recallAtK(['a'], grades, 0)).toThrow(RangeError);
  });
});

describe('nDCG', () => {
  it('uses graded gains and the ideal order of the labels', () => {
    // ranking b, x, a: DCG = 1/log2(2) + 0 + 2/log2(4) = 1 + 1 = 2
    // ideal a/c (2), c/a (2), b (1) over k = 3: 2 + 2/log2(3) + 1/2 = 2 + 1.261860 + 0.5 = 3.761860
    expect(ndcgAtK(['b', 'x', 'a'], grades, 3)).toBeCloseTo(2 / 3.76186, 5);
    expect(ndcgAtK(['a', 'c', 'b'], grades, 3)).toBeCloseTo(1, 10);
    expect(ndcgAtK(['x', 'y'], grades, 3)).toBe(0);
  });

  it('the ideal is cut at k', () => {
    // k = 1: ideal 2; ranking b first gives 1
    expect(ndcgAtK(['b', 'a'], grades, 1)).toBe(0.5);
  });
});

describe('near misses and ineligible results', () => {
  it('share of near misses in the top k, over k', () => {
    const near = new Set(['n1', 'n2', 'n3']);
    expect(nearMissShareAtK(['a', 'n1', 'n2', 'b', 'c', 'n3'], near, 5)).toBe(0.4);
    expect(nearMissShareAtK(['n1'], near, 5)).toBe(0.2);
  });

  it('counts ineligible results in the whole list or the top k', () => {
    const bad = new Set(['i1', 'i2']);
    expect(ineligibleCount(['a', 'i1', 'b', 'i2', 'i1'], bad)).toBe(2);
    expect(ineligibleCount(['a', 'i1', 'b', 'i2'], bad, 3)).toBe(1);
  });
});

describe('truth and summary', () => {
  const set: EvalSet = {
    challenges: [],
    smes: [],
    labels: [
      { challenge: 'c1', sme: 's1', grade: 2 },
      { challenge: 'c1', sme: 's2', grade: 1 },
      { challenge: 'c2', sme: 's1', grade: 1 },
    ],
    traps: [
      { challenge: 'c1', sme: 's3', kind: 'NEAR_MISS_REPLACE' },
      { challenge: 'c1', sme: 's4', kind: 'INELIGIBLE_REGION' },
    ],
  };

  it('collects the truth of a challenge and of an SME', () => {
    const c1 = challengeTruth(set, 'c1');
    expect([...c1.grades]).toEqual([
      ['s1', 2],
      ['s2', 1],
    ]);
    expect([...c1.nearMisses]).toEqual(['s3']);
    expect([...c1.ineligible]).toEqual(['s4']);
    expect([...smeTruth(set, 's1').grades.keys()]).toEqual(['c1', 'c2']);
  });

  it('averages over queries with relevant keys', () => {
    const summary = summarise(
      new Map([
        ['c1', ['s3', 's1', 's4']], // p@5 = 1/2, r@5 = 1/2, near 1/5, 1 ineligible
        ['c2', ['s1']], // p@5 = 1, r@5 = 1
        ['c3', ['s9']], // no labels: left out
      ]),
      (key) => challengeTruth(set, key),
    );
    expect(summary.queries).toBe(2);
    expect(summary.precisionAt5).toBeCloseTo(0.75);
    expect(summary.recallAt5).toBeCloseTo(0.75);
    expect(summary.recallAt20).toBeCloseTo(0.75);
    expect(summary.nearMissShareAt5).toBeCloseTo(0.1);
    expect(summary.ineligibleResults).toBe(1);
    // c1: DCG = 2/log2(3) = 1.26186; ideal = 2 + 1/log2(3) = 2.63093 → 0.47963; c2: 1
    expect(summary.ndcgAt10).toBeCloseTo((1.26186 / 2.63093 + 1) / 2, 4);
  });
});
