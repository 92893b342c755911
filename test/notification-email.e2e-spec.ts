import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { eventually } from './support/poll.js';
import { NotificationDeliveryJob } from '../src/notifications/notification-delivery.job.js';
import { rawHeader, startSmtpServer, type TestSmtpServer } from './support/smtp.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version } } }`;
const FOLLOW = `mutation($input: ChallengeFollowInput!) { followChallenge(input: $input) { following } }`;
const PREFER = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { kind channel } } }`;
const PREFERENCES = `query { notificationPreferences { kind channel isDefault } }`;
const UNSUBSCRIBE = `mutation($input: UnsubscribeEmailInput!) { unsubscribeEmail(input: $input) { kind } }`;

/**
 * Notification e-mails through a real SMTP server: the EMAIL channel, run by the delivery job after the writing
 * transaction commits; only to verified addresses; one-click unsubscribe per kind; a crash between the commit and
 * the delivery loses nothing and sends nothing twice.
 */
describe('Notification e-mails', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let challenge: { id: string; version: number };
  const env = () => ({
    SMTP_URL: smtp.url,
    JOBS_ENABLED: 'true',
    JOBS_POLL_INTERVAL_SECONDS: '0.5',
  });

  const amend = async (app: TestApp, title: string) => {
    challenge.version = (
      await app.gql
        .as(issuer.owner.token)
        .ok<{ amendChallenge: { challenge: { version: number } } }>(AMEND, {
          input: {
            id: challenge.id,
            expectedVersion: challenge.version,
            changeSummary: '更新技术指标',
            titleZh: title,
          },
        })
    ).amendChallenge.challenge.version;
  };
  /** An SME whose owner follows the challenge and asked for its amendments by e-mail. */
  const follower = async (app: TestApp, verified: boolean) => {
    const sme = await createSme(app);
    // Registering mailed the address's verification: taken here, so what follows is the notifications'.
    await smtp.next(sme.owner.email, 15_000);
    if (verified)
      await app.sql.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [
        sme.owner.id,
      ]);
    await app.gql.as(sme.owner.token).ok(FOLLOW, { input: { challengeId: challenge.id } });
    await app.gql
      .as(sme.owner.token)
      .ok(PREFER, { input: { kind: 'CHALLENGE_AMENDED', channel: 'EMAIL' } });
    return sme;
  };
  const deliveries = async (app: TestApp, userId: string) =>
    (
      await app.sql.query<{ status: string; attempts: number }>(
        `SELECT d.status, d.attempts FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.recipient_id = $1 AND d.channel = 'EMAIL' ORDER BY n.created_at`,
        [userId],
      )
    ).rows;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: env() });
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    const c = await createChallenge(t, issuer, { via: 'api', admin });
    challenge = { id: c.id, version: c.version };
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails a notification after its transaction commits, in the recipient’s language, with a one-click unsubscribe', async () => {
    const sme = await follower(t, true);
    await amend(t, '储能电站热失控预警（第二版）');
    const mail = await smtp.next(sme.owner.email, 15_000);
    expect(mail.parsed.subject).toBeTruthy();
    // The test users read English: the notification as the inbox renders it for them.
    expect(mail.parsed.text).toContain('was amended');
    const inbox = await t.gql
      .as(sme.owner.token)
      .ok<{ notifications: { edges: { node: { title: string; body: string } }[] } }>(
        `query { notifications(first: 1) { edges { node { title body } } } }`,
      );
    expect(mail.parsed.subject).toBe(inbox.notifications.edges[0].node.title);
    expect(mail.parsed.text).toContain(inbox.notifications.edges[0].node.body);
    expect(rawHeader(mail, 'List-Unsubscribe')[0]).toMatch(
      /^<https?:\/\/.+\/mail\/unsubscribe\?token=.+>$/,
    );
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
    await eventually(
      'the delivery SENT',
      async () => ((await deliveries(t, sme.owner.id))[0]?.status === 'SENT' ? true : undefined),
      15_000,
    );
    expect(await deliveries(t, sme.owner.id)).toEqual([{ status: 'SENT', attempts: 1 }]);
  });

  it('sends nothing to an unverified address (the delivery is SKIPPED; the inbox has it)', async () => {
    const sme = await follower(t, false);
    await amend(t, '储能电站热失控预警（第三版）');
    await eventually(
      'the delivery SKIPPED',
      async () => ((await deliveries(t, sme.owner.id))[0]?.status === 'SKIPPED' ? true : undefined),
      15_000,
    );
    expect(smtp.pendingFor(sme.owner.email)).toEqual([]);
    const inbox = await t.gql
      .as(sme.owner.token)
      .ok<{ notifications: { edges: unknown[] } }>(
        `query { notifications(first: 5) { edges { node { id } } } }`,
      );
    expect(inbox.notifications.edges).toHaveLength(1);
  });

  it('stops a kind’s e-mails when its unsubscribe link is used, and keeps its in-app notifications', async () => {
    const sme = await follower(t, true);
    await amend(t, '储能电站热失控预警（第四版）');
    const mail = await smtp.next(sme.owner.email, 15_000);
    const url = /<([^>]+)>/.exec(rawHeader(mail, 'List-Unsubscribe')[0])![1];
    const token = new URL(url).searchParams.get('token')!;
    const done = await t.gql.ok<{ unsubscribeEmail: { kind: string } }>(UNSUBSCRIBE, {
      input: { token },
    });
    expect(done.unsubscribeEmail.kind).toBe('CHALLENGE_AMENDED');
    const prefs = await t.gql
      .as(sme.owner.token)
      .ok<{ notificationPreferences: { kind: string; channel: string }[] }>(PREFERENCES);
    expect(prefs.notificationPreferences).toContainEqual(
      expect.objectContaining({ kind: 'CHALLENGE_AMENDED', channel: 'IN_APP' }),
    );
    await amend(t, '储能电站热失控预警（第五版）');
    // A control recipient proves the delivery run happened after the amendment.
    const control = await follower(t, true);
    await amend(t, '储能电站热失控预警（第六版）');
    await smtp.next(control.owner.email, 15_000);
    expect(smtp.pendingFor(sme.owner.email)).toEqual([]);
    const inbox = await t.gql
      .as(sme.owner.token)
      .ok<{ notifications: { edges: unknown[] } }>(
        `query { notifications(first: 10) { edges { node { id } } } }`,
      );
    expect(inbox.notifications.edges).toHaveLength(3);
  });

  it('sends the day’s digest once, and its unsubscribe moves every digested kind to the app', async () => {
    const sme = await createSme(t);
    await smtp.next(sme.owner.email, 15_000);
    await t.sql.query(`UPDATE users SET email_verified_at = now() WHERE id = $1`, [sme.owner.id]);
    await t.gql.as(sme.owner.token).ok(FOLLOW, { input: { challengeId: challenge.id } });
    // CHALLENGE_AMENDED goes by digest by default.
    await amend(t, '储能电站热失控预警（摘要一）');
    await amend(t, '储能电站热失控预警（摘要二）');
    const job = t.app.get(NotificationDeliveryJob);
    await job.runDigests();
    const digest = await smtp.next(sme.owner.email, 15_000);
    expect(digest.parsed.subject).toMatch(/2/);
    const text = digest.parsed.text ?? '';
    expect(text.split('was amended').length - 1).toBe(2);
    expect(rawHeader(digest, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
    await job.runDigests();
    expect(smtp.pendingFor(sme.owner.email)).toEqual([]);
    const digested = await t.sql.query<{ status: string }>(
      `SELECT d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.recipient_id = $1 AND d.channel = 'DIGEST'`,
      [sme.owner.id],
    );
    expect(digested.rows.map((r) => r.status)).toEqual(['SENT', 'SENT']);
    const url = /<([^>]+)>/.exec(rawHeader(digest, 'List-Unsubscribe')[0])![1];
    await t.gql.ok(UNSUBSCRIBE, { input: { token: new URL(url).searchParams.get('token')! } });
    const prefs = await t.gql
      .as(sme.owner.token)
      .ok<{ notificationPreferences: { kind: string; channel: string }[] }>(PREFERENCES);
    const digestedKinds = prefs.notificationPreferences.filter((p) => p.channel === 'DIGEST');
    expect(digestedKinds).toEqual([]);
    expect(prefs.notificationPreferences).toContainEqual(
      expect.objectContaining({ kind: 'CHALLENGE_AMENDED', channel: 'IN_APP' }),
    );
  });

  it('delivers after a crash between the commit and the delivery, exactly once', async () => {
    // An instance that works no jobs writes the notification and its pending delivery, then goes away.
    const writer = await startTestApp({
      env: { ...env(), JOBS_ENABLED: 'false' },
      databaseUrl: t.databaseUrl,
    });
    const sme = await follower(writer, true);
    await amend(writer, '储能电站热失控预警（第七版）');
    await writer.close();
    // The instance that works jobs sends it with its next run (the job enqueued in the amendment's transaction).
    const mail = await smtp.next(sme.owner.email, 15_000);
    expect(mail.parsed.text).toContain('was amended');
    await eventually(
      'the delivery SENT',
      async () => ((await deliveries(t, sme.owner.id))[0]?.status === 'SENT' ? true : undefined),
      15_000,
    );
    // More runs send nothing again.
    const job = t.app.get(NotificationDeliveryJob);
    await job.run();
    await job.run();
    expect(smtp.pendingFor(sme.owner.email)).toEqual([]);
    expect(await deliveries(t, sme.owner.id)).toEqual([{ status: 'SENT', attempts: 1 }]);
  });
});
