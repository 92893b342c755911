import { englishKey } from './english.js';

/**
 * The bilingual vocabulary matching reads: pairs of a Chinese term and an English term that mean the same
 * (储能 / energy storage). It comes from the shipped vocabulary (CC-CEDICT derived, see vocabulary/README.md),
 * the taxonomy's own bilingual names and the pairs platform admins add. Matching uses it three ways: a Chinese
 * term found in Chinese text also stands for its English terms (so a Chinese challenge and an English-only SME
 * meet in English), its Chinese terms are found inside unspaced text even where the segmenter cut the text
 * otherwise, and its English phrases are terms of their own (energy storage). Pure module.
 */
export interface VocabularyPair {
  zh: string;
  en: string;
}

/** Longest English phrase (in words) and Chinese term (in characters) the lookups try. */
export const MAX_PHRASE_WORDS = 4;
export const MAX_ZH_TERM = 8;

export class Vocabulary {
  /** Chinese term → the keys (stems joined by a space) of its English terms. */
  private readonly zhToEn = new Map<string, Set<string>>();
  /** The keys of every English term. */
  private readonly englishKeys = new Set<string>();

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
    if (!targets) this.zhToEn.set(term, (targets = new Set()));
    targets.add(key);
    this.englishKeys.add(key);
  }

  /** Whether the Chinese term is in the vocabulary. */
  hasChinese(term: string): boolean {
    return this.zhToEn.has(term);
  }

  /** The keys of a Chinese term's English terms. */
  englishOf(term: string): ReadonlySet<string> {
    return this.zhToEn.get(term) ?? new Set();
  }

  /** Whether the English phrase key (stems joined by a space) is in the vocabulary. */
  hasEnglish(key: string): boolean {
    return this.englishKeys.has(key);
  }
}
