import { describe, expect, it } from '@jest/globals';
import {
  breakingEntries,
  namesFor,
  unnamedBreakingChanges,
  unreleasedSection,
} from './schema-compat-rules.mjs';

const changelog = `# Changelog

## [Unreleased]

### Added
- \`createChallengeDraft\` is new.

### Changed
- **Breaking**: \`Mutation.createChallenge\` returns a payload.
- **Breaking**: counts are \`Int\`: \`AuditChainReport.checked\`,
  \`ChangePasswordPayload.endedSessions\`.
- **Breaking**: these mutations return a payload:
  - \`submitProposal\`: \`Proposal!\` → \`SubmitProposalPayload!\`
  - \`lockScoring\`: \`ScoringLock!\` → \`LockScoringPayload!\`
- \`Challenge.title\` is trimmed (not breaking).
  - \`Challenge.summary\` too (a nested item of an entry that is not breaking).

## [0.1.0]

### Changed
- **Breaking**: \`Query.me\` changed long ago.
`;

const change = (path) => ({ message: `changed ${path}`, path });

describe('schema compatibility: breaking changes named in the CHANGELOG', () => {
  it('reads only the [Unreleased] section', () => {
    const section = unreleasedSection(changelog);
    expect(section).toContain('Mutation.createChallenge');
    expect(section).not.toContain('Query.me');
  });

  it('takes each **Breaking** entry with its continuation lines', () => {
    const entries = breakingEntries(unreleasedSection(changelog));
    expect(entries).toHaveLength(3);
    expect(entries[1]).toContain('ChangePasswordPayload.endedSessions');
  });

  it('takes the nested items of a **Breaking** entry as part of it, not those of another entry', () => {
    const entries = breakingEntries(unreleasedSection(changelog));
    expect(entries[2]).toContain('lockScoring');
    expect(
      unnamedBreakingChanges(
        [
          change('Mutation.submitProposal'),
          change('Mutation.lockScoring'),
          change('Challenge.summary'),
        ],
        changelog,
      ).map((c) => c.path),
    ).toEqual(['Challenge.summary']);
  });

  it('names a coordinate by itself, its Type.field or its field name', () => {
    expect(namesFor('Mutation.createChallenge.input')).toEqual([
      'Mutation.createChallenge.input',
      'Mutation.createChallenge',
      'createChallenge',
    ]);
    expect(namesFor('MinimumQualification')).toEqual(['MinimumQualification']);
    expect(namesFor(undefined)).toEqual([]);
  });

  it('accepts changes named on a **Breaking** entry, also on its second line and by argument', () => {
    const changes = [
      change('Mutation.createChallenge'),
      change('Mutation.createChallenge.input'),
      change('ChangePasswordPayload.endedSessions'),
    ];
    expect(unnamedBreakingChanges(changes, changelog)).toEqual([]);
  });

  it('reports a change named nowhere, only outside a **Breaking** entry, or only in an older release', () => {
    const changes = [change('Challenge.title'), change('Query.me'), change('Proposal.status')];
    expect(unnamedBreakingChanges(changes, changelog)).toEqual(changes);
  });

  it('matches whole names only: createChallengeDraft does not name createChallenge', () => {
    const text = changelog.replace(
      '`Mutation.createChallenge` returns',
      '`createChallengeDraft` returns',
    );
    expect(unnamedBreakingChanges([change('Mutation.createChallenge')], text)).toHaveLength(1);
  });

  it('reports a change without a path (nothing can name it)', () => {
    expect(unnamedBreakingChanges([{ message: 'schema changed' }], changelog)).toHaveLength(1);
  });
});
