import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'CONFIDENTIAL-DESCRIPTION';
const DETAIL = `query($id: ID!) { challenge(id: $id) { id version requiresTerms termsVersion termsAccepted description descriptionLocked terms { version text } } }`;
const ACCEPT = `mutation($id: ID!, $v: Int!) { acceptChallengeTerms(input: { challengeId: $id, termsVersion: $v }) { challenge { id termsAccepted description } } }`;
const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id version termsVersion } } }`;
const ASK = `mutation($id: ID!, $q: String!) { askChallengeQuestion(input: { challengeId: $id, question: $q }) { question { id question answer askedByMyOrganization } } }`;
const ANSWER = `mutation($id: ID!, $a: String!) { answerChallengeQuestion(input: { questionId: $id, answer: $a }) { question { id question answer answeredAt } } }`;
const QUESTIONS = `query($id: ID!) { challenge(id: $id) { questions { id question answer askedByMyOrganization } unansweredQuestionCount announcements { title body } } }`;
const ANNOUNCE = `mutation($id: ID!) { publishChallengeAnnouncement(input: { challengeId: $id, title: "答疑会通知", body: "12月1日线上答疑" }) { announcement { id title } } }`;

describe('terms (NDA), questions and announcements', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let sme: TestOrg;
  let otherSme: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    sme = await createSme(t, { name: '苏州提问科技' });
    otherSme = await createSme(t);
  });
  afterAll(() => t.close());

  describe('the terms gate', () => {
    it('withholds the description until the organisation accepts the current terms; an amendment to the terms asks again', async () => {
      const { id, version } = await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { terms: '保密协议第1版：不得向第三方披露。' },
      });

      const locked = await t.gql
        .as(sme.owner.token)
        .send<{ challenge: Record<string, unknown> }>(DETAIL, { id });
      expect(locked.data?.challenge).toMatchObject({
        requiresTerms: true,
        termsVersion: 1,
        termsAccepted: false,
        description: null,
        descriptionLocked: true,
        terms: { version: 1 },
      });
      expect(locked.text).not.toContain(SECRET);
      // The list and the versions do not leak it either.
      const list = await t.gql
        .as(sme.owner.token)
        .send(`{ challenges(first: 50) { edges { node { id description } } } }`);
      expect(list.text).not.toContain(SECRET);
      const versions = await t.gql
        .as(sme.owner.token)
        .send(
          `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version description } } } }`,
          {
            id,
          },
        );
      expect(versions.text).not.toContain(SECRET);

      const stale = await t.gql.as(sme.owner.token).fails(ACCEPT, { id, v: 2 });
      expect(stale.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'TERMS_VERSION_CHANGED',
        currentVersion: 1,
      });
      const accepted = await t.gql.as(sme.owner.token).ok<{
        acceptChallengeTerms: { challenge: { termsAccepted: boolean; description: string } };
      }>(ACCEPT, {
        id,
        v: 1,
      });
      expect(accepted.acceptChallengeTerms.challenge.termsAccepted).toBe(true);
      expect(accepted.acceptChallengeTerms.challenge.description).toContain(SECRET);
      const { rows } = await t.sql.query(
        `SELECT organization_id, user_id, terms_version FROM challenge_terms_acceptances WHERE challenge_id = $1`,
        [id],
      );
      expect(rows).toEqual([{ organization_id: sme.id, user_id: sme.owner.id, terms_version: 1 }]);
      // Another SME is still locked out.
      expect((await t.gql.as(otherSme.owner.token).send(DETAIL, { id })).text).not.toContain(
        SECRET,
      );

      const amended = await t.gql
        .as(issuer.owner.token)
        .ok<{ amendChallenge: { challenge: { termsVersion: number } } }>(AMEND, {
          input: {
            id,
            expectedVersion: version,
            changeSummary: '更新保密协议',
            terms: '保密协议第2版：含知识产权条款。',
          },
        });
      expect(amended.amendChallenge.challenge.termsVersion).toBe(2);
      const relocked = await t.gql
        .as(sme.owner.token)
        .send<{ challenge: Record<string, unknown> }>(DETAIL, { id });
      expect(relocked.data?.challenge).toMatchObject({
        termsVersion: 2,
        termsAccepted: false,
        description: null,
        terms: { version: 2, text: '保密协议第2版：含知识产权条款。' },
      });
      expect(relocked.text).not.toContain(SECRET);
      await t.gql.as(sme.owner.token).ok(ACCEPT, { id, v: 2 });
      expect((await t.gql.as(sme.owner.token).send(DETAIL, { id })).text).toContain(SECRET);
    });

    it('shows the description of a challenge without terms to signed-in viewers only', async () => {
      const { id } = await createChallenge(t, issuer, { via: 'api', admin });
      expect((await t.gql.send(DETAIL, { id })).text).not.toContain(SECRET);
      expect((await t.gql.as(otherSme.owner.token).send(DETAIL, { id })).text).toContain(SECRET);
      expect(
        (await t.gql.as(sme.owner.token).fails(ACCEPT, { id, v: 1 })).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'NO_TERMS' });
    });

    it('refuses acceptance from a user without an organisation or for a challenge it cannot see, and records nothing', async () => {
      const { id } = await createChallenge(t, issuer, {
        via: 'api',
        admin,
        input: { terms: '条款', visibility: 'INVITE_ONLY' },
      });
      const loner = await createUser(t);
      expect((await t.gql.as(loner.token).fails(ACCEPT, { id, v: 1 })).extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await t.gql.as(sme.owner.token).fails(ACCEPT, { id, v: 1 })).extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect((await t.gql.fails(ACCEPT, { id, v: 1 })).extensions?.code).toBe('UNAUTHENTICATED');
      const { rows } = await t.sql.query(
        `SELECT count(*)::int AS n FROM challenge_terms_acceptances WHERE challenge_id = $1`,
        [id],
      );
      expect(rows[0].n).toBe(0);
    });
  });

  describe('questions (答疑)', () => {
    it('a question is private to the issuer until answered; the answer is published without the asker', async () => {
      const { id } = await createChallenge(t, issuer, { via: 'api', admin });
      const asked = await t.gql
        .as(sme.owner.token)
        .ok<{ askChallengeQuestion: { question: { id: string; askedByMyOrganization: boolean } } }>(
          ASK,
          {
            id,
            q: '是否接受联合体揭榜？',
          },
        );
      expect(asked.askChallengeQuestion.question.askedByMyOrganization).toBe(true);
      const qid = asked.askChallengeQuestion.question.id;

      const other = await t.gql
        .as(otherSme.owner.token)
        .send<{ challenge: { questions: unknown[]; unansweredQuestionCount: number | null } }>(
          QUESTIONS,
          { id },
        );
      expect(other.data?.challenge).toMatchObject({ questions: [], unansweredQuestionCount: null });
      expect(other.text).not.toContain('联合体');
      const own = await t.gql
        .as(sme.owner.token)
        .ok<{ challenge: { questions: { id: string }[] } }>(QUESTIONS, { id });
      expect(own.challenge.questions.map((q) => q.id)).toEqual([qid]);

      const mine = await t.gql.as(issuer.owner.token).ok<{
        myChallenges: {
          edges: {
            node: { id: string; unansweredQuestionCount: number; proposalCount: number };
          }[];
        };
      }>(`{ myChallenges(first: 50) { edges { node { id unansweredQuestionCount proposalCount } } } }`);
      expect(mine.myChallenges.edges.find((e) => e.node.id === id)?.node).toEqual({
        id,
        unansweredQuestionCount: 1,
        proposalCount: 0,
      });

      // Only the issuer answers; the other SME cannot even find the private question.
      expect(
        (await t.gql.as(otherSme.owner.token).fails(ANSWER, { id: qid, a: '可以' })).extensions
          ?.code,
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql.as(sme.owner.token).fails(ANSWER, { id: qid, a: '可以' })).extensions?.code,
      ).toBe('FORBIDDEN');
      expect((await t.gql.fails(ANSWER, { id: qid, a: '可以' })).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const unanswered = await t.sql.query(`SELECT answer FROM challenge_questions WHERE id = $1`, [
        qid,
      ]);
      expect(unanswered.rows[0].answer).toBeNull();

      const answered = await t.gql
        .as(issuer.owner.token)
        .ok<{ answerChallengeQuestion: { question: { answer: string } } }>(ANSWER, {
          id: qid,
          a: '接受，牵头单位须为中小企业。',
        });
      expect(answered.answerChallengeQuestion.question.answer).toBe('接受，牵头单位须为中小企业。');
      expect(
        (await t.gql.as(issuer.owner.token).fails(ANSWER, { id: qid, a: '再答' })).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED' });

      for (const client of [t.gql, t.gql.as(otherSme.owner.token)]) {
        const res = await client.send<{
          challenge: {
            questions: { question: string; answer: string; askedByMyOrganization: boolean }[];
          };
        }>(QUESTIONS, { id });
        expect(res.data?.challenge.questions).toEqual([
          {
            id: qid,
            question: '是否接受联合体揭榜？',
            answer: '接受，牵头单位须为中小企业。',
            askedByMyOrganization: false,
          },
        ]);
        expect(res.text).not.toContain(sme.nameZh);
        expect(res.text).not.toContain(sme.id);
        expect(res.text).not.toContain(sme.owner.id);
      }
      const after = await t.gql
        .as(issuer.owner.token)
        .ok<{ challenge: { unansweredQuestionCount: number } }>(QUESTIONS, { id });
      expect(after.challenge.unansweredQuestionCount).toBe(0);
    });

    it('only verified SMEs ask, and only while the challenge is open; nothing is stored on refusal', async () => {
      const { id } = await createChallenge(t, issuer, { via: 'api', admin });
      const unverified = await createSme(t, { verified: false });
      const count = async () =>
        (
          await t.sql.query(
            `SELECT count(*)::int AS n FROM challenge_questions WHERE challenge_id = $1`,
            [id],
          )
        ).rows[0].n;
      expect(
        (await t.gql.as(issuer.owner.token).fails(ASK, { id, q: '自问自答？' })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'SME_MEMBERS_ONLY' });
      expect(
        (await t.gql.as(unverified.owner.token).fails(ASK, { id, q: '未认证可以问吗？' }))
          .extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ORGANIZATION_NOT_VERIFIED' });
      expect((await t.gql.fails(ASK, { id, q: '匿名提问？' })).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await t.gql.as(sme.owner.token).fails(ASK, { id, q: 'x' })).extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
      await t.sql.query(
        `UPDATE challenges SET deadline = now() - interval '1 second' WHERE id = $1`,
        [id],
      );
      expect(
        (await t.gql.as(sme.owner.token).fails(ASK, { id, q: '截止后还能问吗？' })).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'CHALLENGE_NOT_OPEN' });
      expect(await count()).toBe(0);
    });
  });

  describe('announcements', () => {
    it('the issuer publishes announcements that everyone who sees the challenge reads; others cannot publish', async () => {
      const { id } = await createChallenge(t, issuer, { via: 'api', admin });
      expect((await t.gql.as(sme.owner.token).fails(ANNOUNCE, { id })).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ISSUER_ONLY',
      });
      expect((await t.gql.fails(ANNOUNCE, { id })).extensions?.code).toBe('UNAUTHENTICATED');
      expect(
        (
          await t.sql.query(
            `SELECT count(*)::int AS n FROM challenge_announcements WHERE challenge_id = $1`,
            [id],
          )
        ).rows[0].n,
      ).toBe(0);
      await t.gql.as(issuer.owner.token).ok(ANNOUNCE, { id });
      const res = await t.gql.ok<{ challenge: { announcements: { title: string }[] } }>(QUESTIONS, {
        id,
      });
      expect(res.challenge.announcements).toEqual([
        { title: '答疑会通知', body: '12月1日线上答疑' },
      ]);
    });
  });
});
