import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import type { GqlResponse } from './support/graphql-client.js';
import { docExamples, maxPageQueries, withTypename } from './support/doc-examples.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The query-cost limit as a client meets it: the cost is priced with the operation's variables (a literal
 * `first`, a variable and a default cost the same), every documented selection passes at the largest page
 * (also as Apollo Client sends it, with `__typename` everywhere), and a document over the budget is refused
 * with QUERY_TOO_COMPLEX, HTTP 400, its cost and the budget.
 */
const DOCS = ['README.md', 'docs/organizations.md', 'docs/challenges.md', 'docs/proposals.md'];
/** The largest page of each list: 1–100, the ranking 1–200 (README "Lists", docs/proposals.md). */
/** The largest `first` each root list allows (over it: BAD_USER_INPUT, not priced). */
const maxFirst = (field: string) =>
  field === 'proposalRanking'
    ? 200
    : field.startsWith('recommended')
      ? 50
      : field === 'similarChallenges'
        ? 20
        : 100;

const CHALLENGE_FIELDS = 'id titleZh titleEn status deadline budgetMin budgetMax proposalCount';

/** Lists inside lists at the largest pages: every list of a challenge, on two pages of 100 challenges. */
const PATHOLOGICAL = `query {
  a: challenges(first: 100) { edges { node { ${CHALLENGE_FIELDS}
    requirements { id name target unit weight mustHave position }
    evaluationCriteria { id name description weight veto position }
    questions { id question answer askedAt answeredAt }
    announcements { id title body createdAt }
    technicalFields { code nameZh nameEn } } } }
  b: challenges(first: 100) { edges { node { ${CHALLENGE_FIELDS}
    requirements { id name target unit weight mustHave position }
    evaluationCriteria { id name description weight veto position } } } }
}`;

function refusedForCost(res: GqlResponse<unknown>): boolean {
  return res.errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? false;
}

