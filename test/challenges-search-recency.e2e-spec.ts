import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RELEVANCE_CANDIDATES } from '../src/challenges/challenge-list-query.js';
import { CREATE, challengeInput, createAdmin, createVerifiedEnterprise, type OrgPersona, publishedChallenge } from './support/challenge-factories.js';
import type { Persona } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A search finds its newest matches month by month through the list-month marker in the search index
 * (SearchRecency migration). These tests spread matching challenges over months and years (publication
 * dates set with SQL, which the trigger follows) and check, through the API, that every ordering still
 * returns exactly what the plain definition says: all matches newest first, and for RELEVANCE the newest
 * RELEVANCE_CANDIDATES matches, ranked.
 */
const LIST = `query($filter: ChallengeFilterInput, $orderBy: ChallengeOrderBy, $first: Int, $after: String) {
  challenges(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { node { id titleZh } } pageInfo { hasNextPage endCursor } } }`;
type ListData = { challenges: { edges: { node: { id: string; titleZh: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

/** Months back from now at which the matching challenges are published: every walk window and the older rest. */
const MONTHS_AGO = [0, 0, 1, 2, 2, 4, 6, 7, 9, 13, 40, 100];

describe('search by list month (recency in the index)', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: OrgPersona;
  const matching: string[] = [];

  async function all(filter: Record<string, unknown>, orderBy: string, first: number, token?: string): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const res: ListData = await t.gql.as(token).ok<ListData>(LIST, { filter, orderBy, first, after });
      ids.push(...res.challenges.edges.map((e) => e.node.id));
      if (!res.challenges.pageInfo.hasNextPage) return ids;
      after = res.challenges.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  /** The newest-first order of the given challenges, by the definition (list date, then id). */
  async function newestFirst(ids: string[]): Promise<string[]> {
    const { rows } = await t.sql.query<{ id: string }>(
      `SELECT id FROM challenges WHERE id = ANY($1::uuid[]) ORDER BY COALESCE(published_at, created_at) DESC, id DESC`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createVerifiedEnterprise(t, { name: '储能装备集团' });
    for (const [i, monthsAgo] of MONTHS_AGO.entries()) {
      const { id } = await publishedChallenge(t, issuer, admin, {
        titleZh: `飞轮储能阵列第${i + 1}期`,
        titleEn: `Flywheel array phase ${i + 1}`,
        summaryZh: i % 2 ? '面向电网调频的飞轮储能方案。' : '征集高速电机方案。',
      });
      await t.sql.query(`UPDATE challenges SET published_at = now() - make_interval(months => $2) - make_interval(hours => $3) WHERE id = $1`, [id, monthsAgo, i]);
      matching.push(id);
    }
    // One that does not match, published now.
    await publishedChallenge(t, issuer, admin, { titleZh: '氢能重卡冷启动', titleEn: 'Cold start of fuel-cell trucks', summaryZh: '低温冷启动。', summaryEn: 'Cold start.' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps exactly one month marker in each vector, the month of the list date, as publication moves it', async () => {
    const check = `SELECT count(*) FILTER (WHERE zh IS DISTINCT FROM expected OR en IS DISTINCT FROM expected)::int AS wrong, count(*)::int AS n
      FROM (SELECT ARRAY['~m' || challenge_list_month(COALESCE(published_at, created_at))] AS expected,
                   ARRAY(SELECT u.lexeme FROM unnest(search_zh) u WHERE u.lexeme LIKE '~m%') AS zh,
                   ARRAY(SELECT u.lexeme FROM unnest(search_en) u WHERE u.lexeme LIKE '~m%') AS en FROM challenges) x`;
    expect((await t.sql.query(check)).rows[0]).toEqual({ wrong: 0, n: MONTHS_AGO.length + 1 });
    // The month is the UTC calendar month.
    expect((await t.sql.query(`SELECT challenge_list_month('2026-01-31 23:30:00-02') AS m`)).rows[0].m).toBe(2026 * 12 + 1);
    // Editing the vectors keeps one marker; a draft's marker is its creation month.
    await t.sql.query(`UPDATE challenges SET search_zh = search_zh || 'extra'::tsvector WHERE id = $1`, [matching[0]]);
    const draft = (await t.gql.as(issuer.token).ok<{ createChallenge: { id: string } }>(CREATE, { input: challengeInput({ titleZh: '飞轮储能草稿' }) })).createChallenge.id;
    await t.sql.query(`UPDATE challenges SET created_at = now() - interval '5 years' WHERE id = $1`, [draft]);
    expect((await t.sql.query(check)).rows[0]).toEqual({ wrong: 0, n: MONTHS_AGO.length + 2 });
  });

  it.each([
    ['Chinese', { search: '飞轮' }],
    ['English', { search: 'flywheels' }],
    ['Chinese with a second term', { search: '飞轮 储能' }],
  ])('lists every %s match newest first, across months and years, on every page size', async (_, filter) => {
    const expected = await newestFirst(matching);
    for (const first of [1, 2, 5, 20]) expect(await all(filter, 'NEWEST', first)).toEqual(expected);
  });

  it('finds the issuer its own old draft too (its creation month)', async () => {
    const mine = await all({ search: '飞轮' }, 'NEWEST', 50, issuer.token);
    expect(mine).toHaveLength(MONTHS_AGO.length + 1);
    expect(await all({ search: '飞轮' }, 'NEWEST', 50)).toHaveLength(MONTHS_AGO.length);
  });

  it('ranks every match when there are fewer than the bound, title matches first', async () => {
    const ranked = await all({ search: '储能' }, 'RELEVANCE', 3);
    expect(new Set(ranked)).toEqual(new Set(matching));
    // Every title has 储能; the odd ones also in the summary, so they rank first.
    const odd = matching.filter((_, i) => i % 2);
    expect(new Set(ranked.slice(0, odd.length))).toEqual(new Set(odd));
  });

  it(`ranks exactly the newest ${RELEVANCE_CANDIDATES} matches when there are more; NEWEST lists them all`, async () => {
    // Copies of a matching challenge, one an hour back from now, through SQL (the API would take minutes).
    const extra = RELEVANCE_CANDIDATES + 5;
    const columns = (
      await t.sql.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'challenges' AND column_name NOT IN ('id', 'published_at') ORDER BY ordinal_position`,
      )
    ).rows.map((r) => `"${r.name}"`);
    await t.sql.query(
      `INSERT INTO challenges (${columns.join(', ')}, published_at)
       SELECT ${columns.map((c) => `c.${c}`).join(', ')}, now() - make_interval(hours => g * 7)
         FROM challenges c CROSS JOIN generate_series(1, $2) AS g WHERE c.id = $1`,
      [matching[2], extra],
    );
    const everything = await all({ search: '飞轮' }, 'NEWEST', 50);
    expect(everything).toHaveLength(MONTHS_AGO.length + extra);
    expect(everything).toEqual(await newestFirst(everything));

    const ranked = await all({ search: '飞轮' }, 'RELEVANCE', 50);
    expect(ranked).toHaveLength(RELEVANCE_CANDIDATES);
    expect(new Set(ranked)).toEqual(new Set(everything.slice(0, RELEVANCE_CANDIDATES)));
  });
});
