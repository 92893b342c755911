import { describe, expect, it } from '@jest/globals';
import {
  currentYearInChina,
  keywordKey,
  normalizeKeywords,
  technicalRouteProblems,
} from './capabilities.js';

describe('SME capability rules', () => {
  it('keeps the first spelling of keywords equal ignoring case and width, trimmed, in order', () => {
    const { keywords, keys, problems } = normalizeKeywords([
      ' 储能 ',
      'AI',
      'ai',
      'Ａｉ',
      'Li-ion',
      'C++',
      'R&D',
      'Node.js',
    ]);
    expect(problems).toEqual([]);
    expect(keywords).toEqual(['储能', 'AI', 'Li-ion', 'C++', 'R&D', 'Node.js']);
    expect(keys).toEqual(['储能', 'ai', 'li-ion', 'c++', 'r&d', 'node.js']);
  });

  it('names each keyword it refuses by its index', () => {
    const { problems } = normalizeKeywords([
      'ok',
      '',
      'x'.repeat(41),
      'a,b',
      '-lead',
      'zero\u200bwidth',
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'keywords.1',
      'keywords.2',
      'keywords.3',
      'keywords.4',
      'keywords.5',
    ]);
  });

  it('counts characters, not UTF-16 units: 40 CJK or astral characters fit', () => {
    expect(normalizeKeywords(['储'.repeat(40)]).problems).toEqual([]);
    expect(normalizeKeywords(['𠀀'.repeat(40)]).problems).toEqual([]);
    expect(normalizeKeywords(['𠀀'.repeat(41)]).problems).toHaveLength(1);
  });

  it('a technical route needs a label', () => {
    expect(
      technicalRouteProblems([
        { zh: '液冷', en: null },
        { zh: null, en: null },
        { zh: null, en: 'Immersion' },
      ]),
    ).toEqual([{ field: 'technicalRoutes.1', message: expect.any(String) }]);
  });

  it('folds full-width letters and case for matching', () => {
    expect(keywordKey('ＢＡＴＴＥＲＹ')).toBe('battery');
  });

  it('takes the year in China', () => {
    expect(currentYearInChina(new Date('2030-12-31T16:30:00Z'))).toBe(2031);
    expect(currentYearInChina(new Date('2030-12-31T15:30:00Z'))).toBe(2030);
  });
});
