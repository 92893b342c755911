import { randomBytes } from 'node:crypto';
import { PlatformRole } from '../../../src/common/auth/actor.js';
import type { TestApp } from '../test-app.js';

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

export async function login(t: TestApp, email: string, password: string): Promise<{ token: string; refreshToken: string; id: string }> {
  const data = await t.gql.ok<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(LOGIN, {
    input: { email, password },
  });
  return { token: data.login.accessToken, refreshToken: data.login.refreshToken, id: data.login.user.id };
}

/** Registers a user through the API and signs in. */
export async function createUser(
  t: TestApp,
  overrides: { email?: string; password?: string; displayName?: string; roles?: PlatformRole[] } = {},
): Promise<Persona> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? 'correct-horse-battery';
  await t.gql.ok(REGISTER, { input: { email, password, displayName: overrides.displayName ?? 'Test User' } });
  if (overrides.roles?.length) {
    // Platform roles cannot be obtained through the API by design; tests grant them as create-admin does.
    await t.sql.query(`UPDATE users SET platform_roles = $2 WHERE email = $1`, [email, overrides.roles]);
  }
  const session = await login(t, email, password);
  return { id: session.id, email, password, token: session.token, refreshToken: session.refreshToken };
}

export function createAdmin(t: TestApp): Promise<Persona> {
  return createUser(t, { email: uniqueEmail('admin'), displayName: 'Admin', roles: [PlatformRole.ADMIN] });
}

export function createExpert(t: TestApp): Promise<Persona> {
  return createUser(t, { email: uniqueEmail('expert'), displayName: 'Expert', roles: [PlatformRole.EXPERT] });
}

/** An expert whose profile names an affiliation (the conflict-of-interest rule compares it with proposers). */
export async function createAffiliatedExpert(t: TestApp, affiliation: { name: string; creditCode?: string | null }): Promise<Persona> {
  const expert = await createExpert(t);
  await t.sql.query(`INSERT INTO expert_profiles (user_id, affiliation_name, affiliation_credit_code) VALUES ($1, $2, $3)`, [
    expert.id,
    affiliation.name,
    affiliation.creditCode ?? null,
  ]);
  return expert;
}
