import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import request from 'supertest';
import {
  createSme,
  createUser,
  login,
  uniqueEmail,
  type Persona,
} from './support/factories/index.js';
import { rawHeader, startSmtpServer, tokenIn, type TestSmtpServer } from './support/smtp.js';
import { freePort } from './support/net.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * E-mail through a real SMTP server (smtp-server on 127.0.0.1, a port the system picks), read back with
 * mailparser: address verification, password reset, member invitations, one-click unsubscribe, header
 * injection, the mail budget, and the .eml files written when SMTP_URL is unset.
 */

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id emailVerified } } }`;
const ME = `{ me { id emailVerified } }`;
const VERIFY = `mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { ok } }`;
const REQUEST_VERIFICATION = `mutation { requestEmailVerification { ok } }`;
const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { ok endedSessions } }`;
const REFRESH = `mutation($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken } }`;
const INVITE = `mutation($input: InviteOrganizationMemberInput!) { inviteOrganizationMember(input: $input) { token invitation { id email } } }`;
const ACCEPT = `mutation($input: AcceptOrganizationInvitationInput!) { acceptOrganizationInvitation(input: $input) { organizationId } }`;
const UNSUBSCRIBE = `mutation($input: UnsubscribeEmailInput!) { unsubscribeEmail(input: $input) { kind } }`;

let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: '创新平台 <no-reply@example.cn>',
      PUBLIC_URL: 'http://api.example.cn',
    },
  });
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function register(locale: 'EN' | 'ZH_CN', displayName = 'Test User') {
  const email = uniqueEmail('mail');
  const password = 'correct-horse-battery';
  const data = await t.gql.ok<{ register: { user: { id: string; emailVerified: boolean } } }>(
    REGISTER,
    { input: { email, password, displayName, locale } },
  );
  return {
    id: data.register.user.id,
    email,
    password,
    emailVerified: data.register.user.emailVerified,
  };
}

/** A signed-in user whose address is verified through its own verification mail. */
async function verifiedUser(locale: 'EN' | 'ZH_CN' = 'EN'): Promise<Persona> {
  const user = await register(locale);
  const mail = await smtp.next(user.email);
  await t.gql.ok(VERIFY, {
    input: { token: tokenIn(mail, locale === 'EN' ? 'Verification token:' : '验证令牌：') },
  });
  const session = await login(t, user.email, user.password);
  return { ...session, email: user.email, password: user.password };
}

