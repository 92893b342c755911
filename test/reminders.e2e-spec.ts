import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeadlineReminderJob } from '../src/challenges/deadline-reminder.job.js';
import { IntroductionExpiringJob } from '../src/matchmaking/introductions/introduction-expiring.job.js';
import {
  acceptTerms,
  createChallenge,
  createEnterprise,
  createProposal,
  createSme,
  INVITE_SME,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NOTIFICATIONS = `query { notifications(first: 50) { edges { node { kind challengeId introductionId title body } } } }`;
type Node = {
  kind: string;
  challengeId: string | null;
  introductionId: string | null;
  title: string;
  body: string;
};

/**
 * Deadline reminders (72 and 24 hours before, to the organisations taking part) and expiring introductions (to the
 * side that was asked), each once however often its scheduled job runs. The jobs' handlers are run here directly:
 * their scheduling is the jobs module's (test/jobs-instances.e2e-spec.ts).
 */
describe('Reminders', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let drafting: TestOrg;
  let termsOnly: TestOrg;
  let bystander: TestOrg;

  const inbox = async (p: Persona) =>
    (
      await t.gql.as(p.token).ok<{ notifications: { edges: { node: Node }[] } }>(NOTIFICATIONS)
    ).notifications.edges.map((e) => e.node);

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    drafting = await createSme(t);
    termsOnly = await createSme(t);
    bystander = await createSme(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reminds the organisations taking part 72 and 24 hours before the deadline, once each', async () => {
    const challenge = await createChallenge(t, issuer);
    await createProposal(t, drafting, challenge, { canary: 'REMINDER' });
    await acceptTerms(t, challenge.id, termsOnly.id, termsOnly.owner.id);
    const job = t.app.get(DeadlineReminderJob);
    const setDeadline = (hours: number) =>
      t.sql.query(
        `UPDATE challenges SET deadline = now() + make_interval(hours => $2) WHERE id = $1`,
        [challenge.id, hours],
      );
    const reminders = async (p: Persona) =>
      (await inbox(p)).filter(
        (n) => n.kind === 'DEADLINE_REMINDER' && n.challengeId === challenge.id,
      );

    // Four days away: nothing yet.
    await setDeadline(96);
    await job.run();
    expect(await reminders(drafting.owner)).toEqual([]);

    await setDeadline(48);
    await job.run();
    await job.run();
    for (const org of [drafting, termsOnly]) {
      const got = await reminders(org.owner);
      expect(got).toHaveLength(1);
      expect(got[0].body).toContain('72');
    }
    expect(await reminders(bystander.owner)).toEqual([]);
    expect(await reminders(issuer.owner)).toEqual([]);

    await setDeadline(12);
    await job.run();
    await job.run();
    const both = await reminders(drafting.owner);
    expect(both).toHaveLength(2);
    expect(both.map((n) => n.title).join(' ')).toContain('24');
    // A challenge past its deadline is reminded of no more.
    await setDeadline(-1);
    expect(await job.run()).toBe(0);
  });

  it('tells the side that was asked that an introduction expires soon, once', async () => {
    const challenge = await createChallenge(t, issuer);
    const sme = await createSme(t);
    const invited = await t.gql
      .as(issuer.owner.token)
      .ok<{ inviteSmeToChallenge: { introduction: { id: string } } }>(INVITE_SME, {
        input: { challengeId: challenge.id, smeId: sme.id, message: 'Would you take a look?' },
      });
    const id = invited.inviteSmeToChallenge.introduction.id;
    const job = t.app.get(IntroductionExpiringJob);
    const expiring = async (p: Persona) =>
      (await inbox(p)).filter((n) => n.kind === 'INTRODUCTION_EXPIRING' && n.introductionId === id);

    // Fourteen days left: nothing.
    await job.run();
    expect(await expiring(sme.owner)).toEqual([]);

    await t.sql.query(
      `UPDATE introductions SET expires_at = now() + interval '20 hours' WHERE id = $1`,
      [id],
    );
    await job.run();
    await job.run();
    expect(await expiring(sme.owner)).toHaveLength(1);
    expect(await expiring(issuer.owner)).toEqual([]);
    // An invitation is about the introduction alone: the issuer is not named.
    expect(JSON.stringify(await expiring(sme.owner))).not.toContain(issuer.nameZh);

    // Expired, it is no longer expiring.
    await t.sql.query(
      `UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    expect(await job.run()).toBe(0);
  });
});
