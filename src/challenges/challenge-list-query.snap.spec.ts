import { describe, expect, it } from '@jest/globals';
import { encodeCursor } from '../common/pagination/connection.js';
import { UserInputError } from '../common/errors.js';
import { buildChallengeListQuery, buildFacetsQuery, ListScope } from './challenge-list-query.js';
import { ChainGoal, ChallengeStatus, CooperationMode, DemandType } from './challenge.entity.js';
import type { Viewer } from './challenge-sql.js';
import { ChallengeFilterInput, ChallengeOrderBy } from './dto/challenge.inputs.js';

/**
 * The list, search and facet statements the builders generate, as committed snapshots: a change to what the
 * service runs shows as a reviewed diff of its SQL and parameters. (CI runs with CI=true: a missing snapshot
 * fails instead of being written.)
 */
const ORG = '00000000-0000-4000-8000-0000000000aa';
const ISSUER = '00000000-0000-4000-8000-0000000000bb';
const ROW = '00000000-0000-4000-8000-0000000000cc';
const ANONYMOUS: Viewer = {
  signedIn: false,
  admin: false,
  organizationId: null,
  organizationKind: null,
};
const SME: Viewer = { signedIn: true, admin: false, organizationId: ORG, organizationKind: 'SME' };
const ADMIN: Viewer = { signedIn: true, admin: true, organizationId: null, organizationKind: null };
const BROWSE: ListScope = { kind: 'browse' };

const EVERY_FILTER = {
  technicalFieldCodes: ['ENE.STO', 'MAT'],
  industryCodes: ['C38'],
  chainGoals: [ChainGoal.STABILIZE],
  demandTypes: [DemandType.TECH_BREAKTHROUGH],
  cooperationModes: [CooperationMode.JOINT_DEVELOPMENT],
  budgetMin: '100000',
  budgetMax: '5000000',
  eligibleRegionCode: '310000',
  statuses: [ChallengeStatus.PUBLISHED],
  deadlineFrom: new Date('2026-01-01T00:00:00.000Z'),
  deadlineTo: new Date('2027-01-01T00:00:00.000Z'),
  issuerOrganizationId: ISSUER,
} as ChallengeFilterInput;

const cursor = (ordering: string, value: string) => encodeCursor([ordering, value, ROW]);

describe('buildChallengeListQuery', () => {
  it.each([
    ['the anonymous browse list, newest first', ANONYMOUS, {}],
    ['an SME member’s browse list, newest first', SME, {}],
    ['an admin’s browse list, newest first', ADMIN, {}],
    ['deadline soonest', SME, { orderBy: ChallengeOrderBy.DEADLINE_SOONEST }],
    ['budget highest', SME, { orderBy: ChallengeOrderBy.BUDGET_HIGHEST }],
    ['the second page, newest first', SME, { after: cursor('NEWEST', '2026-03-04T05:06:07.089Z') }],
    [
      'the second page, budget highest',
      SME,
      { orderBy: ChallengeOrderBy.BUDGET_HIGHEST, after: cursor('BUDGET_HIGHEST', '500000') },
    ],
    ['every filter', SME, { filter: EVERY_FILTER }],
    [
      'every filter, anonymous (the issuer filter hides anonymous issuers)',
      ANONYMOUS,
      { filter: EVERY_FILTER },
    ],
    [
      'a Chinese search, by relevance (the default with a search)',
      SME,
      { filter: { search: '储能 热失控' } },
    ],
    ['an English search, by relevance', SME, { filter: { search: 'battery' } }],
    [
      'the second page of a search by relevance',
      SME,
      { filter: { search: '储能' }, after: cursor('RELEVANCE', '0.0607927') },
    ],
    [
      'a search, newest first (the month walk)',
      SME,
      { filter: { search: '储能' }, orderBy: ChallengeOrderBy.NEWEST },
    ],
    [
      'the second page of a search, newest first (the walk starts at the cursor’s month)',
      SME,
      {
        filter: { search: '储能' },
        orderBy: ChallengeOrderBy.NEWEST,
        after: cursor('NEWEST', '2026-03-04T05:06:07.089Z'),
      },
    ],
    [
      'a search by deadline with every filter',
      SME,
      {
        filter: { ...EVERY_FILTER, search: 'PEM 电解槽' },
        orderBy: ChallengeOrderBy.DEADLINE_SOONEST,
      },
    ],
    [
      'a search without a searchable word (as no search: newest first)',
      SME,
      { filter: { search: '，。!' } },
    ],
  ] as [
    string,
    Viewer,
    { filter?: ChallengeFilterInput; orderBy?: ChallengeOrderBy; after?: string },
  ][])('%s', (_name, viewer, args) => {
    expect(buildChallengeListQuery(viewer, { first: 20, ...args }, BROWSE)).toMatchSnapshot();
  });

  it.each([
    ['an issuer’s own list', { kind: 'issuer', organizationId: ISSUER }],
    [
      'the review queue (oldest submission first, whatever the ordering asked)',
      { kind: 'reviewQueue' },
    ],
  ] as [string, ListScope][])('%s', (_name, scope) => {
    expect(
      buildChallengeListQuery(ADMIN, { first: 20, orderBy: ChallengeOrderBy.NEWEST }, scope),
    ).toMatchSnapshot();
  });

  it('selects only the columns of the requested fields', () => {
    expect(
      buildChallengeListQuery(
        SME,
        { first: 5 },
        BROWSE,
        new Set(['titleZh', 'deadline', 'proposalCount']),
      ),
    ).toMatchSnapshot();
  });

  it('refuses RELEVANCE without a search, and a cursor of another ordering, as bad input', () => {
    expect(() =>
      buildChallengeListQuery(SME, { first: 20, orderBy: ChallengeOrderBy.RELEVANCE }, BROWSE),
    ).toThrow(UserInputError);
    expect(() =>
      buildChallengeListQuery(
        SME,
        { first: 20, after: cursor('DEADLINE_SOONEST', '2026-03-04T05:06:07.089Z') },
        BROWSE,
      ),
    ).toThrow(UserInputError);
    expect(() =>
      buildChallengeListQuery(
        SME,
        { first: 20, after: cursor('NEWEST', "2026-01-01'; DROP TABLE x; --") },
        BROWSE,
      ),
    ).toThrow(UserInputError);
  });

  it('never writes a filter value into the SQL text', () => {
    const { sql, params } = buildChallengeListQuery(
      SME,
      { first: 20, filter: { ...EVERY_FILTER, search: 'battery' } },
      BROWSE,
    );
    for (const value of ['ENE.STO', 'C38', '310000', ISSUER, ORG, 'battery', '100000'])
      expect(sql).not.toContain(value);
    expect(params).toEqual(expect.arrayContaining([ISSUER, ORG, '310000', 'battery']));
  });
});

describe('buildFacetsQuery', () => {
  it.each([
    ['without a filter, anonymous', ANONYMOUS, undefined],
    ['with every filter and a search, for an SME member', SME, { ...EVERY_FILTER, search: '储能' }],
  ] as [string, Viewer, ChallengeFilterInput | undefined][])('%s', (_name, viewer, filter) => {
    expect(buildFacetsQuery(viewer, filter)).toMatchSnapshot();
  });
});
