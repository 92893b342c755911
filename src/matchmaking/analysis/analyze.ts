import { CJK_RUN, segmenter } from '../../common/text/segmentation.js';
import { englishTokens } from './english.js';
import { MAX_PHRASE_WORDS, MAX_ZH_TERM, Vocabulary } from './vocabulary.js';

/**
 * Text → matching terms (pure; the segmenter is the only state). A term is a string with a prefix for its
 * kind: `z:` a Chinese word (jieba search-mode words of two or more characters, plus every vocabulary term found
 * inside unspaced text), `e:` an English stem (Porter: battery / batteries → batteri), `p:` an English phrase of
 * the vocabulary as stems (energy storage → `p:energi storag`). A term in the bilingual vocabulary also brings
 * its English translations (储能 → `p:energi storag`, 电池 → `e:batteri`), at a lower weight and marked as
 * translated, which is how a Chinese challenge finds an English-only SME and the reverse: they meet in English.
 *
 * A document is a list of parts (title, keywords, a product …), each with a location and a weight; a term's
 * weight in the document is the sum of the weights of the parts it occurs in (its own words at full weight,
 * translations at TRANSLATION_WEIGHT). On the challenge's side the analysis also reads two kinds of clause:
 * what the demand wants to replace, eliminate or avoid (替代, 取代, 避免, 无需; replace, eliminate, without …)
 * and the application it names (用于, 应用于, 面向; for use in, applied to …).
 */

export const MATCH_LOCATIONS = [
  'TITLE',
  'SUMMARY',
  'REQUIREMENT',
  'NAME',
  'CAPABILITY',
  'KEYWORD',
  'PRODUCT',
  'PAST_PROJECT',
  'ROUTE',
] as const;
export type MatchLocation = (typeof MATCH_LOCATIONS)[number];

/** The bit of a location in a term's `locations` mask. */
export function locationBit(location: MatchLocation): number {
  return 1 << MATCH_LOCATIONS.indexOf(location);
}

/** The locations in a mask, in the order of MATCH_LOCATIONS. */
export function locationsOf(mask: number): MatchLocation[] {
  return MATCH_LOCATIONS.filter((_, i) => (mask & (1 << i)) !== 0);
}

export interface TextPart {
  location: MatchLocation;
  text: string | null | undefined;
  weight: number;
}

export type TermLanguage = 'ZH' | 'EN';

export interface DocumentTerm {
  term: string;
  weight: number;
  /** Where it occurs (a mask of locationBit). */
  locations: number;
  /** How to show it: the word as written, or the vocabulary's form of a translation. */
  surface: string;
  language: TermLanguage;
  /** True when it occurs only as a translation of another term. */
  translated: boolean;
}

export interface DocumentAnalysis {
  terms: DocumentTerm[];
  /** Sum of the term weights (the document's length for BM25). */
  length: number;
  /** Terms that occur only in what the demand wants to replace or avoid (not in `terms`). */
  avoid: DocumentTerm[];
  /** Terms of the application the demand names (they are also in `terms`). */
  application: string[];
}

/** A translation counts this much of the word it translates. */
export const TRANSLATION_WEIGHT = 0.5;
/** Bounds the terms one document can have (a long capability statement still indexes in bounded rows). */
export const MAX_DOCUMENT_TERMS = 400;

interface Occurrence {
  term: string;
  surface: string;
  language: TermLanguage;
  translated: boolean;
}

