import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sha256 } from '../src/common/crypto.js';
import { createAdmin, createUser, login, uniqueEmail } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id email displayName locale platformRoles status } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id email } } }`;
const REFRESH = `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken } }`;
const ME = `{ me { id email displayName locale platformRoles } }`;

describe('accounts and authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_SECONDS: '600' } });
  });
  afterAll(() => t.close());

  it('registers, signs in and answers me with the signed-in user', async () => {
    const email = uniqueEmail();
    const reg = await t.gql.ok<{
      register: {
        user: {
          id: string;
          email: string;
          locale: string;
          platformRoles: string[];
          status: string;
        };
      };
    }>(REGISTER, {
      input: {
        email: `  ${email.toUpperCase()} `,
        password: 'a-long-password',
        displayName: '王工',
        locale: 'EN',
      },
    });
    expect(reg.register.user).toMatchObject({
      email,
      locale: 'EN',
      platformRoles: [],
      status: 'ACTIVE',
    });

    const { login: session } = await t.gql.ok<{
      login: { accessToken: string; user: { id: string } };
    }>(LOGIN, {
      input: { email, password: 'a-long-password' },
    });
    expect(session.user.id).toBe(reg.register.user.id);
    const me = await t.gql
      .as(session.accessToken)
      .ok<{ me: { id: string; displayName: string } }>(ME);
    expect(me.me).toMatchObject({ id: reg.register.user.id, displayName: '王工' });

    const { rows } = await t.sql.query(`SELECT password_hash FROM users WHERE email = $1`, [email]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a duplicate e-mail with CONFLICT and creates nothing', async () => {
    const user = await createUser(t);
    const error = await t.gql.fails(REGISTER, {
      input: { email: user.email, password: 'another-password', displayName: 'X' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      user.email,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it.each([
    [{ password: 'short' }, 'password'],
    [{ email: 'not-an-email' }, 'email'],
    [{ displayName: '' }, 'displayName'],
    [{ displayName: 'x'.repeat(101) }, 'displayName'],
    [{ password: 'p'.repeat(257) }, 'password'],
  ])('refuses registration with bad input %j naming the field', async (override, field) => {
    const input = {
      email: uniqueEmail(),
      password: 'a-long-password',
      displayName: 'Test',
      ...override,
    };
    const error = await t.gql.fails(REGISTER, { input });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field)).toContain(field);
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [
      input.email,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('cannot grant itself a platform role through register', async () => {
    const res = await t.gql.send(REGISTER, {
      input: {
        email: uniqueEmail(),
        password: 'a-long-password',
        displayName: 'X',
        platformRoles: ['ADMIN'],
      },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data ?? null).toBeNull();
  });

  it('answers an unknown e-mail and a wrong password the same way', async () => {
    const user = await createUser(t);
    const wrong = await t.gql.fails(LOGIN, {
      input: { email: user.email, password: 'wrong-password-1' },
    });
    const unknown = await t.gql.fails(LOGIN, {
      input: { email: uniqueEmail(), password: 'wrong-password-1' },
    });
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrong.extensions?.reason).toBe('INVALID_CREDENTIALS');
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.extensions?.reason).toBe(wrong.extensions?.reason);
  });

  it('locks sign-in for an address (from this client address) after repeated failures, even with the right password', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 3; i += 1) {
      const e = await t.gql.fails(LOGIN, {
        input: { email: user.email, password: `wrong-password-${i}` },
      });
      expect(e.extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
    const lockedRes = await t.gql.send(LOGIN, {
      input: { email: user.email, password: user.password },
    });
    expect(lockedRes.status).toBe(429);
    expect(Number(lockedRes.headers['retry-after'])).toBeGreaterThan(590);
    expect(lockedRes.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'TOO_MANY_ATTEMPTS',
    });
    // An unknown address locks the same way, so the lock tells nothing about which accounts exist.
    const ghost = uniqueEmail();
    for (let i = 0; i < 3; i += 1)
      await t.gql.fails(LOGIN, { input: { email: ghost, password: 'wrong-password-x' } });
    expect(
      (await t.gql.fails(LOGIN, { input: { email: ghost, password: 'x' } })).extensions?.reason,
    ).toBe('TOO_MANY_ATTEMPTS');
    // When the lock runs out the right password works again.
    const pair = `rl:login-pair:${sha256(user.email.toLowerCase()).slice(0, 32)}|%`;
    const expired = await t.sql.query(`UPDATE rate_limits SET expire = 1 WHERE key LIKE $1`, [
      pair,
    ]);
    expect(expired.rowCount).toBe(1);
    await expect(login(t, user.email, user.password)).resolves.toMatchObject({ id: user.id });
  });

  it('rotates refresh tokens and ends the whole session when one is reused', async () => {
    const user = await createUser(t);
    const first = await t.gql.ok<{ refreshToken: { accessToken: string; refreshToken: string } }>(
      REFRESH,
      {
        input: { refreshToken: user.refreshToken },
      },
    );
    expect(first.refreshToken.refreshToken).not.toBe(user.refreshToken);
    await expect(t.gql.as(first.refreshToken.accessToken).ok(ME)).resolves.toBeTruthy();

    const reuse = await t.gql.fails(REFRESH, { input: { refreshToken: user.refreshToken } });
    expect(reuse.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'REFRESH_TOKEN_REUSED',
    });
    // The family is revoked: the newer refresh token and the access tokens of the session are dead.
    const after = await t.gql.fails(REFRESH, {
      input: { refreshToken: first.refreshToken.refreshToken },
    });
    expect(after.extensions?.code).toBe('UNAUTHENTICATED');
    const me = await t.gql.as(first.refreshToken.accessToken).fails(ME);
    expect(me.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
    await expect(t.gql.as(user.token).fails(ME)).resolves.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('refuses an unknown refresh token', async () => {
    const e = await t.gql.fails(REFRESH, { input: { refreshToken: 'x'.repeat(43) } });
    expect(e.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_REFRESH_TOKEN',
    });
  });

  it('logs out: the access and refresh tokens of that session stop working, other sessions do not', async () => {
    const user = await createUser(t);
    const other = await login(t, user.email, user.password);
    const out = await t.gql
      .as(user.token)
      .ok<{ logout: { ok: boolean } }>(`mutation { logout { ok } }`);
    expect(out.logout.ok).toBe(true);
    expect((await t.gql.as(user.token).fails(ME)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await t.gql.fails(REFRESH, { input: { refreshToken: user.refreshToken } })).extensions?.code,
    ).toBe('UNAUTHENTICATED');
    await expect(t.gql.as(other.token).ok(ME)).resolves.toBeTruthy();
  });

  it('changes the password, ending the other sessions but not this one', async () => {
    const user = await createUser(t);
    const other = await login(t, user.email, user.password);
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { ok endedSessions } }`;
    const wrong = await t.gql.as(user.token).fails(CHANGE, {
      input: { currentPassword: 'not-the-password', newPassword: 'brand-new-password' },
    });
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(wrong.extensions?.fields?.[0].field).toBe('currentPassword');
    const tooShort = await t.gql
      .as(user.token)
      .fails(CHANGE, { input: { currentPassword: user.password, newPassword: 'short' } });
    expect(tooShort.extensions?.code).toBe('BAD_USER_INPUT');

    const changed = await t.gql
      .as(user.token)
      .ok<{ changePassword: { ok: boolean; endedSessions: number } }>(CHANGE, {
        input: { currentPassword: user.password, newPassword: 'brand-new-password' },
      });
    expect(changed.changePassword).toEqual({ ok: true, endedSessions: 1 });
    await expect(t.gql.as(user.token).ok(ME)).resolves.toBeTruthy();
    expect((await t.gql.as(other.token).fails(ME)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await t.gql.fails(LOGIN, { input: { email: user.email, password: user.password } }))
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');
    await expect(login(t, user.email, 'brand-new-password')).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("stops a suspended user's existing tokens at the next request, and reinstating lets them sign in again", async () => {
    const admin = await createAdmin(t);
    const user = await createUser(t);
    await expect(t.gql.as(user.token).ok(ME)).resolves.toBeTruthy();
    const SUSPEND = `mutation($input: UserDecisionInput!) { suspendUser(input: $input) { user { id status } } }`;
    const REINSTATE = `mutation($input: UserDecisionInput!) { reinstateUser(input: $input) { user { id status } } }`;

    const byUser = await t.gql
      .as(user.token)
      .fails(SUSPEND, { input: { userId: admin.id, reason: 'trying' } });
    expect(byUser.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ADMIN_ONLY' });

    const done = await t.gql
      .as(admin.token)
      .ok<{ suspendUser: { user: { status: string } } }>(SUSPEND, {
        input: { userId: user.id, reason: 'spam reports' },
      });
    expect(done.suspendUser.user.status).toBe('SUSPENDED');
    expect((await t.gql.as(user.token).fails(ME)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(
      (await t.gql.fails(LOGIN, { input: { email: user.email, password: user.password } }))
        .extensions?.reason,
    ).toBe('INVALID_CREDENTIALS');
    const again = await t.gql
      .as(admin.token)
      .fails(SUSPEND, { input: { userId: user.id, reason: 'twice' } });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });

    await t.gql
      .as(admin.token)
      .ok(REINSTATE, { input: { userId: user.id, reason: 'appeal accepted' } });
    await expect(login(t, user.email, user.password)).resolves.toMatchObject({ id: user.id });
  });

  it('refuses a token signed with another secret, a malformed one and an expired one', async () => {
    const user = await createUser(t);
    const [h, p] = user.token.split('.');
    const forged = `${h}.${p}.${Buffer.from('forged-signature').toString('base64url')}`;
    expect((await t.gql.as(forged).fails(ME)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'INVALID_TOKEN',
    });
    expect((await t.gql.as('garbage').fails(ME)).extensions?.code).toBe('UNAUTHENTICATED');
    const { JwtService } = await import('@nestjs/jwt');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const expired = new JwtService({ secret: t.config.auth.jwtSecret }).sign({
      sub: claims.sub,
      sid: claims.sid,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect((await t.gql.as(expired).fails(ME)).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_EXPIRED',
    });
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect((await t.gql.as(none).fails(ME)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('requires authentication for me', async () => {
    const e = await t.gql.fails(ME);
    expect(e.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'NOT_AUTHENTICATED' });
  });
});
