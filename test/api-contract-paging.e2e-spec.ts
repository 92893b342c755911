import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createExpert,
  nodes,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Paging is the same on every list: `first` (1 to 100, default 20) and `after`, a PageInfo with
 * hasNextPage, hasPreviousPage, startCursor and endCursor, and bad input refused as BAD_USER_INPUT naming
 * the argument. The lists that were plain arrays (technicalFields, challengeVersions, myReviewAssignments,
 * challengeObjections) are connections like the others.
 */
type PageInfo = {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
};
type Page<T> = { edges: { cursor: string; node: T }[]; pageInfo: PageInfo };

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const FIELDS = `query($first: Int, $after: String) { technicalFields(first: $first, after: $after) {
  edges { cursor node { code } } ${PAGE_INFO} } }`;
const VERSIONS = `query($id: ID!, $first: Int, $after: String) { challengeVersions(challengeId: $id, first: $first, after: $after) {
  edges { cursor node { version changeSummary } } ${PAGE_INFO} } }`;
const ASSIGNMENTS = `query($first: Int, $after: String) { myReviewAssignments(first: $first, after: $after) {
  edges { cursor node { id challengeId } } ${PAGE_INFO} } }`;
const OBJECTIONS = `query($id: ID!, $first: Int, $after: String) { challengeObjections(challengeId: $id, first: $first, after: $after) {
  edges { cursor node { id } } ${PAGE_INFO} } }`;
