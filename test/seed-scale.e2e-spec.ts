import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeedDb } from '../bench/seed/bulk.js';
import { inDependencyOrder, type SeedGenerator } from '../bench/seed/generator.js';
import { usersGenerator } from '../bench/seed/generators/users.generator.js';
import { BENCH_PASSWORD, PERSONAS } from '../bench/seed/personas.js';
import { Rng } from '../bench/seed/rng.js';
import { seedSize } from '../bench/seed/sizes.js';
import { demandTitle, personName } from '../bench/seed/vocabulary.js';
import { login } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FINGERPRINT = `SELECT md5(string_agg(concat_ws('|', id, email, display_name, locale, platform_roles::text, status, created_at), ',' ORDER BY email)) AS f,
                            count(*)::int AS n
                       FROM users WHERE email NOT IN (${Object.values(PERSONAS).map((p) => `'${p.email}'`).join(', ')})`;

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
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE display_name ~ '[一-龥]')::int AS zh,
                                               count(*) FILTER (WHERE locale = 'en')::int AS en FROM users`);
    expect(rows[0].n).toBe(size.count('users') + Object.keys(PERSONAS).length);
    expect(size.count('users')).toBe(1100);
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
    const error = await t.gql.as(member.token).fails(`{ users(first: 1) { edges { node { id } } } }`);
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('draws the same names and titles from the same seed, and different ones from another', () => {
    const draw = (seed: string) => {
      const rng = new Rng(seed);
      return [personName(rng).displayName, demandTitle(rng).zh, demandTitle(rng).en, rng.uuid()];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(draw('a')[3]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('orders generators after those they depend on and refuses cycles', () => {
    const g = (name: string, dependsOn: string[] = []): SeedGenerator => ({ name, dependsOn, run: async () => undefined });
    const order = inDependencyOrder([g('proposals', ['challenges', 'smes']), g('challenges', ['enterprises']), g('smes', ['users']), g('enterprises', ['users']), g('users')]);
    const names = order.map((x) => x.name);
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('enterprises'));
    expect(names.indexOf('enterprises')).toBeLessThan(names.indexOf('challenges'));
    expect(names.indexOf('challenges')).toBeLessThan(names.indexOf('proposals'));
    expect(names.indexOf('smes')).toBeLessThan(names.indexOf('proposals'));
    expect(() => inDependencyOrder([g('a', ['b']), g('b', ['a'])])).toThrow('a → b → a');
    expect(() => inDependencyOrder([g('a', ['missing'])])).toThrow("unknown generator 'missing'");
  });
});
