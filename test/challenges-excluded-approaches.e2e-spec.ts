import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  challengeInput,
  createAdmin,
  createEnterprise,
  createSme,
  PUBLISH_CHALLENGE,
  SUBMIT_CHALLENGE,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Approach = { zh: string | null; en: string | null };
type Challenge = { id: string; version: number; excludedApproaches: Approach[] };

const FIELDS = `id version excludedApproaches { zh en }`;
const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateChallengeDraftInput!) { updateChallengeDraft(input: $input) { challenge { ${FIELDS} } } }`;
const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { ${FIELDS} } } }`;
const DETAIL = `query($id: ID!) { challenge(id: $id) { ${FIELDS} } }`;
const LIST = `query { challenges(first: 100) { edges { node { id excludedApproaches { zh en } } } } }`;
const VERSIONS = `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version excludedApproaches { zh en } } } } }`;

const APPROACHES = [
  { zh: ' 不采用液流电池路线 ', en: 'No flow batteries' },
  { zh: '钠离子电池' },
  { en: '  Hydrogen storage  ', zh: '' },
];
const STORED: Approach[] = [
  { zh: '不采用液流电池路线', en: 'No flow batteries' },
  { zh: '钠离子电池', en: null },
  { zh: null, en: 'Hydrogen storage' },
];

