import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  inDays,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version titleZh deadline bounty status } } }`;
const UPDATE = `mutation($input: UpdateChallengeDraftInput!) { updateChallengeDraft(input: $input) { challenge { id version titleZh } } }`;
const VERSIONS = `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version changeSummary titleZh deadline bounty description } } } }`;

describe('amendments after publication and concurrent edits', () => {
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

  async function stored(
    id: string,
  ): Promise<{ version: number; title_zh: string; deadline: Date }> {
    return (
      await t.sql.query(`SELECT version, title_zh, deadline FROM challenges WHERE id = $1`, [id])
    ).rows[0];
  }

  it('an amendment bumps the version, keeps the previous versions readable and may extend the deadline', async () => {
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    const newDeadline = inDays(45);
    const amended = await t.gql.as(issuer.owner.token).ok<{
      amendChallenge: {
        challenge: { version: number; titleZh: string; deadline: string; status: string };
      };
    }>(AMEND, {
      input: {
        id,
        expectedVersion: version,
        changeSummary: '延长截止时间并提高悬赏',
        deadline: newDeadline,
        bounty: '2000000',
        titleZh: '储能电站热失控预警（第二版）',
      },
    });
    expect(amended.amendChallenge.challenge).toMatchObject({
      version: version + 1,
      titleZh: '储能电站热失控预警（第二版）',
      deadline: newDeadline,
      status: 'PUBLISHED',
    });

    const page = await t.gql.as(sme.owner.token).ok<{
      challengeVersions: {
        edges: {
          node: {
            version: number;
            changeSummary: string | null;
            titleZh: string;
            bounty: string;
            description: string | null;
          };
        }[];
      };
    }>(VERSIONS, { id });
    const versions = { challengeVersions: page.challengeVersions.edges.map((e) => e.node) };
    expect(
      versions.challengeVersions.map((v) => [v.version, v.changeSummary, v.titleZh, v.bounty]),
    ).toEqual([
      [version + 1, '延长截止时间并提高悬赏', '储能电站热失控预警（第二版）', '2000000'],
      [version, null, challengeInput().titleZh, '1000000'],
    ]);
    // No terms on this challenge: a signed-in viewer may read the description of every version; an anonymous one never.
    expect(versions.challengeVersions[1].description).toContain('CONFIDENTIAL-DESCRIPTION');
    const anon = await t.gql.send(VERSIONS, { id });
    expect(anon.text).not.toContain('CONFIDENTIAL-DESCRIPTION');

    const { rows } = await t.sql.query(
      `SELECT action, reason FROM audit_events WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(rows[0]).toEqual({ action: 'CHALLENGE_AMENDED', reason: '延长截止时间并提高悬赏' });
  });

  it('refuses to shorten the deadline, and to amend without a summary of the change', async () => {
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    const before = await stored(id);
    const error = await t.gql.as(issuer.owner.token).fails(AMEND, {
      input: { id, expectedVersion: version, changeSummary: '提前截止', deadline: inDays(20) },
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields).toEqual([
      { field: 'input.deadline', message: expect.stringContaining('never shorten') },
    ]);
    const noSummary = await t.gql
      .as(issuer.owner.token)
      .fails(AMEND, { input: { id, expectedVersion: version, titleZh: '改' } });
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(noSummary.extensions?.code);
    const shortSummary = await t.gql
      .as(issuer.owner.token)
      .fails(AMEND, { input: { id, expectedVersion: version, titleZh: '改', changeSummary: 'x' } });
    expect(shortSummary.extensions?.fields?.map((f) => f.field)).toContain('changeSummary');
    expect(await stored(id)).toEqual(before);
  });

  it('refuses to change requirements or criteria after publication (they are not part of an amendment)', async () => {
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    const res = await t.gql.as(issuer.owner.token).send(AMEND, {
      input: {
        id,
        expectedVersion: version,
        changeSummary: '改权重',
        evaluationCriteria: [{ name: 'x', weight: 100 }],
      },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a draft is edited with updateChallengeDraft, not amended; a published challenge is amended, not draft-edited', async () => {
    const draft = await t.gql
      .as(issuer.owner.token)
      .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
        input: challengeInput(),
      });
    const e1 = await t.gql.as(issuer.owner.token).fails(AMEND, {
      input: {
        id: draft.createChallenge.challenge.id,
        expectedVersion: 1,
        changeSummary: '修改标题',
        titleZh: 'x',
      },
    });
    expect(e1.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PUBLISHED' });
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    const e2 = await t.gql
      .as(issuer.owner.token)
      .fails(UPDATE, { input: { id, expectedVersion: version, titleZh: 'x' } });
    expect(e2.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
  });

  it('refuses an amendment after the deadline (the challenge reads as CLOSED)', async () => {
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    await t.sql.query(
      `UPDATE challenges SET deadline = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const error = await t.gql.as(issuer.owner.token).fails(AMEND, {
      input: {
        id,
        expectedVersion: version,
        changeSummary: '延长截止时间',
        deadline: inDays(40),
      },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PUBLISHED' });
    expect((await stored(id)).version).toBe(version);
  });

  it('refuses an edit from an old version with CONFLICT STALE_VERSION', async () => {
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    await t.gql.as(issuer.owner.token).ok(AMEND, {
      input: { id, expectedVersion: version, changeSummary: '第一次修改', titleEn: 'first' },
    });
    const error = await t.gql.as(issuer.owner.token).fails(AMEND, {
      input: {
        id,
        expectedVersion: version,
        changeSummary: '基于旧版本的修改',
        titleEn: 'second',
      },
    });
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      currentVersion: version + 1,
    });
    const { rows } = await t.sql.query(`SELECT title_en FROM challenges WHERE id = $1`, [id]);
    expect(rows[0].title_en).toBe('first');
  });

  it('of two amendments sent at once from the same version, exactly one wins and the other gets STALE_VERSION', async () => {
    const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
    const results = await Promise.all(
      ['A', 'B'].map((who) =>
        t.gql
          .as(issuer.owner.token)
          .send<{ amendChallenge: { challenge: { version: number } } }>(AMEND, {
            input: {
              id,
              expectedVersion: version,
              changeSummary: `修改 ${who}`,
              titleEn: `edit ${who}`,
            },
          }),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    expect(winners[0].data?.amendChallenge?.challenge.version).toBe(version + 1);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM challenge_versions WHERE challenge_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(2);
    expect((await stored(id)).version).toBe(version + 1);
  });

  it('of two draft edits sent at once from the same version, exactly one wins', async () => {
    const draft = await t.gql
      .as(issuer.owner.token)
      .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
        input: challengeInput(),
      });
    const id = draft.createChallenge.challenge.id;
    const results = await Promise.all(
      ['甲', '乙'].map((who) =>
        t.gql
          .as(issuer.owner.token)
          .send(UPDATE, { input: { id, expectedVersion: 1, titleZh: `编辑${who}` } }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(
      results.filter((r) => r.errors?.[0].extensions?.reason === 'STALE_VERSION'),
    ).toHaveLength(1);
    expect((await stored(id)).version).toBe(2);
  });
});
