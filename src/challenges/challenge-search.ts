import { CJK_RUN, segmenter } from '../common/text/segmentation.js';

/**
 * Bilingual search, Postgres-native. PostgreSQL does not segment Chinese, so the application does, when
 * content is written: jieba's search-mode cut (which also emits the shorter words inside long ones) plus
 * every character bigram of each run of Chinese characters, so that a two-character word the dictionary
 * does not know (or that jieba cut differently) is still found inside unspaced text. The lexemes go into
 * `challenges.search_zh` ('simple' lexemes, no stemming); English text goes into `search_en` through
 * to_tsvector('english', ...), which matches inflections (battery / batteries). Queries are segmented the
 * same way. Pure module: no framework imports.
 */
const WORD = /^[\p{L}\p{N}]+$/u;
/** Bounds the work a hostile query can cause. */
const MAX_QUERY_LEXEMES = 32;

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Builds the dictionary now rather than on the first search (the service calls it once it listens). */
export function warmUpSegmentation(): void {
  segmenter();
}

/** The 'simple' lexemes of a text: jieba search-mode words (lower-cased, punctuation dropped) + CJK bigrams. */
export function chineseLexemes(raw: string | null | undefined): string[] {
  if (!raw) return [];
  // NFKC as the queries are (full-width ＰＥＭ is PEM)
  const text = raw.normalize('NFKC');
  const out = new Set<string>();
  for (const token of segmenter().cutForSearch(text, true)) {
    const word = token.trim().toLowerCase();
    if (word && WORD.test(word)) out.add(word);
  }
  for (const run of text.match(CJK_RUN) ?? []) for (const b of bigrams(run)) out.add(b);
  return [...out];
}

export interface SearchDocument {
  /** Lexemes of the titles (weight A). */
  zhTitle: string[];
  /** Lexemes of the public summaries and requirement names (weight B). Never the confidential description. */
  zhBody: string[];
  enTitle: string;
  enBody: string;
}

/** What gets indexed for a challenge: public text only, so a search can never reveal the confidential part. */
export function searchDocument(content: {
  titleZh?: string | null;
  titleEn?: string | null;
  summaryZh?: string | null;
  summaryEn?: string | null;
  requirementNames?: readonly string[];
}): SearchDocument {
  const requirements = (content.requirementNames ?? []).join('\n');
  return {
    zhTitle: chineseLexemes([content.titleZh, content.titleEn].filter(Boolean).join('\n')),
    zhBody: chineseLexemes(
      [content.summaryZh, content.summaryEn, requirements].filter(Boolean).join('\n'),
    ),
    enTitle: (content.titleEn ?? '').normalize('NFKC'),
    enBody: [content.summaryEn ?? '', requirements].join('\n').normalize('NFKC'),
  };
}

/** tsvector keeps positions up to 16383; beyond that a lexeme adds nothing to ranking. */
const MAX_POSITION = 16383;

/**
 * The 'simple' vector as a tsvector literal with positions and weights (title A, body B), so that ts_rank
 * weighs a title match above a summary match. (array_to_tsvector would drop positions, and with them weights.)
 */
export function zhTsvectorLiteral(doc: Pick<SearchDocument, 'zhTitle' | 'zhBody'>): string {
  const entries: string[] = [];
  let position = 0;
  for (const [lexemes, weight] of [
    [doc.zhTitle, 'A'],
    [doc.zhBody, 'B'],
  ] as const) {
    for (const lexeme of lexemes) {
      position = Math.min(position + 1, MAX_POSITION);
      entries.push(`${quote(lexeme)}:${position}${weight}`);
    }
  }
  return entries.join(' ');
}

/** SQL that turns the parameters (zh tsvector literal, $enTitle, $enBody) into the two vectors. */
export const SEARCH_VECTORS_SQL = {
  zh: (zhLiteral: string) => `${zhLiteral}::tsvector`,
  en: (enTitle: string, enBody: string) =>
    `setweight(to_tsvector('english', ${enTitle}::text), 'A') || setweight(to_tsvector('english', ${enBody}::text), 'B')`,
};

export interface SearchQuery {
  /** A tsquery literal over search_zh (lexemes AND-ed), or null when the text has no searchable word. */
  zh: string | null;
  /** Plain English words for websearch_to_tsquery('english', ...) over search_en; null when the query has Chinese. */
  en: string | null;
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A word of letters and digits, of any script (Chinese runs are taken apart first). */
const LETTERS_OR_DIGITS = /[\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[a-z0-9]+$/;

/**
 * A user's search text as queries: each Chinese run of one or two characters is one lexeme, a longer run is
 * the AND of its bigrams (it matches wherever those characters occur, segmented or not); ASCII words are
 * lexemes too (Chinese text often carries PEM, SiC, 5G), and a word of another script (Cyrillic, accented
 * Latin) is cut as the index cuts it. The text is NFKC-normalised first, as people type full-width ＰＥＭ.
 * A query without Chinese is also run as English.
 *
 * A text without a letter or digit (punctuation, emoji, spaces) has no searchable term: both queries are
 * null, and every search of challenges (the list, its facets) treats it exactly as an empty search: the
 * list is not narrowed, and RELEVANCE ordering, which needs a search, is refused for it as for an empty one.
 */
export function searchQuery(text: string): SearchQuery {
  const normal = text.normalize('NFKC');
  const lexemes = new Set<string>();
  const runs = normal.match(CJK_RUN) ?? [];
  for (const run of runs) {
    if ([...run].length <= 2) lexemes.add(run);
    else for (const b of bigrams(run)) lexemes.add(b);
  }
  const words = (normal.replace(CJK_RUN, ' ').match(LETTERS_OR_DIGITS) ?? []).map((w) =>
    w.toLowerCase(),
  );
  for (const w of words) {
    if (ASCII_ONLY.test(w)) lexemes.add(w);
    else for (const lexeme of chineseLexemes(w)) lexemes.add(lexeme);
  }
  const limited = [...lexemes].slice(0, MAX_QUERY_LEXEMES);
  return {
    zh: limited.length ? limited.map(quote).join(' & ') : null,
    en: runs.length === 0 && words.length ? words.slice(0, MAX_QUERY_LEXEMES).join(' ') : null,
  };
}
