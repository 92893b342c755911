import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * The Chinese word segmenter (jieba) the product shares: challenge search and matchmaking cut text with the
 * same dictionary. One per global scope, built at first use. Its dictionary is about 40 MB of native memory
 * that the JavaScript heap does not see; a host that evaluates this module many times in one process (a test
 * runner re-evaluates modules per test file) can hand every evaluation the same instance under JIEBA_KEY
 * instead of each building one.
 */
const JIEBA_KEY = Symbol.for('innovation-marketplace.jieba');
type SegmenterHost = { [JIEBA_KEY]?: Pick<Jieba, 'cutForSearch'> };

export function segmenter(): Pick<Jieba, 'cutForSearch'> {
  const host = globalThis as SegmenterHost;
  return (host[JIEBA_KEY] ??= Jieba.withDict(dict));
}

/** Runs of Chinese (CJK unified) characters. */
export const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
