import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildChallengeListQuery } from '../src/challenges/challenge-list-query.js';
import { viewerOf } from '../src/challenges/challenge-sql.js';
import { ChallengeOrderBy } from '../src/challenges/dto/challenge.inputs.js';
import {
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  inDays,
  type Persona,
  SUBMIT_CHALLENGE,
  type TestOrg,
  inviteAndAccept,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LIST = `query($filter: ChallengeFilterInput, $orderBy: ChallengeOrderBy, $first: Int, $after: String) {
  challenges(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { cursor node { id titleZh titleEn status issuer { id nameZh nameEn } anonymousIssuer proposalCount technicalFields { code nameZh } deadline budgetMax } }
    pageInfo { hasNextPage endCursor } } }`;
const DETAIL = `query($id: ID!) { challenge(id: $id) { id titleZh issuer { id nameZh } description questions { id } } }`;

type Node = {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
  status: string;
  issuer: { id: string; nameZh: string } | null;
};
type ListData = {
  challenges: {
    edges: { cursor: string; node: Node }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('browsing and searching challenges', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let anonIssuer: TestOrg;
  let invitedSme: TestOrg;
  let sme: TestOrg;
  const ids: Record<string, string> = {};

  async function draft(by: Persona, overrides: Record<string, unknown>): Promise<string> {
    return (
      await t.gql
        .as(by.token)
        .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
          input: challengeInput(overrides),
        })
    ).createChallenge.challenge.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t, { name: '国网储能集团' });
    anonIssuer = await createEnterprise(t, { name: 'ANON-ISSUER-NAME-匿名大企业' });
    invitedSme = await createSme(t);
    sme = await createSme(t);

    ids.storage = (
      await createChallenge(t, issuer, { via: 'api', admin, input: { deadline: inDays(20) } })
    ).id;
    ids.hydrogen = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: {
          titleZh: '氢能重卡燃料电池系统低温冷启动',
          titleEn: null,
          summaryZh: '零下三十度环境下实现燃料电池快速冷启动。',
          summaryEn: null,
          technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'],
          industryCode: 'C',
          chainGoal: 'SUPPLEMENT',
          cooperationModes: ['TECH_TRANSFER'],
          budgetMin: '1000000',
          budgetMax: '5000000',
          eligibility: { allowedRegionCodes: ['320000'] },
          deadline: inDays(10),
        },
      })
    ).id;
    ids.english = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: {
          titleZh: null,
          titleEn: 'Solid-state batteries for heavy trucks',
          summaryZh: null,
          summaryEn: 'We are looking for batteries with high energy density.',
          technicalFieldCodes: ['BATTERY.SOLID_STATE'],
          budgetMax: '900000000',
          deadline: inDays(40),
        },
      })
    ).id;
    ids.flywheelTitle = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: {
          titleZh: '飞轮储能调频',
          titleEn: 'Flywheel energy storage',
          summaryZh: '飞轮阵列用于电网调频。',
          summaryEn: 'A flywheel array for frequency regulation.',
          deadline: inDays(50),
        },
      })
    ).id;
    ids.flywheelSummary = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: {
          titleZh: '电网调频服务',
          titleEn: 'Grid frequency regulation',
          summaryZh: '可采用飞轮方案。',
          summaryEn: 'Could use a flywheel.',
          deadline: inDays(60),
        },
      })
    ).id;
    ids.registered = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { titleZh: 'REGISTERED-ONLY-注册可见', visibility: 'REGISTERED' },
      })
    ).id;
    ids.invite = (
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { titleZh: 'INVITE-ONLY-SECRET-TITLE', visibility: 'INVITE_ONLY' },
      })
    ).id;
    await inviteAndAccept(t, issuer, ids.invite, invitedSme);
    ids.anonymous = (
      await createChallenge(t, anonIssuer, {
        via: 'api',
        admin,
        input: {
          titleZh: '匿名发榜：高镍正极材料',
          titleEn: 'High-nickel cathode materials',
          summaryZh: '高镍正极材料量产一致性。',
          summaryEn: 'Consistency of high-nickel cathodes in mass production.',
          anonymousIssuer: true,
        },
      })
    ).id;
    ids.draft = await draft(issuer.owner, { titleZh: 'DRAFT-SECRET-TITLE' });
    ids.rejected = await draft(issuer.owner, { titleZh: 'REJECTED-SECRET-TITLE' });
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id: ids.rejected });
    await t.gql
      .as(admin.token)
      .ok(
        `mutation($id: ID!) { rejectChallenge(input: { id: $id, reason: "duplicate demand" }) { challenge { id } } }`,
        { id: ids.rejected },
      );
    ids.pending = await draft(issuer.owner, { titleZh: 'PENDING-SECRET-TITLE' });
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id: ids.pending });
  });
  afterAll(() => t.close());

  async function listIds(
    token: string | undefined,
    variables: Record<string, unknown> = {},
  ): Promise<{ ids: string[]; text: string; data: ListData }> {
    const res = await t.gql.as(token).send<ListData>(LIST, { first: 100, ...variables });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return {
      ids: res.data!.challenges.edges.map((e) => e.node.id),
      text: res.text,
      data: res.data!,
    };
  }

  const PUBLIC_SET = () => [
    ids.storage,
    ids.hydrogen,
    ids.english,
    ids.flywheelTitle,
    ids.flywheelSummary,
    ids.anonymous,
  ];
  const SECRETS = [
    'DRAFT-SECRET-TITLE',
    'REJECTED-SECRET-TITLE',
    'PENDING-SECRET-TITLE',
    'INVITE-ONLY-SECRET-TITLE',
  ];

  describe('visibility, scoped in SQL', () => {
    it('an anonymous visitor sees only PUBLIC published challenges', async () => {
      const { ids: seen, text } = await listIds(undefined);
      expect(seen.sort()).toEqual(PUBLIC_SET().sort());
      for (const secret of [...SECRETS, 'REGISTERED-ONLY']) expect(text).not.toContain(secret);
    });

    it('a signed-in SME also sees REGISTERED ones, but not INVITE_ONLY ones it was not invited to, drafts, pending or rejected ones', async () => {
      const { ids: seen, text } = await listIds(sme.owner.token);
      expect(seen.sort()).toEqual([...PUBLIC_SET(), ids.registered].sort());
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      for (const hidden of [ids.invite, ids.draft, ids.rejected, ids.pending]) {
        const res = await t.gql.as(sme.owner.token).send(DETAIL, { id: hidden });
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        for (const secret of SECRETS) expect(res.text).not.toContain(secret);
      }
    });

    it('an invited SME sees the INVITE_ONLY challenge', async () => {
      const { ids: seen } = await listIds(invitedSme.owner.token);
      expect(seen).toContain(ids.invite);
      expect(
        (
          await t.gql
            .as(invitedSme.owner.token)
            .ok<{ challenge: { id: string } }>(DETAIL, { id: ids.invite })
        ).challenge.id,
      ).toBe(ids.invite);
    });

    it("the issuer's members see their own drafts and review states; other enterprises do not", async () => {
      const { ids: own } = await listIds(issuer.owner.token);
      expect(own).toEqual(
        expect.arrayContaining([ids.draft, ids.rejected, ids.pending, ids.invite, ids.registered]),
      );
      const { ids: other, text } = await listIds(anonIssuer.owner.token);
      expect(other).not.toContain(ids.draft);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    });

    it('admins see everything', async () => {
      const { ids: seen } = await listIds(admin.token);
      expect(seen).toEqual(expect.arrayContaining(Object.values(ids)));
    });

    it("listing one issuer's challenges (the nested path) applies the same rules", async () => {
      const { ids: seen, text } = await listIds(sme.owner.token, {
        filter: { issuerOrganizationId: issuer.id },
      });
      expect(seen).toContain(ids.storage);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(text).not.toContain('CONFIDENTIAL-DESCRIPTION');
    });
    it("the enterprise's page (Enterprise.challenges) shows only what the caller may see", async () => {
      const NESTED = `query($id: ID!) { enterprise(id: $id) { id challenges(first: 100) { edges { node { id titleZh description issuer { id } } } } } }`;
      const bySme = await t.gql
        .as(sme.owner.token)
        .send<{ enterprise: { challenges: { edges: { node: { id: string } }[] } } }>(NESTED, {
          id: issuer.id,
        });
      expect(bySme.errors).toBeUndefined();
      const seen = bySme.data!.enterprise.challenges.edges.map((e) => e.node.id);
      expect(seen).toContain(ids.storage);
      for (const hidden of [ids.invite, ids.draft, ids.rejected, ids.pending])
        expect(seen).not.toContain(hidden);
      for (const secret of SECRETS) expect(bySme.text).not.toContain(secret);
      // An anonymous visitor gets the public challenges there, without the confidential description.
      const byVisitor = await t.gql.send<{
        enterprise: { challenges: { edges: { node: { id: string } }[] } };
      }>(NESTED, { id: issuer.id });
      expect(byVisitor.data!.enterprise.challenges.edges.map((e) => e.node.id).sort()).toEqual(
        [ids.storage, ids.hydrogen, ids.english, ids.flywheelTitle, ids.flywheelSummary].sort(),
      );
      expect(byVisitor.text).not.toContain('CONFIDENTIAL-DESCRIPTION');
      for (const secret of [...SECRETS, 'REGISTERED-ONLY'])
        expect(byVisitor.text).not.toContain(secret);
      // The anonymous issuer's page never lists its anonymous challenge to others.
      const anon = await t.gql
        .as(sme.owner.token)
        .send<{ enterprise: { challenges: { edges: unknown[] } } }>(NESTED, { id: anonIssuer.id });
      expect(anon.data?.enterprise.challenges.edges).toEqual([]);
      expect(anon.text).not.toContain('高镍正极材料');
      // Its own members see their drafts there.
      const own = await t.gql
        .as(issuer.owner.token)
        .send<{ enterprise: { challenges: { edges: { node: { id: string } }[] } } }>(NESTED, {
          id: issuer.id,
        });
      expect(own.data!.enterprise.challenges.edges.map((e) => e.node.id)).toEqual(
        expect.arrayContaining([ids.draft, ids.pending]),
      );
    });
  });

  describe('anonymous issuer', () => {
    it('never names the issuer to an SME: not in the list, the detail, or by filtering on the issuer', async () => {
      for (const token of [sme.owner.token, undefined, issuer.owner.token]) {
        const list = await listIds(token);
        expect(
          list.data.challenges.edges.find((e) => e.node.id === ids.anonymous)?.node.issuer,
        ).toBeNull();
        expect(list.text).not.toContain('ANON-ISSUER-NAME');
        expect(list.text).not.toContain(anonIssuer.id);
        const detail = await t.gql
          .as(token)
          .send<{ challenge: { issuer: unknown } }>(DETAIL, { id: ids.anonymous });
        expect(detail.data?.challenge.issuer).toBeNull();
        expect(detail.text).not.toContain('ANON-ISSUER-NAME');
        const byIssuer = await listIds(token, { filter: { issuerOrganizationId: anonIssuer.id } });
        expect(byIssuer.ids).toEqual([]);
        const facets = await t.gql
          .as(token)
          .send(`query($f: ChallengeFilterInput) { challengeFacets(filter: $f) { total } }`, {
            f: { issuerOrganizationId: anonIssuer.id },
          });
        expect(facets.data).toEqual({ challengeFacets: { total: 0 } });
      }
    });

    it('shows the issuer to its own members and to admins', async () => {
      for (const token of [anonIssuer.owner.token, admin.token]) {
        const detail = await t.gql
          .as(token)
          .ok<{ challenge: { issuer: { nameZh: string } } }>(DETAIL, { id: ids.anonymous });
        expect(detail.challenge.issuer.nameZh).toBe('ANON-ISSUER-NAME-匿名大企业');
      }
    });
  });

  describe('bilingual full-text search', () => {
    const search = async (text: string, token?: string) =>
      (await listIds(token, { filter: { search: text } })).ids;

    it.each([
      ['储能', ['storage', 'flywheelTitle']],
      ['氢能', ['hydrogen']],
      ['重卡', ['hydrogen']],
      ['热失控', ['storage']],
      ['冷启动', ['hydrogen']],
    ])('finds the Chinese word %s inside unspaced text', async (text, expected) => {
      expect((await search(text)).sort()).toEqual(expected.map((k) => ids[k]).sort());
    });

    it.each([
      ['battery', ['storage', 'english']],
      ['batteries', ['storage', 'english']],
      ['trucks', ['english']],
      ['truck', ['english']],
    ])('matches the English %s in any inflection', async (text, expected) => {
      expect((await search(text)).sort()).toEqual(expected.map((k) => ids[k]).sort());
    });

    it('ranks a title match above a summary-only match, in both languages', async () => {
      expect(await search('flywheels')).toEqual([ids.flywheelTitle, ids.flywheelSummary]);
      expect(await search('飞轮')).toEqual([ids.flywheelTitle, ids.flywheelSummary]);
    });

    it('pages through relevance-ordered results with cursors', async () => {
      const first = await listIds(undefined, { filter: { search: 'flywheel' }, first: 1 });
      expect(first.ids).toEqual([ids.flywheelTitle]);
      expect(first.data.challenges.pageInfo.hasNextPage).toBe(true);
      const second = await listIds(undefined, {
        filter: { search: 'flywheel' },
        first: 1,
        after: first.data.challenges.pageInfo.endCursor,
      });
      expect(second.ids).toEqual([ids.flywheelSummary]);
      expect(second.data.challenges.pageInfo.hasNextPage).toBe(false);
    });

    it('never finds hidden challenges, nor matches on the confidential description', async () => {
      expect(await search('SECRET')).toEqual([]);
      expect(await search('Rudong')).toEqual([]);
      expect(await search('REGISTERED')).toEqual([]);
      expect(await search('REGISTERED', sme.owner.token)).toEqual([ids.registered]);
    });

    it.each([
      ['储能', 'IDX_challenges_search_zh'],
      ['battery', 'IDX_challenges_search_en'],
    ])(
      'serves the search %s from the GIN indexes, month by month and then by terms (EXPLAIN)',
      async (text, index) => {
        const query = buildChallengeListQuery(
          viewerOf(null),
          { filter: { search: text }, orderBy: ChallengeOrderBy.RELEVANCE, first: 20 },
          { kind: 'browse' },
        );
        const client = await t.sql.connect();
        try {
          await client.query('SET enable_seqscan = off');
          const plan = (await client.query(`EXPLAIN ${query.sql}`, query.params)).rows
            .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
            .join('\n');
          if (!plan.includes(index)) console.log(plan);
          // The month windows read the month-qualified index, the older rest the plain one.
          expect(plan).toMatch(new RegExp(`Bitmap Index Scan on "?${index}_month"?\\b`));
          expect(plan).toMatch(new RegExp(`Bitmap Index Scan on "?${index}"? `));
          expect(plan).toMatch(/Bitmap Index Scan on "?IDX_challenges_search_zh_month/);
        } finally {
          await client.query('RESET enable_seqscan');
          client.release();
        }
      },
    );

    it('writes the search indexes through (fastupdate off), so no search scans a pending list of unmerged entries', async () => {
      const { rows } = await t.sql.query(
        `SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'IDX\\_challenges\\_search\\_%' ORDER BY relname`,
      );
      expect(rows).toEqual(
        [
          'IDX_challenges_search_en',
          'IDX_challenges_search_en_month',
          'IDX_challenges_search_zh',
          'IDX_challenges_search_zh_month',
        ].map((relname) => ({ relname, reloptions: ['fastupdate=off'] })),
      );
    });
  });

  describe('filters, orderings and facets', () => {
    it.each([
      [{ industryCodes: ['C'] }, ['hydrogen']],
      [{ chainGoals: ['SUPPLEMENT'] }, ['hydrogen']],
      [{ cooperationModes: ['TECH_TRANSFER'] }, ['hydrogen']],
      [{ technicalFieldCodes: ['NEW_ENERGY.HYDROGEN'] }, ['hydrogen']],
      [{ technicalFieldCodes: ['BATTERY'] }, ['english']],
      [{ budgetMin: '300000000' }, ['english']],
      [{ budgetMax: '6000000' }, ['hydrogen']],
      [{ deadlineFrom: inDays(5), deadlineTo: inDays(15) }, ['hydrogen']],
    ])('filters by %j', async (filter, expected) => {
      expect((await listIds(undefined, { filter })).ids.sort()).toEqual(
        expected.map((k) => ids[k]).sort(),
      );
    });

    it('a field code matches its sub-fields; a region filter keeps challenges open to that region', async () => {
      const energy = (await listIds(undefined, { filter: { technicalFieldCodes: ['NEW_ENERGY'] } }))
        .ids;
      expect(energy).toEqual(expect.arrayContaining([ids.hydrogen, ids.storage]));
      expect(energy).not.toContain(ids.english);
      const beijing = (await listIds(undefined, { filter: { eligibleRegionCode: '110000' } })).ids;
      expect(beijing).not.toContain(ids.hydrogen);
      expect(beijing).toContain(ids.storage);
      expect(
        (await listIds(undefined, { filter: { eligibleRegionCode: '320000' } })).ids,
      ).toContain(ids.hydrogen);
    });

    it.each(['NEWEST', 'DEADLINE_SOONEST', 'BUDGET_HIGHEST'])(
      'pages by %s with keyset cursors, matching the one-page order',
      async (orderBy) => {
        const whole = (await listIds(admin.token, { orderBy })).ids;
        const paged: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 20; i += 1) {
          const page = await listIds(admin.token, { orderBy, first: 2, after });
          paged.push(...page.ids);
          if (!page.data.challenges.pageInfo.hasNextPage) break;
          after = page.data.challenges.pageInfo.endCursor;
        }
        expect(paged).toEqual(whole);
        expect(new Set(paged).size).toBe(paged.length);
      },
    );

    it('orders by deadline soonest and budget highest', async () => {
      const byDeadline = await listIds(undefined, { orderBy: 'DEADLINE_SOONEST', first: 2 });
      expect(byDeadline.ids[0]).toBe(ids.hydrogen);
      const byBudget = await listIds(undefined, { orderBy: 'BUDGET_HIGHEST', first: 1 });
      expect(byBudget.ids).toEqual([ids.english]);
    });

    it('refuses a cursor of another ordering and RELEVANCE without a search, as BAD_USER_INPUT', async () => {
      const page = await listIds(undefined, { orderBy: 'NEWEST', first: 1 });
      const mixed = await t.gql.send(LIST, {
        orderBy: 'DEADLINE_SOONEST',
        first: 1,
        after: page.data.challenges.pageInfo.endCursor,
      });
      expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const garbage = await t.gql.send(LIST, { first: 1, after: 'not-a-cursor' });
      expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const tampered = (values: unknown[]) =>
        Buffer.from(JSON.stringify(values)).toString('base64url');
      for (const after of [
        tampered(['NEWEST', 'yesterday', ids.storage]),
        tampered(['NEWEST', '2026-13-45 25:61:61+00', ids.storage]),
        tampered(['BUDGET_HIGHEST', '1e999', ids.storage]),
        tampered(['NEWEST', '2026-01-01 00:00:00+00', 'not-a-uuid']),
      ]) {
        const orderBy = after.length && JSON.parse(Buffer.from(after, 'base64url').toString())[0];
        const res = await t.gql.send(LIST, { orderBy, first: 1, after });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      const relevance = await t.gql.send(LIST, { orderBy: 'RELEVANCE' });
      expect(relevance.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('counts facets over what the caller may see', async () => {
      const res = await t.gql.ok<{
        challengeFacets: {
          total: number;
          industryCode: { value: string; count: number }[];
          technicalField: { value: string; count: number }[];
          status: { value: string; count: number }[];
        };
      }>(
        `{ challengeFacets { total status { value count } industryCode { value count } technicalField { value count } } }`,
      );
      expect(res.challengeFacets.total).toBe(PUBLIC_SET().length);
      expect(res.challengeFacets.industryCode).toEqual([
        { value: 'D', count: 5 },
        { value: 'C', count: 1 },
      ]);
      expect(res.challengeFacets.status).toEqual([{ value: 'PUBLISHED', count: 6 }]);
      expect(res.challengeFacets.technicalField).toContainEqual({
        value: 'NEW_ENERGY.HYDROGEN',
        count: 1,
      });
      const filtered = await t.gql.ok<{ challengeFacets: { total: number } }>(
        `{ challengeFacets(filter: { search: "氢能" }) { total } }`,
      );
      expect(filtered.challengeFacets.total).toBe(1);
      const admins = await t.gql
        .as(admin.token)
        .ok<{ challengeFacets: { total: number } }>(`{ challengeFacets { total } }`);
      expect(admins.challengeFacets.total).toBe(Object.keys(ids).length);
    });
  });

  describe('cost of the browse list', () => {
    it.each([2, 20])(
      'runs at most 2 SQL statements for a page of %i with issuer names, fields and proposal counts',
      async (first) => {
        for (const token of [undefined, sme.owner.token, issuer.owner.token]) {
          const res = await t.gql.as(token).send<ListData>(LIST, { first });
          expect(res.errors).toBeUndefined();
          expect(res.sqlStatements).toBeLessThanOrEqual(2);
        }
      },
    );

    it('selects the costly parts only when asked for, also through fragments', async () => {
      // An anonymous visitor gets the count only when the issuer made it PUBLIC (else null).
      await t.sql.query(
        `UPDATE challenges SET proposal_count_visibility = 'PUBLIC' WHERE id = $1`,
        [ids.hydrogen],
      );
      const res = await t.gql.send<{
        challenges: {
          edges: {
            node: { id: string; technicalFields: { code: string }[]; proposalCount: number };
          }[];
        };
      }>(
        `query { challenges(first: 50, filter: { industryCodes: ["C"] }) { edges { node { id ...Parts } } } } fragment Parts on Challenge { technicalFields { code } proposalCount }`,
      );
      expect(res.data?.challenges.edges).toEqual([
        {
          node: {
            id: ids.hydrogen,
            technicalFields: [{ code: 'NEW_ENERGY.HYDROGEN' }],
            proposalCount: 0,
          },
        },
      ]);
    });

    it('maps whatever subset of fields a list asks for', async () => {
      const res = await t.gql
        .as(sme.owner.token)
        .ok<{ challenges: { edges: { node: Record<string, unknown> }[] } }>(
          `{ challenges(first: 5, filter: { industryCodes: ["C"] }) { edges { node { eligibility { minQualification allowedRegionCodes verifiedOnly } deadlineChinaTime status viewerIsIssuer statusReason cooperationModes budgetMin currency } } } }`,
        );
      expect(res.challenges.edges[0].node).toMatchObject({
        eligibility: {
          minQualification: 'NONE',
          allowedRegionCodes: ['320000'],
          verifiedOnly: true,
        },
        status: 'PUBLISHED',
        viewerIsIssuer: false,
        statusReason: null,
        cooperationModes: ['TECH_TRANSFER'],
        budgetMin: '1000000',
        currency: 'CNY',
      });
      expect(res.challenges.edges[0].node.deadlineChinaTime).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/,
      );
    });

    it('resolves requirements and criteria of a whole page with one query each (no N+1)', async () => {
      const res = await t.gql
        .as(sme.owner.token)
        .send(
          `{ challenges(first: 20) { edges { node { id requirements { name } evaluationCriteria { weight } description } } } }`,
        );
      expect(res.errors).toBeUndefined();
      // actor + list + requirements + criteria + description
      expect(res.sqlStatements).toBeLessThanOrEqual(5);
    });
  });
});
