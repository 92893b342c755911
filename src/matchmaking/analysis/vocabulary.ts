import { englishKey } from './english.js';

/**
 * The bilingual vocabulary matching reads: pairs of a Chinese term and an English term that mean the same
 * (储能 / energy storage). It comes from the shipped technical vocabulary (CC-CEDICT derived, see
 * vocabulary/README.md), the taxonomy's own bilingual names and the pairs platform admins add. Matching uses it
 * two ways: a Chinese term found in Chinese text also stands for its English terms and the reverse (so a
 * Chinese challenge finds an English-only SME), and its Chinese terms are found inside unspaced text even
 * where the segmenter cut the text otherwise. Pure module.
 */
export interface VocabularyPair {
  zh: string;
  en: string;
}

/** Longest English phrase (in words) and Chinese term (in characters) the lookups try. */
export const MAX_PHRASE_WORDS = 4;
export const MAX_ZH_TERM = 8;

export class Vocabulary {
  /** Chinese term → English phrase keys (stemmed) and their display forms. */
  private readonly zhToEn = new Map<string, Map<string, string>>();
  /** English phrase key (stemmed) → Chinese terms. */
  private readonly enToZh = new Map<string, Set<string>>();
  /** English phrase key → a display form (the first English term given for it). */
  private readonly enDisplay = new Map<string, string>();

  /**
   * @param signature what the database's part of the vocabulary (admins' pairs, taxonomy names) was when it
   *   was read (vocabularySignature), so that an indexer can tell it is out of date.
   */
  constructor(
    pairs: Iterable<VocabularyPair>,
    readonly signature = '',
  ) {
    for (const pair of pairs) this.add(pair);
  }

  private add({ zh, en }: VocabularyPair): void {
    const term = zh.normalize('NFKC').trim();
    const key = englishKey(en);
    if ([...term].length < 2 || [...term].length > MAX_ZH_TERM || !key) return;
    if (key.split(' ').length > MAX_PHRASE_WORDS) return;
    let targets = this.zhToEn.get(term);
    if (!targets) this.zhToEn.set(term, (targets = new Map()));
    targets.set(key, en.trim().toLowerCase());
    let sources = this.enToZh.get(key);
    if (!sources) this.enToZh.set(key, (sources = new Set()));
    sources.add(term);
    if (!this.enDisplay.has(key)) this.enDisplay.set(key, en.trim().toLowerCase());
  }

  /** Whether the Chinese term is in the vocabulary. */
  hasChinese(term: string): boolean {
    return this.zhToEn.has(term);
  }

  /** The English phrase keys of a Chinese term, with how to show each. */
  englishOf(term: string): ReadonlyMap<string, string> {
    return this.zhToEn.get(term) ?? new Map();
  }

  /** The Chinese terms of an English phrase key. */
  chineseOf(key: string): ReadonlySet<string> {
    return this.enToZh.get(key) ?? new Set();
  }

  /** Whether the English phrase key (stems joined by a space) is in the vocabulary. */
  hasEnglish(key: string): boolean {
    return this.enToZh.has(key);
  }

  /** How to show an English phrase key (a term of the vocabulary as written, else the key itself). */
  englishDisplay(key: string): string {
    return this.enDisplay.get(key) ?? key;
  }

  get size(): number {
    let n = 0;
    for (const targets of this.zhToEn.values()) n += targets.size;
    return n;
  }
}
