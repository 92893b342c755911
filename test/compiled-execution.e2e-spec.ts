import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import type { GqlResponse } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Compiled execution (src/common/graphql/compiled-execution.ts) with the service's default settings: graphql-js
 * executes a document the first time, graphql-jit from the second time on. Every answer of the compiled
 * function must be the answer graphql-js gave: data, refusals and errors alike. (The rest of the suite runs with
 * GRAPHQL_COMPILE_AFTER_RUNS=0, so every other test checks compiled execution against its own expectations.)
 */
describe('compiled execution answers as graphql-js does', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let sme: TestOrg;
  let challengeId: string;

  const BROWSE = `query Browse($first: Int, $filter: ChallengeFilterInput) {
    challenges(first: $first, filter: $filter) {
      edges { cursor node { id titleZh titleEn status deadline budgetMax issuer { id nameZh } proposalCount technicalFields { code nameZh }
                            requirements { name target unit weight mustHave } } }
      pageInfo { hasNextPage endCursor } } }`;
  const DETAIL = `query Detail($id: ID!) { challenge(id: $id) { id titleZh description version issuer { nameZh } } }`;

  /** The request's answer without its request id (different on every request). */
  function answer(res: GqlResponse<unknown>): string {
    return res.text.replace(/"requestId":"[^"]+"/g, '"requestId":"-"');
  }

  let documents = 0;

  /**
   * Sends the same document three times: graphql-js answers first, then the compiled function, twice (unless
   * `then` says graphql-js: variables that do not coerce). A comment numbers the document, so that each call
   * starts from a document the service has not seen.
   */
  async function threeTimes(
    token: string | undefined,
    query: string,
    variables?: Record<string, unknown>,
    then = 'compiled',
  ) {
    const document = `${query}\n# document ${(documents += 1)}`;
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await t.gql.as(token).send(document, variables));
    expect(runs.map((r) => r.headers['x-graphql-execution'])).toEqual(['graphql-js', then, then]);
    expect(runs.map((r) => r.status)).toEqual([runs[0].status, runs[0].status, runs[0].status]);
    expect(answer(runs[1])).toBe(answer(runs[0]));
    expect(answer(runs[2])).toBe(answer(runs[0]));
    return runs[0];
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_COMPILE_AFTER_RUNS: '1' } });
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    sme = await createSme(t);
    challengeId = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { terms: '保密协议：方案内容仅用于本次评审。' },
      })
    ).id;
    await createChallenge(t, issuer, {
      via: 'api',
      admin,
      input: { titleZh: '氢能储运安全监测', titleEn: null, summaryEn: null },
    });
  });

  afterAll(() => t?.close());

  it('a list with nested objects, lists, custom scalars and a cursor', async () => {
    const res = await threeTimes(undefined, BROWSE, { first: 5 });
    const edges = (
      res.data as { challenges: { edges: { node: { id: string; requirements: unknown[] } }[] } }
    ).challenges.edges;
    expect(edges.map((e) => e.node.id)).toContain(challengeId);
    expect(edges.every((e) => e.node.requirements.length === 2)).toBe(true);
  });

  it('a search through an input object variable, and an empty result', async () => {
    await threeTimes(undefined, BROWSE, { first: 5, filter: { search: '储能' } });
    const none = await threeTimes(undefined, BROWSE, {
      first: 5,
      filter: { search: '不存在的词语组合' },
    });
    expect((none.data as { challenges: { edges: unknown[] } }).challenges.edges).toEqual([]);
  });

  it('what the caller may not see (a description behind terms not accepted, an unknown id): null and NOT_FOUND, the same way', async () => {
    const seen = await threeTimes(sme.owner.token, DETAIL, { id: challengeId });
    expect(
      (seen.data as { challenge: { description: string | null } }).challenge.description,
    ).toBeNull();
    const missing = await threeTimes(sme.owner.token, DETAIL, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refusals of arguments (BAD_USER_INPUT with the field) and of variables (graphql-js coerces them)', async () => {
    const tooMany = await threeTimes(undefined, BROWSE, { first: 5000 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toMatch(/^first: /);
    const wrongType = await threeTimes(undefined, BROWSE, { first: 'twenty' }, 'graphql-js');
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0].message).toContain('Variable "$first" got invalid value');
    const missing = await threeTimes(sme.owner.token, DETAIL, {}, 'graphql-js');
    expect(missing.errors?.[0].message).toContain(
      'Variable "$id" of required type "ID!" was not provided',
    );
  });

  it('an anonymous caller refused with UNAUTHENTICATED, the same way', async () => {
    const res = await threeTimes(
      undefined,
      `query Mine { myChallenges(first: 5) { edges { node { id } } } }`,
    );
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('an input with an omitted required field that has a default (mustHave) runs on graphql-js every time, and works', async () => {
    const input = challengeInput({
      requirements: [{ name: '误报率', target: '< 1', unit: '%', weight: 100 }],
    });
    const runs = [];
    for (let i = 0; i < 2; i += 1)
      runs.push(
        await t.gql
          .as(issuer.owner.token)
          .send<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, { input }),
      );
    expect(runs.map((r) => r.headers['x-graphql-execution'])).toEqual(['graphql-js', 'graphql-js']);
    expect(runs.map((r) => r.errors)).toEqual([undefined, undefined]);
    const { rows } = await t.sql.query(
      `SELECT must_have FROM challenge_requirements WHERE challenge_id = ANY($1::uuid[])`,
      [runs.map((r) => r.data!.createChallenge.challenge.id)],
    );
    expect(rows).toEqual([{ must_have: false }, { must_have: false }]);
  });

  it('an input written in the document (not a variable) gets its defaults compiled too', async () => {
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const create = `mutation { createChallenge(input: { titleZh: "文档内输入", summaryZh: "摘要", description: "说明", technicalFieldCodes: ["NEW_ENERGY"],
      industryCode: "D", chainGoal: STRENGTHEN, demandType: TECH_BREAKTHROUGH, cooperationModes: [JOINT_DEVELOPMENT], budgetMin: "100",
      budgetMax: "200", ipOwnership: SHARED, visibility: PUBLIC, deadline: "${deadline}",
      requirements: [{ name: "误报率", target: "< 1", weight: 100 }], evaluationCriteria: [{ name: "可行性", weight: 100 }], eligibility: {} }) {
      challenge { id requirements { name unit weight mustHave } evaluationCriteria { name description veto weight } eligibility { verifiedOnly minQualification allowedRegionCodes } } } }`;
    const runs = [];
    for (let i = 0; i < 2; i += 1)
      runs.push(
        await t.gql
          .as(issuer.owner.token)
          .send<{ createChallenge: { challenge: { id: string } } }>(create),
      );
    expect(runs.map((r) => r.headers['x-graphql-execution'])).toEqual(['graphql-js', 'compiled']);
    const [first, second] = runs.map((r) => {
      const { id, ...rest } = r.data!.createChallenge.challenge;
      expect(id).toEqual(expect.any(String));
      return rest;
    });
    expect(second).toEqual(first);
    expect(first).toEqual({
      requirements: [{ name: '误报率', unit: '', weight: 100, mustHave: false }],
      evaluationCriteria: [{ name: '可行性', description: '', veto: false, weight: 100 }],
      eligibility: { verifiedOnly: true, minQualification: 'NONE', allowedRegionCodes: [] },
    });
  });

  it('an SME with its capability lists and track record, and an edit of them with nested list inputs', async () => {
    const capabilities = `keywords products { name description } pastProjects { title year clientIndustryCode outcome }
      technicalRoutes { zh en }`;
    const update = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id ${capabilities} } } }`;
    await threeTimes(sme.owner.token, update, {
      input: {
        id: sme.id,
        keywords: ['储能', 'Battery', 'battery'],
        products: [{ name: '热失控预警模组' }],
        pastProjects: [{ title: '储能电站预警', year: 2021, clientIndustryCode: 'D' }],
        technicalRoutes: [{ zh: '液冷' }, { en: 'Immersion', zh: null }],
      },
    });
    const res = await threeTimes(
      undefined,
      `query($id: ID!) { sme(id: $id) { id ${capabilities} trackRecord { fieldCode field { code } shortlisted selected awarded } } }`,
      { id: sme.id },
    );
    expect(res.data).toMatchObject({
      sme: {
        keywords: ['储能', 'Battery'],
        products: [{ name: '热失控预警模组', description: '' }],
        pastProjects: [{ year: 2021, outcome: '' }],
        technicalRoutes: [
          { zh: '液冷', en: null },
          { zh: null, en: 'Immersion' },
        ],
        trackRecord: [],
      },
    });
  });

  it('introspection is left to graphql-js', async () => {
    const runs = [];
    for (let i = 0; i < 2; i += 1)
      runs.push(await t.gql.send(`{ __schema { queryType { name } } }`));
    expect(runs.map((r) => r.headers['x-graphql-execution'])).toEqual(['graphql-js', 'graphql-js']);
    expect(runs[1].data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

// Its own app, after the one above has stopped (passport's strategy is registered per process).
describe('compiled execution switched off', () => {
  let off: TestApp;
  const BROWSE = `query Browse($first: Int) { challenges(first: $first) { edges { node { id titleZh issuer { nameZh } } } pageInfo { hasNextPage } } }`;

  beforeAll(async () => {
    off = await startTestApp({ env: { GRAPHQL_COMPILED_EXECUTION: 'false' } });
  });
  afterAll(() => off?.close());

  it('GRAPHQL_COMPILED_EXECUTION=false: graphql-js executes every request', async () => {
    const runs = [];
    for (let i = 0; i < 3; i += 1) runs.push(await off.gql.send(BROWSE, { first: 5 }));
    expect(runs.map((r) => r.headers['x-graphql-execution'])).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(runs.every((r) => r.status === 200 && !r.errors)).toBe(true);
  });
});