describe('API contract: the query-cost limit', () => {
  let t: TestApp;
  /** The same service with a small budget (1,000), where the page size decides. */
  let small: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    small = await startTestApp({ env: { GRAPHQL_MAX_COST: '1000' } });
  });
  afterAll(async () => {
    await t?.close();
    await small?.close();
  });

  describe('the cost does not depend on how `first` is written', () => {
    const page = `edges { node { ${CHALLENGE_FIELDS} } } pageInfo { hasNextPage endCursor }`;

    it('refuses a large page alike as a literal, a variable and a variable default, with the same cost', async () => {
      const literal = await small.gql.send(`query { challenges(first: 100) { ${page} } }`);
      const variable = await small.gql.send(
        `query($first: Int) { challenges(first: $first) { ${page} } }`,
        { first: 100 },
      );
      const defaulted = await small.gql.send(
        `query($first: Int = 100) { challenges(first: $first) { ${page} } }`,
      );
      for (const res of [literal, variable, defaulted]) {
        expect(res.status).toBe(400);
        expect(res.data).toBeUndefined();
        expect(res.errors?.[0].extensions).toMatchObject({
          code: 'QUERY_TOO_COMPLEX',
          budget: 1000,
        });
      }
      const cost = literal.errors![0].extensions!.cost as number;
      expect(cost).toBeGreaterThan(1000);
      expect(variable.errors![0].extensions!.cost).toBe(cost);
      expect(defaulted.errors![0].extensions!.cost).toBe(cost);
    });

    it('accepts a small page alike as a literal, a variable, and `first` omitted (the service default, 20)', async () => {
      const answers = [
        await small.gql.send(`query { challenges(first: 20) { ${page} } }`),
        await small.gql.send(`query($first: Int) { challenges(first: $first) { ${page} } }`, {
          first: 20,
        }),
        await small.gql.send(`query($first: Int) { challenges(first: $first) { ${page} } }`),
        await small.gql.send(`query { challenges { ${page} } }`),
      ];
      for (const res of answers) {
        expect(res.errors).toBeUndefined();
        expect(res.status).toBe(200);
        expect(
          Array.isArray((res.data as { challenges: { edges: unknown[] } }).challenges.edges),
        ).toBe(true);
      }
    });

    it('prices an omitted `first` as the default page: the default is not a way around the budget', async () => {
      // 20 × the node's cost: 60 fields per challenge are over 1,000 at the default page of 20.
      const wide = `edges { node { ${CHALLENGE_FIELDS} requirements { id name target unit weight mustHave position } } }`;
      const omitted = await small.gql.send(`query { challenges { ${wide} } }`);
      const twenty = await small.gql.send(`query { challenges(first: 20) { ${wide} } }`);
      expect(refusedForCost(omitted)).toBe(true);
      expect(omitted.errors![0].extensions!.cost).toBe(twenty.errors![0].extensions!.cost);
    });
  });

  describe('every documented selection passes', () => {
    const examples = DOCS.flatMap((file) => docExamples(file));

    it('finds the examples', () => {
      // README 8, organizations 13, challenges 9, proposals 18 operations (keeps the extraction honest).
      expect(examples.length).toBeGreaterThanOrEqual(35);
      expect(examples.some((e) => e.query.includes('proposalRanking'))).toBe(true);
    });

    /** The example with each `first: n` at its list's largest page. */
    const atMaxPage = (query: string) =>
      query.replace(/(\w+)\(([^)]*?)first: \d+/g, (m, field: string) =>
        m.replace(/first: \d+$/, `first: ${maxFirst(field)}`),
      );

    it("raises the examples' pages to the largest", () => {
      const ranking = examples.find((e) => /proposalRanking\([^)]*first: \d/.test(e.query))!;
      expect(atMaxPage(ranking.query)).toMatch(/proposalRanking\([^)]*first: 200/);
      const browse = examples.find((e) => e.query.includes('orderBy: RELEVANCE'))!;
      expect(atMaxPage(browse.query)).toMatch(/challenges\([^)]*first: 100/);
    });

    it.each(examples.map((e) => [e.source, e] as const))(
      '%s: as documented, at the largest page, and with __typename everywhere',
      async (_source, example) => {
        const forms = [example.query, atMaxPage(example.query)];
        for (const query of [...forms, ...forms.map(withTypename)]) {
          const res = await t.gql.send(query, example.variables);
          const codes = (res.errors ?? []).map((e) => e.extensions?.code);
          // The query is part of what is compared, so that a failure names the form that was refused.
          expect({ query, codes }).toEqual({
            query,
            codes: expect.not.arrayContaining(['QUERY_TOO_COMPLEX']),
          });
          expect({ query, codes }).toEqual({
            query,
            codes: expect.not.arrayContaining(['GRAPHQL_VALIDATION_FAILED']),
          });
          expect(res.status).not.toBe(500);
        }
      },
    );

    it('passes the documented ranking at its largest page (200) with every documented field', async () => {
      const query =
        withTypename(`query { proposalRanking(challengeId: "00000000-0000-4000-8000-000000000000", first: 200) {
        total scoringLocked pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { rank position proposalId title weightedScore vetoed complete reviewerCount
          criteria { name weight average min max spread stdDev } } } } }`);
      const res = await t.gql.send(query);
      expect(refusedForCost(res)).toBe(false);
      // Anonymous: refused for who asks, not for what it costs.
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('a page of each root list at its largest `first`, with every scalar field', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const pages = maxPageQueries(schema, maxFirst);

    it('covers every paged root list', () => {
      expect(pages.map((p) => p.field)).toEqual(
        expect.arrayContaining([
          'challenges',
          'myProposals',
          'proposalRanking',
          'auditEvents',
          'users',
          'challengeObjections',
          'challengeVersions',
          'myReviewAssignments',
          'technicalFields',
        ]),
      );
    });

    it.each(pages.map((p) => [p.field, p.query]))('%s', async (_field, query) => {
      for (const q of [query, withTypename(query)]) {
        const res = await t.gql.send(q);
        const codes = (res.errors ?? []).map((e) => e.extensions?.code);
        expect(codes).not.toContain('QUERY_TOO_COMPLEX');
        expect(codes).not.toContain('GRAPHQL_VALIDATION_FAILED');
        expect(res.status).not.toBe(500);
      }
    });
  });

  describe('a document over the budget', () => {
    it('is refused before it runs: QUERY_TOO_COMPLEX, HTTP 400, its cost and the budget, the request id', async () => {
      const res = await t.gql.send(PATHOLOGICAL);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      const error = res.errors![0];
      expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(error.extensions?.budget).toBe(t.config.graphql.maxCost);
      expect(error.extensions?.cost as number).toBeGreaterThan(t.config.graphql.maxCost);
      expect(error.extensions?.requestId).toBe(res.headers['x-request-id']);
      expect(error.message).toMatch(/too complex.*cost is \d+.*budget is \d+/);
      expect(error.message).not.toMatch(/Syntax Error/);
      // Nothing ran: no SQL statement.
      expect(res.sqlStatements ?? 0).toBe(0);
    });

    it('is refused alike when its pages are variables', async () => {
      const withVariables = PATHOLOGICAL.replace('query {', 'query($n: Int) {').replace(
        /first: 100/g,
        'first: $n',
      );
      const literal = await t.gql.send(PATHOLOGICAL);
      const res = await t.gql.send(withVariables, { n: 100 });
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.errors?.[0].extensions?.cost).toBe(literal.errors?.[0].extensions?.cost);
    });

    it('is the default budget GRAPHQL_MAX_COST (30,000)', () => {
      expect(t.config.graphql.maxCost).toBe(30000);
    });
  });
});
