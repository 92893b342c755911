import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  loadShippedVocabulary,
  parseVocabulary,
  shippedVocabularyPath,
  type VocabularyPair,
} from './shipped-vocabulary.js';

/** Terms any technical vocabulary must hold; all are CC-CEDICT entries. */
const SPOT_CHECKS: VocabularyPair[] = [
  { zh: '储能', en: 'energy storage' },
  { zh: '电池', en: 'battery' },
  { zh: '氢', en: 'hydrogen' },
  { zh: '乙烯', en: 'ethylene' },
  { zh: '涂层', en: 'coating' },
  { zh: '传感器', en: 'sensor' },
  { zh: '催化剂', en: 'catalyst' },
  { zh: '锂离子电池', en: 'lithium ion battery' },
  { zh: '光伏', en: 'photovoltaic' },
  { zh: '机器人', en: 'robot' },
  { zh: '半导体', en: 'semiconductor' },
  { zh: '聚合物', en: 'polymer' },
];

const CHINESE = /^\p{Script=Han}{1,8}$/u;
const ENGLISH = /^[a-z][a-z0-9'-]*( [a-z0-9][a-z0-9'-]*){0,3}$/;

describe('shipped vocabulary', () => {
  let pairs: VocabularyPair[];
  let text: string;
  beforeAll(async () => {
    pairs = await loadShippedVocabulary();
    text = await readFile(shippedVocabularyPath(), 'utf8');
  });

  it('holds thousands of pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(5000);
    expect(pairs.length).toBeLessThanOrEqual(120000);
  });

  it.each(SPOT_CHECKS)('holds $zh = $en', (pair) => {
    expect(pairs).toContainEqual(pair);
  });

  it('pairs Chinese characters only with short lower-case English terms', () => {
    const malformed = pairs.filter(({ zh, en }) => !CHINESE.test(zh) || !ENGLISH.test(en));
    expect(malformed).toEqual([]);
  });

  it('keeps single characters for the few senses marked technical (the chemical elements)', () => {
    const single = new Set(pairs.filter(({ zh }) => [...zh].length === 1).map(({ zh }) => zh));
    expect(single.size).toBeGreaterThan(50);
    expect(single.size).toBeLessThan(pairs.length / 20);
  });

  it('is sorted and has no duplicate pair', () => {
    const lines = pairs.map(({ zh, en }) => `${zh}\t${en}`);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines).toEqual([...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('says where it comes from and under which licence', () => {
    const header = text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .join('\n');
    expect(header).toContain('CC-CEDICT');
    expect(header).toContain('CC BY-SA 4.0');
    expect(header).toContain('MDBG');
    expect(header).toContain('https://cc-cedict.org/wiki/');
    expect(header).toContain('scripts/build-vocabulary.mjs');
    expect(header).toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('parseVocabulary', () => {
  it('skips comment and blank lines', () => {
    expect(parseVocabulary('# header\n电池\tbattery\n\n# more\n氢\thydrogen\n')).toEqual([
      { zh: '电池', en: 'battery' },
      { zh: '氢', en: 'hydrogen' },
    ]);
  });

  it.each(['电池battery', '电池\t', '\tbattery', '电池\tbattery\textra'])(
    'refuses the malformed line %j',
    (line) => {
      expect(() => parseVocabulary(line)).toThrow(/malformed vocabulary line/);
    },
  );
});