/** Every occurrence of a term in one text (repeats removed), with translations. */
export function textTerms(raw: string, vocabulary: Vocabulary): Occurrence[] {
  const text = raw.normalize('NFKC');
  const seen = new Map<string, Occurrence>();
  const put = (o: Occurrence) => {
    const had = seen.get(o.term);
    if (!had || (had.translated && !o.translated)) seen.set(o.term, o);
  };
  const chinese = (term: string) => {
    put({ term: `z:${term}`, surface: term, language: 'ZH', translated: false });
  };
  for (const run of text.match(CJK_RUN) ?? []) {
    for (const word of segmenter().cutForSearch(run, true)) {
      if ([...word].length >= 2 && /^\p{Script=Han}+$/u.test(word)) chinese(word);
    }
    const chars = [...run];
    for (let i = 0; i < chars.length; i += 1) {
      for (let n = 2; n <= MAX_ZH_TERM && i + n <= chars.length; n += 1) {
        const term = chars.slice(i, i + n).join('');
        if (vocabulary.hasChinese(term)) chinese(term);
      }
    }
  }
  const tokens = englishTokens(text.replace(CJK_RUN, ' '));
  for (const { word, stem } of tokens) {
    put({ term: `e:${stem}`, surface: word, language: 'EN', translated: false });
  }
  for (let i = 0; i < tokens.length; i += 1) {
    for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= tokens.length; n += 1) {
      const slice = tokens.slice(i, i + n);
      const key = slice.map((t) => t.stem).join(' ');
      if (vocabulary.hasEnglish(key))
        put({
          term: `p:${key}`,
          surface: slice.map((t) => t.word).join(' '),
          language: 'EN',
          translated: false,
        });
    }
  }
  // Chinese terms bring their English translations (储能 → energy storage, 电池 → battery). Only this way round:
  // English text is matched in English, so a Chinese and an English text meet in English; an English word's
  // many Chinese senses (battery: 电池, but also 炮台 and 殴打) never enter a document.
  for (const o of [...seen.values()]) {
    if (o.language !== 'ZH') continue;
    for (const key of vocabulary.englishOf(o.surface)) {
      put({
        term: key.includes(' ') ? `p:${key}` : `e:${key}`,
        surface: o.surface,
        language: 'EN',
        translated: true,
      });
    }
  }
  return [...seen.values()];
}

/** Cues of what a demand wants to replace, eliminate or avoid; the object follows the cue. */
const AVOID_ZH =
  /(?:替代|取代|代替|替换|避免|无需|不需要|不再使用|不使用|不采用|不用|摆脱|去除|消除|淘汰)/u;
const AVOID_ZH_DEPENDENCE = /(?:减少|降低|摆脱)对(.{1,20}?)的依赖/u;
const AVOID_EN =
  /\b(?:stop using|stop \w+ing|rather than|no longer|replace|replaces|replacing|replacement of|substitute for|substituting|alternative to|alternatives to|eliminate|eliminates|eliminating|elimination of|avoid|avoids|avoiding|without|instead of|free of|phase out|phasing out|get rid of|no longer use|do not use|does not use|not based on|no need for)\b/i;
/** Cues of the application a demand names; the object follows the cue. */
const APPLICATION_ZH = /(?:用于|应用于|适用于|面向|服务于|应用在|应用到)/u;
const APPLICATION_EN =
  /\b(?:for use in|for use on|used in|used for|used on|applied to|applied in|application in|applications in|application to|applications for|application of|deployed in|deployed on|intended for|suitable for|designed for)\b/i;
/** A refusal that follows its object (in the same clause, or alone after it). */
const REFUSAL_AFTER_ZH = /(?:不予考虑|不考虑|不在考虑范围|不予采用|不采纳|不接受|除外)/u;
const REFUSAL_AFTER_EN =
  /\b(?:is|are|will be|would be) (?:not (?:acceptable|accepted|considered|wanted|suitable|eligible|of interest)|excluded|out of scope|ruled out)\b/i;

/**
 * The application a short English phrase names with "for" (Coated insulation for prismatic cell cans): the
 * words after the last "for" of a clause of at most 12 words, when they are words, not figures (3 kV for 60 s).
 */
function titleApplication(clause: string): string | null {
  const words = clause.trim().split(/\s+/);
  if (words.length > 12) return null;
  const m = /\bfor ((?:[a-z][a-z-]*\s*){1,5})$/i.exec(clause.trim());
  return m ? m[1].trim() : null;
}

const CLAUSE = /[，。；;：:！!？?\n、,.()（）]+/u;
/** English words that end the object of a cue. */
const EN_OBJECT_END =
  /\b(?:with|by|using|through|while|so that|to achieve|in order to|that|which|and (?:then|have|use|make|switch|move|adopt|get|replace|build|keep))\b/i;

