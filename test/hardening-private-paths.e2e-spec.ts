import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCEPT,
  addMember,
  ASSIGN,
  createAdmin,
  createChallenge,
  createEnterprise,
  createExpert,
  createProposal,
  createSme,
  createUser,
  GET,
  LIST,
  NOT_SELECTED,
  passDeadline,
  type Persona,
  RANKING,
  RESULT,
  SCORE,
  SELECT,
  SHORTLIST,
  type TestChallenge,
  type TestOrg,
} from './support/factories/index.js';
import type { GqlResponse } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every path to private or sealed data, walked per object type: root queries, nested fields and mutation
 * payloads. A caller who may not see the data gets null / NOT_FOUND, and the protected text (a canary) is
 * nowhere in the response body.
 */
const ORG_EMAIL = 'org-private-canary@example.cn';
const ORG_PHONE = '+86-21-5550-CANARY';
const ORG_REASON = 'VERIFICATION-REASON-CANARY';
const DESCRIPTION = 'DESCRIPTION-CANARY-d41f';
const DRAFT_TITLE = 'DRAFT-TITLE-CANARY';
const DRAFT_DESCRIPTION = 'DRAFT-DESCRIPTION-CANARY';
const QUESTION = 'QUESTION-CANARY-asked-privately';
const NOTE = 'PRIVATE-NOTE-CANARY';
const STAFF = 'ISSUER-STAFF-CANARY';

