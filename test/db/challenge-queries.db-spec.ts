import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildChallengeListQuery,
  buildFacetsQuery,
  listCursor,
  type ListScope,
} from '../../src/challenges/challenge-list-query.js';
import {
  SEARCH_VECTORS_SQL,
  searchDocument,
  zhTsvectorLiteral,
} from '../../src/challenges/challenge-search.js';
import { SqlParams, type Viewer, visibleSql } from '../../src/challenges/challenge-sql.js';
import { ChallengeStatus } from '../../src/challenges/challenge.entity.js';
import {
  ChallengeOrderBy,
  type ChallengeFilterInput,
} from '../../src/challenges/dto/challenge.inputs.js';
import {
  createChallenge,
  createEnterprise,
  createSme,
  type TestOrg,
} from '../support/factories/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/**
 * The challenge list, search and facet statements (and the visibility rule they share) run against
 * seeded rows: who sees which challenge, what each filter keeps, how pages follow each other.
 * (src/challenges/*.snap.spec.ts hold the same statements' text.)
 */
describe('challenge list, search and facet SQL on seeded rows', () => {
  let db: TestDb;
  let issuer: TestOrg;
  let otherIssuer: TestOrg;
  let invitedSme: TestOrg;
  let sme: TestOrg;
  const ids: Record<string, string> = {};

  const ANONYMOUS: Viewer = {
    signedIn: false,
    admin: false,
    organizationId: null,
    organizationKind: null,
  };
  const SIGNED_IN: Viewer = {
    signedIn: true,
    admin: false,
    organizationId: null,
    organizationKind: null,
  };
  const ADMIN: Viewer = {
    signedIn: true,
    admin: true,
    organizationId: null,
    organizationKind: null,
  };
  const member = (org: TestOrg): Viewer => ({
    signedIn: true,
    admin: false,
    organizationId: org.id,
    organizationKind: org.kind,
  });

  async function withText(
    id: string,
    content: { titleZh: string; titleEn?: string; summaryZh?: string; summaryEn?: string },
  ) {
    const doc = searchDocument(content);
    await db.sql.query(
      `UPDATE challenges SET title_zh = $2, title_en = $3, summary_zh = $4, summary_en = $5,
         search_zh = ${SEARCH_VECTORS_SQL.zh('$6')}, search_en = ${SEARCH_VECTORS_SQL.en('$7', '$8')} WHERE id = $1`,
      [
        id,
        content.titleZh,
        content.titleEn ?? null,
        content.summaryZh ?? null,
        content.summaryEn ?? null,
        zhTsvectorLiteral(doc),
        doc.enTitle,
        doc.enBody,
      ],
    );
  }

  beforeAll(async () => {
    db = await openTestDb();
    issuer = await createEnterprise(db, { name: '国网储能集团' });
    otherIssuer = await createEnterprise(db);
    invitedSme = await createSme(db);
    sme = await createSme(db);
    ids.storage = (
      await createChallenge(db, issuer, { deadlineIn: '20 days', budgetMax: '300000000' })
    ).id;
    await withText(ids.storage, {
      titleZh: '储能电池热失控预警',
      titleEn: 'Battery thermal runaway warning',
      summaryZh: '百兆瓦级储能电站。',
    });
    ids.hydrogen = (
      await createChallenge(db, issuer, {
        deadlineIn: '10 days',
        visibility: 'REGISTERED',
        budgetMax: '50000000',
        regions: ['320000'],
      })
    ).id;
    await withText(ids.hydrogen, {
      titleZh: '氢能重卡燃料电池',
      titleEn: 'Hydrogen truck fuel cell',
      summaryEn: 'System integration of fuel cells.',
    });
    ids.invited = (
      await createChallenge(db, issuer, { deadlineIn: '30 days', visibility: 'INVITE_ONLY' })
    ).id;
    await db.sql.query(
      `INSERT INTO challenge_invitations (challenge_id, organization_id) VALUES ($1, $2)`,
      [ids.invited, invitedSme.id],
    );
    ids.anonymous = (
      await createChallenge(db, issuer, { deadlineIn: '40 days', budgetMax: null })
    ).id;
    await db.sql.query(
      `UPDATE challenges SET anonymous_issuer = true, industry_code = 'D' WHERE id = $1`,
      [ids.anonymous],
    );
    ids.closed = (await createChallenge(db, otherIssuer, { deadlineIn: '-1 hour' })).id;
    ids.draft = (await createChallenge(db, issuer, { status: 'DRAFT', deadlineIn: '50 days' })).id;
    ids.pending = (
      await createChallenge(db, otherIssuer, { status: 'PENDING_REVIEW', deadlineIn: '50 days' })
    ).id;
    await db.sql.query(`UPDATE challenges SET submitted_at = now() WHERE id = $1`, [ids.pending]);
    ids.cancelledDraft = (
      await createChallenge(db, otherIssuer, { status: 'CANCELLED', published: false })
    ).id;
    // List dates a day apart, in the order above (newest first is the reverse).
    for (const [age, id] of Object.values(ids).reverse().entries()) {
      await db.sql.query(
        `UPDATE challenges SET created_at = now() - make_interval(days => $2::int, hours => 1), published_at = CASE WHEN published_at IS NOT NULL THEN now() - make_interval(days => $2::int) END WHERE id = $1`,
        [id, age],
      );
    }
  });
  afterAll(() => db?.close());

  const name = (id: string) => Object.keys(ids).find((k) => ids[k] === id) ?? id;

  async function list(
    viewer: Viewer,
    args: {
      filter?: ChallengeFilterInput;
      orderBy?: ChallengeOrderBy;
      first?: number;
      after?: string;
    } = {},
    scope: ListScope = { kind: 'browse' },
  ) {
    const q = buildChallengeListQuery(viewer, { first: 50, ...args }, scope);
    const { rows } = await db.sql.query<{ id: string; sort_key: string; status: string }>(
      q.sql,
      q.params,
    );
    return { rows, names: rows.map((r) => name(r.id)), ordering: q.ordering };
  }

  it('visibleSql: each viewer sees exactly the challenges the rule names', async () => {
    const visible = async (viewer: Viewer) => {
      const p = new SqlParams();
      const { rows } = await db.sql.query<{ id: string }>(
        `SELECT c.id FROM challenges c WHERE ${visibleSql(viewer, p, 'c')}`,
        p.values,
      );
      return rows.map((r) => name(r.id)).sort();
    };
    const published = ['anonymous', 'closed', 'storage'];
    expect(await visible(ANONYMOUS)).toEqual(published);
    expect(await visible(SIGNED_IN)).toEqual([...published, 'hydrogen'].sort());
    expect(await visible(member(sme))).toEqual([...published, 'hydrogen'].sort());
    expect(await visible(member(invitedSme))).toEqual([...published, 'hydrogen', 'invited'].sort());
    // The issuer's members see their own in every state (draft, invite-only), not another issuer's pending one.
    expect(await visible(member(issuer))).toEqual(
      [...published, 'draft', 'hydrogen', 'invited'].sort(),
    );
    expect(await visible(member(otherIssuer))).toEqual(
      [...published, 'cancelledDraft', 'hydrogen', 'pending'].sort(),
    );
    expect(await visible(ADMIN)).toEqual(Object.keys(ids).sort());
  });

  it('the browse list: newest first, effective status, the issuer hidden on an anonymous challenge', async () => {
    const { rows, names } = await list(ANONYMOUS);
    expect(names).toEqual(['closed', 'anonymous', 'storage']);
    const byName = Object.fromEntries(rows.map((r) => [name(r.id), r]));
    expect(byName.closed.status).toBe('CLOSED');
    expect(byName.storage.status).toBe('PUBLISHED');
    expect(byName.anonymous).toMatchObject({ issuer_id: null, issuer_name_zh: null });
    expect(byName.storage).toMatchObject({
      issuer_id: issuer.id,
      issuer_name_zh: '国网储能集团',
      viewer_is_issuer: false,
    });
    const own = await list(member(issuer));
    expect(own.rows.find((r) => r.id === ids.anonymous)).toMatchObject({
      issuer_id: issuer.id,
      viewer_is_issuer: true,
    });
  });

  it('orderings: deadline soonest and budget highest', async () => {
    expect((await list(SIGNED_IN, { orderBy: ChallengeOrderBy.DEADLINE_SOONEST })).names).toEqual([
      'closed',
      'hydrogen',
      'storage',
      'anonymous',
    ]);
    expect((await list(SIGNED_IN, { orderBy: ChallengeOrderBy.BUDGET_HIGHEST })).names).toEqual([
      'storage',
      'closed',
      'hydrogen',
      'anonymous',
    ]);
  });

  it('keyset pages of one row follow each other without a gap or a repeat, on every ordering', async () => {
    for (const orderBy of [
      ChallengeOrderBy.NEWEST,
      ChallengeOrderBy.DEADLINE_SOONEST,
      ChallengeOrderBy.BUDGET_HIGHEST,
    ]) {
      const all = (await list(ADMIN, { orderBy })).names;
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 20; page++) {
        const { rows, ordering } = await list(ADMIN, { orderBy, first: 1, after });
        seen.push(name(rows[0].id));
        if (rows.length < 2) break;
        after = listCursor(ordering, rows[0].sort_key, rows[0].id);
      }
      expect(seen).toEqual(all);
      expect(seen).toHaveLength(Object.keys(ids).length);
    }
  });

  it.each([
    [
      'the effective status CLOSED (published, past its deadline)',
      { statuses: [ChallengeStatus.CLOSED] },
      ['closed'],
    ],
    ['industry D', { industryCodes: ['D'] }, ['anonymous']],
    ['a budget of at least 1 000 000 yuan (fen)', { budgetMin: '100000001' }, ['storage']],
    ['a budget of at most 60 000 000 fen', { budgetMax: '60000000' }, ['hydrogen']],
    [
      'the region 110000 (challenges without regions are open to it)',
      { eligibleRegionCode: '110000' },
      ['storage', 'anonymous', 'closed'],
    ],
    [
      'the region 320000',
      { eligibleRegionCode: '320000' },
      ['storage', 'hydrogen', 'anonymous', 'closed'],
    ],
    [
      'the issuer (its anonymous challenge stays unnamed)',
      { issuerOrganizationId: '' },
      ['storage', 'hydrogen'],
    ],
  ] as const)('a filter: %s', async (_name, filter, expected) => {
    const f = { ...filter } as ChallengeFilterInput;
    if ('issuerOrganizationId' in f) f.issuerOrganizationId = issuer.id;
    expect((await list(SIGNED_IN, { filter: f })).names.sort()).toEqual([...expected].sort());
  });

  it('search: Chinese and English, by relevance and newest first (the month walk), within what the viewer sees', async () => {
    expect((await list(ANONYMOUS, { filter: { search: '储能' } })).names).toEqual(['storage']);
    expect(
      (await list(ANONYMOUS, { filter: { search: '热失控' }, orderBy: ChallengeOrderBy.NEWEST }))
        .names,
    ).toEqual(['storage']);
    expect((await list(ANONYMOUS, { filter: { search: 'battery' } })).names).toEqual(['storage']);
    // The hydrogen challenge is for signed-in viewers only.
    expect((await list(ANONYMOUS, { filter: { search: '燃料电池' } })).names).toEqual([]);
    expect((await list(SIGNED_IN, { filter: { search: '燃料电池' } })).names).toEqual(['hydrogen']);
    expect(
      (await list(SIGNED_IN, { filter: { search: 'fuel cell' }, orderBy: ChallengeOrderBy.NEWEST }))
        .names,
    ).toEqual(['hydrogen']);
    expect((await list(SIGNED_IN, { filter: { search: '电池' } })).names.sort()).toEqual([
      'hydrogen',
      'storage',
    ]);
    expect((await list(SIGNED_IN, { filter: { search: '光伏' } })).names).toEqual([]);
    // A text without a searchable word is no search at all.
    expect((await list(SIGNED_IN, { filter: { search: '，。!' } })).names.sort()).toEqual([
      'anonymous',
      'closed',
      'hydrogen',
      'storage',
    ]);
  });

  it('the review queue lists pending challenges; the issuer scope lists an organisation’s own in every state', async () => {
    expect((await list(ADMIN, {}, { kind: 'reviewQueue' })).names).toEqual(['pending']);
    expect(
      (await list(member(issuer), {}, { kind: 'issuer', organizationId: issuer.id })).names.sort(),
    ).toEqual(['anonymous', 'draft', 'hydrogen', 'invited', 'storage']);
  });

  it('facets count what the list shows, per facet', async () => {
    const facets = async (viewer: Viewer, filter?: ChallengeFilterInput) => {
      const q = buildFacetsQuery(viewer, filter);
      const { rows } = await db.sql.query<{ facet: string; value: string; count: number }>(
        q.sql,
        q.params,
      );
      const out: Record<string, Record<string, number>> = {};
      for (const r of rows) (out[r.facet] ??= {})[r.value] = r.count;
      return out;
    };
    const anonymous = await facets(ANONYMOUS);
    expect(anonymous.total).toEqual({ '': 3 });
    expect(anonymous.status).toEqual({ PUBLISHED: 2, CLOSED: 1 });
    expect(anonymous.industryCode).toEqual({ C: 2, D: 1 });
    const admin = await facets(ADMIN);
    expect(admin.total).toEqual({ '': Object.keys(ids).length });
    expect(admin.status).toEqual({
      PUBLISHED: 4,
      CLOSED: 1,
      DRAFT: 1,
      PENDING_REVIEW: 1,
      CANCELLED: 1,
    });
    expect((await facets(SIGNED_IN, { search: '电池' })).total).toEqual({ '': 2 });
  });
});
