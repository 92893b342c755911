import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PublishedNoticeJob } from '../src/matchmaking/published-notice.job.js';
import {
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createEnterprise,
  createSme,
  type Persona,
  PUBLISH_CHALLENGE,
  SUBMIT_CHALLENGE,
  type TestOrg,
} from './support/factories/index.js';
import { eventually } from './support/poll.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UPDATE_SME = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id } } }`;
const SCORES = `query($id: ID!) { recommendedSmes(challengeId: $id, first: 20) { edges { node { sme { id } match { score } } } } }`;

/** Thermal-runaway warning for grid storage: what the fitting SME offers. */
const STORAGE = {
  titleZh: '储能电站电池热失控早期预警',
  titleEn: null,
  summaryZh: '用于电网侧储能电站，需要在电池热失控前给出预警，替代现有的烟感探测器。',
  summaryEn: null,
  technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
  requirements: [
    { name: '预警提前时间', target: '≥ 10', unit: 'min', weight: 100, mustHave: true },
  ],
};

/**
 * A newly published challenge is announced (CHALLENGE_RECOMMENDED) to the SMEs it fits, after the approval commits
 * (a job enqueued in its transaction), once, and to nobody the recommendations would not show it to.
 */
describe('Announcing a published challenge to the SMEs it fits', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let fit: TestOrg;
  let generic: TestOrg;
  let unverified: TestOrg;

  const recommended = async (org: TestOrg, challengeId: string) =>
    (
      await t.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications n JOIN organization_members m ON m.user_id = n.recipient_id
          WHERE m.organization_id = $1 AND n.challenge_id = $2 AND n.kind = 'CHALLENGE_RECOMMENDED'`,
        [org.id, challengeId],
      )
    ).rows[0].n;
  const publish = async () => {
    const id = (
      await t.gql
        .as(issuer.owner.token)
        .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
          input: challengeInput(STORAGE),
        })
    ).createChallenge.challenge.id;
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    await t.gql.as(admin.token).ok(PUBLISH_CHALLENGE, { id });
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        JOBS_ENABLED: 'true',
        JOBS_POLL_INTERVAL_SECONDS: '0.5',
      },
    });
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    const profile = (sme: TestOrg, input: Record<string, unknown>) =>
      t.gql.as(sme.owner.token).ok(UPDATE_SME, { input: { id: sme.id, ...input } });
    fit = await createSme(t);
    await profile(fit, {
      capabilityStatement: '专注新型储能电站的电池安全，提供热失控早期预警系统。',
      keywords: ['热失控预警', '储能安全'],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    });
    generic = await createSme(t);
    await profile(generic, {
      capabilityStatement: '提供企业管理软件和系统集成服务。',
      keywords: ['系统集成'],
    });
    unverified = await createSme(t, { verified: false });
    await profile(unverified, {
      capabilityStatement: '储能电站电池热失控早期预警系统。',
      keywords: ['热失控预警'],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('tells the fitting SME’s members after the approval commits, and nobody else', async () => {
    const id = await publish();
    await eventually(
      'the announcement',
      async () => ((await recommended(fit, id)) ? true : undefined),
      15_000,
    );
    expect(await recommended(fit, id)).toBe(1);
    expect(await recommended(generic, id)).toBe(0);
    expect(await recommended(unverified, id)).toBe(0);
    expect(await recommended(issuer, id)).toBe(0);
    const scores = await t.gql.as(issuer.owner.token).ok<{
      recommendedSmes: { edges: { node: { sme: { id: string }; match: { score: number } } }[] };
    }>(SCORES, { id });
    const ranked = scores.recommendedSmes.edges.map((e) => e.node.sme.id);
    expect(ranked).toContain(fit.id);
    // The fitting SME sees it in its inbox, in its language.
    const inbox = await t.gql.as(fit.owner.token).ok<{
      notifications: { edges: { node: { kind: string; challengeId: string; body: string } }[] };
    }>(`query { notifications(first: 5) { edges { node { kind challengeId body } } } }`);
    expect(inbox.notifications.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ kind: 'CHALLENGE_RECOMMENDED', challengeId: id }),
    );
  });

  it('announces once however often the job runs', async () => {
    const id = await publish();
    await eventually(
      'the announcement',
      async () => ((await recommended(fit, id)) ? true : undefined),
      15_000,
    );
    const job = t.app.get(PublishedNoticeJob);
    expect(await job.run(id)).toBe(0);
    expect(await Promise.all([job.run(id), job.run(id)])).toEqual([0, 0]);
    expect(await recommended(fit, id)).toBe(1);
  });
});
