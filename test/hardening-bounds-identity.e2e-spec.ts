import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createUser,
  enterpriseInput,
  type Persona,
  uniqueEmail,
} from './support/factories/index.js';
import { dummy } from './support/schema-values.js';
import { operationDocument, type RootOperation, schemaWalk } from './support/schema-walk.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Each walk sends hundreds of requests: on a loaded 2-core machine that outlasts the default 30 s (no timing is asserted).
jest.setTimeout(180_000);

/**
 * Bounds (lists, searches, documents) and identity hygiene (names, e-mail addresses), through the API:
 * - every list argument and list input field of the schema refuses an oversized list, as BAD_USER_INPUT
 *   naming it (a list added later without a cap fails here);
 * - a search without a searchable term is treated as an empty search on every search path;
 * - an oversized document (too many field selections) is refused before the quadratic validation;
 * - names refuse invisible and bidi control characters and are NFKC-normalised; e-mail addresses refuse
 *   mixed scripts, and an address that looks like an existing one (same TR 39 skeleton) cannot register.
 */

type Step = { name: string; type: GraphQLInputType };
type Connection = { edges: { node: { id: string } }[] };

const unwrap = (type: GraphQLInputType): GraphQLInputType =>
  isNonNullType(type) ? type.ofType : type;

/** Every list position under an argument: the path from the argument to the list (depth-bounded). */
function listPaths(
  name: string,
  type: GraphQLInputType,
  prefix: Step[],
  depth: number,
  out: Step[][],
): void {
  const path = [...prefix, { name, type }];
  if (isListType(unwrap(type))) out.push(path);
  const named = getNamedType(type);
  if (isInputObjectType(named) && depth < 4) {
    for (const f of Object.values(named.getFields()))
      listPaths(f.name, f.type, path, depth + 1, out);
  }
}

/** String leaves whose name says they hold a name or a title people read. */
function nameLeaves(
  name: string,
  type: GraphQLInputType,
  prefix: Step[],
  depth: number,
  out: Step[][],
): void {
  const path = [...prefix, { name, type }];
  const named = getNamedType(type);
  if (
    isScalarType(named) &&
    named.name === 'String' &&
    /(^|[a-z])(name|Name|title|Title)(Zh|En)?$/.test(name)
  )
    out.push(path);
  if (isInputObjectType(named) && depth < 4) {
    for (const f of Object.values(named.getFields()))
      nameLeaves(f.name, f.type, path, depth + 1, out);
  }
}

/** The operation's required arguments as dummies, with `value` placed at the end of `path` (lists on the way get one element). */
function variablesWith(
  field: GraphQLField<unknown, unknown>,
  path: Step[],
  value: unknown,
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const a of field.args) if (isNonNullType(a.type)) root[a.name] = dummy(a.type);
  let holder = root;
  path.forEach((step, i) => {
    if (i === path.length - 1) {
      holder[step.name] = value;
      return;
    }
    const isList = isListType(unwrap(step.type));
    const existing = holder[step.name];
    const current = (isList ? Array.isArray(existing) && existing[0] : existing) as
      Record<string, unknown> | undefined;
    const obj =
      current && typeof current === 'object'
        ? current
        : (dummy(getNamedType(step.type) as GraphQLInputType) as Record<string, unknown>);
    holder[step.name] = isList ? [obj] : obj;
    holder = obj;
  });
  return root;
}

/** Longer than every list's own cap (the largest is 500) and shorter than the pipe's backstop (1000). */
const OVERSIZED = 501;

