import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAdmin, createUser, type Persona } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The statements moved to <module>.queries.ts, read through typed row mappers, give the API the same
 * answers: the expert pool (a JSON array of fields, nullable columns, UPDATE ... RETURNING), the
 * taxonomy, and the session check of every request.
 */
const FIELD = `fragment F on TechnicalField { code parentCode nameZh nameEn }`;
const ADD_FIELD = `mutation($input: AddTechnicalFieldInput!) { addTechnicalField(input: $input) { technicalField { ...F } } } ${FIELD}`;
const EXPERT = `userId displayName affiliationName affiliationCreditCode bio active grantedAt revokedAt fields { ...F }`;
const GRANT = `mutation($input: GrantExpertRoleInput!) { grantExpertRole(input: $input) { expert { ${EXPERT} } } } ${FIELD}`;
const REVOKE = `mutation($input: RevokeExpertRoleInput!) { revokeExpertRole(input: $input) { expert { ${EXPERT} } } } ${FIELD}`;

describe('the SQL layer through the API', () => {
  let t: TestApp;
  let admin: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds technical fields (a child needs its parent) and lists them in code order', async () => {
    const missing = await t.gql
      .as(admin.token)
      .fails(ADD_FIELD, { input: { code: 'SQLX.CHILD', nameZh: '子', nameEn: 'Child' } });
    expect(missing.extensions?.code).toBe('BAD_USER_INPUT');
    expect(missing.message).toContain('SQLX');
    const parent = await t.gql
      .as(admin.token)
      .ok<{ addTechnicalField: { technicalField: unknown } }>(ADD_FIELD, {
        input: { code: 'SQLX', nameZh: '测试领域', nameEn: 'Test field' },
      });
    expect(parent.addTechnicalField.technicalField).toEqual({
      code: 'SQLX',
      parentCode: null,
      nameZh: '测试领域',
      nameEn: 'Test field',
    });
    await t.gql
      .as(admin.token)
      .ok(ADD_FIELD, { input: { code: 'SQLX.CHILD', nameZh: '子', nameEn: 'Child' } });
    const taken = await t.gql
      .as(admin.token)
      .fails(ADD_FIELD, { input: { code: 'SQLX', nameZh: '再', nameEn: 'Again' } });
    expect(taken.extensions?.code).toBe('CONFLICT');
    const list = {
      technicalFields: (
        await t.gql.ok<{
          technicalFields: { edges: { node: { code: string; parentCode: string | null } }[] };
        }>(`{ technicalFields(first: 100) { edges { node { ...F } } } } ${FIELD}`)
      ).technicalFields.edges.map((e) => e.node),
    };
    const ours = list.technicalFields.filter((f) => f.code.startsWith('SQLX'));
    expect(ours).toEqual([
      { code: 'SQLX', parentCode: null, nameZh: '测试领域', nameEn: 'Test field' },
      { code: 'SQLX.CHILD', parentCode: 'SQLX', nameZh: '子', nameEn: 'Child' },
    ]);
    const codes = list.technicalFields.map((f) => f.code);
    expect(codes).toEqual([...codes].sort());
  });

  it('grants, updates and revokes an expert profile with its fields', async () => {
    const user = await createUser(t, { displayName: '专家甲' });
    const unknown = await t.gql.as(admin.token).fails(GRANT, {
      input: { userId: user.id, affiliationName: '研究院', fieldCodes: ['SQLX', 'NOPE.NOPE'] },
    });
    expect(unknown.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknown.message).toContain('NOPE.NOPE');

    const granted = await t.gql
      .as(admin.token)
      .ok<{ grantExpertRole: { expert: Record<string, unknown> } }>(GRANT, {
        input: {
          userId: user.id,
          affiliationName: '研究院',
          fieldCodes: ['SQLX.CHILD', 'SQLX', 'SQLX'],
        },
      });
    expect(granted.grantExpertRole.expert).toEqual({
      userId: user.id,
      displayName: '专家甲',
      affiliationName: '研究院',
      affiliationCreditCode: null,
      bio: '',
      active: true,
      grantedAt: expect.any(String),
      revokedAt: null,
      fields: [
        { code: 'SQLX', parentCode: null, nameZh: '测试领域', nameEn: 'Test field' },
        { code: 'SQLX.CHILD', parentCode: 'SQLX', nameZh: '子', nameEn: 'Child' },
      ],
    });

    const updated = await t.gql
      .as(admin.token)
      .ok<{ grantExpertRole: { expert: Record<string, unknown> } }>(GRANT, {
        input: {
          userId: user.id,
          affiliationName: '大学',
          bio: '储能',
          fieldCodes: ['SQLX.CHILD'],
        },
      });
    expect(updated.grantExpertRole.expert).toMatchObject({
      affiliationName: '大学',
      bio: '储能',
      active: true,
      fields: [{ code: 'SQLX.CHILD' }],
    });
    const { rows: roles } = await t.sql.query(`SELECT platform_roles FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(roles[0].platform_roles).toEqual(['EXPERT']);

    const revoked = await t.gql
      .as(admin.token)
      .ok<{ revokeExpertRole: { expert: Record<string, unknown> } }>(REVOKE, {
        input: { userId: user.id, reason: '合同到期离职' },
      });
    expect(revoked.revokeExpertRole.expert).toMatchObject({
      active: false,
      revokedAt: expect.any(String),
      fields: [{ code: 'SQLX.CHILD' }],
    });
    const again = await t.gql
      .as(admin.token)
      .fails(REVOKE, { input: { userId: user.id, reason: '再次撤销角色' } });
    expect(again.extensions?.code).toBe('CONFLICT');
    const nobody = await t.gql.as(admin.token).fails(REVOKE, {
      input: { userId: '00000000-0000-4000-8000-000000000000', reason: '查无此人的撤销' },
    });
    expect(nobody.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps recognising a signed-in user whose roles column holds a role the code does not know', async () => {
    const user = await createUser(t);
    await t.sql.query(`UPDATE users SET platform_roles = '{ADMIN,AUDITOR}' WHERE id = $1`, [
      user.id,
    ]);
    // The session check maps the row; the unknown role grants nothing, ADMIN still counts.
    const list = await t.gql
      .as(user.token)
      .ok<{ users: { edges: unknown[] } }>(`{ users(first: 1) { edges { node { id } } } }`);
    expect(list.users.edges).toHaveLength(1);
  });

  it('ends a session once on logout', async () => {
    const user = await createUser(t);
    const first = await t.gql
      .as(user.token)
      .ok<{ logout: { ok: boolean } }>(`mutation { logout { ok } }`);
    expect(first.logout.ok).toBe(true);
    const after = await t.gql.as(user.token).fails(`mutation { logout { ok } }`);
    expect(after.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
