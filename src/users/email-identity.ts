import unhomoglyph from 'unhomoglyph';

/**
 * E-mail identity hygiene after Unicode TR 39 (security mechanisms). Two checks:
 *
 * - Mixed script: a local part (and each domain label) must stay within TR 39's "highly restrictive" level:
 *   one script plus Common and Inherited characters (digits, . _ - +), where Han may go with Hiragana and
 *   Katakana (Japanese), with Bopomofo (Chinese) or with Hangul (Korean), each of these also with Latin.
 *   `hаier` with a Cyrillic а among Latin letters is refused; `zhang张三` is not.
 * - Skeleton: the TR 39 skeleton of the whole address (NFKC, lower case, then every character replaced by
 *   its prototype in Unicode's confusables.txt, through the `unhomoglyph` package) is stored in a unique
 *   column, so an address that looks the same as an existing one, whole-script (Cyrillic `һаіег`) or not
 *   (`rn` for `m`, `1` for `l`), cannot open a second account.
 *
 * Pure module: no framework imports.
 */

/** Scripts told apart; a letter of any other script counts as one more, distinct script ("Other"). */
const SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Nko',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
  'Mongolian',
  'Ethiopic',
  'Cherokee',
  'Canadian_Aboriginal',
  'Ogham',
  'Runic',
  'Coptic',
  'Glagolitic',
  'Tifinagh',
  'Yi',
  'Lisu',
  'Vai',
  'Osage',
  'Adlam',
  'Deseret',
  'Han',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Hangul',
] as const;
const SCRIPT_RE = SCRIPTS.map(
  (name) => [name, new RegExp(`^\\p{Script_Extensions=${name}}$`, 'u')] as const,
);
const COMMON_OR_INHERITED = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
/** TR 39 augmented script sets: the writing systems that mix Han with other scripts. */
const AUGMENTED: Record<string, string[]> = {
  Han: ['Han', 'Han+Bopomofo', 'Japanese', 'Korean'],
  Hiragana: ['Hiragana', 'Japanese'],
  Katakana: ['Katakana', 'Japanese'],
  Bopomofo: ['Bopomofo', 'Han+Bopomofo'],
  Hangul: ['Hangul', 'Korean'],
};
/** TR 39's "highly restrictive" level also allows Latin with these (Japanese, Chinese, Korean). */
const WITH_LATIN = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
].map((scripts) => new Set(scripts));

/** The Script_Extensions of one character; null for Common and Inherited (compatible with all). */
function scriptSet(char: string): Set<string> | null {
  const scripts = SCRIPT_RE.filter(([, re]) => re.test(char)).map(([name]) => name);
  if (scripts.length === 0) return COMMON_OR_INHERITED.test(char) ? null : new Set(['Other']);
  return new Set(scripts);
}

/**
 * The scripts that `text` mixes beyond TR 39's "highly restrictive" level (empty when it is within it): one
 * script (its resolved, augmented script set is not empty), or Latin with Han and Hiragana/Katakana, with Han
 * and Bopomofo, or with Han and Hangul. Latin with Cyrillic or Greek is mixed.
 */
export function mixedScripts(text: string): string[] {
  const sets: Set<string>[] = [];
  for (const char of text.normalize('NFKC')) {
    const set = scriptSet(char);
    if (set) sets.push(set);
  }
  const augmented = sets.map((set) => new Set([...set].flatMap((s) => AUGMENTED[s] ?? [s])));
  const resolved = augmented.reduce<Set<string> | null>(
    (acc, set) => (acc ? new Set([...acc].filter((s) => set.has(s))) : set),
    null,
  );
  if (!resolved || resolved.size > 0) return [];
  if (WITH_LATIN.some((allowed) => sets.every((set) => [...set].some((s) => allowed.has(s)))))
    return [];
  return [...new Set(sets.flatMap((set) => [...set]))].sort();
}

/** The scripts an e-mail address mixes within its local part or within one domain label (empty when none). */
export function emailMixedScripts(email: string): string[] {
  const at = email.lastIndexOf('@');
  const parts = at < 0 ? [email] : [email.slice(0, at), ...email.slice(at + 1).split('.')];
  for (const part of parts) {
    const mixed = mixedScripts(part);
    if (mixed.length) return mixed;
  }
  return [];
}

/** The TR 39 skeleton of an address: equal for two addresses that look the same. */
export function emailSkeleton(email: string): string {
  return unhomoglyph(email.normalize('NFKC').toLowerCase().normalize('NFD')).normalize('NFD');
}