describe('bounds and identity hygiene', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let persona: Persona;
  let ops: RootOperation[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ schema, persona, ops } = await schemaWalk(t, '边界测试企业'));
  });
  afterAll(() => t.close());

  describe('lists', () => {
    it('every list argument and list input field refuses an oversized list, as BAD_USER_INPUT naming the field', async () => {
      const probes: {
        where: string;
        code: string | undefined;
        fields: { field: string; message: string }[];
      }[] = [];
      for (const { kind, field } of ops) {
        const paths: Step[][] = [];
        for (const a of field.args) listPaths(a.name, a.type, [], 0, paths);
        for (const path of paths) {
          const element = unwrap(path[path.length - 1].type);
          const item = dummy(isListType(element) ? element.ofType : element);
          const variables = variablesWith(
            field,
            path,
            Array.from({ length: OVERSIZED }, () => item),
          );
          const res = await t.gql
            .as(persona.token)
            .send(operationDocument(kind, field, variables), variables);
          probes.push({
            where: `${field.name}:${path.map((s) => s.name).join('.')}`,
            code: res.errors?.[0]?.extensions?.code ?? (res.errors ? undefined : 'ACCEPTED'),
            fields: res.errors?.[0]?.extensions?.fields ?? [],
          });
        }
      }
      // the walk reaches list fields of filters and inputs (no root field takes a list argument directly:
      // list-narrowing arguments live in a filter input)
      for (const where of [
        'myChallenges:filter.statuses',
        'challenges:filter.statuses',
        'submitProposal:input.content.milestones',
        'assignReviewers:input.reviewerUserIds',
      ]) {
        expect(probes.map((p) => p.where)).toContain(where);
      }
      expect(probes.length).toBeGreaterThanOrEqual(30);
      const capped = (p: (typeof probes)[number]) =>
        p.code === 'BAD_USER_INPUT' &&
        p.fields.some(
          (f) =>
            f.field
              .split('.')
              .filter((s) => !/^\d+$/.test(s))
              .pop() === p.where.split(/[:.]/).pop() && /no more than \d+ elements/.test(f.message),
        );
      expect(probes.filter((p) => !capped(p))).toEqual([]);
    });

    it('only Query and Mutation fields take list arguments (so the walk above covers every one)', () => {
      const elsewhere: string[] = [];
      for (const type of Object.values(schema.getTypeMap())) {
        if (
          !isObjectType(type) ||
          type.name.startsWith('__') ||
          type === schema.getQueryType() ||
          type === schema.getMutationType()
        )
          continue;
        for (const f of Object.values(type.getFields())) {
          for (const a of f.args) {
            const paths: Step[][] = [];
            listPaths(a.name, a.type, [], 0, paths);
            if (paths.length) elsewhere.push(`${type.name}.${f.name}(${a.name})`);
          }
        }
      }
      expect(elsewhere).toEqual([]);
    });

    it('80,000 enum values in a filter are refused at once, and a list at its cap is accepted', async () => {
      const statuses = Array.from({ length: 80_000 }, () => 'PUBLISHED');
      // refused before graphql-js coerces the 80,000 values (which alone took about 300 ms)
      const refused = await t.gql.send(
        `query($f: ChallengeFilterInput) { challenges(filter: $f) { edges { node { id } } } }`,
        { f: { statuses } },
      );
      expect(refused.status).toBe(400);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: '$f.statuses', message: 'must contain no more than 1000 elements' }],
      });
      const topLevel = await t.gql
        .as(persona.token)
        .send(
          `query($s: [ChallengeStatus!]) { myChallenges(filter: { statuses: $s }) { edges { node { id } } } }`,
          { s: statuses },
        );
      expect(topLevel.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: '$s', message: 'must contain no more than 1000 elements' }],
      });
      const tooMany = await t.gql.fails(
        `query($f: ChallengeFilterInput) { challenges(filter: $f) { edges { node { id } } } }`,
        {
          f: {
            statuses: Array.from({ length: 10 }, () => 'PUBLISHED'),
            chainGoals: Array.from({ length: 20 }, () => 'STRENGTHEN'),
          },
        },
      );
      expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
      expect(tooMany.extensions?.fields?.map((f) => f.field)).toEqual(['filter.chainGoals']);
      // every value of the enum once is within the cap
      const enumValues = (name: string) =>
        (schema.getType(name) as import('graphql').GraphQLEnumType)
          .getValues()
          .map((v) => v.value as string);
      await t.gql.ok(
        `query($f: ChallengeFilterInput) { challenges(filter: $f) { edges { node { id } } } }`,
        {
          f: {
            statuses: enumValues('ChallengeStatus'),
            chainGoals: enumValues('ChainGoal'),
            demandTypes: enumValues('DemandType'),
            cooperationModes: enumValues('CooperationMode'),
          },
        },
      );
    });
  });

  describe('a search without a searchable term is an empty search, on every search path', () => {
    let ids: string[];
    let total: number;
    const LIST = `query($f: ChallengeFilterInput, $o: ChallengeOrderBy) { challenges(filter: $f, orderBy: $o, first: 50) { edges { node { id } } } }`;
    const FACETS = `query($f: ChallengeFilterInput) { challengeFacets(filter: $f) { total status { value count } } }`;

    beforeAll(async () => {
      const admin = await createAdmin(t);
      const issuer = await createEnterprise(t);
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { titleZh: '储能电池热失控预警', titleEn: 'Battery thermal runaway warning' },
      });
      await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: {
          titleZh: '氢能重卡燃料电池',
          titleEn: 'Hydrogen truck fuel cell',
          summaryZh: '氢燃料电池重卡的系统集成。',
          summaryEn: 'System integration of fuel cells for heavy trucks.',
        },
      });
      const all = await t.gql.ok<{ challenges: Connection }>(LIST, {});
      ids = all.challenges.edges.map((e) => e.node.id);
      total = (await t.gql.ok<{ challengeFacets: { total: number } }>(FACETS, {})).challengeFacets
        .total;
      expect(total).toBeGreaterThanOrEqual(2);
    });

    it.each(['', '   ', '!!!', '？！……', '🔋⚡️', '— ★ —'])(
      '%p lists and counts what no search lists, and RELEVANCE is refused as for an empty search',
      async (search) => {
        const list = await t.gql.ok<{ challenges: Connection }>(LIST, { f: { search } });
        expect(list.challenges.edges.map((e) => e.node.id)).toEqual(ids);
        const facets = await t.gql.ok<{ challengeFacets: { total: number } }>(FACETS, {
          f: { search },
        });
        expect(facets.challengeFacets.total).toBe(total);
        const relevance = await t.gql.fails(LIST, { f: { search }, o: 'RELEVANCE' });
        expect(relevance.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'orderBy', message: expect.stringContaining('RELEVANCE needs filter.search') },
          ],
        });
      },
    );

    it('a word in another script, or typed full-width, is a term: it narrows the list', async () => {
      const cyrillic = await t.gql.ok<{ challenges: Connection }>(LIST, { f: { search: 'литий' } });
      expect(cyrillic.challenges.edges).toEqual([]);
      const cyrillicFacets = await t.gql.ok<{ challengeFacets: { total: number } }>(FACETS, {
        f: { search: 'литий' },
      });
      expect(cyrillicFacets.challengeFacets.total).toBe(0);
      const fullWidth = await t.gql.ok<{ challenges: Connection }>(LIST, {
        f: { search: 'ＢＡＴＴＥＲＹ' },
      });
      const ascii = await t.gql.ok<{ challenges: Connection }>(LIST, { f: { search: 'battery' } });
      expect(ascii.challenges.edges).toHaveLength(1);
      expect(fullWidth.challenges.edges).toEqual(ascii.challenges.edges);
    });
  });

  describe('oversized documents are refused cheaply', () => {
    it.each([
      ['497 repeated `me { id }`', `{ ${'me { id } '.repeat(497)}}`, 'in one selection set'],
      ['101 `id` in one selection set', `{ me { ${'id '.repeat(101)}} }`, 'in one selection set'],
      [
        '101 inline fragments in one selection set',
        `{ me { ${'... on User { id } '.repeat(101)}} }`,
        'in one selection set',
      ],
      [
        '11 sets of 95 fields (1,045 in all)',
        `{ ${`me { ${'id '.repeat(95)}} `.repeat(11)}}`,
        'in the document',
      ],
    ])('%s: GRAPHQL_VALIDATION_FAILED, HTTP 400', async (_name, query, limit) => {
      const res = await t.gql.as(persona.token).send(query);
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toContain(limit);
    });

    it('100 selections in a set are within the limit, and other validation errors are reported as before', async () => {
      const ok = await t.gql
        .as(persona.token)
        .ok<{ me: { id: string } }>(`{ me { ${'id '.repeat(100)}} }`);
      expect(ok.me.id).toBe(persona.id);
      const unknown = await t.gql.as(persona.token).fails(`{ me { id nope } }`);
      expect(unknown.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(unknown.message).toContain('nope');
    });
  });

  describe('names', () => {
    const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id displayName } } }`;
    const register = (displayName: string, email = uniqueEmail()) =>
      t.gql.send<{ register: { user: { id: string; displayName: string } } }>(REGISTER, {
        input: { email, password: 'correct-horse-battery', displayName },
      });

    it.each([
      ['right-to-left override', 'Haier\u202Eliamg'],
      ['left-to-right embedding', '\u202AHaier'],
      ['first strong isolate', 'Hai\u2068er'],
      ['zero-width space', 'Hai\u200Ber'],
      ['zero-width joiner', 'Hai\u200Der'],
      ['word joiner', 'Hai\u2060er'],
      ['zero-width no-break space (BOM)', 'Hai\uFEFFer'],
      ['tag characters', 'Haier\u{E0041}\u{E0042}'],
      ['soft hyphen', 'Hai\u00ADer'],
      ['Hangul filler', '\u3164'],
    ])(
      'a display name with a %s is refused, naming the field and the code point',
      async (_name, displayName) => {
        const res = await register(displayName);
        expect(res.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [
            {
              field: 'displayName',
              message: expect.stringMatching(
                /invisible or bidirectional control characters \(U\+[0-9A-F]{4,5}/,
              ),
            },
          ],
        });
      },
    );

    it.each([
      '张三',
      'Haier 海尔',
      '欧阳娜娜',
      'Zoë Müller',
      'Ólafur',
      'Иван Петров',
      '山田太郎',
      '❤️ Li',
    ])('%p registers as it is', async (displayName) => {
      const res = await register(displayName);
      expect(res.errors).toBeUndefined();
      expect(res.data?.register.user.displayName).toBe(displayName.normalize('NFKC'));
    });

    it('names are stored NFKC-normalised (full-width letters, the ideographic space)', async () => {
      const res = await register('ＨＡＩＥＲ\u3000海尔');
      expect(res.data?.register.user.displayName).toBe('HAIER 海尔');
    });

    it('organisation names refuse them too, and keep Chinese names', async () => {
      const owner = await createUser(t);
      const CREATE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id } } }`;
      const bad = await t.gql.as(owner.token).fails(CREATE, {
        input: enterpriseInput({ nameZh: '海尔\u200B集团', nameEn: 'Haier\u202E' }),
      });
      expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.extensions?.fields?.map((f) => f.field).sort()).toEqual(['nameEn', 'nameZh']);
      const id = (
        await createEnterprise(t, {
          via: 'api',
          owner,
          input: { nameZh: '海尔集团（青岛）有限公司', nameEn: 'Ｈａｉｅｒ Group' },
        })
      ).id;
      const { rows } = await t.sql.query(
        `SELECT name_zh, name_en FROM organizations WHERE id = $1`,
        [id],
      );
      expect(rows[0]).toEqual({ name_zh: '海尔集团(青岛)有限公司', name_en: 'Haier Group' });
    });

    it('every name and title input of the schema refuses a bidi override, as BAD_USER_INPUT naming the field', async () => {
      const probes: { where: string; ok: boolean }[] = [];
      for (const { kind, field } of ops) {
        const paths: Step[][] = [];
        for (const a of field.args) nameLeaves(a.name, a.type, [], 0, paths);
        for (const path of paths) {
          const leaf = path[path.length - 1];
          const value = isListType(unwrap(leaf.type)) ? ['Name\u202Eevil'] : 'Name\u202Eevil';
          const variables = variablesWith(field, path, value);
          const res = await t.gql
            .as(persona.token)
            .send(operationDocument(kind, field, variables), variables);
          const error = res.errors?.[0];
          probes.push({
            where: `${field.name}:${path.map((s) => s.name).join('.')}`,
            ok:
              error?.extensions?.code === 'BAD_USER_INPUT' &&
              (error.extensions.fields ?? []).some(
                (f) => f.field.split('.').includes(leaf.name) && f.message.includes('U+202E'),
              ),
          });
        }
      }
      for (const where of [
        'register:input.displayName',
        'createEnterprise:input.nameZh',
        'createSme:input.nameEn',
        'grantExpertRole:input.affiliationName',
        'submitProposal:input.content.team.name',
        'createChallenge:input.titleZh',
      ]) {
        expect(probes.map((p) => p.where)).toContain(where);
      }
      expect(probes.filter((p) => !p.ok)).toEqual([]);
    });
  });

  describe('e-mail addresses', () => {
    const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id email } } }`;
    const register = (email: string) =>
      t.gql.send<{ register: { user: { id: string; email: string } } }>(REGISTER, {
        input: { email, password: 'correct-horse-battery', displayName: 'Identity' },
      });

    it('a local part mixing Latin and Cyrillic (hаier with a Cyrillic а) is refused, naming the field and the scripts', async () => {
      const res = await register('h\u0430ier@haier.example.cn');
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'email', message: expect.stringContaining('Cyrillic and Latin') }],
      });
      const { rows } = await t.sql.query(
        `SELECT count(*)::int AS n FROM users WHERE email LIKE '%haier.example.cn'`,
      );
      expect(rows[0].n).toBe(0);
    });

    it('a domain label mixing scripts, or an address with a zero-width character, is refused', async () => {
      const label = await register('zhang@h\u0430ier.example.cn');
      expect(label.errors?.[0].extensions?.fields).toEqual([
        { field: 'email', message: expect.stringContaining('Cyrillic and Latin') },
      ]);
      const invisible = await register('zh\u200Bang@example.cn');
      expect(invisible.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(invisible.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['email']);
    });

    it('an address that looks like an existing one (same TR 39 skeleton) cannot open a second account: CONFLICT', async () => {
      const first = await register('haie@skeleton.example.cn');
      expect(first.errors).toBeUndefined();
      // all-Cyrillic һаіе (single script, so not refused as mixed) has the skeleton of Latin haie
      const cyrillic = await register('\u04BB\u0430\u0456\u0435@skeleton.example.cn');
      expect(cyrillic.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'EMAIL_TAKEN',
      });
      // full-width letters are NFKC-normalised to the same address
      const fullWidth = await register('ｈａｉｅ@skeleton.example.cn');
      expect(fullWidth.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'EMAIL_TAKEN',
      });
      const { rows } = await t.sql.query(
        `SELECT email, email_skeleton FROM users WHERE email LIKE '%@skeleton.example.cn'`,
      );
      // the skeleton is for comparing, not reading: m becomes rn
      expect(rows).toEqual([
        { email: 'haie@skeleton.example.cn', email_skeleton: 'haie@skeleton.exarnple.cn' },
      ]);
    });

    it.each([
      '张三@example.cn',
      'zhang张三@example.cn',
      '山田たろう@example.jp',
      'ivan@пример.рф',
      'o.brien+test@example.ie',
    ])('%p registers (single script, or Latin with Han as TR 39 allows)', async (email) => {
      const res = await register(email);
      expect(res.errors).toBeUndefined();
      expect(res.data?.register.user.email).toBe(email);
    });
  });
});
