import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One pair of the shipped vocabulary: a simplified Chinese headword and an English term that translates it. */
export interface VocabularyPair {
  zh: string;
  en: string;
}

/** Where the TSV sits inside the repository (the build copies no data files into dist). */
const VOCABULARY_PATH = join('src', 'matchmaking', 'vocabulary', 'cedict-terms.tsv');

/**
 * The repository root, found by walking up from this module until a package.json appears: the module
 * runs from src/matchmaking/vocabulary under the test runner and from dist/src/matchmaking/vocabulary
 * once built, and the process's working directory may be anything, so neither a fixed relative path nor
 * process.cwd() would do.
 */
function repositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (
      existsSync(join(directory, 'package.json')) &&
      existsSync(join(directory, VOCABULARY_PATH))
    ) {
      return directory;
    }
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error(`shipped vocabulary not found above ${fileURLToPath(import.meta.url)}`);
    }
    directory = parent;
  }
}

/** Absolute path of the shipped vocabulary file (cedict-terms.tsv). */
export function shippedVocabularyPath(): string {
  return join(repositoryRoot(), VOCABULARY_PATH);
}

/**
 * Parses the TSV: `#` lines are the header (source, licence, attribution), blank lines are ignored,
 * every other line is `<zh>\t<en>`. Kept apart from the file reading so that it can be tested on text.
 */
export function parseVocabulary(text: string): VocabularyPair[] {
  const pairs: VocabularyPair[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab === line.length - 1 || line.indexOf('\t', tab + 1) !== -1) {
      throw new Error(`malformed vocabulary line: ${JSON.stringify(line)}`);
    }
    pairs.push({ zh: line.slice(0, tab), en: line.slice(tab + 1) });
  }
  return pairs;
}

/**
 * The bilingual technical vocabulary shipped with the project (derived from CC-CEDICT, CC BY-SA 4.0; see
 * the README beside the file), through which matchmaking links Chinese and English text. Pure: it reads
 * the file on each call and caches nothing; callers that need it often keep the result.
 */
export async function loadShippedVocabulary(): Promise<VocabularyPair[]> {
  return parseVocabulary(await readFile(shippedVocabularyPath(), 'utf8'));
}
