import { describe, expect, it } from '@jest/globals';
import { quantitiesOf } from './quantities.js';
import { DEFAULT_MATCH_WEIGHTS } from './score.js';
import {
  type ChallengeSideStats,
  challengeSimilarity,
  QUANTITY_BOOST,
  type SimilarityDocument,
  type SimilarityTerm,
  TEXT_BLEND,
} from './similarity.js';

const t = (term: string, weight = 1, translated = false, surface?: string): SimilarityTerm => ({
  term,
  weight,
  surface: surface ?? term.slice(2),
  translated,
});

const doc = (terms: SimilarityTerm[], fieldCodes: string[] = []): SimilarityDocument => ({
  terms,
  fieldCodes,
});

const stats: ChallengeSideStats = {
  documents: 1000,
  averageLength: 6,
  df: new Map([
    ['z:储能', 40],
    ['z:电池', 120],
    ['z:热失控', 5],
    ['z:预警', 30],
    ['z:系统', 600],
    ['e:batteri', 120],
    ['e:warn', 30],
    ['p:energi storag', 40],
    ['p:thermal runaway', 5],
  ]),
};

const storageZh = doc(
  [
    t('z:储能', 3),
    t('z:热失控', 3),
    t('z:预警', 2),
    t('z:电池', 1),
    t('p:energi storag', 1.5, true, '储能'),
  ],
  ['NEW_ENERGY.STORAGE'],
);
const storageEn = doc(
  [t('p:energi storag', 3), t('p:thermal runaway', 3), t('e:warn', 2), t('e:batteri', 1)],
  ['NEW_ENERGY.STORAGE'],
);