const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version } } }`;

/** Every page of a list, following endCursor, each page checked against what PageInfo promises. */
async function walk<T>(
  fetch: (after: string | null) => Promise<Page<T>>,
  pageSize: number,
): Promise<T[]> {
  const all: T[] = [];
  let after: string | null = null;
  for (let i = 0; i < 1000; i += 1) {
    const page: Page<T> = await fetch(after);
    expect(page.edges.length).toBeLessThanOrEqual(pageSize);
    expect(page.pageInfo).toEqual({
      hasNextPage: page.pageInfo.hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges[page.edges.length - 1]?.cursor ?? null,
    });
    if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(pageSize);
    all.push(...nodes(page));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
  throw new Error('the list did not end');
}

describe('API contract: paging the same on every list', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let expert: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    expert = await createExpert(t);
  });
  afterAll(() => t.close());

  it('technicalFields pages by code: the pages joined are the one large page, PageInfo true to each page', async () => {
    const whole = await t.gql.ok<{ technicalFields: Page<{ code: string }> }>(FIELDS, {
      first: 100,
    });
    const codes = nodes(whole.technicalFields).map((f) => f.code);
    expect(codes.length).toBeGreaterThan(3);
    expect(codes).toEqual([...codes].sort());
    expect(whole.technicalFields.pageInfo.hasPreviousPage).toBe(false);
    const paged = await walk(
      async (after) =>
        (await t.gql.ok<{ technicalFields: Page<{ code: string }> }>(FIELDS, { first: 3, after }))
          .technicalFields,
      3,
    );
    expect(paged.map((f) => f.code)).toEqual(codes);
    // The default page is 20.
    const byDefault = await t.gql.ok<{ technicalFields: Page<{ code: string }> }>(FIELDS);
    expect(byDefault.technicalFields.edges).toHaveLength(Math.min(20, codes.length));
    // After the last row: an empty page that still says a page precedes it.
    const past = await t.gql.ok<{ technicalFields: Page<{ code: string }> }>(FIELDS, {
      first: 100,
      after: whole.technicalFields.pageInfo.endCursor,
    });
    expect(past.technicalFields).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it('challengeVersions pages newest first, and stays NOT_FOUND for a challenge the caller may not see', async () => {
    const challenge = await createChallenge(t, issuer, { via: 'api', admin });
    let version = challenge.version;
    for (const summary of ['第一次修改', '第二次修改', '第三次修改']) {
      const amended = await t.gql
        .as(issuer.owner.token)
        .ok<{ amendChallenge: { challenge: { version: number } } }>(AMEND, {
          input: { id: challenge.id, expectedVersion: version, changeSummary: summary },
        });
      version = amended.amendChallenge.challenge.version;
    }
    const fetch = async (first: number, after: string | null) =>
      (
        await t.gql.ok<{
          challengeVersions: Page<{ version: number; changeSummary: string | null }>;
        }>(VERSIONS, { id: challenge.id, first, after })
      ).challengeVersions;
    const whole = nodes(await fetch(100, null));
    expect(whole.map((v) => v.changeSummary)).toEqual([
      '第三次修改',
      '第二次修改',
      '第一次修改',
      null,
    ]);
    expect(await walk((after) => fetch(1, after), 1)).toEqual(whole);
    expect(await walk((after) => fetch(3, after), 3)).toEqual(whole);

    const draft = await createChallenge(t, issuer, { status: 'DRAFT' });
    const hidden = await t.gql.fails(VERSIONS, { id: draft.id });
    expect(hidden.extensions?.code).toBe('NOT_FOUND');
    const unknown = await t.gql.fails(VERSIONS, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.extensions?.code).toBe('NOT_FOUND');
  });

  it("myReviewAssignments pages the caller's own assignments newest first, one statement a page", async () => {
    const challenges = await Promise.all(
      Array.from({ length: 5 }, () => createChallenge(t, issuer, { deadlineIn: '-1 day' })),
    );
    // Arranged in SQL (inviting needs a whole evaluation): one invitation per challenge, a millisecond apart.
    for (const [i, c] of challenges.entries()) {
      await t.sql.query(
        `INSERT INTO review_assignments (challenge_id, reviewer_user_id, created_at)
         VALUES ($1, $2, now() - make_interval(secs => $3::int / 1000.0))`,
        [c.id, expert.id, 10 * (challenges.length - i)],
      );
    }
    const fetch = async (first: number, after: string | null) => {
      const res = await t.gql
        .as(expert.token)
        .send<{ myReviewAssignments: Page<{ id: string; challengeId: string }> }>(ASSIGNMENTS, {
          first,
          after,
        });
      expect(res.errors).toBeUndefined();
      return res;
    };
    const whole = nodes((await fetch(100, null)).data!.myReviewAssignments);
    expect(whole.map((a) => a.challengeId)).toEqual(challenges.map((c) => c.id).reverse());
    const statements = new Set<number | undefined>();
    const paged = await walk(async (after) => {
      const res = await fetch(2, after);
      statements.add(res.sqlStatements);
      return res.data!.myReviewAssignments;
    }, 2);
    expect(paged).toEqual(whole);
    expect(statements.size).toBe(1);
    // Someone else's are not listed.
    const other = await createExpert(t);
    const theirs = await t.gql
      .as(other.token)
      .ok<{ myReviewAssignments: Page<unknown> }>(ASSIGNMENTS, {});
    expect(theirs.myReviewAssignments.edges).toEqual([]);
  });

  it('challengeObjections answers a connection: empty for a caller who is neither the issuer nor an admin', async () => {
    const challenge = await createChallenge(t, issuer);
    for (const token of [issuer.owner.token, admin.token, expert.token]) {
      const res = await t.gql
        .as(token)
        .ok<{ challengeObjections: Page<unknown> }>(OBJECTIONS, { id: challenge.id });
      expect(res.challengeObjections).toEqual({
        edges: [],
        pageInfo: {
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: null,
          endCursor: null,
        },
      });
    }
  });

  it.each([
    ['technicalFields', FIELDS, {}],
    ['challengeVersions', VERSIONS, { id: '00000000-0000-4000-8000-000000000000' }],
    ['myReviewAssignments', ASSIGNMENTS, {}],
    ['challengeObjections', OBJECTIONS, { id: '00000000-0000-4000-8000-000000000000' }],
  ])(
    '%s: first is 1 to 100 and after a cursor of this list, else BAD_USER_INPUT naming the argument',
    async (_name, query, scope) => {
      const as = t.gql.as(expert.token);
      for (const first of [0, -1, 101]) {
        const res = await as.send(query, { ...scope, first });
        expect(res.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'first' })],
        });
      }
      const foreign = Buffer.from(JSON.stringify(['RANKING', '1'])).toString('base64url');
      for (const after of ['not-a-cursor', foreign, 'x'.repeat(501)]) {
        const res = await as.send(query, { ...scope, after });
        expect(res.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'after' })],
        });
      }
      // At the bound the arguments are accepted (an unknown challenge is then NOT_FOUND, not bad input).
      const atBound = await as.send(query, { ...scope, first: 100 });
      expect(atBound.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('BAD_USER_INPUT');
    },
  );

  it('list-narrowing arguments live in `filter`: the old top-level arguments are gone', async () => {
    await createChallenge(t, issuer, { status: 'DRAFT' });
    for (const query of [
      `{ myChallenges(statuses: [DRAFT]) { edges { node { id } } } }`,
      `{ challengeReviewQueue(statuses: [PENDING_REVIEW]) { edges { node { id } } } }`,
      `{ organizationVerificationQueue(kind: SME) { edges { node { organizationId } } } }`,
    ]) {
      const res = await t.gql.as(admin.token).send(query);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const smes = await t.gql.as(admin.token).ok<{
      organizationVerificationQueue: Page<{ kind: string }>;
    }>(`{ organizationVerificationQueue(first: 100, filter: { kind: SME }) { edges { cursor node { kind } } ${PAGE_INFO} } }`);
    expect(nodes(smes.organizationVerificationQueue).every((n) => n.kind === 'SME')).toBe(true);
    const drafts = await t.gql.as(issuer.owner.token).ok<{
      myChallenges: Page<{ status: string }>;
    }>(`{ myChallenges(first: 100, filter: { statuses: [DRAFT] }) { edges { cursor node { status } } ${PAGE_INFO} } }`);
    expect(nodes(drafts.myChallenges).length).toBeGreaterThan(0);
    expect(nodes(drafts.myChallenges).every((n) => n.status === 'DRAFT')).toBe(true);
    const bad = await t.gql
      .as(issuer.owner.token)
      .send(`{ myChallenges(filter: { statuses: [NOPE] }) { edges { node { id } } } }`);
    expect(bad.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