/** The object of a cue in a clause (the text after it, to the clause's end in Chinese, up to a connective in English). */
function objectAfter(clause: string, cue: RegExp, chinese: boolean): string | null {
  const m = cue.exec(clause);
  if (!m) return null;
  let rest = clause.slice(m.index + m[0].length);
  // In Chinese the object runs to the end of the clause (替代现有的烟感探测器: 的 is inside the object).
  if (!chinese) {
    const end = EN_OBJECT_END.exec(rest);
    if (end) rest = rest.slice(0, end.index);
  }
  rest = rest.trim();
  return rest ? rest : null;
}

/** The objects of the avoid and application cues in a text. */
export function cueObjects(raw: string): { avoid: string[]; application: string[] } {
  const avoid: string[] = [];
  const application: string[] = [];
  const clauses = raw.normalize('NFKC').split(CLAUSE);
  for (const [i, clause] of clauses.entries()) {
    const hasChinese = /\p{Script=Han}/u.test(clause);
    // A refusal after what it refuses: 胶体金方案灵敏度不足，不予考虑 / membrane routes are not acceptable.
    const after = (hasChinese ? REFUSAL_AFTER_ZH : REFUSAL_AFTER_EN).exec(clause);
    if (after) {
      const before = clause.slice(0, after.index).trim();
      const object = before || (i > 0 ? clauses[i - 1].trim() : '');
      if (object) avoid.push(object);
    }
    const forObject = hasChinese ? null : titleApplication(clause);
    if (forObject) application.push(forObject);
    const dependence = AVOID_ZH_DEPENDENCE.exec(clause);
    if (dependence) avoid.push(dependence[1]);
    else {
      const zh = hasChinese ? objectAfter(clause, AVOID_ZH, true) : null;
      if (zh) avoid.push(zh);
    }
    const en = objectAfter(clause, AVOID_EN, false);
    if (en && /[a-z]/i.test(en)) avoid.push(en);
    const appZh = hasChinese ? objectAfter(clause, APPLICATION_ZH, true) : null;
    if (appZh) application.push(appZh);
    const appEn = objectAfter(clause, APPLICATION_EN, false);
    if (appEn && /[a-z]/i.test(appEn)) application.push(appEn);
  }
  return { avoid, application };
}

/**
 * The terms of a document. With `cues` (a demand), terms that occur only inside what the demand wants to
 * replace or avoid are set apart in `avoid`, and the terms of the application it names are listed.
 */
export function analyzeDocument(
  parts: readonly TextPart[],
  vocabulary: Vocabulary,
  options: { cues: boolean } = { cues: false },
): DocumentAnalysis {
  const terms = new Map<string, DocumentTerm>();
  const avoidOnly = new Map<string, DocumentTerm>();
  const application = new Set<string>();
  const positive = new Set<string>();
  for (const part of parts) {
    if (!part.text) continue;
    let text = part.text;
    const avoidTerms = new Map<string, Occurrence>();
    if (options.cues) {
      const objects = cueObjects(text);
      for (const object of objects.avoid) {
        for (const o of textTerms(object, vocabulary)) avoidTerms.set(o.term, o);
        text = text.replace(object, ' ');
      }
      for (const object of objects.application)
        for (const o of textTerms(object, vocabulary)) application.add(o.term);
    }
    const bit = locationBit(part.location);
    for (const o of textTerms(text, vocabulary)) {
      positive.add(o.term);
      const weight = part.weight * (o.translated ? TRANSLATION_WEIGHT : 1);
      const had = terms.get(o.term);
      if (had) {
        had.weight += weight;
        had.locations |= bit;
        if (had.translated && !o.translated) {
          had.translated = false;
          had.surface = o.surface;
        }
      } else terms.set(o.term, { ...o, weight, locations: bit });
    }
    for (const o of avoidTerms.values()) {
      if (!avoidOnly.has(o.term))
        avoidOnly.set(o.term, { ...o, weight: part.weight, locations: bit });
    }
  }
  for (const term of positive) avoidOnly.delete(term);
  const sorted = [...terms.values()]
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
    .slice(0, MAX_DOCUMENT_TERMS);
  return {
    terms: sorted,
    length: sorted.reduce((sum, t) => sum + t.weight, 0),
    avoid: [...avoidOnly.values()],
    application: [...application].filter((t) => terms.has(t)),
  };
}
