import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMember,
  createAdmin,
  createEnterprise,
  createSme,
  createUser,
  nodes,
  type Persona,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The expert pool as an issuer browses it to choose reviewers (`experts`): who may, what it shows (no
 * contact details), its filters, its pages (keyset, one statement each) and its refusals.
 */
const EXPERTS = `query($filter: ExpertFilterInput, $first: Int, $after: String) {
  experts(filter: $filter, first: $first, after: $after) {
    edges { cursor node { userId displayName affiliationName active fields { code nameZh } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const GRANT = `mutation($input: GrantExpertRoleInput!) { grantExpertRole(input: $input) { expert { userId } } }`;
const REVOKE = `mutation($input: RevokeExpertRoleInput!) { revokeExpertRole(input: $input) { expert { userId active } } }`;

interface PoolExpert {
  userId: string;
  displayName: string;
  affiliationName: string;
  active: boolean;
  fields: { code: string; nameZh: string }[];
}
interface Page {
  experts: {
    edges: { cursor: string; node: PoolExpert }[];
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

describe('experts: the expert pool for choosing reviewers', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: Persona;
  let issuerMember: Persona;
  let smeOwner: Persona;
  let loner: Persona;
  /** Granted in this order: the list shows the last one first. */
  const experts: Persona[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    const enterprise = await createEnterprise(t);
    issuer = enterprise.owner;
    issuerMember = await addMember(t, enterprise, 'MEMBER');
    smeOwner = (await createSme(t)).owner;
    loner = await createUser(t);
    const profiles: [string, string, string[]][] = [
      ['储能专家', '清华大学', ['NEW_ENERGY.STORAGE']],
      ['氢能专家', '上海交通大学', ['NEW_ENERGY.HYDROGEN']],
      ['Wind Expert', 'Danish Wind Institute', ['NEW_ENERGY.WIND', 'NEW_ENERGY.STORAGE']],
      ['热管理专家', '宝武研究院', ['BATTERY.THERMAL_MANAGEMENT']],
      ['退休专家', '50%_研究所', ['NEW_ENERGY.STORAGE']],
    ];
    for (const [displayName, affiliationName, fieldCodes] of profiles) {
      const user = await createUser(t, { displayName });
      await t.gql
        .as(admin.token)
        .ok(GRANT, { input: { userId: user.id, affiliationName, fieldCodes } });
      experts.push(user);
    }
    await t.gql
      .as(admin.token)
      .ok(REVOKE, { input: { userId: experts[4].id, reason: 'retired from the pool' } });
  });
  afterAll(() => t.close());

  const list = async (token: string, variables: Record<string, unknown> = {}) =>
    t.gql.as(token).ok<Page>(EXPERTS, variables);
  const ids = (page: Page) => nodes(page.experts).map((e) => e.userId);

  it('shows an enterprise member the active experts, most recently granted first, without contact details', async () => {
    const page = await list(issuerMember.token);
    expect(ids(page)).toEqual([experts[3], experts[2], experts[1], experts[0]].map((e) => e.id));
    expect(nodes(page.experts)[1]).toEqual({
      userId: experts[2].id,
      displayName: 'Wind Expert',
      affiliationName: 'Danish Wind Institute',
      active: true,
      fields: [
        { code: 'NEW_ENERGY.STORAGE', nameZh: '储能' },
        { code: 'NEW_ENERGY.WIND', nameZh: '风电' },
      ],
    });
    // Nothing private is in the type: no e-mail, no biography, no credit code.
    const asked = await t.gql
      .as(issuer.token)
      .send(`{ experts { edges { node { userId email } } } }`);
    expect(asked.status).toBe(400);
    expect(asked.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const asked2 = await t.gql.as(issuer.token).send(`{ experts { edges { node { bio } } } }`);
    expect(asked2.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('admins see the pool too, and revoked experts on request', async () => {
    expect(ids(await list(admin.token))).toEqual(
      [experts[3], experts[2], experts[1], experts[0]].map((e) => e.id),
    );
    const all = await list(admin.token, { filter: { includeRevoked: true } });
    expect(ids(all)).toEqual([...experts].reverse().map((e) => e.id));
    expect(nodes(all.experts)[0].active).toBe(false);
  });

  it('refuses SME members and users without an organisation (FORBIDDEN), and anonymous callers', async () => {
    for (const who of [smeOwner, loner]) {
      const error = await t.gql.as(who.token).fails(EXPERTS);
      expect(error.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'EXPERT_POOL_ENTERPRISES_ONLY',
      });
    }
    const anonymous = await t.gql.fails(EXPERTS);
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('filters by technical field (a field finds its sub-fields) and by name or affiliation', async () => {
    const storage = await list(issuer.token, {
      filter: { technicalFieldCodes: ['NEW_ENERGY.STORAGE'] },
    });
    expect(ids(storage)).toEqual([experts[2].id, experts[0].id]);
    const parent = await list(issuer.token, { filter: { technicalFieldCodes: ['NEW_ENERGY'] } });
    expect(ids(parent)).toEqual([experts[2], experts[1], experts[0]].map((e) => e.id));
    const two = await list(issuer.token, {
      filter: { technicalFieldCodes: ['NEW_ENERGY.HYDROGEN', 'BATTERY'] },
    });
    expect(ids(two)).toEqual([experts[3].id, experts[1].id]);
    expect(
      ids(await list(issuer.token, { filter: { technicalFieldCodes: ['NEW_ENERGY.SOLAR'] } })),
    ).toEqual([]);

    expect(ids(await list(issuer.token, { filter: { search: '交通' } }))).toEqual([experts[1].id]);
    expect(ids(await list(issuer.token, { filter: { search: 'wind expert' } }))).toEqual([
      experts[2].id,
    ]);
    // LIKE's wildcards are taken literally.
    expect(ids(await list(issuer.token, { filter: { search: '%' } }))).toEqual([]);
    expect(
      ids(await list(admin.token, { filter: { search: '50%_', includeRevoked: true } })),
    ).toEqual([experts[4].id]);
    expect(
      ids(
        await list(issuer.token, {
          filter: { search: '专家', technicalFieldCodes: ['NEW_ENERGY.STORAGE'] },
        }),
      ),
    ).toEqual([experts[0].id]);
  });

  it('pages with first/after, one SQL statement count for every page', async () => {
    const whole = ids(await list(admin.token, { filter: { includeRevoked: true }, first: 100 }));
    expect(whole).toHaveLength(5);
    const seen: string[] = [];
    const statements = new Set<number | undefined>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const res: Awaited<ReturnType<typeof t.gql.send<Page>>> = await t.gql
        .as(admin.token)
        .send<Page>(EXPERTS, { filter: { includeRevoked: true }, first: 2, after });
      expect(res.errors).toBeUndefined();
      statements.add(res.sqlStatements);
      const page: Page['experts'] = res.data!.experts;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...ids(res.data!));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(whole);
    expect(statements.size).toBe(1);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ filter: { technicalFieldCodes: [] } }, 'technicalFieldCodes'],
    [{ filter: { technicalFieldCodes: ['lower case'] } }, 'technicalFieldCodes'],
    [
      { filter: { technicalFieldCodes: Array.from({ length: 11 }, (_, i) => `F${i}`) } },
      'technicalFieldCodes',
    ],
    [{ filter: { search: '   ' } }, 'search'],
    [{ filter: { search: 'x'.repeat(101) } }, 'search'],
  ])('refuses %j as BAD_USER_INPUT naming %s', async (variables, field) => {
    const res = await t.gql.as(issuer.token).send(EXPERTS, variables);
    expect(res.status).toBeLessThan(500);
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error?.extensions?.fields ?? []) as { field: string }[];
    expect(fields.map((f) => f.field).join(' ')).toContain(field);
  });

  it('refuses a cursor of another list', async () => {
    const users = await t.gql
      .as(admin.token)
      .ok<{ users: { pageInfo: { endCursor: string } } }>(
        `{ users(first: 1) { pageInfo { endCursor } } }`,
      );
    const error = await t.gql
      .as(issuer.token)
      .fails(EXPERTS, { after: `${users.users.pageInfo.endCursor}x` });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
