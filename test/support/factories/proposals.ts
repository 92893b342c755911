import { randomBytes } from 'node:crypto';
import type { TestApp } from '../test-app.js';
import type { TestChallenge } from './challenges.js';
import type { TestOrg } from './organizations.js';
import type { Persona } from './users.js';

export function proposalContent(
  canary: string,
  requirementIds: string[],
  overrides: Record<string, unknown> = {},
) {
  return {
    title: `方案 ${canary}`,
    summary: `summary ${canary}`,
    technicalApproach: `approach ${canary}`,
    commitments: requirementIds.map((requirementId) => ({
      requirementId,
      value: `≥ 7000 ${canary}`,
      evidence: 'test report',
    })),
    milestones: [{ name: 'M1', month: 3, deliverable: `prototype ${canary}`, amountFen: '500000' }],
    quotedPriceFen: '1000000',
    durationMonths: 12,
    ipArrangement: 'shared',
    team: [{ name: '张三', role: 'PI' }],
    consortiumPartnerIds: [],
    attachments: [
      {
        name: 'plan.pdf',
        size: 1024,
        sha256: 'a'.repeat(64),
        url: `https://files.example.cn/${canary}.pdf`,
      },
    ],
    declarations: { noConflictOfInterest: true, original: true },
    ...overrides,
  };
}

export const PROPOSAL_FIELDS = `id challengeId status currentRevision submittedAt
  organization { id nameZh nameEn }
  receipt { submittedAt contentSha256 revision }
  content { title summary technicalApproach commitments { requirementId value evidence } milestones { name month deliverable amountFen }
            quotedPriceFen durationMonths ipArrangement team { name role } consortiumPartnerIds
            attachments { name size sha256 url } declarations { noConflictOfInterest original } }
  awardAmountFen notSelectedReason feedback decidedAt`;

export const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
export const REVISE = `mutation($input: ReviseProposalInput!) { reviseProposal(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
export const WITHDRAW = `mutation($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { proposal { id status } } }`;
export const DRAFT = `mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
export const GET = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const LIST = `query($challengeId: ID!, $first: Int, $after: String) { challengeProposals(challengeId: $challengeId, first: $first, after: $after) {
  edges { cursor node { ${PROPOSAL_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const ASSIGN = `mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { assignments { id challengeId proposalId reviewerUserId status reason recusalReason declineReason } } }`;
export const ACCEPT = `mutation($input: ReviewAssignmentIdInput!) { acceptReviewAssignment(input: $input) { reviewAssignment { id status } } }`;
export const DECLINE = `mutation($input: DeclineReviewAssignmentInput!) { declineReviewAssignment(input: $input) { reviewAssignment { id status reason declineReason } } }`;
export const SCORE = `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId scores { criterionId score comment privateNote } } }`;
export const LOCK = `mutation($input: LockScoringInput!) { lockScoring(input: $input) { scoringLock { challengeId lockedAt } } }`;
export const RANKING = `query($challengeId: ID!, $first: Int, $after: String) { proposalRanking(challengeId: $challengeId, first: $first, after: $after) {
  challengeId total scoringLocked pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { rank position proposalId status title organization { id nameZh } quotedPriceFen weightedScore vetoed complete reviewerCount
    criteria { criterionId name weight veto reviewerCount average min max spread stdDev } } } } }`;

/** The nodes of a connection's page, in order. */
export const nodes = <T>(connection: { edges: { node: T }[] }): T[] =>
  connection.edges.map((e) => e.node);
export const SHORTLIST = `mutation($input: ShortlistProposalsInput!) { shortlistProposals(input: $input) { proposals { id status } } }`;
export const SELECT = `mutation($input: SelectWinnersInput!) { selectWinners(input: $input) { challenge { challengeId status publicityEndsAt } winners { id status awardAmountFen } } }`;
export const NOT_SELECTED = `mutation($input: MarkNotSelectedInput!) { markNotSelected(input: $input) { proposal { id status notSelectedReason feedback } } }`;
export const OBJECT = `mutation($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id status proposalId reason } } }`;
export const UPHOLD = `mutation($input: DecideObjectionInput!) { upholdObjection(input: $input) { objection { id status } challenge { challengeId status } } }`;
export const DISMISS = `mutation($input: DecideObjectionInput!) { dismissObjection(input: $input) { objection { id status } challenge { challengeId status } } }`;
export const FAIL = `mutation($input: CloseChallengeAsFailedInput!) { closeChallengeAsFailed(input: $input) { challenge { challengeId status } } }`;
export const RESULT = `query($challengeId: ID!) { challengeResult(challengeId: $challengeId) { challengeId status publicityStartedAt publicityEndsAt
  winners { proposalId organizationNameZh organizationNameEn proposalTitle awardAmountFen } } }`;
export const MY = `query($first: Int, $after: String) { myProposals(first: $first, after: $after) { edges { cursor node {
  id challengeId challengeTitle status currentRevision submittedAt receipt { submittedAt contentSha256 revision } title awardAmountFen
  notSelectedReason feedback aggregateScore } } pageInfo { hasNextPage endCursor } } }`;
export const COUNT = `query($challengeId: ID!) { proposalCount(challengeId: $challengeId) }`;
export const ADMIN_OPEN = `mutation($input: OpenProposalForAdminReviewInput!) { openProposalForAdminReview(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;

let keys = 0;
export function idempotencyKey(): string {
  keys += 1;
  return `key-${Date.now()}-${keys}-${randomBytes(3).toString('hex')}`;
}

export interface ProposalOptions {
  /** Marks every text of the content (titles, approach, commitments, attachment URL). */
  canary: string;
  /** Who submits (default: the SME's owner). */
  by?: Persona;
  idempotencyKey?: string;
  /** Overrides of proposalContent(). */
  content?: Record<string, unknown>;
}

/** Submits a proposal of `sme` to `challenge` through the API; answers the submitted proposal's id and receipt. */
export async function createProposal(
  t: TestApp,
  sme: TestOrg,
  challenge: TestChallenge,
  options: ProposalOptions,
) {
  const data = await t.gql.as((options.by ?? sme.owner).token).ok<{
    submitProposal: {
      proposal: {
        id: string;
        receipt: { contentSha256: string; submittedAt: string; revision: number };
      };
    };
  }>(SUBMIT, {
    input: {
      challengeId: challenge.id,
      idempotencyKey: options.idempotencyKey ?? idempotencyKey(),
      content: proposalContent(options.canary, challenge.requirementIds, options.content),
    },
  });
  return data.submitProposal.proposal;
}
