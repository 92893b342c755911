import { describe, expect, it } from '@jest/globals';
import {
  chineseLexemes,
  searchDocument,
  searchQuery,
  zhTsvectorLiteral,
} from './challenge-search.js';

describe('Chinese segmentation for search', () => {
  it('emits jieba words and the bigrams of unspaced Chinese text', () => {
    const lexemes = chineseLexemes('面向电网侧储能电站的锂电池热失控早期预警系统');
    expect(lexemes).toEqual(
      expect.arrayContaining(['储能', '电站', '锂电池', '预警', '热失', '失控']),
    );
  });

  it('finds a two-character word the dictionary splits differently, through the bigrams', () => {
    // jieba cuts 氢能重卡 as 氢能|重|卡; the bigram 重卡 is there all the same.
    expect(chineseLexemes('氢能重卡燃料电池系统')).toEqual(
      expect.arrayContaining(['氢能', '重卡', '燃料电池']),
    );
  });

  it('lower-cases ASCII words and drops punctuation', () => {
    const lexemes = chineseLexemes('PEM电解槽，效率≥75%！');
    expect(lexemes).toContain('pem');
    expect(lexemes).not.toContain('，');
    expect(lexemes).not.toContain('！');
  });

  it('never indexes the confidential description (it is not an input)', () => {
    const doc = searchDocument({
      titleZh: '储能',
      summaryZh: '摘要',
      requirementNames: ['循环寿命'],
    });
    expect(doc.zhTitle).toContain('储能');
    expect(doc.zhBody).toEqual(expect.arrayContaining(['摘要', '循环', '寿命']));
  });
});

describe('search queries', () => {
  it.each([
    ['储能', "'储能'", null],
    ['热失控', "'热失' & '失控'", null],
    ['battery', "'battery'", 'battery'],
    ['PEM 电解槽', "'电解' & '解槽' & 'pem'", null],
    ['  ，。! ', null, null],
    ['🔋⚡️ ★ ——', null, null],
    ['ＰＥＭ　电解槽', "'电解' & '解槽' & 'pem'", null],
    ['литий', "'л' & 'и' & 'т' & 'й'", 'литий'],
    ["o'brien", "'o' & 'brien'", 'o brien'],
  ])('%j becomes zh %j and en %j', (text, zh, en) => {
    expect(searchQuery(text)).toEqual({ zh, en });
  });

  it('bounds the number of lexemes of a long query', () => {
    const q = searchQuery(
      '储能'.repeat(200) + ' ' + Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '),
    );
    expect(q.zh!.split('&').length).toBeLessThanOrEqual(32);
  });
});

describe('the zh tsvector literal', () => {
  it('gives title lexemes weight A and body lexemes weight B, with positions, and escapes quotes', () => {
    expect(zhTsvectorLiteral({ zhTitle: ['储能', "o'k"], zhBody: ['储能'] })).toBe(
      "'储能':1A 'o''k':2A '储能':3B",
    );
  });
});
