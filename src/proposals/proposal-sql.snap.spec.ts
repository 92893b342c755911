import { describe, expect, it } from '@jest/globals';
import { Actor, PlatformRole } from '../common/auth/actor.js';
import { SqlParams } from '../database/sql-params.js';
import {
  canReadSql,
  effectiveProposalStatusSql,
  identityVisibleSql,
  scoreTotalsJoin,
  scoreTotalsSql,
  unscoredCriteriaSql,
} from './proposal-sql.js';
import { buildRankingQuery } from './proposals.queries.js';

/**
 * The SQL the proposal rules and the ranked list generate, per actor shape, as committed snapshots: a change
 * to who may read a proposal, whose identity is shown, or to the ranked list's statement (a named prepared
 * statement: its text is its identity) shows as a reviewed diff. (CI runs with CI=true: a missing snapshot
 * fails instead of being written.)
 */
const ORG = '00000000-0000-4000-8000-0000000000aa';
const USER = '00000000-0000-4000-8000-0000000000dd';
const CHALLENGE = '00000000-0000-4000-8000-0000000000cc';
const actor = (platformRoles: PlatformRole[], organization?: Actor['organization']): Actor => ({
  userId: USER,
  sessionId: 's',
  platformRoles,
  organization,
});
const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  'signed in, no organisation': actor([]),
  'SME member': actor([], { id: ORG, kind: 'SME', role: 'MEMBER' }),
  'enterprise owner': actor([], { id: ORG, kind: 'ENTERPRISE', role: 'OWNER' }),
  'enterprise member': actor([], { id: ORG, kind: 'ENTERPRISE', role: 'MEMBER' }),
  'platform admin': actor([PlatformRole.ADMIN]),
};

function generated(build: (p: SqlParams) => string): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const sql = build(p);
  return { sql, params: p.values };
}

describe('proposal rules as SQL', () => {
  it.each(Object.keys(ACTORS))('canReadSql for %s', (name) => {
    expect(generated((p) => canReadSql(ACTORS[name], p))).toMatchSnapshot();
  });

  it.each(Object.keys(ACTORS))('identityVisibleSql for %s', (name) => {
    expect(generated((p) => identityVisibleSql(ACTORS[name], p))).toMatchSnapshot();
  });

  it('effective status, score totals and the unscored criteria', () => {
    expect({
      effectiveProposalStatus: effectiveProposalStatusSql(),
      scoreTotalsJoin: scoreTotalsJoin('t', 'x'),
      scoreTotals: scoreTotalsSql('t'),
      unscoredCriteria: unscoredCriteriaSql('c'),
    }).toMatchSnapshot();
  });
});

describe('buildRankingQuery', () => {
  // The read event's statement (AuditService.contentReadSql) holds a fresh event id: stand-in text here.
  const readEvent = (params: SqlParams, rowsSql: string) =>
    `SELECT /* read event ${params.add('RANKING')} */ * FROM (${rowsSql}) r`;

  it.each([
    ['the first page', '0', 20],
    ['a page after position 40', '40', 10],
  ])('%s', (_name, after, first) => {
    expect(
      buildRankingQuery(
        ACTORS['enterprise owner']!,
        CHALLENGE,
        after as string,
        first as number,
        readEvent,
      ),
    ).toMatchSnapshot();
  });

  it('the same text for every page and size (one prepared statement)', () => {
    const a = buildRankingQuery(ACTORS['enterprise owner']!, CHALLENGE, '0', 20, readEvent);
    const b = buildRankingQuery(
      ACTORS['enterprise owner']!,
      '00000000-0000-4000-8000-0000000000ee',
      '100',
      5,
      readEvent,
    );
    expect(b.sql).toBe(a.sql);
  });
});
