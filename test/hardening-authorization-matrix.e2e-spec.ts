import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessRegistry } from '../src/common/auth/access-registry.js';
import {
  ACCEPT,
  ASSIGN,
  createChallenge,
  createEnterprise,
  createExpert,
  createProposal,
  createSme,
  createUser,
  OBJECT,
  passDeadline,
  type Persona,
  proposalContent,
  SELECT,
  SHORTLIST,
  type TestChallenge,
  type TestOrg,
  INVITE_SME,
  inviteAndAccept,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The authorization matrix for ownership: every AUTHENTICATED mutation that acts on something owned by an
 * organisation (or a user) is tried by a signed-in user of ANOTHER organisation, against objects in a state
 * where their owner could act. Each must be refused with FORBIDDEN or NOT_FOUND and change nothing in the
 * database. The list is checked against the API itself: a new AUTHENTICATED mutation must be added here
 * (or to NOT_OWNED with the reason).
 */

/** AUTHENTICATED mutations that do not act on another party's object (the caller's own account or organisation, or open to all). */
const NOT_OWNED: Record<string, string> = {
  changePassword: "the caller's own account",
  requestEmailVerification: "the caller's own account (its own address)",
  logout: "the caller's own session",
  createChallenge: "creates in the caller's own enterprise",
  createEnterprise: 'creates a new organisation',
  createSme: 'creates a new organisation',
  applyToAlliance: "the caller's own enterprise",
  leaveAlliance: "the caller's own enterprise",
  inviteOrganizationMember: "the caller's own organisation",
  askChallengeQuestion: 'open to every eligible SME that sees the challenge',
  acceptChallengeTerms:
    'open to every SME that could answer the challenge (eligible or invited); others FORBIDDEN NOT_ELIGIBLE_FOR_TERMS (test/hardening-domain-rules)',
  saveProposalDraft: 'open to every eligible SME (creates its own proposal)',
  submitProposal: 'open to every eligible SME (creates its own proposal)',
  fileObjection: 'open to every verified organisation during the publicity period',
  markNotificationsRead:
    "the caller's own notifications: another user's ids change nothing (test/notifications.e2e-spec.ts)",
  setNotificationPreference: "the caller's own preferences",
};

/** Tables whose rows change on any signed-in request (sessions) and are not business data. */
const VOLATILE = new Set([
  'auth_sessions',
  'refresh_tokens',
  'rate_limits',
  'migrations',
  // The matching index: derived data the background indexer rewrites from the challenges and SMEs whenever it
  // catches up, whatever the request (what it is derived from is fingerprinted).
  'match_documents',
  'match_terms',
  'match_term_stats',
  'match_side_stats',
  'match_queue',
  // Kept recommendation lists: derived data any recommendation request may compute and keep.
  'match_lists',
  'match_list_entries',
]);

async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const { rows } = await t.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: name } of rows) {
    if (VOLATILE.has(name)) continue;
    const r = await t.sql.query<{ h: string }>(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
    );
    out[name] = r.rows[0].h;
  }
  return out;
}

interface Row {
  mutation: string;
  /** Who tries (a signed-in user of another organisation, or another reviewer/user). */
  as: () => Persona;
  query: string;
  variables: () => Record<string, unknown>;
}