describe('Challenge excluded approaches', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let sme: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    sme = await createSme(t);
  });
  afterAll(() => t.close());

  const create = async (overrides: Record<string, unknown> = {}) =>
    (
      await t.gql.as(issuer.owner.token).ok<{ createChallenge: { challenge: Challenge } }>(CREATE, {
        input: challengeInput(overrides),
      })
    ).createChallenge.challenge;
  const update = async (c: { id: string; version: number }, fields: Record<string, unknown>) =>
    (
      await t.gql
        .as(issuer.owner.token)
        .ok<{ updateChallengeDraft: { challenge: Challenge } }>(UPDATE, {
          input: { id: c.id, expectedVersion: c.version, ...fields },
        })
    ).updateChallengeDraft.challenge;
  const detail = async (token: string | undefined, id: string) =>
    (await t.gql.as(token).ok<{ challenge: Challenge | null }>(DETAIL, { id })).challenge;
  const stored = async (id: string) =>
    (
      await t.sql.query<{ version: number; excluded_approaches: Approach[] }>(
        `SELECT version, excluded_approaches FROM challenges WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const publish = async (id: string) => {
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    return (
      await t.gql
        .as(admin.token)
        .ok<{ approveAndPublishChallenge: { challenge: { version: number } } }>(PUBLISH_CHALLENGE, {
          id,
        })
    ).approveAndPublishChallenge.challenge.version;
  };
  /** The refusal's code and fields; the message of each field is checked to be there. */
  const refusal = async (query: string, input: Record<string, unknown>) => {
    const error = await t.gql.as(issuer.owner.token).fails(query, { input });
    const fields = error.extensions?.fields as { field: string; message: string }[];
    for (const f of fields) expect(f.message).toEqual(expect.any(String));
    return { code: error.extensions?.code, fields: fields.map((f) => f.field) };
  };

  it('a new challenge has none unless given; given ones are stored trimmed, empty labels as null, in order', async () => {
    const none = await create();
    expect(none.excludedApproaches).toEqual([]);
    expect((await stored(none.id)).excluded_approaches).toEqual([]);

    const created = await create({ excludedApproaches: APPROACHES });
    expect(created.excludedApproaches).toEqual(STORED);
    expect((await stored(created.id)).excluded_approaches).toEqual(STORED);
    expect((await detail(issuer.owner.token, created.id))?.excludedApproaches).toEqual(STORED);
    // A draft is the issuer's only.
    expect(
      (await t.gql.as(sme.owner.token).fails(DETAIL, { id: created.id })).extensions?.code,
    ).toBe('NOT_FOUND');
  });

  it('once published, SMEs and anonymous visitors read them like the summary, in the detail and in the list', async () => {
    const { id } = await create({ excludedApproaches: APPROACHES });
    await publish(id);
    for (const token of [sme.owner.token, undefined, issuer.owner.token, admin.token]) {
      expect((await detail(token, id))?.excludedApproaches).toEqual(STORED);
      const list = await t.gql
        .as(token)
        .ok<{ challenges: { edges: { node: { id: string; excludedApproaches: Approach[] } }[] } }>(
          LIST,
        );
      expect(list.challenges.edges.find((e) => e.node.id === id)?.node.excludedApproaches).toEqual(
        STORED,
      );
    }
  });

  it('a draft update replaces the list; omitted or null leaves it; an empty list clears it', async () => {
    const c = await create({ excludedApproaches: APPROACHES });
    const replaced = await update(c, { excludedApproaches: [{ en: 'Compressed air' }] });
    expect(replaced).toEqual({
      id: c.id,
      version: c.version + 1,
      excludedApproaches: [{ zh: null, en: 'Compressed air' }],
    });
    const untouched = await update(replaced, { titleZh: '新标题' });
    expect(untouched.excludedApproaches).toEqual([{ zh: null, en: 'Compressed air' }]);
    const nulled = await update(untouched, { excludedApproaches: null });
    expect(nulled.excludedApproaches).toEqual([{ zh: null, en: 'Compressed air' }]);
    const cleared = await update(nulled, { excludedApproaches: [] });
    expect(cleared.excludedApproaches).toEqual([]);
    expect(await stored(c.id)).toEqual({ version: c.version + 4, excluded_approaches: [] });
  });

  it('an amendment after publication changes them; each public version keeps its own list', async () => {
    const { id } = await create({ excludedApproaches: [{ zh: '液流电池' }] });
    const version = await publish(id);
    const amended = await t.gql
      .as(issuer.owner.token)
      .ok<{ amendChallenge: { challenge: Challenge } }>(AMEND, {
        input: {
          id,
          expectedVersion: version,
          changeSummary: '补充排除的技术路线',
          excludedApproaches: [{ zh: '液流电池' }, { zh: '铅酸电池', en: 'Lead-acid' }],
        },
      });
    expect(amended.amendChallenge.challenge).toEqual({
      id,
      version: version + 1,
      excludedApproaches: [
        { zh: '液流电池', en: null },
        { zh: '铅酸电池', en: 'Lead-acid' },
      ],
    });
    const versions = await t.gql.as(sme.owner.token).ok<{
      challengeVersions: { edges: { node: { version: number; excludedApproaches: Approach[] } }[] };
    }>(VERSIONS, { id });
    expect(versions.challengeVersions.edges.map((e) => e.node)).toEqual([
      {
        version: version + 1,
        excludedApproaches: [
          { zh: '液流电池', en: null },
          { zh: '铅酸电池', en: 'Lead-acid' },
        ],
      },
      { version, excludedApproaches: [{ zh: '液流电池', en: null }] },
    ]);
  });

  it('a version recorded before the list existed reads as none', async () => {
    const { id } = await create({ excludedApproaches: [{ zh: '液流电池' }] });
    const version = await publish(id);
    await t.sql.query(
      `UPDATE challenge_versions SET snapshot = snapshot - 'excludedApproaches' WHERE challenge_id = $1`,
      [id],
    );
    const versions = await t.gql.as(issuer.owner.token).ok<{
      challengeVersions: { edges: { node: { version: number; excludedApproaches: Approach[] } }[] };
    }>(VERSIONS, { id });
    expect(versions.challengeVersions.edges.map((e) => e.node)).toEqual([
      { version, excludedApproaches: [] },
    ]);
  });

  it('out of bounds → BAD_USER_INPUT naming the element and why; nothing is changed', async () => {
    const c = await create({ excludedApproaches: [{ zh: '液流电池' }] });
    const before = await stored(c.id);
    const ok = (i: number) => ({ en: `Approach ${i}` });
    const edit = (excludedApproaches: unknown[]) =>
      refusal(UPDATE, { id: c.id, expectedVersion: c.version, excludedApproaches });

    expect(await edit([0, 1, 2, 3, 4, 5].map(ok))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['excludedApproaches'],
    });
    expect(await edit([ok(0), { zh: ' ', en: '' }, {}])).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['excludedApproaches.1', 'excludedApproaches.2'],
    });
    expect(await edit([{ zh: '液'.repeat(61) }, { en: 'e'.repeat(61) }])).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['excludedApproaches.0.zh', 'excludedApproaches.1.en'],
    });
    expect(await edit([ok(0), { zh: '液流\u200b电池' }, { en: 'flow\u202ebattery' }])).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['excludedApproaches.1.zh', 'excludedApproaches.2.en'],
    });
    expect(await stored(c.id)).toEqual(before);

    // The bounds themselves are allowed: 5 approaches, 60 characters after trimming.
    const five = [{ zh: ` ${'液'.repeat(60)} ` }, ...[1, 2, 3, 4].map(ok)];
    expect((await update(c, { excludedApproaches: five })).excludedApproaches).toEqual([
      { zh: '液'.repeat(60), en: null },
      ...[1, 2, 3, 4].map((i) => ({ zh: null, en: `Approach ${i}` })),
    ]);

    // On creation too: refused, and no challenge is made.
    const count = async () =>
      (
        await t.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM challenges WHERE issuer_organization_id = $1`,
          [issuer.id],
        )
      ).rows[0].n;
    const challenges = await count();
    expect(
      await refusal(CREATE, challengeInput({ excludedApproaches: [{ en: 'ok' }, { zh: '' }] })),
    ).toEqual({ code: 'BAD_USER_INPUT', fields: ['excludedApproaches.1'] });
    expect(await count()).toBe(challenges);
  });

  it('only the issuer edits them, and only while the content is editable', async () => {
    const c = await create({ excludedApproaches: [{ zh: '液流电池' }] });
    const bySme = await t.gql.as(sme.owner.token).fails(UPDATE, {
      input: { id: c.id, expectedVersion: c.version, excludedApproaches: [] },
    });
    // The draft is not even visible to it.
    expect(bySme.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CHALLENGE_NOT_FOUND' });
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id: c.id });
    const { version } = await stored(c.id);
    const inReview = await t.gql.as(issuer.owner.token).fails(UPDATE, {
      input: { id: c.id, expectedVersion: version, excludedApproaches: [] },
    });
    expect(inReview.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
    expect((await stored(c.id)).excluded_approaches).toEqual([{ zh: '液流电池', en: null }]);
  });
});
