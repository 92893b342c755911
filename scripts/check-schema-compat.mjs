// Breaking-change check (npm run schema:compat): compares the last released schema (release/schema.graphql,
// replaced when a release is cut) with the committed schema.graphql. Every breaking change must be named in
// CHANGELOG.md's [Unreleased] section, on an entry marked **Breaking** that mentions its coordinate
// (`Mutation.createChallenge`) or its type or field name (`createChallenge`). Dangerous changes are warnings.
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { unnamedBreakingChanges } from './schema-compat-rules.mjs';

const load = (file) => buildSchema(readFileSync(file, 'utf8'));
const changes = await diff(load('release/schema.graphql'), load('schema.graphql'));
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);

for (const change of dangerous) {
  console.warn(`warning: dangerous change: ${change.message} (${change.path ?? 'schema'})`);
}
const unnamed = unnamedBreakingChanges(breaking, readFileSync('CHANGELOG.md', 'utf8'));
for (const change of unnamed) {
  console.error(
    `breaking change not in CHANGELOG [Unreleased]: ${change.message} (${change.path ?? 'schema'})`,
  );
}
if (unnamed.length > 0) {
  console.error(
    `${unnamed.length} of ${breaking.length} breaking change(s) since release/schema.graphql are not named on a ` +
      '**Breaking** entry of CHANGELOG.md [Unreleased] (name the coordinate, e.g. `Mutation.createChallenge`).',
  );
  process.exit(1);
}
console.warn(
  `schema compatibility: ${changes.length} change(s) since release/schema.graphql, ` +
    `${breaking.length} breaking (all in the CHANGELOG), ${dangerous.length} dangerous.`,
);
