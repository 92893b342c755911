import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import {
  auditCount,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  type Persona,
  type TestChallenge,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const RECOMMENDED_SMES = `query($id: ID!) { recommendedSmes(challengeId: $id, first: 50) {
  edges { node { sme { id } match { reasons { kind text }
    matchedTerms { challengeText smeText viaTranslation } } } } } }`;
const LIST = `query($search: String, $first: Int, $after: String) {
  matchVocabulary(filter: { search: $search }, first: $first, after: $after) {
    edges { cursor node { id zh en createdAt createdById } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
const ADD = `mutation($input: AddMatchVocabularyPairInput!) { addMatchVocabularyPair(input: $input) {
  pair { id zh en createdAt createdById } } }`;
const REMOVE = `mutation($input: RemoveMatchVocabularyPairInput!) { removeMatchVocabularyPair(input: $input) { id } }`;
const UPDATE_SME = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id } } }`;

type Pair = { id: string; zh: string; en: string; createdAt: string; createdById: string | null };
type SmeEdges = {
  recommendedSmes: {
    edges: {
      node: {
        sme: { id: string };
        match: {
          reasons: { kind: string; text: string }[];
          matchedTerms: { challengeText: string; smeText: string; viaTranslation: boolean }[];
        };
      };
    }[];
  };
};
type ListPage = {
  matchVocabulary: {
    edges: { cursor: string; node: Pair }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
};

/**
 * A Chinese demand about stopping thermal runaway from spreading: its only technical term an English text could
 * share is 热失控, which the shipped vocabulary lacks (checked below). Nothing else in it has a translation the
 * English SME uses, and the SME has no technical field, so before an admin adds 热失控 ↔ thermal runaway the
 * two have nothing in common.
 */
const CHALLENGE = {
  titleZh: '热失控蔓延抑制方案',
  titleEn: null,
  summaryZh: '需要抑制热失控的蔓延。',
  summaryEn: null,
  technicalFieldCodes: ['NEW_ENERGY'],
  requirements: [{ name: '蔓延抑制', target: '≥ 60', unit: 'min', weight: 100, mustHave: true }],
};

describe('Matching vocabulary (admins)', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let challenge: TestChallenge;
  let enSme: TestOrg;
  let zhSme: TestOrg;

  const recommended = async () =>
    (await t.gql.as(issuer.owner.token).ok<SmeEdges>(RECOMMENDED_SMES, { id: challenge.id }))
      .recommendedSmes.edges;
  const list = async (variables: Record<string, unknown> = {}, token = admin.token) =>
    (await t.gql.as(token).ok<ListPage>(LIST, variables)).matchVocabulary;
  const add = async (zh: string, en: string) =>
    (
      await t.gql.as(admin.token).ok<{ addMatchVocabularyPair: { pair: Pair } }>(ADD, {
        input: { zh, en },
      })
    ).addMatchVocabularyPair.pair;
  const count = async (sql: string) =>
    Number((await t.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`)).rows[0].n);
  /** What a refused request must leave as it was: the pairs, the audit trail and the (drained) queue. */
  const state = async () => ({
    pairs: (await t.sql.query(`SELECT id, zh, en FROM match_vocabulary ORDER BY id`)).rows,
    audit: await auditCount(t),
    queued: await count('match_queue'),
  });
  /** Lets the indexer empty the queue (a refusal must then leave it empty). */
  const drained = async () => {
    await recommended(); // indexes what is queued before answering
    for (let i = 0; i < 200 && (await count('match_queue')) > 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count('match_queue')).toBe(0);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    challenge = await createChallenge(t, issuer, { via: 'api', admin, input: CHALLENGE });
    enSme = await createSme(t, { name: 'Cellguard' });
    await t.gql.as(enSme.owner.token).ok(UPDATE_SME, {
      input: {
        id: enSme.id,
        nameEn: 'Cellguard',
        capabilityStatement:
          'Thermal runaway containment: intumescent barriers between cells, tested to UL 9540A.',
        keywords: ['thermal runaway', 'intumescent barriers'],
      },
    });
    zhSme = await createSme(t);
    await t.gql.as(zhSme.owner.token).ok(UPDATE_SME, {
      input: {
        id: zhSme.id,
        capabilityStatement: '专注热失控蔓延抑制。',
        keywords: ['热失控'],
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets a Chinese demand find an English-only SME once an admin adds the term they share', async () => {
    const shipped = await readFile('src/matchmaking/vocabulary/cedict-terms.tsv', 'utf8');
    expect(shipped).not.toContain('热失控');
    expect(shipped.toLowerCase()).not.toContain('thermal runaway');

    const before = (await recommended()).map((e) => e.node.sme.id);
    expect(before).toContain(zhSme.id); // the index is there and answers
    expect(before).not.toContain(enSme.id);
    expect((await list()).edges).toEqual([]);
    const audit = await auditCount(t);

    // Stored normalised: NFKC (the full-width space), trimmed, lower case, one space between words.
    const pair = await add('\u3000热失控 ', '  Thermal   RUNAWAY ');
    expect(pair).toMatchObject({ zh: '热失控', en: 'thermal runaway', createdById: admin.id });
    const { rows: events } = await t.sql.query(
      `SELECT action, entity_type, entity_id, actor_user_id, data FROM audit_events ORDER BY seq DESC LIMIT 1`,
    );
    expect(await auditCount(t)).toBe(audit + 1);
    expect(events[0]).toMatchObject({
      action: 'MATCH_VOCABULARY_PAIR_ADDED',
      entity_type: 'MatchVocabularyPair',
      entity_id: pair.id,
      actor_user_id: admin.id,
      data: { zh: '热失控', en: 'thermal runaway' },
    });

    const after = await recommended();
    const edge = after.find((e) => e.node.sme.id === enSme.id);
    expect(edge).toBeDefined();
    expect(after.map((e) => e.node.sme.id)).toContain(zhSme.id);
    const across = edge!.node.match.reasons.find((r) => r.kind === 'CROSS_LANGUAGE');
    expect(across?.text).toMatch(/^Matched across languages: .*热失控 ↔ thermal runaway/);
    expect(edge!.node.match.matchedTerms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ challengeText: '热失控', viaTranslation: true }),
      ]),
    );
  });

  it('lists the admins’ pairs newest first, a page at a time, searching zh or en literally', async () => {
    const second = await add('膨胀阻燃', 'intumescent coating');
    const all = await list();
    expect(all.edges.map((e) => e.node.zh)).toEqual(['膨胀阻燃', '热失控']);
    expect(all.edges[0].node).toEqual(second);

    const first = await list({ first: 1 });
    expect(first.edges.map((e) => e.node.id)).toEqual([second.id]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await list({ first: 1, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.zh)).toEqual(['热失控']);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    expect((await list({ search: '阻燃' })).edges.map((e) => e.node.id)).toEqual([second.id]);
    expect((await list({ search: 'RUNAWAY' })).edges.map((e) => e.node.zh)).toEqual(['热失控']);
    expect((await list({ search: 'mal run' })).edges).toHaveLength(1);
    // % and _ are taken literally, not as wildcards.
    expect((await list({ search: '%' })).edges).toEqual([]);
    expect((await list({ search: 'thermal_runaway' })).edges).toEqual([]);

    const cursor = await t.gql.as(admin.token).fails(LIST, { after: 'not-a-cursor' });
    expect(cursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses bad terms, a pair already there and callers who are not admins, changing nothing', async () => {
    await drained();
    const start = await state();
    const refused = async (
      token: string | undefined,
      query: string,
      variables: Record<string, unknown>,
    ) => {
      const error = await t.gql.as(token).fails(query, variables);
      expect(await state()).toEqual(start);
      return error.extensions;
    };

    const bad: [string, string, RegExp][] = [
      ['热', 'heat', /zh/], // one character
      ['热失控X', 'thermal runaway', /zh/], // Latin in the Chinese term
      ['热 失控', 'thermal runaway', /zh/], // a space is not a Chinese character
      ['热失控蔓延抑制方案外', 'thermal runaway', /zh/], // ten characters
      ['热失控', 'thermal runaway propagation in cells', /en/], // five words
      ['热失控', 'the of', /en/], // grammar words only
      ['热失控', 'thermal runaway!', /en/], // punctuation
      ['热失控', '', /en/],
      ['热失控', 'thermal-runaway-cell-pack-module', /en/], // hyphens separate words too
    ];
    for (const [zh, en, field] of bad) {
      const ext = await refused(admin.token, ADD, { input: { zh, en } });
      expect(ext).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect((ext?.fields as { field: string }[]).map((f) => f.field).join(' ')).toMatch(field);
    }

    // The same pair after normalisation (full-width letters, case, spaces).
    const duplicate = await refused(admin.token, ADD, {
      input: { zh: '热失控', en: 'ＴＨＥＲＭＡＬ  Runaway' },
    });
    expect(duplicate).toMatchObject({ code: 'CONFLICT', reason: 'VOCABULARY_PAIR_EXISTS' });

    const [pair] = (await list({ search: '热失控' })).edges.map((e) => e.node);
    for (const token of [issuer.owner.token, enSme.owner.token]) {
      expect(
        await refused(token, ADD, { input: { zh: '阻燃剂', en: 'flame retardant' } }),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refused(token, REMOVE, { input: { id: pair.id } })).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await refused(token, LIST, {})).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(
      await refused(undefined, ADD, { input: { zh: '阻燃剂', en: 'flame retardant' } }),
    ).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refused(undefined, LIST, {})).toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(
      await refused(admin.token, REMOVE, { input: { id: '00000000-0000-4000-8000-000000000000' } }),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'VOCABULARY_PAIR_NOT_FOUND' });
    expect(await refused(admin.token, REMOVE, { input: { id: 'nope' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('removes a pair: the link goes again, with an audit event', async () => {
    const [pair] = (await list({ search: '热失控' })).edges.map((e) => e.node);
    expect((await recommended()).map((e) => e.node.sme.id)).toContain(enSme.id);
    const audit = await auditCount(t);
    const removed = await t.gql
      .as(admin.token)
      .ok<{ removeMatchVocabularyPair: { id: string } }>(REMOVE, { input: { id: pair.id } });
    expect(removed.removeMatchVocabularyPair.id).toBe(pair.id);
    expect(await auditCount(t)).toBe(audit + 1);
    const { rows } = await t.sql.query(
      `SELECT action, entity_id, data FROM audit_events ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({
      action: 'MATCH_VOCABULARY_PAIR_REMOVED',
      entity_id: pair.id,
      data: { zh: '热失控', en: 'thermal runaway' },
    });
    expect((await list()).edges.map((e) => e.node.zh)).toEqual(['膨胀阻燃']);

    const after = (await recommended()).map((e) => e.node.sme.id);
    expect(after).toContain(zhSme.id);
    expect(after).not.toContain(enSme.id);

    const again = await t.gql.as(admin.token).fails(REMOVE, { input: { id: pair.id } });
    expect(again.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'VOCABULARY_PAIR_NOT_FOUND',
    });
  });
});