describe('challengeSimilarity', () => {
  it.each([
    ['a Chinese and an English demand', storageZh, storageEn],
    ['a demand and a partial one', storageZh, doc([t('z:热失控', 3), t('z:预警', 2)])],
    ['two unrelated demands', storageZh, doc([t('z:系统', 3)], ['SMART_HOME.IOT'])],
  ])('is symmetric: %s', (_, a, b) => {
    const ab = challengeSimilarity(a, b, stats);
    const ba = challengeSimilarity(b, a, stats);
    expect(ab.similarity).toBeCloseTo(ba.similarity, 12);
    expect(ab.language).toBe(ba.language);
    expect(ab.sharedTerms.map((s) => s.term).sort()).toEqual(
      ba.sharedTerms.map((s) => s.term).sort(),
    );
  });

  it('is 1 for the same demand in the same field, 0 with nothing in common', () => {
    expect(challengeSimilarity(storageZh, storageZh, stats).similarity).toBeCloseTo(1, 9);
    const none = challengeSimilarity(
      storageZh,
      doc([t('z:洗衣机', 3)], ['NEW_ENERGY.STORAGE']),
      stats,
    );
    expect(none).toMatchObject({ similarity: 0, text: 0, language: null, fields: 1 });
  });

  it('never makes two demands similar by their fields alone', () => {
    const same = challengeSimilarity(
      doc([t('z:乙烯', 3)], ['NEW_ENERGY.STORAGE']),
      doc([t('z:洗衣机', 3)], ['NEW_ENERGY.STORAGE']),
      stats,
    );
    expect(same.similarity).toBe(0);
    expect(same.sharedFieldCodes).toEqual(['NEW_ENERGY.STORAGE']);
  });

  it('meets a translation in English and names both ways of writing the shared terms', () => {
    const r = challengeSimilarity(storageZh, storageEn, stats);
    expect(r.language).toBe('EN');
    expect(r.text).toBeGreaterThan(0);
    expect(r.sharedTerms[0]).toMatchObject({
      term: 'p:energi storag',
      surface: '储能',
      otherSurface: 'energi storag',
      viaTranslation: true,
    });
  });

  it('keeps most of a demand that was split in two', () => {
    const half = doc([t('z:储能', 3), t('z:热失控', 3)]);
    const r = challengeSimilarity(storageZh, half, stats);
    expect(r.text).toBeGreaterThan(0.6);
    expect(r.text).toBeLessThan(1);
  });

  it('reads how much of the smaller demand the larger one contains, in [0,1] and either way round', () => {
    const half = doc([t('z:储能', 3), t('z:热失控', 3)]);
    const ab = challengeSimilarity(storageZh, half, stats);
    const ba = challengeSimilarity(half, storageZh, stats);
    // The half is wholly inside the whole: its containment is 1, the whole's is its share of the weight.
    expect(ab.containment.max).toBeCloseTo(1, 12);
    expect(ab.containment.min).toBeGreaterThan(0);
    expect(ab.containment.min).toBeLessThan(1);
    expect(ab.containment).toEqual(ba.containment);
    // A small part of a demand: the cosine punishes the rest of the whole, the containment does not.
    const part = challengeSimilarity(storageZh, doc([t('z:预警', 2)]), stats);
    expect(part.containment.max).toBeCloseTo(1, 12);
    expect(part.text).toBeGreaterThan(part.cosine);
    expect(ab.text).toBeCloseTo(
      TEXT_BLEND.cosine * ab.cosine +
        TEXT_BLEND.maxContainment * ab.containment.max +
        TEXT_BLEND.minContainment * ab.containment.min,
      12,
    );
    expect(ab.text).toBeLessThanOrEqual(1);
    // Nothing shared, nothing contained.
    const none = challengeSimilarity(storageZh, doc([t('z:系统', 3)]), stats);
    expect(none.containment).toEqual({ max: 0, min: 0 });
  });

  it('weighs a specific shared term above a generic one', () => {
    const specific = challengeSimilarity(
      doc([t('z:热失控', 3), t('z:系统', 3)]),
      doc([t('z:热失控', 3), t('z:电池', 3)]),
      stats,
    );
    const generic = challengeSimilarity(
      doc([t('z:热失控', 3), t('z:系统', 3)]),
      doc([t('z:系统', 3), t('z:电池', 3)]),
      stats,
    );
    expect(specific.similarity).toBeGreaterThan(generic.similarity);
  });

  it('raises TEXT by at most the technicalFields weight', () => {
    const a = doc([t('z:热失控', 3), t('z:预警', 2)], ['NEW_ENERGY.STORAGE']);
    const b = doc([t('z:热失控', 3), t('z:电池', 2)], ['NEW_ENERGY.STORAGE']);
    const r = challengeSimilarity(a, b, stats);
    expect(r.fields).toBe(1);
    expect(r.similarity).toBeCloseTo(r.text, 12);
    const apart = challengeSimilarity(a, { ...b, fieldCodes: [] }, stats);
    expect(apart.similarity).toBeCloseTo(r.text / (1 + DEFAULT_MATCH_WEIGHTS.technicalFields), 12);
  });

  describe('shared quantities', () => {
    const zh = { ...storageZh, quantities: quantitiesOf('不少于10分钟，误报率≤1%') };
    const en = { ...storageEn, quantities: quantitiesOf('≥ 10 min, false alarms ≤ 1 %') };
    const other = { ...storageEn, quantities: quantitiesOf('≥ 5 min, ≤ 10 s') };

    it('raise the similarity by at most QUANTITY_BOOST of its gap to 1, both ways, and list them', () => {
      const base = challengeSimilarity(storageZh, storageEn, stats);
      const ab = challengeSimilarity(zh, en, stats);
      const ba = challengeSimilarity(en, zh, stats);
      expect(ab.quantities).toBe(1);
      expect(ab.similarity).toBeCloseTo(
        base.similarity + QUANTITY_BOOST * (1 - base.similarity),
        12,
      );
      expect(ab.similarity).toBeCloseTo(ba.similarity, 12);
      expect(ab.similarity).toBeLessThanOrEqual(1);
      expect(ab.sharedQuantities.map((q) => [q.surface, q.otherSurface])).toEqual([
        ['10分钟', '10 min'],
        ['1%', '1 %'],
      ]);
      expect(ab.text).toBe(base.text);
    });

    it('change nothing when none is shared or one side states none', () => {
      const base = challengeSimilarity(storageZh, storageEn, stats).similarity;
      expect(challengeSimilarity(zh, other, stats).similarity).toBe(base);
      expect(challengeSimilarity(zh, storageEn, stats).similarity).toBe(base);
    });

    it('alone reach at most QUANTITY_BOOST', () => {
      const r = challengeSimilarity(
        doc([t('z:乙烯', 3)], []),
        { ...doc([t('z:洗衣机', 3)], []), quantities: quantitiesOf('≥ 10 min') },
        stats,
      );
      expect(r.similarity).toBe(0);
      const both = challengeSimilarity(
        { ...doc([t('z:乙烯', 3)], []), quantities: quantitiesOf('≥ 10 min') },
        { ...doc([t('z:洗衣机', 3)], []), quantities: quantitiesOf('≥ 10 min') },
        stats,
      );
      expect(both.similarity).toBeCloseTo(QUANTITY_BOOST, 12);
    });
  });
});
