// Every relative link in the repository's Markdown files points at a file or folder that exists
// (and, for links with a #fragment into a Markdown file, at one of its headings). External links are not fetched.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const files = execFileSync('git', ['ls-files', '*.md'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_~]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (file) =>
  new Set([...readFileSync(file, 'utf8').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));

const problems = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue;
    const [path, fragment] = target.split('#');
    const resolved = path ? normalize(join(dirname(file), decodeURI(path))) : file;
    if (!existsSync(resolved)) problems.push(`${file}: ${target} (no ${resolved})`);
    else if (
      fragment &&
      resolved.endsWith('.md') &&
      statSync(resolved).isFile() &&
      !anchorsOf(resolved).has(fragment)
    ) {
      problems.push(`${file}: ${target} (no heading #${fragment} in ${resolved})`);
    }
  }
}
if (problems.length) {
  console.error(`Broken links in Markdown files:\n${problems.join('\n')}`);
  process.exit(1);
}
process.stdout.write(
  `Markdown links: ${files.length} files checked, every relative link resolves\n`,
);
