import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RELEVANCE_CANDIDATES } from '../src/challenges/challenge-list-query.js';
import { searchQuery } from '../src/challenges/challenge-search.js';
import {
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A search finds its newest matches month by month through the month-qualified search indexes
 * (SearchMonthLexemes migration). These tests spread matching challenges over months and years (publication
 * dates set with SQL, which the trigger follows) and check, through the API, that every ordering still
 * returns exactly what the plain definition says: all matches newest first, and for RELEVANCE the newest
 * RELEVANCE_CANDIDATES matches, ranked.
 */
const LIST = `query($filter: ChallengeFilterInput, $orderBy: ChallengeOrderBy, $first: Int, $after: String) {
  challenges(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { node { id titleZh } } pageInfo { hasNextPage endCursor } } }`;
type ListData = {
  challenges: {
    edges: { node: { id: string; titleZh: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

/** Months back from now at which the matching challenges are published: every walk window and the older rest. */
const MONTHS_AGO = [0, 0, 1, 2, 2, 4, 6, 7, 9, 13, 40, 100];

describe('search by list month (recency in the index)', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  const matching: string[] = [];

  async function all(
    filter: Record<string, unknown>,
    orderBy: string,
    first: number,
    token?: string,
  ): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const res: ListData = await t.gql
        .as(token)
        .ok<ListData>(LIST, { filter, orderBy, first, after });
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
    issuer = await createEnterprise(t, { name: '储能装备集团' });
    for (const [i, monthsAgo] of MONTHS_AGO.entries()) {
      const { id } = await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: {
          titleZh: `飞轮储能阵列第${i + 1}期`,
          titleEn: `Flywheel array phase ${i + 1}`,
          summaryZh: i % 2 ? '面向电网调频的飞轮储能方案。' : '征集高速电机方案。',
        },
      });
      await t.sql.query(
        `UPDATE challenges SET published_at = now() - make_interval(months => $2) - make_interval(hours => $3) WHERE id = $1`,
        [id, monthsAgo, i],
      );
      matching.push(id);
    }
    // One that does not match, published now.
    await createChallenge(t, issuer, {
      via: 'api',
      admin,
      input: {
        titleZh: '氢能重卡冷启动',
        titleEn: 'Cold start of fuel-cell trucks',
        summaryZh: '低温冷启动。',
        summaryEn: 'Cold start.',
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('indexes each term under the month of the list date, and moves it when publication moves the date', async () => {
    const client = await t.sql.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const byIndex = `SELECT c.id FROM challenges c
          WHERE challenge_month_lexemes(c.search_zh, challenge_list_month(COALESCE(c.published_at, c.created_at))) @@ challenge_month_query($1::tsquery, $2, $3)
          ORDER BY c.id`;
      const byDefinition = `SELECT c.id FROM challenges c
          WHERE c.search_zh @@ $1::tsquery AND challenge_list_month(COALESCE(c.published_at, c.created_at)) BETWEEN $2 AND $3 ORDER BY c.id`;
      const plan = (await client.query(`EXPLAIN ${byIndex}`, ['飞轮', 0, 1])).rows
        .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain('IDX_challenges_search_zh_month');
      const now = (await client.query(`SELECT challenge_list_month(now()) AS m`)).rows[0]
        .m as number;
      const check = async () => {
        for (const [query, lo, hi] of [
          ['飞轮', now, now],
          ['飞轮', now - 2, now - 1],
          ['飞轮 & 储能', now - 7, now],
          ['飞轮 | 氢能', now - 3, now],
          ['电机', now - 200, now],
        ] as const) {
          const expected = (await client.query(byDefinition, [query, lo, hi])).rows;
          expect((await client.query(byIndex, [query, lo, hi])).rows).toEqual(expected);
        }
      };
      await check();
      expect((await client.query(byIndex, ['飞轮', now, now])).rows.length).toBeGreaterThan(0);
      // Publication moves the list date to another month: the index follows.
      const { published } = (
        await client.query(`SELECT published_at AS published FROM challenges WHERE id = $1`, [
          matching[0],
        ])
      ).rows[0];
      await client.query(
        `UPDATE challenges SET published_at = now() - interval '3 months' WHERE id = $1`,
        [matching[0]],
      );
      await check();
      await client.query(`UPDATE challenges SET published_at = $2 WHERE id = $1`, [
        matching[0],
        published,
      ]);
      // A draft is listed (to its issuer) by its creation month.
      const draft = (
        await t.gql
          .as(issuer.owner.token)
          .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
            input: challengeInput({ titleZh: '飞轮储能草稿' }),
          })
      ).createChallenge.challenge.id;
      await client.query(
        `UPDATE challenges SET created_at = now() - interval '5 years' WHERE id = $1`,
        [draft],
      );
      await check();
      expect((await client.query(byIndex, ['飞轮', now - 60, now - 60])).rows).toEqual([
        { id: draft },
      ]);
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
    // The month is the UTC calendar month.
    expect(
      (await t.sql.query(`SELECT challenge_list_month('2026-01-31 23:30:00-02') AS m`)).rows[0].m,
    ).toBe(2026 * 12 + 1);
    // The vectors themselves carry only the text's lexemes.
    expect(
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM challenges c, unnest(c.search_zh) u WHERE u.lexeme LIKE '~%'`,
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it.each([
    ['Chinese', { search: '飞轮' }],
    ['English', { search: 'flywheels' }],
    ['Chinese with a second term', { search: '飞轮 储能' }],
  ])(
    'lists every %s match newest first, across months and years, on every page size',
    async (_, filter) => {
      const expected = await newestFirst(matching);
      for (const first of [1, 2, 5, 20])
        expect(await all(filter, 'NEWEST', first)).toEqual(expected);
    },
  );

  it('builds only AND / OR queries, which the month query rewrites exactly, whatever the user types', async () => {
    // challenge_month_query replaces each lexeme by the OR of its qualified forms: exact for & and |, not
    // for a NOT (!) or a phrase (<-> or <N>). The service's queries must never contain them.
    for (const text of [
      '-flywheel',
      '!flywheel',
      '"flywheel array"',
      'flywheel<->array',
      'flywheel or array',
      'lithium-ion',
      'li-ion battery',
      'a & !b',
      '飞轮 -储能',
      'C++ / C#',
      '5G-V2X',
    ]) {
      const q = searchQuery(text);
      const { rows } = await t.sql.query<{ zh: string | null; en: string | null }>(
        `SELECT $1::tsquery::text AS zh, CASE WHEN $2::text IS NULL THEN NULL ELSE websearch_to_tsquery('english', $2::text)::text END AS en`,
        [q.zh, q.en],
      );
      for (const query of [rows[0].zh, rows[0].en]) expect(query ?? '').not.toMatch(/!|<(->|\d+>)/);
    }
    // And the rewrite of an AND / OR query keeps its meaning (checked against the plain definition above).
    const rewritten = (
      await t.sql.query(`SELECT challenge_month_query($1::tsquery, 7, 8)::text AS q`, [
        "'a' & ( 'b' | 'c' )",
      ])
    ).rows[0].q;
    expect(rewritten).toBe("( 'a~7' | 'a~8' ) & ( 'b~7' | 'b~8' | 'c~7' | 'c~8' )");
  });

  it('finds the issuer its own old draft too (its creation month)', async () => {
    const mine = await all({ search: '飞轮' }, 'NEWEST', 50, issuer.owner.token);
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
