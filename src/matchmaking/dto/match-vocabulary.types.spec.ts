import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Vocabulary } from '../analysis/vocabulary.js';
import { likeLiteral } from '../match-vocabulary.queries.js';
import { AddMatchVocabularyPairInput } from './match-vocabulary.types.js';

/** The input as the validation pipe makes it: transformed, then checked; the properties refused. */
function refused(zh: unknown, en: unknown): { input: AddMatchVocabularyPairInput; bad: string[] } {
  const input = plainToInstance(AddMatchVocabularyPairInput, { zh, en });
  return { input, bad: validateSync(input).map((e) => e.property) };
}

describe('admin vocabulary pairs: what is accepted is what matching uses', () => {
  it('normalises both terms: NFKC, trimmed, English lower case with single spaces', () => {
    const { input, bad } = refused('\u3000热失控 ', ' ＴＨＥＲＭＡＬ \t Runaway ');
    expect(bad).toEqual([]);
    expect({ zh: input.zh, en: input.en }).toEqual({ zh: '热失控', en: 'thermal runaway' });
  });

  it.each([
    ['热', 'one character'],
    ['热失控蔓延抑制方案', 'nine characters'],
    ['热失控x', 'a Latin letter'],
    ['热 失控', 'a space'],
    ['热失控。', 'punctuation'],
    ['', 'nothing'],
  ])('refuses the Chinese term %j (%s)', (zh) => {
    expect(refused(zh, 'thermal runaway').bad).toEqual(['zh']);
  });

  it.each([
    ['thermal runaway propagation in cells', 'five words'],
    ['state-of-the-art-x', 'five words joined by hyphens'],
    ['the of', 'grammar words only'],
    ['a', 'one letter (never a term)'],
    ['thermal runaway!', 'punctuation'],
    ['thermal--runaway', 'two hyphens'],
    ['', 'nothing'],
    ['x'.repeat(81), 'over 80 characters'],
  ])('refuses the English term %j (%s)', (en) => {
    expect(refused('热失控', en).bad).toEqual(['en']);
  });

  it('accepts 2 and 8 Chinese characters, 1 and 4 words, hyphens and digits', () => {
    for (const [zh, en] of [
      ['热控', 'thermal'],
      ['热失控蔓延抑制方', 'thermal runaway'],
      ['锂离子电池', 'lithium-ion battery'],
      ['碳化硅', 'sic 4h wafer substrate'],
    ] as const) {
      const { input, bad } = refused(zh, en);
      expect(bad).toEqual([]);
      // An accepted pair is one the vocabulary keeps (it drops what it could never look up).
      expect(new Vocabulary([{ zh: input.zh, en: input.en }]).hasChinese(input.zh)).toBe(true);
    }
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(likeLiteral('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
