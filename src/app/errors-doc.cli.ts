import { readFileSync, writeFileSync } from 'node:fs';
import { errorsMarkdown } from './error-catalogue.js';

/**
 * `npm run docs:errors`: writes docs/errors.md from the error catalogues. With `--check` (run by
 * `npm run lint`), writes nothing and fails when the committed file is not what the catalogues give.
 */
const FILE = 'docs/errors.md';
const expected = errorsMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== expected) {
    console.error(`${FILE} is stale: run \`npm run docs:errors\` and commit it.`);
    process.exit(1);
  }
} else {
  writeFileSync(FILE, expected);
  process.stdout.write(`wrote ${FILE}\n`);
}
