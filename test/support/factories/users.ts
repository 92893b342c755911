import { randomBytes } from 'node:crypto';
import { PlatformRole } from '../../../src/common/auth/actor.js';
import type pg from 'pg';
import type { GraphqlClient } from '../graphql-client.js';
import type { TestApp } from '../test-app.js';

/**
 * Where factories arrange data: a test app (HTTP and SQL), or only a database (the db tier, test/db/, which
 * has no app: users are then inserted with SQL and cannot sign in, and the `via: 'api'` paths are refused).
 */
export interface Arrange {
  sql: pg.Pool;
  gql?: GraphqlClient;
}

/** The app of a factory that goes through the API. */
export function apiOf(t: Arrange): TestApp {
  if (!t.gql)
    throw new Error(
      'this factory goes through the API: it needs a test app (startTestApp), not only a database',
    );
  return t as TestApp;
}

export interface Persona {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`;

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.cn`;
}

export async function login(
  t: TestApp,
  email: string,
  password: string,
): Promise<{ token: string; refreshToken: string; id: string }> {
  const data = await t.gql.ok<{
    login: { accessToken: string; refreshToken: string; user: { id: string } };
  }>(LOGIN, {
    input: { email, password },
  });
  return {
    token: data.login.accessToken,
    refreshToken: data.login.refreshToken,
    id: data.login.user.id,
  };
}

/** Registers a user through the API and signs in (without an app: inserts the user, with no session). */
export async function createUser(
  t: Arrange,
  overrides: {
    email?: string;
    password?: string;
    displayName?: string;
    roles?: PlatformRole[];
    /**
     * The user's language, which is the language of the errors the API answers them. English unless a test
     * says otherwise: the tests read the API's English messages (test/errors-locale.e2e-spec.ts signs in Chinese readers too).
     */
    locale?: 'EN' | 'ZH_CN';
  } = {},
): Promise<Persona> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? 'correct-horse-battery';
  if (!t.gql) {
    const { rows } = await t.sql.query<{ id: string }>(
      `INSERT INTO users (email, password_hash, display_name, platform_roles) VALUES ($1, 'not-a-hash', $2, $3) RETURNING id`,
      [email, overrides.displayName ?? 'Test User', overrides.roles ?? []],
    );
    return { id: rows[0].id, email, password, token: '', refreshToken: '' };
  }
  await t.gql.ok(REGISTER, {
    input: {
      email,
      password,
      displayName: overrides.displayName ?? 'Test User',
      locale: overrides.locale ?? 'EN',
    },
  });
  if (overrides.roles?.length) {
    // Platform roles cannot be obtained through the API by design; tests grant them as create-admin does.
    await t.sql.query(`UPDATE users SET platform_roles = $2 WHERE email = $1`, [
      email,
      overrides.roles,
    ]);
  }
  const session = await login(apiOf(t), email, password);
  return {
    id: session.id,
    email,
    password,
    token: session.token,
    refreshToken: session.refreshToken,
  };
}

export function createAdmin(t: Arrange): Promise<Persona> {
  return createUser(t, {
    email: uniqueEmail('admin'),
    displayName: 'Admin',
    roles: [PlatformRole.ADMIN],
  });
}

export function createExpert(t: Arrange): Promise<Persona> {
  return createUser(t, {
    email: uniqueEmail('expert'),
    displayName: 'Expert',
    roles: [PlatformRole.EXPERT],
  });
}

/** An expert whose profile names an affiliation (the conflict-of-interest rule compares it with proposers). */
export async function createAffiliatedExpert(
  t: Arrange,
  affiliation: { name: string; creditCode?: string | null },
): Promise<Persona> {
  const expert = await createExpert(t);
  await t.sql.query(
    `INSERT INTO expert_profiles (user_id, affiliation_name, affiliation_credit_code) VALUES ($1, $2, $3)`,
    [expert.id, affiliation.name, affiliation.creditCode ?? null],
  );
  return expert;
}
