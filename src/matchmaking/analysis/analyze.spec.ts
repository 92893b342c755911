import { describe, expect, it } from '@jest/globals';
import { analyzeDocument, cueObjects, locationBit, locationsOf, textTerms } from './analyze.js';
import { Vocabulary } from './vocabulary.js';

const vocabulary = new Vocabulary([
  { zh: '储能', en: 'energy storage' },
  { zh: '电池', en: 'battery' },
  { zh: '乙烯', en: 'ethylene' },
]);
const terms = (text: string) => textTerms(text, vocabulary).map((t) => t.term);

describe('textTerms', () => {
  it('finds a two-character vocabulary term inside unspaced Chinese text', () => {
    expect(terms('新型储能电站热失控预警')).toContain('z:储能');
    expect(terms('年产十万吨乙烯裂解炉')).toContain('z:乙烯');
  });

  it('stems English so that any inflection matches (battery / batteries, coated / coatings)', () => {
    expect(terms('batteries')).toEqual(expect.arrayContaining(['e:batteri']));
    expect(terms('battery')).toEqual(expect.arrayContaining(['e:batteri']));
    expect(terms('coated cans')).toContain('e:coat');
    expect(terms('coatings')).toContain('e:coat');
  });

  it('translates Chinese terms into English (not the reverse), marked as translations', () => {
    const zh = textTerms('储能电池', vocabulary);
    expect(zh.find((t) => t.term === 'p:energi storag')).toMatchObject({
      translated: true,
      surface: '储能',
    });
    expect(zh.find((t) => t.term === 'e:batteri')).toMatchObject({ translated: true });
    expect(terms('battery energy storage')).not.toContain('z:电池');
    expect(terms('battery energy storage')).toContain('p:energi storag');
  });

  it('leaves grammar words out', () => {
    expect(terms('the use of a battery')).toEqual(['e:us', 'e:batteri']);
  });
});

describe('cueObjects', () => {
  it('reads what a demand wants to replace, eliminate or avoid, in both languages', () => {
    expect(cueObjects('替代现有的烟感探测器。').avoid).toEqual(['现有的烟感探测器']);
    expect(cueObjects('减少对进口氟橡胶的依赖').avoid).toEqual(['进口氟橡胶']);
    expect(cueObjects('胶体金方案灵敏度不足，不予考虑。').avoid).toEqual(['胶体金方案灵敏度不足']);
    expect(cueObjects('A coating that can replace PET film wrapping.').avoid).toEqual([
      'PET film wrapping',
    ]);
    expect(cueObjects('Membrane routes are not acceptable.').avoid).toEqual(['Membrane routes']);
  });

  it('reads the application a demand names', () => {
    expect(cueObjects('用于电网侧储能电站').application).toEqual(['电网侧储能电站']);
    expect(cueObjects('Coated insulation for prismatic cell cans').application).toEqual([
      'prismatic cell cans',
    ]);
    expect(cueObjects('3 kV DC for 60 s').application).toEqual([]);
  });
});

describe('analyzeDocument', () => {
  it('sets apart terms found only in what the demand wants to replace, and sums weights by location', () => {
    const a = analyzeDocument(
      [
        { location: 'TITLE', text: '储能电站火灾预警', weight: 3 },
        { location: 'SUMMARY', text: '储能电站需要预警，替代现有烟感探测器。', weight: 1 },
      ],
      vocabulary,
      { cues: true },
    );
    const storage = a.terms.find((t) => t.term === 'z:储能')!;
    expect(storage.weight).toBe(4);
    expect(locationsOf(storage.locations)).toEqual(['TITLE', 'SUMMARY']);
    expect(a.avoid.map((t) => t.term)).toContain('z:烟感');
    expect(a.terms.map((t) => t.term)).not.toContain('z:烟感');
    expect(a.length).toBeCloseTo(
      a.terms.reduce((s, t) => s + t.weight, 0),
      6,
    );
  });

  it('maps locations to bits and back', () => {
    expect(locationsOf(locationBit('KEYWORD') | locationBit('TITLE'))).toEqual([
      'TITLE',
      'KEYWORD',
    ]);
  });
});
