// Which breaking changes of the schema the CHANGELOG's [Unreleased] section names (pure functions; the check
// itself is scripts/check-schema-compat.mjs).

/** The text of the `## [Unreleased]` section, up to the next `## [` heading. */
export function unreleasedSection(changelog) {
  const start = changelog.search(/^## \[Unreleased\]/m);
  if (start < 0) return '';
  const rest = changelog.slice(start + 1);
  const end = rest.search(/^## \[/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The entries marked **Breaking**: each list item whose first line carries the mark, with its continuation
 * lines and its nested list items (an entry wraps over several lines and may list what it covers).
 */
export function breakingEntries(section) {
  const entries = [];
  let current = null;
  let indent = 0;
  for (const line of section.split('\n')) {
    const item = /^(\s*)[-*] /.exec(line);
    if (item && current !== null && item[1].length > indent) {
      current += `\n${line}`;
    } else if (item || /^#/.test(line) || line.trim() === '') {
      if (current !== null) entries.push(current);
      current = item && line.includes('**Breaking**') ? line : null;
      indent = item ? item[1].length : 0;
    } else if (current !== null) {
      current += `\n${line}`;
    }
  }
  if (current !== null) entries.push(current);
  return entries;
}

/**
 * The names that count as naming a change at `path` (a schema coordinate such as `Mutation.createChallenge`,
 * `Mutation.createChallenge.input` or `Challenge`): the coordinate itself, its `Type.field`, and the field
 * name alone; for a type-level change, the type name.
 */
export function namesFor(path) {
  if (!path) return [];
  const parts = path.split('.');
  const names = new Set([path]);
  if (parts.length >= 2) {
    names.add(`${parts[0]}.${parts[1]}`);
    names.add(parts[1]);
  }
  return [...names];
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` mentions `name` as a whole word (`createChallenge` is not named by `createChallengeDraft`). */
export function mentions(text, name) {
  return new RegExp(`(?<![A-Za-z0-9_])${escape(name)}(?![A-Za-z0-9_])`).test(text);
}

/** The breaking changes (`{ message, path }`) that no **Breaking** entry of the [Unreleased] section names. */
export function unnamedBreakingChanges(changes, changelog) {
  const entries = breakingEntries(unreleasedSection(changelog));
  return changes.filter(
    (change) =>
      !namesFor(change.path).some((name) => entries.some((entry) => mentions(entry, name))),
  );
}
