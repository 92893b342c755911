import { describe, expect, it } from '@jest/globals';
import { challengesOf, figuresAt, labelledPairs, pairKey } from './labels.js';

describe('the duplicate-demand set', () => {
  const challenges = challengesOf();
  const { pairs, neutral } = labelledPairs();

  it('is as large as it says: ≥ 60 challenges, ≥ 40 duplicates, ≥ 80 near misses and other demands', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(60);
    expect(pairs.filter((p) => p.label === 'DUPLICATE').length).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((p) => p.label !== 'DUPLICATE').length).toBeGreaterThanOrEqual(80);
  });

  it('has unique keys, known pair members, no pair labelled twice, and a title on every challenge', () => {
    const keys = new Set(challenges.map((c) => c.key));
    expect(keys.size).toBe(challenges.length);
    for (const c of challenges) expect(c.titleZh ?? c.titleEn).toBeTruthy();
    const seen = new Set<string>();
    for (const p of pairs) {
      expect(keys.has(p.a) && keys.has(p.b)).toBe(true);
      const key = pairKey(p.a, p.b);
      expect(seen.has(key) || neutral.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('holds every kind of duplicate and of near miss', () => {
    const kinds = new Set(pairs.map((p) => p.kind));
    for (const kind of [
      'REWORDED',
      'TRANSLATED',
      'SPLIT',
      'SAME_FIELD_OTHER_TECHNOLOGY',
      'SAME_TECHNOLOGY_OTHER_APPLICATION',
      'GENERIC_WORDS',
    ])
      expect(kinds).toContain(kind);
  });
});

describe('figuresAt', () => {
  const pairs = [
    { a: 'a', b: 'b', label: 'DUPLICATE' as const, kind: 'REWORDED' },
    { a: 'a', b: 'c', label: 'DUPLICATE' as const, kind: 'TRANSLATED' },
    { a: 'a', b: 'n', label: 'NEAR_MISS' as const, kind: 'GENERIC_WORDS' },
  ];
  const similarity = new Map([
    [pairKey('a', 'b'), 0.8],
    [pairKey('a', 'c'), 0.3],
    [pairKey('a', 'n'), 0.5],
    [pairKey('x', 'y'), 0.6],
    [pairKey('s1', 's2'), 0.9],
  ]);
  const neutral = new Set([pairKey('s1', 's2')]);

  it.each([
    [0.7, { listed: 1, truePositives: 1, precision: 1, recall: 0.5, nearMissesListed: 0 }],
    [0.45, { listed: 3, truePositives: 1, precision: 1 / 3, recall: 0.5, nearMissesListed: 1 }],
    [0.2, { listed: 4, truePositives: 2, precision: 0.5, recall: 1, nearMissesListed: 1 }],
    [0.95, { listed: 0, truePositives: 0, precision: 1, recall: 0, nearMissesListed: 0 }],
  ])('at %s counts unlabelled pairs as false positives and split halves as neither', (t, want) => {
    expect(figuresAt(t, similarity, pairs, neutral)).toEqual({ threshold: t, ...want });
  });
});
