import { stemmer } from 'stemmer';

/** English words to matching stems (pure). */

/** English words that carry no technical meaning (grammar words): never terms. */
const FUNCTION_WORDS = new Set(
  (
    'a an and are as at be been being by can could do does for from had has have how i in into is it its may ' +
    'might must no nor not of on or our shall should so such than that the their them then there these they ' +
    'this those to too up us was we were what when where which while who whom why will with within would you your ' +
    'per via etc also both each other any all more most less least very'
  ).split(' '),
);

const EN_TOKEN = /[a-z0-9]+/g;

/** The words of an English text with their Porter stems (battery / batteries → batteri), grammar words left out. */
export function englishTokens(text: string): { word: string; stem: string }[] {
  const out: { word: string; stem: string }[] = [];
  for (const word of text.normalize('NFKC').toLowerCase().match(EN_TOKEN) ?? []) {
    if (FUNCTION_WORDS.has(word) || word.length < 2) continue;
    out.push({ word, stem: /^[0-9]/.test(word) ? word : stemmer(word) });
  }
  return out;
}

/** The key of an English phrase as matching compares it: its stems joined by one space. */
export function englishKey(phrase: string): string {
  return englishTokens(phrase)
    .map((t) => t.stem)
    .join(' ');
}