async function settle(ms = 400): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('address verification', () => {
  it('mails a Chinese verification link after register, and the token verifies the address once', async () => {
    const user = await register('ZH_CN', '王工');
    expect(user.emailVerified).toBe(false);
    const mail = await smtp.next(user.email);
    expect(mail.envelopeTo).toEqual([user.email]);
    expect(mail.envelopeFrom).toBe('no-reply@example.cn');
    expect(mail.parsed.subject).toBe('请验证您的电子邮箱');
    expect(mail.parsed.from?.value[0]).toEqual({
      address: 'no-reply@example.cn',
      name: '创新平台',
    });
    expect(mail.parsed.text).toContain('王工，您好');
    expect(mail.parsed.text).toContain('验证前我们不会向它发送其他邮件');
    // An account mail cannot be unsubscribed from.
    expect(rawHeader(mail, 'List-Unsubscribe')).toEqual([]);
    const token = tokenIn(mail, '验证令牌：');

    const { token: access } = await login(t, user.email, user.password);
    expect(
      (await t.gql.as(access).ok<{ me: { emailVerified: boolean } }>(ME)).me.emailVerified,
    ).toBe(false);
    expect(await t.gql.ok(VERIFY, { input: { token } })).toEqual({ verifyEmail: { ok: true } });
    expect(
      (await t.gql.as(access).ok<{ me: { emailVerified: boolean } }>(ME)).me.emailVerified,
    ).toBe(true);

    const again = await t.gql.fails(VERIFY, { input: { token } });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TOKEN_USED' });
  });

  it('writes the English mail for an English-speaking user', async () => {
    const user = await register('EN', 'Alice');
    const mail = await smtp.next(user.email);
    expect(mail.parsed.subject).toBe('Please verify your e-mail address');
    expect(mail.parsed.text).toContain('Hello Alice,');
  });

  it('refuses forged, altered and other-purpose tokens as BAD_USER_INPUT, and changes nothing', async () => {
    const user = await register('EN');
    const token = tokenIn(await smtp.next(user.email), 'Verification token:');
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const longer = Buffer.from(
      JSON.stringify({ ...claims, exp: Number(claims.exp) + 86400 }),
    ).toString('base64url');
    const flipped =
      signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const asReset = Buffer.from(JSON.stringify({ ...claims, p: 'RESET_PASSWORD' })).toString(
      'base64url',
    );
    for (const forged of [
      `${payload}.${flipped}`,
      `${longer}.${signature}`,
      `${asReset}.${signature}`,
      'not-a-token',
      `${token}\r\nBcc: x@example.com`,
    ]) {
      const error = await t.gql.fails(VERIFY, { input: { token: forged } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    // Nothing was verified; the genuine token still works.
    const { rows } = await t.sql.query(`SELECT email_verified_at FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(rows[0].email_verified_at).toBeNull();
    expect(await t.gql.ok(VERIFY, { input: { token } })).toEqual({ verifyEmail: { ok: true } });
  });

  it('refuses an expired link with EMAIL_TOKEN_EXPIRED', async () => {
    const user = await register('EN');
    const token = tokenIn(await smtp.next(user.email), 'Verification token:');
    await t.sql.query(
      `UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const error = await t.gql.fails(VERIFY, { input: { token } });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TOKEN_EXPIRED' });
    const { rows } = await t.sql.query(`SELECT email_verified_at FROM users WHERE id = $1`, [
      user.id,
    ]);
    expect(rows[0].email_verified_at).toBeNull();
  });

  it('mails a new link on request, and refuses once the address is verified', async () => {
    const user = await register('EN');
    await smtp.next(user.email);
    const { token: access } = await login(t, user.email, user.password);
    expect(await t.gql.as(access).ok(REQUEST_VERIFICATION)).toEqual({
      requestEmailVerification: { ok: true },
    });
    const second = tokenIn(await smtp.next(user.email), 'Verification token:');
    await t.gql.ok(VERIFY, { input: { token: second } });
    const error = await t.gql.as(access).fails(REQUEST_VERIFICATION);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_ALREADY_VERIFIED' });
    const anonymous = await t.gql.fails(REQUEST_VERIFICATION);
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets the password and ends every session', async () => {
    const user = await verifiedUser('ZH_CN');
    const second = await login(t, user.email, user.password);

    expect(await t.gql.ok(REQUEST_RESET, { input: { email: user.email.toUpperCase() } })).toEqual({
      requestPasswordReset: { accepted: true },
    });
    const mail = await smtp.next(user.email);
    expect(mail.parsed.subject).toBe('重置您的密码');
    expect(mail.parsed.text).toContain('所有会话都将退出登录');
    const token = tokenIn(mail, '重置令牌：');

    expect(
      await t.gql.ok(RESET, { input: { token, newPassword: 'a-brand-new-password' } }),
    ).toEqual({ resetPassword: { ok: true, endedSessions: 2 } });

    for (const session of [user, second]) {
      const me = await t.gql.as(session.token).fails(ME);
      expect(me.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' });
      const refreshed = await t.gql.fails(REFRESH, {
        input: { refreshToken: session.refreshToken },
      });
      expect(refreshed.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const oldPassword = await t.gql.fails(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email: user.email, password: user.password } },
    );
    expect(oldPassword.extensions).toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    await login(t, user.email, 'a-brand-new-password');

    const replay = await t.gql.fails(RESET, {
      input: { token, newPassword: 'yet-another-password' },
    });
    expect(replay.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TOKEN_USED' });
    await login(t, user.email, 'a-brand-new-password');
  });

  it('spends the other reset links of the account with the first one used', async () => {
    const user = await verifiedUser();
    await t.gql.ok(REQUEST_RESET, { input: { email: user.email } });
    const first = tokenIn(await smtp.next(user.email), 'Reset token:');
    await t.gql.ok(REQUEST_RESET, { input: { email: user.email } });
    const second = tokenIn(await smtp.next(user.email), 'Reset token:');
    await t.gql.ok(RESET, { input: { token: second, newPassword: 'a-brand-new-password' } });
    const error = await t.gql.fails(RESET, {
      input: { token: first, newPassword: 'other-password-1' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TOKEN_USED' });
  });

  it('refuses an expired reset link and keeps the password and the sessions', async () => {
    const user = await verifiedUser();
    await t.gql.ok(REQUEST_RESET, { input: { email: user.email } });
    const token = tokenIn(await smtp.next(user.email), 'Reset token:');
    await t.sql.query(
      `UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'RESET_PASSWORD' AND email = $1`,
      [user.email],
    );
    const error = await t.gql.fails(RESET, {
      input: { token, newPassword: 'a-brand-new-password' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TOKEN_EXPIRED' });
    await t.gql.as(user.token).ok(ME);
    await login(t, user.email, user.password);
  });

  it('answers the same for an unknown address, an unverified one and a suspended account, and mails none of them', async () => {
    const known = await verifiedUser();
    const unverified = await register('EN');
    await smtp.next(unverified.email);
    const suspended = await verifiedUser();
    await t.sql.query(`UPDATE users SET status = 'SUSPENDED' WHERE email = $1`, [suspended.email]);
    const unknown = uniqueEmail('nobody');

    const answers = await Promise.all(
      [known.email, unverified.email, suspended.email, unknown].map((email) =>
        t.gql.send(REQUEST_RESET, { input: { email } }),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(answers[0].text);
    }
    await smtp.next(known.email);
    await settle();
    expect(smtp.pendingFor(unverified.email)).toHaveLength(0);
    expect(smtp.pendingFor(suspended.email)).toHaveLength(0);
    expect(smtp.pendingFor(unknown)).toHaveLength(0);
  });

  it('answers before the mail is sent, so a slow mail server does not tell known addresses apart', async () => {
    const user = await verifiedUser();
    smtp.delayMs = 1500;
    try {
      const started = Date.now();
      await t.gql.ok(REQUEST_RESET, { input: { email: user.email } });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(smtp.pendingFor(user.email)).toHaveLength(0);
      await smtp.next(user.email, 5000);
    } finally {
      smtp.delayMs = 0;
    }
  });

  it('mails at most three live links an hour to one account', async () => {
    const user = await verifiedUser();
    for (let i = 0; i < 5; i++) await t.gql.ok(REQUEST_RESET, { input: { email: user.email } });
    for (let i = 0; i < 3; i++) await smtp.next(user.email);
    await settle();
    expect(smtp.pendingFor(user.email)).toHaveLength(0);
  });

  it('validates the new password', async () => {
    const error = await t.gql.fails(RESET, { input: { token: 'x.y', newPassword: 'short' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('member invitations by e-mail', () => {
  it('mails the invitation token to the invitee, whose account accepts with it', async () => {
    const sme = await createSme(t, { name: '储能科技有限公司' });
    const invitee = await verifiedUser('ZH_CN');
    const invited = await t.gql.as(sme.owner.token).ok<{
      inviteOrganizationMember: { token: string };
    }>(INVITE, { input: { email: invitee.email, role: 'MEMBER' } });

    const mail = await smtp.next(invitee.email);
    expect(mail.envelopeTo).toEqual([invitee.email]);
    expect(mail.parsed.subject).toBe('SME owner 邀请您加入「储能科技有限公司」');
    const token = tokenIn(mail, '邀请令牌：');
    expect(token).toBe(invited.inviteOrganizationMember.token);
    // A notification kind: one-click unsubscribe (RFC 8058).
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
    const [unsubscribe] = rawHeader(mail, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(
      /^<http:\/\/api\.example\.cn\/mail\/unsubscribe\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/,
    );

    const accepted = await t.gql.as(invitee.token).ok<{
      acceptOrganizationInvitation: { organizationId: string };
    }>(ACCEPT, { input: { token } });
    expect(accepted.acceptOrganizationInvitation.organizationId).toBe(sme.id);
  });

  it('mails an address that has no account yet, in the inviter’s language and without an unsubscribe', async () => {
    const sme = await createSme(t);
    const email = uniqueEmail('newcomer');
    await t.gql.as(sme.owner.token).ok(INVITE, { input: { email, role: 'ADMIN' } });
    const mail = await smtp.next(email);
    expect(mail.parsed.subject).toBe(`SME owner invites you to join ${sme.nameEn}`);
    expect(mail.parsed.text).toContain('as an administrator');
    expect(rawHeader(mail, 'List-Unsubscribe')).toEqual([]);
  });

  it('keeps a name with line breaks out of the headers: one recipient, no injected header', async () => {
    const sme = await createSme(t);
    await t.sql.query(`UPDATE organizations SET name_zh = $2, name_en = $2 WHERE id = $1`, [
      sme.id,
      'Evil Corp\r\nBcc: victim@example.com\r\nX-Injected: yes',
    ]);
    await t.sql.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [
      sme.owner.id,
      'Mallory\nCc: other@example.com',
    ]);
    const email = uniqueEmail('target');
    await t.gql.as(sme.owner.token).ok(INVITE, { input: { email, role: 'MEMBER' } });
    const mail = await smtp.next(email);
    expect(mail.envelopeTo).toEqual([email]);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(mail.parsed.headers.has('cc')).toBe(false);
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    for (const header of ['Bcc', 'Cc', 'X-Injected']) expect(rawHeader(mail, header)).toEqual([]);
    expect(mail.parsed.subject).toBe(
      'Mallory Cc: other@example.com invites you to join Evil Corp Bcc: victim@example.com X-Injected: yes',
    );
    expect(smtp.received.some((m) => m.envelopeTo.includes('victim@example.com'))).toBe(false);
  });

  it('refuses an invited address carrying a second recipient before anything is stored', async () => {
    const sme = await createSme(t);
    for (const email of [
      'a@example.cn\r\nBcc: victim@example.com',
      'a@example.cn, victim@example.com',
    ]) {
      const error = await t.gql
        .as(sme.owner.token)
        .fails(INVITE, { input: { email, role: 'MEMBER' } });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organization_invitations WHERE organization_id = $1`,
      [sme.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('one-click unsubscribe', () => {
  async function invitationMail(invitee: Persona) {
    const sme = await createSme(t);
    const invited = await t.gql
      .as(sme.owner.token)
      .ok<{ inviteOrganizationMember: { token: string } }>(INVITE, {
        input: { email: invitee.email, role: 'MEMBER' },
      });
    const mail = await smtp.next(invitee.email);
    const url = /^<([^>]+)>$/.exec(rawHeader(mail, 'List-Unsubscribe')[0])![1];
    return { sme, url, invitationToken: invited.inviteOrganizationMember.token };
  }

  it('records the opt-out on the RFC 8058 POST, refuses a replay, and sends no more invitations', async () => {
    const invitee = await verifiedUser('EN');
    const { url } = await invitationMail(invitee);
    const path = url.replace('http://api.example.cn', '');

    // GET (a link scanner) changes nothing: it answers a page whose form sends the POST.
    const page = await request(t.app.getHttpServer()).get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('method="post"');
    let { rows } = await t.sql.query(`SELECT kind FROM email_unsubscribes WHERE user_id = $1`, [
      invitee.id,
    ]);
    expect(rows).toHaveLength(0);

    const post = await request(t.app.getHttpServer())
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click');
    expect(post.status).toBe(200);
    expect(post.body).toEqual({ data: { unsubscribed: true, kind: 'ORGANIZATION_INVITATION' } });
    ({ rows } = await t.sql.query(`SELECT kind FROM email_unsubscribes WHERE user_id = $1`, [
      invitee.id,
    ]));
    expect(rows).toEqual([{ kind: 'ORGANIZATION_INVITATION' }]);

    const replay = await request(t.app.getHttpServer())
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click');
    expect(replay.status).toBe(409);
    expect(replay.body.errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EMAIL_TOKEN_USED',
    });

    // A later invitation is still made (the inviter gets its token) but not mailed.
    const other = await createSme(t);
    const invited = await t.gql
      .as(other.owner.token)
      .ok<{ inviteOrganizationMember: { token: string } }>(INVITE, {
        input: { email: invitee.email, role: 'MEMBER' },
      });
    expect(invited.inviteOrganizationMember.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    await settle();
    expect(smtp.pendingFor(invitee.email)).toHaveLength(0);
  });

  it('refuses forged unsubscribe tokens over HTTP and GraphQL, recording nothing', async () => {
    const invitee = await verifiedUser('EN');
    const { url } = await invitationMail(invitee);
    const token = new URL(url).searchParams.get('token')!;
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const otherRow = Buffer.from(
      JSON.stringify({ ...claims, id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    for (const forged of [`${otherRow}.${signature}`, 'garbage', '']) {
      const res = await request(t.app.getHttpServer())
        .post(`/mail/unsubscribe?token=${encodeURIComponent(forged)}`)
        .set('content-type', 'application/x-www-form-urlencoded')
        .send('List-Unsubscribe=One-Click');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const error = await t.gql.fails(UNSUBSCRIBE, { input: { token: forged } });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { rows } = await t.sql.query(`SELECT 1 FROM email_unsubscribes WHERE user_id = $1`, [
      invitee.id,
    ]);
    expect(rows).toHaveLength(0);

    // The genuine token works through GraphQL too, once.
    expect(await t.gql.ok(UNSUBSCRIBE, { input: { token } })).toEqual({
      unsubscribeEmail: { kind: 'ORGANIZATION_INVITATION' },
    });
    const replay = await t.gql.fails(UNSUBSCRIBE, { input: { token } });
    expect(replay.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TOKEN_USED' });
  });

  it('does not take a verification or reset token as an unsubscribe token', async () => {
    const user = await register('EN');
    const token = tokenIn(await smtp.next(user.email), 'Verification token:');
    const error = await t.gql.fails(UNSUBSCRIBE, { input: { token } });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the mail budget', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({
      env: { SMTP_URL: smtp.url, RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_MAIL_PER_HOUR: '2' },
    });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses a third reset request from one address within the hour (RATE_LIMITED, MAIL_LIMIT)', async () => {
    const email = uniqueEmail('nobody');
    await limited.gql.ok(REQUEST_RESET, { input: { email } });
    await limited.gql.ok(REQUEST_RESET, { input: { email } });
    const res = await limited.gql.send(REQUEST_RESET, { input: { email } });
    expect(res.status).toBe(429);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'MAIL_LIMIT',
    });
  });
});

describe('a mail server that does not answer', () => {
  let down: TestApp;
  beforeAll(async () => {
    // A port the system picked and that nothing listens on any more.
    down = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}` } });
  });
  afterAll(async () => {
    await down?.close();
  });

  it('does not undo the account: register succeeds, and asking for a new link says none was sent', async () => {
    const email = uniqueEmail('offline');
    const data = await down.gql.ok<{ register: { user: { id: string; emailVerified: boolean } } }>(
      REGISTER,
      { input: { email, password: 'correct-horse-battery', displayName: 'Offline', locale: 'EN' } },
    );
    expect(data.register.user.emailVerified).toBe(false);
    const { token } = await login(down, email, 'correct-horse-battery');
    expect(await down.gql.as(token).ok(REQUEST_VERIFICATION)).toEqual({
      requestEmailVerification: { ok: false },
    });
  });
});

describe('without SMTP_URL', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await startTestApp();
  });
  afterAll(async () => {
    await local?.close();
  });

  it('writes each mail as an .eml file under DATA_DIR/mail', async () => {
    const user = await createUser(local, { locale: 'ZH_CN', displayName: '李工' });
    const dir = join(local.config.dataDir, 'mail');
    expect(local.config.mail.fileDir).toBe(dir);
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/-verify_email-[0-9a-f]{8}\.eml$/);
    const parsed = await simpleParser(readFileSync(join(dir, files[0])));
    expect(parsed.subject).toBe('请验证您的电子邮箱');
    expect(parsed.text).toContain('李工，您好');
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0].address).toBe(user.email);
  });
});