const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { id nameZh contactEmail contactPhone verificationReason members { userId email displayName }
  challenges(first: 30) { edges { node { id description descriptionLocked questions { question askedByMyOrganization } terms { text } } } } } }`;
const SME = `query($id: ID!) { sme(id: $id) { id nameZh contactEmail contactPhone verificationReason members { userId email displayName } } }`;
const CHALLENGE = `query($id: ID!) { challenge(id: $id) { id titleZh description descriptionLocked statusReason issuer { id nameZh }
  questions { id question answer askedByMyOrganization } unansweredQuestionCount } }`;
const CHALLENGES = `{ challenges(first: 30) { edges { node { id titleZh description issuer { id nameZh } questions { question askedByMyOrganization } } } } }`;
const FILTERED = `query($org: ID!) { challenges(first: 100, filter: { issuerOrganizationId: $org }) { edges { node { id titleZh } } } }`;
const VERSIONS = `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version titleZh description } } } }`;
const MY_AUDIT = `{ myOrganizationAuditEvents(first: 100) { edges { node { action actorUserId actorDisplayName organizationId data reason } } } }`;
const ASK = `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id question askedByMyOrganization } } }`;
const ANSWER = `mutation($input: AnswerChallengeQuestionInput!) { answerChallengeQuestion(input: $input) { question { id question answer } } }`;
const ACCEPT_TERMS = `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id description descriptionLocked } } }`;
const MY_ASSIGNMENTS = `{ myReviewAssignments { edges { node { id challengeId proposalId reviewerUserId status reason } } } }`;

function expectAbsent(responses: GqlResponse<unknown>[], canaries: string[]) {
  for (const r of responses) {
    expect({ status: r.status, body: r.status === 200 ? '' : r.text }).toEqual({
      status: 200,
      body: '',
    });
    for (const c of canaries)
      expect({ canary: c, found: r.text.includes(c) }).toEqual({ canary: c, found: false });
  }
}

describe('every path to private data answers null or NOT_FOUND to callers who may not see it', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let issuerMember: Persona;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let outsiderEnterprise: TestOrg;
  let loner: Persona;
  let expert1: Persona;
  let expert2: Persona;
  let open: TestChallenge;
  let draft: TestChallenge;
  let proposalA: string;
  let proposalB: string;

  const outsiders = () => [
    undefined,
    loner.token,
    smeB.owner.token,
    outsiderEnterprise.owner.token,
    expert2.token,
  ];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    issuerMember = await addMember(t, issuer, 'MEMBER');
    smeA = await createSme(t);
    smeB = await createSme(t);
    outsiderEnterprise = await createEnterprise(t);
    loner = await createUser(t);
    expert1 = await createExpert(t);
    expert2 = await createExpert(t);
    for (const org of [issuer, smeA]) {
      await t.sql.query(
        `UPDATE organizations SET contact_email = $2, contact_phone = $3, verification_reason = $4 WHERE id = $1`,
        [org.id, ORG_EMAIL, ORG_PHONE, ORG_REASON],
      );
    }
    await t.sql.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [issuer.owner.id, STAFF]);
    open = await createChallenge(t, issuer, {
      requiresTerms: true,
      blindReview: true,
      deadlineIn: '2 hours',
    });
    await t.sql.query(
      `UPDATE challenges SET description = $2, anonymous_issuer = true WHERE id = $1`,
      [open.id, DESCRIPTION],
    );
    draft = await createChallenge(t, issuer, { status: 'DRAFT' });
    await t.sql.query(
      `UPDATE challenges SET title_zh = $2, description = $3, published_at = NULL WHERE id = $1`,
      [draft.id, DRAFT_TITLE, DRAFT_DESCRIPTION],
    );
    await t.sql.query(
      `INSERT INTO challenge_terms_acceptances (challenge_id, organization_id, user_id, terms_version) VALUES ($1, $2, $3, 1)`,
      [open.id, smeA.id, smeA.owner.id],
    );
    await t.sql.query(
      `INSERT INTO challenge_terms_acceptances (challenge_id, organization_id, user_id, terms_version) VALUES ($1, $2, $3, 1)`,
      [open.id, smeB.id, smeB.owner.id],
    );
    proposalA = (await createProposal(t, smeA, open, { canary: 'PA' })).id;
    proposalB = (await createProposal(t, smeB, open, { canary: 'PB' })).id;
  });
  afterAll(() => t.close());

  it('organisations: contact details, members and the verification reason only for members and admins', async () => {
    for (const token of outsiders()) {
      const res = [
        await t.gql.as(token).send(ENTERPRISE, { id: issuer.id }),
        await t.gql.as(token).send(SME, { id: smeA.id }),
      ];
      expectAbsent(res, [ORG_EMAIL, ORG_PHONE, ORG_REASON, issuer.owner.email, smeA.owner.email]);
      expect(res[0].data).toMatchObject({
        enterprise: {
          contactEmail: null,
          contactPhone: null,
          members: null,
          verificationReason: null,
        },
      });
      expect(res[1].data).toMatchObject({
        sme: { contactEmail: null, contactPhone: null, members: null, verificationReason: null },
      });
    }
    const own = await t.gql.as(smeA.owner.token).send(SME, { id: smeA.id });
    expect(own.text).toContain(ORG_EMAIL);
    const byAdmin = await t.gql.as(admin.token).send(ENTERPRISE, { id: issuer.id });
    expect(byAdmin.text).toContain(ORG_REASON);
  });

  it('an unverified organisation is NOT_FOUND to outsiders, with nothing of it in the body', async () => {
    const hidden = await createSme(t, { verified: false, name: '未核验企业CANARY有限公司' });
    for (const token of outsiders()) {
      const res = await t.gql.as(token).send(SME, { id: hidden.id });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expectAbsent([res], ['未核验企业CANARY']);
    }
  });

  it('challenges: a draft is NOT_FOUND by id, by versions, in lists and through the enterprise, to everyone but issuer and admins', async () => {
    for (const token of outsiders()) {
      const as = t.gql.as(token);
      const byId = await as.send(CHALLENGE, { id: draft.id });
      const versions = await as.send(VERSIONS, { id: draft.id });
      expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(versions.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expectAbsent(
        [
          byId,
          versions,
          await as.send(CHALLENGES),
          await as.send(ENTERPRISE, { id: issuer.id }),
          await as.send(FILTERED, { org: issuer.id }),
        ],
        [DRAFT_TITLE, DRAFT_DESCRIPTION],
      );
    }
    const mine = await t.gql.as(issuerMember.token).send(CHALLENGE, { id: draft.id });
    expect(mine.text).toContain(DRAFT_TITLE);
  });

  it('the confidential description: locked for anonymous callers and organisations that did not accept the current terms, on every path', async () => {
    for (const token of [undefined, loner.token, outsiderEnterprise.owner.token, expert2.token]) {
      const as = t.gql.as(token);
      const res = [
        await as.send(CHALLENGE, { id: open.id }),
        await as.send(CHALLENGES),
        await as.send(VERSIONS, { id: open.id }),
        await as.send(ENTERPRISE, { id: issuer.id }),
      ];
      expectAbsent(res, [DESCRIPTION]);
      expect(res[0].data).toMatchObject({
        challenge: { description: null, descriptionLocked: true },
      });
    }
    expect((await t.gql.as(smeA.owner.token).send(CHALLENGE, { id: open.id })).text).toContain(
      DESCRIPTION,
    );
  });

  it('an anonymous issuer stays hidden from SMEs: by id, in lists, through the issuer filter and the enterprise, and in the audit trail', async () => {
    for (const token of [
      undefined,
      loner.token,
      smeA.owner.token,
      smeB.owner.token,
      outsiderEnterprise.owner.token,
    ]) {
      const as = t.gql.as(token);
      const res = [
        await as.send(CHALLENGE, { id: open.id }),
        await as.send(CHALLENGES),
        await as.send(FILTERED, { org: issuer.id }),
        await as.send(MY_AUDIT),
      ];
      expect(res[0].data).toMatchObject({ challenge: { issuer: null } });
      expect(
        (res[2].data as { challenges: { edges: { node: { id: string } }[] } }).challenges.edges.map(
          (e) => e.node.id,
        ),
      ).not.toContain(open.id);
      expectAbsent(res.slice(0, 2), [issuer.nameZh, issuer.id]);
      expectAbsent(res.slice(3), [issuer.nameZh, STAFF, issuer.owner.id]);
    }
  });

  it('questions: an unanswered question is private to the issuer and the asking SME; once answered, the asker stays anonymous', async () => {
    const asked = await t.gql
      .as(smeA.owner.token)
      .ok<{ askChallengeQuestion: { question: { id: string } } }>(ASK, {
        input: { challengeId: open.id, question: QUESTION },
      });
    for (const token of [
      undefined,
      loner.token,
      smeB.owner.token,
      outsiderEnterprise.owner.token,
    ]) {
      const as = t.gql.as(token);
      expectAbsent(
        [
          await as.send(CHALLENGE, { id: open.id }),
          await as.send(CHALLENGES),
          await as.send(ENTERPRISE, { id: issuer.id }),
          await as.send(MY_AUDIT),
        ],
        [QUESTION],
      );
    }
    expect((await t.gql.as(issuerMember.token).send(CHALLENGE, { id: open.id })).text).toContain(
      QUESTION,
    );
    await t.gql.as(issuerMember.token).ok(ANSWER, {
      input: { questionId: asked.askChallengeQuestion.question.id, answer: 'public answer' },
    });
    const seenByB = await t.gql
      .as(smeB.owner.token)
      .send<{ challenge: { questions: { question: string; askedByMyOrganization: boolean }[] } }>(
        CHALLENGE,
        { id: open.id },
      );
    expect(seenByB.data?.challenge.questions).toEqual([
      expect.objectContaining({ question: QUESTION, askedByMyOrganization: false }),
    ]);
    expectAbsent(
      [
        seenByB,
        await t.gql.as(issuerMember.token).send(CHALLENGE, { id: open.id }),
        await t.gql.as(issuer.owner.token).send(MY_AUDIT),
      ],
      [smeA.nameZh, smeA.owner.id],
    );
  });

  describe('after the deadline', () => {
    let assignment1: string;
    beforeAll(async () => {
      await passDeadline(t, open.id);
      // the issuer's OWNER reviews too: under blind review a reviewer never sees who submitted
      const res = await t.gql.as(issuer.owner.token).ok<{
        assignReviewers: {
          assignments: { id: string; reviewerUserId: string; proposalId: string | null }[];
        };
      }>(ASSIGN, {
        input: { challengeId: open.id, reviewerUserIds: [expert1.id, issuer.owner.id] },
      });
      for (const a of res.assignReviewers.assignments.filter((x) => x.proposalId === null)) {
        const who = a.reviewerUserId === expert1.id ? expert1 : issuer.owner;
        if (a.reviewerUserId === expert1.id) assignment1 = a.id;
        await t.gql.as(who.token).ok(ACCEPT, { input: { assignmentId: a.id } });
      }
      await t.gql.as(expert1.token).ok(SCORE, {
        input: {
          proposalId: proposalA,
          scores: open.criterionIds.map((criterionId) => ({
            criterionId,
            score: 8,
            comment: 'ok',
            privateNote: NOTE,
          })),
        },
      });
    });

    it('review assignments: each reviewer sees only its own; outsiders none', async () => {
      for (const token of [
        loner.token,
        smeA.owner.token,
        expert2.token,
        outsiderEnterprise.owner.token,
      ]) {
        const res = await t.gql
          .as(token)
          .send<{ myReviewAssignments: { edges: unknown[] } }>(MY_ASSIGNMENTS);
        expect(res.data?.myReviewAssignments.edges).toEqual([]);
        expectAbsent([res], [assignment1, expert1.id]);
      }
    });

    it("a reviewer's private note reaches nobody else: not the other reviewer's scores, the ranking, the SME or the issuer", async () => {
      const other = await t.gql.as(issuer.owner.token).send(SCORE, {
        input: {
          proposalId: proposalA,
          scores: [
            { criterionId: open.criterionIds[0], score: 7, comment: 'c', privateNote: 'mine' },
          ],
        },
      });
      expect(other.errors).toBeUndefined();
      const reads = [
        other,
        await t.gql.as(issuer.owner.token).send(RANKING, { challengeId: open.id }),
        await t.gql.as(issuerMember.token).send(RANKING, { challengeId: open.id }),
        await t.gql.as(issuerMember.token).send(GET, { id: proposalA }),
        await t.gql.as(smeA.owner.token).send(GET, { id: proposalA }),
        await t.gql.as(issuer.owner.token).send(MY_AUDIT),
        await t.gql.as(smeA.owner.token).send(MY_AUDIT),
      ];
      expectAbsent(reads, [NOTE]);
    });

    it('blind review: a reviewing OWNER and the members never see the SME in the proposal, the list, the ranking or a decision payload', async () => {
      for (const token of [issuer.owner.token, issuerMember.token, expert1.token]) {
        const as = t.gql.as(token);
        const reads = [
          await as.send(GET, { id: proposalA }),
          await as.send(LIST, { challengeId: open.id }),
          await as.send(RANKING, { challengeId: open.id }),
        ];
        expectAbsent(reads, [smeA.nameZh, smeA.id, smeB.nameZh, smeB.id]);
      }
      const shortlisted = await t.gql
        .as(issuer.owner.token)
        .send(SHORTLIST.replace('{ id status }', '{ id status organization { id nameZh } }'), {
          input: { challengeId: open.id, proposalIds: [proposalA, proposalB] },
        });
      expect(shortlisted.errors).toBeUndefined();
      const notSelected = await t.gql
        .as(issuer.owner.token)
        .send(NOT_SELECTED.replace('feedback }', 'feedback organization { id nameZh } }'), {
          input: { proposalId: proposalB, reason: 'LESS_COMPETITIVE', feedback: 'thanks' },
        });
      expect(notSelected.errors).toBeUndefined();
      expectAbsent([shortlisted, notSelected], [smeA.nameZh, smeA.id, smeB.nameZh, smeB.id]);
    });

    it('the SME never learns who at an anonymous issuer evaluated or decided on its proposal (audit trail)', async () => {
      for (const token of [smeA.owner.token, smeB.owner.token]) {
        const res = await t.gql.as(token).send<{
          myOrganizationAuditEvents: {
            edges: { node: { action: string; actorUserId: string | null } }[];
          };
        }>(MY_AUDIT);
        expect(res.errors).toBeUndefined();
        const actions = res.data!.myOrganizationAuditEvents.edges.map((e) => e.node.action);
        expect(actions).toContain('PROPOSAL_SUBMITTED');
        expectAbsent([res], [STAFF, issuer.owner.id, issuerMember.id, issuer.nameZh, NOTE]);
      }
    });

    it('the public result of an INVITE_ONLY or REGISTERED challenge is NOT_FOUND to those who cannot see the challenge', async () => {
      await t.gql.as(issuer.owner.token).ok(SELECT, {
        input: {
          challengeId: open.id,
          winners: [{ proposalId: proposalA, awardAmountFen: '1000' }],
        },
      });
      expect((await t.gql.send(RESULT, { challengeId: open.id })).data).toBeTruthy();
      await t.sql.query(`UPDATE challenges SET visibility = 'INVITE_ONLY' WHERE id = $1`, [
        open.id,
      ]);
      for (const token of [undefined, loner.token, outsiderEnterprise.owner.token]) {
        const res = await t.gql.as(token).send(RESULT, { challengeId: open.id });
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expectAbsent([res], [smeA.nameZh, 'PA']);
      }
      await t.sql.query(`UPDATE challenges SET visibility = 'REGISTERED' WHERE id = $1`, [open.id]);
      expect(
        (await t.gql.send(RESULT, { challengeId: open.id })).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
      expect(
        (await t.gql.as(loner.token).send(RESULT, { challengeId: open.id })).data,
      ).toBeTruthy();
      // the winner and the issuer still see it
      await t.sql.query(`UPDATE challenges SET visibility = 'INVITE_ONLY' WHERE id = $1`, [
        open.id,
      ]);
      expect(
        (await t.gql.as(issuerMember.token).send(RESULT, { challengeId: open.id })).data,
      ).toBeTruthy();
      const objection = await t.gql
        .as(outsiderEnterprise.owner.token)
        .send(
          `mutation($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id } } }`,
          {
            input: { proposalId: proposalA, reason: 'an objection about this winner' },
          },
        );
      expect(objection.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      await t.sql.query(`UPDATE challenges SET visibility = 'PUBLIC' WHERE id = $1`, [open.id]);
    });
  });

  it('accepting terms unlocks the description for that organisation only', async () => {
    const c = await createChallenge(t, issuer, { requiresTerms: true });
    await t.sql.query(`UPDATE challenges SET description = $2 WHERE id = $1`, [
      c.id,
      `${DESCRIPTION}-2`,
    ]);
    const accepted = await t.gql
      .as(smeB.owner.token)
      .send(ACCEPT_TERMS, { input: { challengeId: c.id, termsVersion: 1 } });
    expect(accepted.text).toContain(`${DESCRIPTION}-2`);
    expectAbsent(
      [
        await t.gql.as(smeA.owner.token).send(CHALLENGE, { id: c.id }),
        await t.gql.as(outsiderEnterprise.owner.token).send(CHALLENGE, { id: c.id }),
      ],
      [`${DESCRIPTION}-2`],
    );
  });
});
