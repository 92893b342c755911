import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeedDb } from '../bench/seed/bulk.js';
import { inDependencyOrder, type SeedGenerator } from '../bench/seed/generator.js';
import {
  organizationsGenerator,
  seededCreditCode,
} from '../bench/seed/generators/organizations.generator.js';
import { usersGenerator } from '../bench/seed/generators/users.generator.js';
import { ALL_PERSONAS, BENCH_PASSWORD, PERSONAS } from '../bench/seed/personas.js';
import { Rng } from '../bench/seed/rng.js';
import { seedSize } from '../bench/seed/sizes.js';
import { demandTitle, personName } from '../bench/seed/vocabulary.js';
import { isValidCreditCode } from '../src/common/credit-code.js';
import { PROVINCE_CODES } from '../src/organizations/regions.js';
import { login } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FINGERPRINT = `SELECT md5(string_agg(concat_ws('|', id, email, display_name, locale, platform_roles::text, status, created_at), ',' ORDER BY email)) AS f,
                            count(*)::int AS n
                       FROM users WHERE email NOT IN (${Object.values(ALL_PERSONAS)
                         .map((p) => `'${p.email}'`)
                         .join(', ')})`;

describe('scale data (seed:scale)', () => {
  let t: TestApp;
  let db: SeedDb;
  const size = seedSize('S');

  beforeAll(async () => {
    t = await startTestApp();
    db = { query: async (sql, params) => (await t.sql.query(sql, params as unknown[])).rows };
    await usersGenerator.run(db, size, new Rng('test-seed').fork('users'));
  });
  afterAll(() => t.close());

  it('writes a hundredth of L at size S plus the personas, with bilingual names', async () => {
    const { rows } = await t.sql
      .query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE display_name ~ '[一-龥]')::int AS zh,
                                               count(*) FILTER (WHERE locale = 'en')::int AS en FROM users`);
    expect(rows[0].n).toBe(size.count('users') + Object.keys(ALL_PERSONAS).length);
    expect(size.count('users')).toBe(1800);
    expect(rows[0].zh).toBeGreaterThan(rows[0].n / 2);
    expect(rows[0].en).toBeGreaterThan(rows[0].n / 20);
    const hashes = await t.sql.query(`SELECT count(DISTINCT password_hash)::int AS n FROM users`);
    expect(hashes.rows[0].n).toBe(1);
  });

  it('adds nothing when run again, and writes the same rows from the same seed', async () => {
    const before = (await t.sql.query(FINGERPRINT)).rows[0];
    await usersGenerator.run(db, size, new Rng('test-seed').fork('users'));
    expect((await t.sql.query(FINGERPRINT)).rows[0]).toEqual(before);

    await t.sql.query(`TRUNCATE users CASCADE`);
    await usersGenerator.run(db, size, new Rng('test-seed').fork('users'));
    expect((await t.sql.query(FINGERPRINT)).rows[0]).toEqual(before);
  });

  it('lets each persona sign in with the bench password, with its platform role', async () => {
    const admin = await login(t, PERSONAS.admin.email, BENCH_PASSWORD);
    await t.gql.as(admin.token).ok(`{ users(first: 1) { edges { node { id } } } }`);
    const member = await login(t, PERSONAS.member.email, BENCH_PASSWORD);
    const error = await t.gql
      .as(member.token)
      .fails(`{ users(first: 1) { edges { node { id } } } }`);
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('draws the same names and titles from the same seed, and different ones from another', () => {
    const draw = (seed: string) => {
      const rng = new Rng(seed);
      return [personName(rng).displayName, demandTitle(rng).zh, demandTitle(rng).en, rng.uuid()];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(draw('a')[3]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('orders generators after those they depend on and refuses cycles', () => {
    const g = (name: string, dependsOn: string[] = []): SeedGenerator => ({
      name,
      dependsOn,
      run: async () => undefined,
    });
    const order = inDependencyOrder([
      g('proposals', ['challenges', 'smes']),
      g('challenges', ['enterprises']),
      g('smes', ['users']),
      g('enterprises', ['users']),
      g('users'),
    ]);
    const names = order.map((x) => x.name);
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('enterprises'));
    expect(names.indexOf('enterprises')).toBeLessThan(names.indexOf('challenges'));
    expect(names.indexOf('challenges')).toBeLessThan(names.indexOf('proposals'));
    expect(names.indexOf('smes')).toBeLessThan(names.indexOf('proposals'));
    expect(() => inDependencyOrder([g('a', ['b']), g('b', ['a'])])).toThrow('a → b → a');
    expect(() => inDependencyOrder([g('a', ['missing'])])).toThrow("unknown generator 'missing'");
  });
});

const ORGANIZATIONS_FINGERPRINT = `
  SELECT (SELECT md5(string_agg(concat_ws('|', id, kind, name_zh, name_en, credit_code, region_code, verification_status, created_by, created_at), ',' ORDER BY id)) FROM organizations) AS o,
         (SELECT md5(string_agg(concat_ws('|', user_id, organization_id, role), ',' ORDER BY user_id)) FROM organization_members) AS m,
         (SELECT md5(string_agg(concat_ws('|', organization_id, qualification, qualification_valid_until, capability_statement), ',' ORDER BY organization_id)) FROM smes) AS s,
         (SELECT md5(string_agg(concat_ws('|', organization_id, field_code), ',' ORDER BY organization_id, field_code)) FROM sme_technical_fields) AS f,
         (SELECT md5(string_agg(concat_ws('|', id, organization_id, status, tier, admitted_at), ',' ORDER BY id)) FROM alliance_memberships) AS a`;

describe('scale data: organisations', () => {
  let t: TestApp;
  let db: SeedDb;
  const size = seedSize('S');
  const run = async () => {
    const rng = new Rng('test-seed');
    await usersGenerator.run(db, size, rng.fork('users'));
    await organizationsGenerator.run(db, size, rng.fork('organizations'));
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = { query: async (sql, params) => (await t.sql.query(sql, params as unknown[])).rows };
    await run();
  });
  afterAll(() => t.close());

  it('writes a hundredth of L: enterprises and SMEs with valid, unique credit codes, province codes and mostly verified', async () => {
    const { rows } = await t.sql
      .query(`SELECT kind, count(*)::int AS n, count(*) FILTER (WHERE verification_status = 'VERIFIED')::int AS verified,
                                               count(DISTINCT credit_code)::int AS codes, count(name_en)::int AS english
                                          FROM organizations GROUP BY kind ORDER BY kind`);
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'ENTERPRISE', n: 100, codes: 100, english: 100 }),
      expect.objectContaining({ kind: 'SME', n: 1000, codes: 1000 }),
    ]);
    for (const row of rows) expect(row.verified / row.n).toBeGreaterThan(0.8);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM enterprises`)).rows[0].n).toBe(100);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM smes`)).rows[0].n).toBe(1000);
    const codes = await t.sql.query<{ credit_code: string; region_code: string; name_zh: string }>(
      `SELECT credit_code, region_code, name_zh FROM organizations`,
    );
    for (const o of codes.rows) {
      expect(isValidCreditCode(o.credit_code)).toBe(true);
      expect(PROVINCE_CODES).toContain(o.region_code);
      expect(o.credit_code.slice(2, 4)).toBe(o.region_code.slice(0, 2));
      expect(o.name_zh).toMatch(/[一-龥]/);
    }
    // The numbering is a bijection: 110,000 organisations at L never share a code.
    const many = new Set(
      Array.from({ length: 110_000 }, (_, i) => seededCreditCode(i, '370200').slice(8, 16)),
    );
    expect(many.size).toBe(110_000);
  });

  it('gives every organisation one OWNER and puts each account in at most one organisation', async () => {
    const owners = await t.sql.query(`SELECT count(*)::int AS n FROM organizations o
                                       WHERE (SELECT count(*) FROM organization_members m WHERE m.organization_id = o.id AND m.role = 'OWNER') <> 1`);
    expect(owners.rows[0].n).toBe(0);
    const roles = await t.sql.query(
      `SELECT role, count(*)::int AS n FROM organization_members GROUP BY role ORDER BY role`,
    );
    expect(roles.rows.map((r) => r.role)).toEqual(['OWNER', 'ADMIN', 'MEMBER']);
    const creators = await t.sql.query(`SELECT count(*)::int AS n FROM organizations o
                                         WHERE NOT EXISTS (SELECT 1 FROM organization_members m WHERE m.user_id = o.created_by AND m.organization_id = o.id AND m.role = 'OWNER')`);
    expect(creators.rows[0].n).toBe(0);
    const staff = await t.sql.query(
      `SELECT count(*)::int AS n FROM organization_members m JOIN users u ON u.id = m.user_id WHERE u.platform_roles && ARRAY['ADMIN', 'EXPERT']::text[]`,
    );
    expect(staff.rows[0].n).toBe(0);
  });

  it('mixes SME qualifications, some expired, with capability statements and taxonomy fields', async () => {
    const q = await t.sql.query(`SELECT qualification, count(*)::int AS n,
                                        count(*) FILTER (WHERE qualification_valid_until < DATE '2026-01-01')::int AS expired,
                                        count(*) FILTER (WHERE certificate_number IS NULL)::int AS without,
                                        count(*) FILTER (WHERE qualification_valid_until BETWEEN DATE '2026-01-01' AND DATE '2027-12-31')::int AS ending_soon
                                   FROM smes GROUP BY qualification ORDER BY qualification`);
    expect(q.rows.map((r) => r.qualification)).toEqual([
      'NONE',
      'INNOVATIVE',
      'SPECIALIZED',
      'LITTLE_GIANT',
    ]);
    for (const row of q.rows) {
      if (row.qualification === 'NONE') expect(row.without).toBe(row.n);
      else {
        expect(row.without).toBe(0);
        // Expired certificates ended long ago, valid ones last until 2028: the data does not change meaning for a while.
        expect(row.ending_soon).toBe(0);
        expect(row.expired).toBeGreaterThan(0);
        expect(row.expired).toBeLessThan(row.n / 2);
      }
    }
    const text = await t.sql
      .query(`SELECT count(*) FILTER (WHERE capability_statement ~ '[一-龥]')::int AS zh,
                                           count(*) FILTER (WHERE capability_statement ~ 'We develop')::int AS en FROM smes`);
    expect(text.rows[0].zh).toBeGreaterThan(500);
    expect(text.rows[0].en).toBeGreaterThan(100);
    const fields = await t.sql.query(
      `SELECT count(*)::int AS n FROM smes s WHERE NOT EXISTS (SELECT 1 FROM sme_technical_fields f WHERE f.organization_id = s.organization_id)`,
    );
    expect(fields.rows[0].n).toBe(0);
  });

  it('makes most verified enterprises ACTIVE alliance members and leaves a queue of applications, with no audit events', async () => {
    const a = await t.sql.query(
      `SELECT status, count(*)::int AS n, count(tier)::int AS tiered FROM alliance_memberships GROUP BY status`,
    );
    const by = Object.fromEntries(a.rows.map((r) => [r.status, r]));
    expect(by.ACTIVE.n).toBeGreaterThan(60);
    expect(by.ACTIVE.tiered).toBe(by.ACTIVE.n);
    expect(by.APPLIED.n).toBeGreaterThan(0);
    expect(by.APPLIED.tiered).toBe(0);
    const unverified = await t.sql
      .query(`SELECT count(*)::int AS n FROM alliance_memberships m JOIN organizations o ON o.id = m.organization_id
                                           WHERE o.verification_status <> 'VERIFIED' OR o.kind <> 'ENTERPRISE'`);
    expect(unverified.rows[0].n).toBe(0);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(0);
  });

  it('serves the personas their organisations and the alliance lists through the API', async () => {
    const enterprise = await login(t, PERSONAS.enterprise.email, BENCH_PASSWORD);
    const e = await t.gql.as(enterprise.token).ok<{
      myOrganization: { role: string; enterprise: { verificationStatus: string } };
      myAllianceMembership: { current: { status: string; tier: string } };
    }>(`{ myOrganization { role enterprise { verificationStatus } } myAllianceMembership { current { status tier } } }`);
    expect(e.myOrganization).toEqual({
      role: 'OWNER',
      enterprise: { verificationStatus: 'VERIFIED' },
    });
    expect(e.myAllianceMembership.current).toEqual({ status: 'ACTIVE', tier: 'FOUNDING' });

    const sme = await login(t, PERSONAS.sme.email, BENCH_PASSWORD);
    const s = await t.gql.as(sme.token).ok<{
      myOrganization: {
        role: string;
        sme: { effectiveQualification: string; technicalFields: unknown[] };
      };
    }>(`{ myOrganization { role sme { effectiveQualification technicalFields { code } } } }`);
    expect(s.myOrganization.role).toBe('OWNER');
    expect(s.myOrganization.sme.effectiveQualification).toBe('SPECIALIZED');
    expect(s.myOrganization.sme.technicalFields.length).toBeGreaterThan(0);

    const members = await t.gql.ok<{ allianceMembers: { edges: { node: { tier: string } }[] } }>(
      `{ allianceMembers(first: 20) { edges { node { tier } } } }`,
    );
    expect(members.allianceMembers.edges).toHaveLength(20);
    expect(members.allianceMembers.edges[0].node.tier).toBe('FOUNDING');
    const admin = await login(t, PERSONAS.admin.email, BENCH_PASSWORD);
    const queue = await t.gql
      .as(admin.token)
      .ok<{ allianceApplications: { edges: { node: { status: string } }[] } }>(
        `{ allianceApplications(first: 20) { edges { node { status } } } }`,
      );
    expect(queue.allianceApplications.edges.length).toBeGreaterThan(0);
    expect(new Set(queue.allianceApplications.edges.map((x) => x.node.status))).toEqual(
      new Set(['APPLIED']),
    );
  });

  it('adds nothing when run again, and writes the same organisations from the same seed', async () => {
    const before = (await t.sql.query(ORGANIZATIONS_FINGERPRINT)).rows[0];
    await run();
    expect((await t.sql.query(ORGANIZATIONS_FINGERPRINT)).rows[0]).toEqual(before);
    await t.sql.query(`TRUNCATE organizations CASCADE`);
    await run();
    expect((await t.sql.query(ORGANIZATIONS_FINGERPRINT)).rows[0]).toEqual(before);
  });
});
