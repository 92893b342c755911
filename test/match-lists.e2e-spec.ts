import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  type Persona,
  type TestChallenge,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Kept recommendation lists: a list is computed once and read a page at a time until something it depends on
 * changes (the indexer drops it), it expires, or its side dismisses a pair; the product's rules are checked
 * again on every read of a kept list.
 */

const MATCH = `match { score reasons { kind text } matchedTerms { challengeText smeText } }`;
const RECOMMENDED_SMES = `query($id: ID!, $first: Int, $after: String) {
  recommendedSmes(challengeId: $id, first: $first, after: $after) {
    edges { cursor node { sme { id } ${MATCH} } } pageInfo { hasNextPage endCursor } } }`;
const RECOMMENDED_CHALLENGES = `query($first: Int, $after: String) {
  recommendedChallenges(first: $first, after: $after) {
    edges { cursor node { challenge { id } ${MATCH} } } pageInfo { hasNextPage endCursor } } }`;
const UPDATE_SME = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id } } }`;
const VERIFY = `mutation($input: VerifyOrganizationInput!) { verifyOrganization(input: $input) { organizationId verificationStatus } }`;
const DISMISS = `mutation($input: DismissRecommendationInput!) { dismissRecommendation(input: $input) {
  dismissal { side } } }`;

type Page<K extends string> = {
  edges: {
    cursor: string;
    node: Record<K, { id: string }> & {
      match: {
        score: number;
        reasons: { kind: string; text: string }[];
        matchedTerms: { challengeText: string; smeText: string }[];
      };
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const STORAGE = {
  titleZh: '储能电站电池热失控早期预警',
  titleEn: null,
  summaryZh: '用于电网侧储能电站，需要在电池热失控前给出预警，多传感器融合。',
  summaryEn: null,
  technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
  eligibility: { allowedRegionCodes: ['370000', '320000', '330000'] },
  requirements: [
    { name: '预警提前时间', target: '≥ 10', unit: 'min', weight: 100, mustHave: true },
  ],
};

const PROFILE = {
  capabilityStatement: '储能电站锂电池热失控早期预警系统，多传感器融合，预警提前 15 分钟。',
  keywords: ['热失控预警', '储能安全'],
  technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
};

describe('Kept recommendation lists', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let challenge: TestChallenge;
  const fits: TestOrg[] = [];

  const profile = (sme: TestOrg, input: Record<string, unknown> = PROFILE) =>
    t.gql.as(sme.owner.token).ok(UPDATE_SME, { input: { id: sme.id, ...input } });
  const smes = async (vars: { first?: number; after?: string | null } = {}, id = challenge.id) =>
    (
      await t.gql
        .as(issuer.owner.token)
        .ok<{ recommendedSmes: Page<'sme'> }>(RECOMMENDED_SMES, { id, first: 50, ...vars })
    ).recommendedSmes;
  const challengesOf = async (sme: TestOrg, vars: { first?: number; after?: string | null } = {}) =>
    (
      await t.gql
        .as(sme.owner.token)
        .ok<{ recommendedChallenges: Page<'challenge'> }>(RECOMMENDED_CHALLENGES, {
          first: 50,
          ...vars,
        })
    ).recommendedChallenges;
  const smeIds = (page: Page<'sme'>) => page.edges.map((e) => e.node.sme.id);
  const challengeIds = (page: Page<'challenge'>) => page.edges.map((e) => e.node.challenge.id);
  /** When the subject's list was kept (null: none is). */
  const keptAt = async (side: 'S' | 'C', subjectId: string): Promise<Date | null> => {
    const { rows } = await t.sql.query<{ computed_at: Date }>(
      `SELECT computed_at FROM match_lists WHERE side = $1 AND subject_id = $2`,
      [side, subjectId],
    );
    return rows[0]?.computed_at ?? null;
  };
  const generation = async (side: 'S' | 'C') =>
    Number(
      (
        await t.sql.query<{ g: string }>(
          `SELECT lists_generation AS g FROM match_side_stats WHERE side = $1`,
          [side],
        )
      ).rows[0].g,
    );
  /** A change made with the database's triggers off: nothing is queued, so no list is dropped for it. */
  const behindTheIndexer = async (sql: string, params: unknown[]) => {
    const client = await t.sql.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL session_replication_role = replica`);
      await client.query(sql, params);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    challenge = await createChallenge(t, issuer, { via: 'api', admin, input: STORAGE });
    for (const region of ['370000', '320000', '330000', '370000']) {
      const sme = await createSme(t, { regionCode: region });
      await profile(sme);
      fits.push(sme);
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps a list once computed, answers the same from it, and pages through it by cursor', async () => {
    expect(await keptAt('S', challenge.id)).toBeNull();
    const computed = await smes();
    expect(smeIds(computed)).toEqual(expect.arrayContaining(fits.map((f) => f.id)));
    const at = await keptAt('S', challenge.id);
    expect(at).not.toBeNull();

    const again = await smes();
    expect(again).toEqual(computed);
    expect(await keptAt('S', challenge.id)).toEqual(at);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page<'sme'> = await smes({ first: 2, after });
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...smeIds(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(smeIds(computed));
    expect(await keptAt('S', challenge.id)).toEqual(at);

    const mine = await challengesOf(fits[0]);
    expect(challengeIds(mine)).toContain(challenge.id);
    expect(await keptAt('C', fits[0].id)).not.toBeNull();
    expect(await challengesOf(fits[0])).toEqual(mine);
  });

  it('checks the rules again on every read of a kept list, even for a change no trigger reported', async () => {
    await smes();
    const at = await keptAt('S', challenge.id);
    const [moved] = fits.splice(3, 1);
    // Region 440000 is not among the challenge's regions: the SME is no longer eligible.
    await behindTheIndexer(`UPDATE organizations SET region_code = '440000' WHERE id = $1`, [
      moved.id,
    ]);
    const page = await smes();
    expect(await keptAt('S', challenge.id)).toEqual(at);
    expect(smeIds(page)).not.toContain(moved.id);
    expect(smeIds(page)).toEqual(expect.arrayContaining(fits.map((f) => f.id)));

    // The SME side: a challenge whose deadline passed is not recommended from a kept list either.
    const closing = await createChallenge(t, issuer, {
      via: 'api',
      admin,
      input: { ...STORAGE, titleZh: '储能电站热失控预警（第二期）' },
    });
    expect(challengeIds(await challengesOf(fits[1]))).toContain(closing.id);
    await behindTheIndexer(
      `UPDATE challenges SET deadline = now() - interval '1 minute' WHERE id = $1`,
      [closing.id],
    );
    expect(challengeIds(await challengesOf(fits[1]))).not.toContain(closing.id);
  });

  it('queues a change only when it can make a pair recommendable (what takes one away is left to the read)', async () => {
    /** Whether `sql` queues document `id`, seen inside its transaction (rolled back: nothing changes). */
    const queues = async (sql: string, id: string): Promise<boolean> => {
      const client = await t.sql.connect();
      try {
        await client.query('BEGIN');
        await client.query(sql, [id]);
        const { rows } = await client.query(`SELECT 1 FROM match_queue WHERE doc_id = $1`, [id]);
        return rows.length > 0;
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    const sme = fits[0].id;
    expect(
      await queues(`UPDATE challenges SET status = 'CLOSED' WHERE id = $1`, challenge.id),
    ).toBe(false);
    expect(
      await queues(
        `UPDATE organizations SET verification_status = 'UNVERIFIED' WHERE id = $1`,
        sme,
      ),
    ).toBe(false);
    expect(
      await queues(`UPDATE organizations SET region_code = region_code WHERE id = $1`, sme),
    ).toBe(false);
    expect(
      await queues(
        `UPDATE challenges SET deadline = deadline + interval '1 day' WHERE id = $1`,
        challenge.id,
      ),
    ).toBe(true);
    expect(await queues(`UPDATE organizations SET region_code = '320000' WHERE id = $1`, sme)).toBe(
      true,
    );
  });

  it('drops the lists a change may alter: an SME just verified, a challenge just published', async () => {
    const pending = await createSme(t, { regionCode: '320000', verified: false });
    await profile(pending);
    expect(smeIds(await smes())).not.toContain(pending.id);
    await t.gql.as(admin.token).ok(VERIFY, { input: { organizationId: pending.id } });
    expect(smeIds(await smes())).toContain(pending.id);

    const before = challengeIds(await challengesOf(fits[2]));
    const fresh = await createChallenge(t, issuer, {
      via: 'api',
      admin,
      input: { ...STORAGE, titleZh: '储能锂电池热失控预警与多传感器融合' },
    });
    expect(before).not.toContain(fresh.id);
    expect(challengeIds(await challengesOf(fits[2]))).toContain(fresh.id);
  });

  it('ranks a side’s kept lists again after it dismisses a pair, and leaves the other side’s alone', async () => {
    await smes();
    await challengesOf(fits[0]);
    const issuerListAt = await keptAt('S', challenge.id);
    const smeListAt = await keptAt('C', fits[0].id);
    const generationBefore = await generation('S');
    await t.gql.as(issuer.owner.token).ok(DISMISS, {
      input: { challengeId: challenge.id, smeId: fits[1].id },
    });
    expect(await keptAt('S', challenge.id)).toBeNull();
    // A list of the issuer's being computed while the dismissal committed is not kept.
    expect(await generation('S')).toBeGreaterThan(generationBefore);
    expect(await keptAt('C', fits[0].id)).toEqual(smeListAt);
    const page = await smes();
    expect(smeIds(page)).not.toContain(fits[1].id);
    expect((await keptAt('S', challenge.id))!.getTime()).toBeGreaterThan(issuerListAt!.getTime());
  });

  it('computes a list again once it is older than an hour', async () => {
    await smes();
    await t.sql.query(
      `UPDATE match_lists SET computed_at = now() - interval '61 minutes' WHERE side = 'S' AND subject_id = $1`,
      [challenge.id],
    );
    const old = await keptAt('S', challenge.id);
    await smes();
    expect((await keptAt('S', challenge.id))!.getTime()).toBeGreaterThan(old!.getTime());
  });
});