describe('ownership: another organisation is refused every owned mutation, and nothing changes', () => {
  let t: TestApp;
  let issuerA: TestOrg;
  let enterpriseB: TestOrg;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let smeC: TestOrg;
  let expert1: Persona;
  let expert2: Persona;
  let stranger: Persona;
  let draftA: TestChallenge;
  let openA: TestChallenge;
  let closedA: TestChallenge;
  let publicityA: TestChallenge;
  let proposalOpen: string;
  let proposalClosed: string;
  let assignmentId: string;
  let objectionId: string;
  let introRequested: string;
  let introAccepted: string;
  let invitationToken: string;
  let questionId: string;
  let memberOfA: Persona;

  const ROWS: Row[] = [
    {
      mutation: 'updateEnterprise',
      as: () => enterpriseB.owner,
      query: `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { id } } }`,
      variables: () => ({ input: { id: issuerA.id, description: 'taken over' } }),
    },
    {
      mutation: 'updateSme',
      as: () => smeB.owner,
      query: `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id } } }`,
      variables: () => ({ input: { id: smeA.id, capabilityStatement: 'taken over' } }),
    },
    {
      mutation: 'changeOrganizationMemberRole',
      as: () => enterpriseB.owner,
      query: `mutation($input: ChangeOrganizationMemberRoleInput!) { changeOrganizationMemberRole(input: $input) { organizationId } }`,
      variables: () => ({ input: { userId: memberOfA.id, role: 'OWNER' } }),
    },
    {
      mutation: 'removeOrganizationMember',
      as: () => enterpriseB.owner,
      query: `mutation($input: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $input) { organizationId } }`,
      variables: () => ({ input: { userId: memberOfA.id } }),
    },
    {
      mutation: 'acceptOrganizationInvitation',
      as: () => stranger,
      query: `mutation($input: AcceptOrganizationInvitationInput!) { acceptOrganizationInvitation(input: $input) { organizationId } }`,
      variables: () => ({ input: { token: invitationToken } }),
    },
    {
      mutation: 'updateChallengeDraft',
      as: () => enterpriseB.owner,
      query: `mutation($input: UpdateChallengeDraftInput!) { updateChallengeDraft(input: $input) { challenge { id } } }`,
      variables: () => ({ input: { id: draftA.id, expectedVersion: 1, titleZh: '被篡改的标题' } }),
    },
    {
      mutation: 'submitChallengeForReview',
      as: () => enterpriseB.owner,
      query: `mutation($input: ChallengeIdInput!) { submitChallengeForReview(input: $input) { challenge { id } } }`,
      variables: () => ({ input: { id: draftA.id } }),
    },
    {
      mutation: 'amendChallenge',
      as: () => enterpriseB.owner,
      query: `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id } } }`,
      variables: () => ({
        input: {
          id: openA.id,
          expectedVersion: 1,
          changeSummary: 'hijacked amendment',
          titleZh: '被篡改',
        },
      }),
    },
    {
      mutation: 'cancelChallenge',
      as: () => enterpriseB.owner,
      query: `mutation($input: ChallengeDecisionInput!) { cancelChallenge(input: $input) { challenge { id } } }`,
      variables: () => ({ input: { id: openA.id, reason: 'cancelled by someone else' } }),
    },
    {
      mutation: 'publishChallengeAnnouncement',
      as: () => enterpriseB.owner,
      query: `mutation($input: PublishChallengeAnnouncementInput!) { publishChallengeAnnouncement(input: $input) { announcement { id } } }`,
      variables: () => ({
        input: { challengeId: openA.id, title: 'fake notice', body: 'fake announcement body' },
      }),
    },
    {
      mutation: 'answerChallengeQuestion',
      as: () => enterpriseB.owner,
      query: `mutation($input: AnswerChallengeQuestionInput!) { answerChallengeQuestion(input: $input) { question { id } } }`,
      variables: () => ({ input: { questionId, answer: 'a fake answer' } }),
    },
    {
      mutation: 'inviteSmeToChallenge',
      as: () => enterpriseB.owner,
      query: `mutation($input: InviteSmeToChallengeInput!) { inviteSmeToChallenge(input: $input) { challenge { id } } }`,
      variables: () => ({ input: { challengeId: openA.id, smeId: smeC.id, message: 'hijacked' } }),
    },
    {
      // Introductions: a third organisation is answered NOT_FOUND; an enterprise cannot request (FORBIDDEN).
      mutation: 'requestIntroduction',
      as: () => enterpriseB.owner,
      query: `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { id } } }`,
      variables: () => ({ input: { challengeId: openA.id, message: 'not an SME' } }),
    },
    {
      mutation: 'acceptIntroduction',
      as: () => smeC.owner,
      query: `mutation($input: AcceptIntroductionInput!) { acceptIntroduction(input: $input) { introduction { id } } }`,
      variables: () => ({ input: { introductionId: introRequested } }),
    },
    {
      mutation: 'declineIntroduction',
      as: () => enterpriseB.owner,
      query: `mutation($input: DeclineIntroductionInput!) { declineIntroduction(input: $input) { introduction { id } } }`,
      variables: () => ({
        input: { introductionId: introRequested, reason: 'declined by a stranger' },
      }),
    },
    {
      mutation: 'cancelIntroduction',
      as: () => smeC.owner,
      query: `mutation($input: CancelIntroductionInput!) { cancelIntroduction(input: $input) { introduction { id } } }`,
      variables: () => ({ input: { introductionId: introRequested } }),
    },
    {
      mutation: 'closeIntroduction',
      as: () => enterpriseB.owner,
      query: `mutation($input: CloseIntroductionInput!) { closeIntroduction(input: $input) { introduction { id } } }`,
      variables: () => ({
        input: { introductionId: introAccepted, outcome: 'CLOSED_NO_DEAL', reason: 'TIMING' },
      }),
    },
    {
      mutation: 'sendIntroductionMessage',
      as: () => smeC.owner,
      query: `mutation($input: SendIntroductionMessageInput!) { sendIntroductionMessage(input: $input) { message { id } } }`,
      variables: () => ({ input: { introductionId: introAccepted, body: 'a stranger writes' } }),
    },
    {
      // Another enterprise may not dismiss an SME for A's challenge (NOT_FOUND), nor another SME for smeA.
      mutation: 'dismissRecommendation',
      as: () => enterpriseB.owner,
      query: `mutation($input: DismissRecommendationInput!) { dismissRecommendation(input: $input) { dismissal { side } } }`,
      variables: () => ({ input: { challengeId: openA.id, smeId: smeA.id } }),
    },
    {
      mutation: 'dismissRecommendation',
      as: () => smeB.owner,
      query: `mutation($input: DismissRecommendationInput!) { dismissRecommendation(input: $input) { dismissal { side } } }`,
      variables: () => ({ input: { challengeId: openA.id, smeId: smeA.id } }),
    },
    {
      mutation: 'reviseProposal',
      as: () => smeB.owner,
      query: `mutation($input: ReviseProposalInput!) { reviseProposal(input: $input) { proposal { id } } }`,
      variables: () => ({
        input: {
          proposalId: proposalOpen,
          content: proposalContent('HIJACKED', openA.requirementIds),
        },
      }),
    },
    {
      mutation: 'withdrawProposal',
      as: () => smeB.owner,
      query: `mutation($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { proposal { id } } }`,
      variables: () => ({ input: { proposalId: proposalOpen, reason: 'withdrawn by a rival' } }),
    },
    {
      mutation: 'assignReviewers',
      as: () => enterpriseB.owner,
      query: ASSIGN,
      variables: () => ({ input: { challengeId: closedA.id, reviewerUserIds: [expert2.id] } }),
    },
    {
      mutation: 'acceptReviewAssignment',
      as: () => expert2,
      query: ACCEPT,
      variables: () => ({ input: { assignmentId } }),
    },
    {
      mutation: 'declineReviewAssignment',
      as: () => expert2,
      query: `mutation($input: DeclineReviewAssignmentInput!) { declineReviewAssignment(input: $input) { reviewAssignment { id } } }`,
      variables: () => ({ input: { assignmentId, reason: 'not mine to decline' } }),
    },
    {
      mutation: 'submitScores',
      as: () => enterpriseB.owner,
      query: `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId } }`,
      variables: () => ({
        input: {
          proposalId: proposalClosed,
          scores: [{ criterionId: closedA.criterionIds[0], score: 0 }],
        },
      }),
    },
    {
      mutation: 'lockScoring',
      as: () => enterpriseB.owner,
      query: `mutation($input: LockScoringInput!) { lockScoring(input: $input) { scoringLock { lockedAt } } }`,
      variables: () => ({ input: { challengeId: closedA.id } }),
    },
    {
      mutation: 'shortlistProposals',
      as: () => enterpriseB.owner,
      query: SHORTLIST,
      variables: () => ({ input: { challengeId: closedA.id, proposalIds: [proposalClosed] } }),
    },
    {
      mutation: 'markNotSelected',
      as: () => enterpriseB.owner,
      query: `mutation($input: MarkNotSelectedInput!) { markNotSelected(input: $input) { proposal { id } } }`,
      variables: () => ({
        input: { proposalId: proposalClosed, reason: 'OTHER', feedback: 'sabotage' },
      }),
    },
    {
      mutation: 'selectWinners',
      as: () => enterpriseB.owner,
      query: SELECT,
      variables: () => ({
        input: {
          challengeId: closedA.id,
          winners: [{ proposalId: proposalClosed, awardAmountFen: '1' }],
        },
      }),
    },
    {
      mutation: 'closeChallengeAsFailed',
      as: () => enterpriseB.owner,
      query: `mutation($input: CloseChallengeAsFailedInput!) { closeChallengeAsFailed(input: $input) { challenge { status } } }`,
      variables: () => ({ input: { challengeId: closedA.id, reason: 'failed by someone else' } }),
    },
    {
      mutation: 'upholdObjection',
      as: () => enterpriseB.owner,
      query: `mutation($input: DecideObjectionInput!) { upholdObjection(input: $input) { objection { id } } }`,
      variables: () => ({ input: { objectionId, reason: 'upheld by a stranger' } }),
    },
    {
      mutation: 'followChallenge',
      as: () => enterpriseB.owner,
      query: `mutation($input: ChallengeFollowInput!) { followChallenge(input: $input) { following } }`,
      variables: () => ({ input: { challengeId: draftA.id } }),
    },
    {
      mutation: 'unfollowChallenge',
      as: () => enterpriseB.owner,
      query: `mutation($input: ChallengeFollowInput!) { unfollowChallenge(input: $input) { following } }`,
      variables: () => ({ input: { challengeId: draftA.id } }),
    },
    {
      mutation: 'dismissObjection',
      as: () => enterpriseB.owner,
      query: `mutation($input: DecideObjectionInput!) { dismissObjection(input: $input) { objection { id } } }`,
      variables: () => ({ input: { objectionId, reason: 'dismissed by a stranger' } }),
    },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    issuerA = await createEnterprise(t);
    enterpriseB = await createEnterprise(t, { allianceStatus: null });
    smeA = await createSme(t);
    smeB = await createSme(t);
    smeC = await createSme(t);
    expert1 = await createExpert(t);
    expert2 = await createExpert(t);
    stranger = await createUser(t);
    memberOfA = await createUser(t);
    await t.sql.query(
      `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
      [memberOfA.id, issuerA.id],
    );

    draftA = await createChallenge(t, issuerA, { status: 'DRAFT' });
    await t.sql.query(
      `UPDATE challenges SET published_at = NULL, version = 1, deadline = now() + interval '30 days' WHERE id = $1`,
      [draftA.id],
    );
    openA = await createChallenge(t, issuerA, { deadlineIn: '30 days' });
    proposalOpen = (await createProposal(t, smeA, openA, { canary: 'OPEN' })).id;
    questionId = (
      await t.gql
        .as(smeA.owner.token)
        .ok<{ askChallengeQuestion: { question: { id: string } } }>(
          `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`,
          { input: { challengeId: openA.id, question: 'what is the cell chemistry?' } },
        )
    ).askChallengeQuestion.question.id;

    closedA = await createChallenge(t, issuerA);
    proposalClosed = (await createProposal(t, smeA, closedA, { canary: 'CLOSED' })).id;
    await createProposal(t, smeB, closedA, { canary: 'CLOSED-B' });
    await passDeadline(t, closedA.id);
    const assigned = await t.gql
      .as(issuerA.owner.token)
      .ok<{ assignReviewers: { assignments: { id: string; proposalId: string | null }[] } }>(
        ASSIGN,
        {
          input: { challengeId: closedA.id, reviewerUserIds: [expert1.id] },
        },
      );
    assignmentId = assigned.assignReviewers.assignments.find((a) => a.proposalId === null)!.id;

    publicityA = await createChallenge(t, issuerA);
    const winner = (await createProposal(t, smeA, publicityA, { canary: 'WIN' })).id;
    await passDeadline(t, publicityA.id);
    await t.gql
      .as(issuerA.owner.token)
      .ok(SHORTLIST, { input: { challengeId: publicityA.id, proposalIds: [winner] } });
    await t.gql.as(issuerA.owner.token).ok(SELECT, {
      input: {
        challengeId: publicityA.id,
        winners: [{ proposalId: winner, awardAmountFen: '1000' }],
      },
    });
    objectionId = (
      await t.gql
        .as(smeB.owner.token)
        .ok<{ fileObjection: { objection: { id: string } } }>(OBJECT, {
          input: { proposalId: winner, reason: 'the winner copied our design' },
        })
    ).fileObjection.objection.id;

    const invited = await t.gql
      .as(issuerA.owner.token)
      .ok<{ inviteOrganizationMember: { token: string } }>(
        `mutation($input: InviteOrganizationMemberInput!) { inviteOrganizationMember(input: $input) { token } }`,
        { input: { email: 'invitee-of-a@example.cn', role: 'MEMBER' } },
      );
    invitationToken = invited.inviteOrganizationMember.token;
    introRequested = (
      await t.gql
        .as(issuerA.owner.token)
        .ok<{ inviteSmeToChallenge: { introduction: { id: string } } }>(INVITE_SME, {
          input: { challengeId: openA.id, smeId: smeB.id, message: 'an invitation' },
        })
    ).inviteSmeToChallenge.introduction.id;
    introAccepted = await inviteAndAccept(t, issuerA, openA.id, smeA);
  });
  afterAll(() => t.close());

  it('covers every AUTHENTICATED mutation (owned ones here, the others listed with a reason)', () => {
    const authenticated = t.app
      .get(AccessRegistry)
      .list()
      .filter((o) => o.operation.startsWith('Mutation.') && o.rule === 'AUTHENTICATED')
      .map((o) => o.operation.slice('Mutation.'.length))
      .sort();
    expect([...new Set(ROWS.map((r) => r.mutation)), ...Object.keys(NOT_OWNED)].sort()).toEqual(
      authenticated,
    );
  });

  it.each(ROWS.map((r) => [r.mutation, r] as const))(
    '%s: refused to another organisation, nothing written',
    async (_name, row) => {
      const before = await fingerprint(t);
      const res = await t.gql.as(row.as().token).send(row.query, row.variables());
      const code = res.errors?.[0]?.extensions?.code;
      expect({
        mutation: row.mutation,
        refused: code === 'FORBIDDEN' || code === 'NOT_FOUND',
        code,
        data: res.data ?? null,
      }).toEqual({
        mutation: row.mutation,
        refused: true,
        code,
        data: null,
      });
      expect(await fingerprint(t)).toEqual(before);
    },
  );
});
