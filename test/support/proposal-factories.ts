import { randomBytes, randomUUID } from 'node:crypto';
import { createExpert, createUser, type Persona } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Arranges organisations and challenges directly in SQL (the organisations and challenges APIs live on
 * other branches); everything about proposals and evaluation goes through the API.
 */

export interface Org {
  id: string;
  nameZh: string;
  nameEn: string;
  creditCode: string;
  owner: Persona;
}

function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  return Array.from(randomBytes(18), (b) => alphabet[b % alphabet.length]).join('');
}

export async function createOrganization(
  t: TestApp,
  kind: 'ENTERPRISE' | 'SME',
  options: {
    name?: string;
    verified?: boolean;
    regionCode?: string;
    qualification?: string;
    qualificationValidFrom?: string | null;
    qualificationValidUntil?: string | null;
  } = {},
): Promise<Org> {
  const owner = await createUser(t, { displayName: `${kind} owner` });
  const id = randomUUID();
  const nameZh = options.name ?? `${kind === 'SME' ? '中小企业' : '大企业'}${randomBytes(3).toString('hex')}有限公司`;
  const nameEn = `${kind} ${randomBytes(3).toString('hex')} Ltd`;
  const code = creditCode();
  await t.sql.query(
    `INSERT INTO organizations (id, kind, name_zh, name_en, credit_code, region_code, verification_status, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::organization_verification_status, CASE WHEN $7::text = 'VERIFIED' THEN now() END)`,
    [id, kind, nameZh, nameEn, code, options.regionCode ?? '370000', options.verified === false ? 'UNVERIFIED' : 'VERIFIED'],
  );
  if (kind === 'SME') {
    await t.sql.query(
      `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from, qualification_valid_until)
       VALUES ($1, 'SMALL', $2, 'CERT-TEST-0001', $3, $4)`,
      [
        id,
        options.qualification ?? 'SPECIALIZED',
        options.qualificationValidFrom === undefined ? '2020-01-01' : options.qualificationValidFrom,
        options.qualificationValidUntil === undefined ? '2099-12-31' : options.qualificationValidUntil,
      ],
    );
  } else {
    await t.sql.query(`INSERT INTO enterprises (organization_id, industry_code) VALUES ($1, 'C')`, [id]);
  }
  await t.sql.query(`INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`, [owner.id, id]);
  return { id, nameZh, nameEn, creditCode: code, owner };
}

export const createSme = (t: TestApp, options: Parameters<typeof createOrganization>[2] = {}) => createOrganization(t, 'SME', options);
export const createEnterprise = (t: TestApp, options: Parameters<typeof createOrganization>[2] = {}) => createOrganization(t, 'ENTERPRISE', options);

export async function addMember(t: TestApp, orgId: string, role: 'OWNER' | 'ADMIN' | 'MEMBER' = 'MEMBER'): Promise<Persona> {
  const user = await createUser(t, { displayName: `member ${role}` });
  await t.sql.query(`INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, $3)`, [user.id, orgId, role]);
  return user;
}

export async function createAffiliatedExpert(t: TestApp, affiliation: { name: string; creditCode?: string | null }): Promise<Persona> {
  const expert = await createExpert(t);
  await t.sql.query(`INSERT INTO expert_profiles (user_id, affiliation_name, affiliation_credit_code) VALUES ($1, $2, $3)`, [
    expert.id,
    affiliation.name,
    affiliation.creditCode ?? null,
  ]);
  return expert;
}

export interface TestChallenge {
  id: string;
  requirementIds: string[];
  criterionIds: string[];
  /** criterion id → veto */
  vetoCriterionId: string;
}

/**
 * A PUBLISHED challenge of `issuerId` with a deadline `deadlineIn` from the database clock (a Postgres
 * interval), two requirements and three criteria (weights 50/30/20; the last is a veto), terms version 1.
 */
export async function createChallenge(
  t: TestApp,
  issuerId: string,
  options: {
    deadlineIn?: string;
    requiresTerms?: boolean;
    minQualification?: string;
    regions?: string[];
    blindReview?: boolean;
    budgetMax?: string | null;
    status?: string;
    visibility?: string;
    /** Whether the challenge was ever published (default: unless its status comes before publication). */
    published?: boolean;
  } = {},
): Promise<TestChallenge> {
  const status = options.status ?? 'PUBLISHED';
  const published = options.published ?? !['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'REJECTED'].includes(status);
  const id = randomUUID();
  await t.sql.query(
    `INSERT INTO challenges (id, issuer_organization_id, status, title_zh, summary_zh, description, industry_code, chain_goal, demand_type,
                             budget_max, min_qualification, allowed_region_codes, blind_review, deadline, published_at, requires_terms, terms_version, visibility)
     VALUES ($1, $2, $3, '储能电池热管理挑战', '摘要', '保密描述', 'C', 'STRENGTHEN', 'TECH_BREAKTHROUGH', $4, $5, $6, $7,
             now() + $8::interval, CASE WHEN $11 THEN now() END, $9, CASE WHEN $9 THEN 1 END, $10)`,
    [
      id,
      issuerId,
      status,
      options.budgetMax === undefined ? '100000000' : options.budgetMax,
      options.minQualification ?? 'NONE',
      options.regions ?? [],
      options.blindReview ?? false,
      options.deadlineIn ?? '1 hour',
      options.requiresTerms ?? false,
      options.visibility ?? 'PUBLIC',
      published,
    ],
  );
  if (options.requiresTerms) await t.sql.query(`INSERT INTO challenge_terms (challenge_id, version, text) VALUES ($1, 1, '保密协议')`, [id]);
  const requirementIds: string[] = [];
  for (const [i, name] of ['循环寿命', '能量密度'].entries()) {
    const { rows } = await t.sql.query(
      `INSERT INTO challenge_requirements (challenge_id, position, name, target, unit, weight, must_have) VALUES ($1, $2, $3, '≥ 6000', '次', 50, true) RETURNING id`,
      [id, i, name],
    );
    requirementIds.push(rows[0].id as string);
  }
  const criterionIds: string[] = [];
  for (const [i, [name, weight, veto]] of ([['技术方案', 50, false], ['团队能力', 30, false], ['合规性', 20, true]] as const).entries()) {
    const { rows } = await t.sql.query(
      `INSERT INTO evaluation_criteria (challenge_id, position, name, weight, veto) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [id, i, name, weight, veto],
    );
    criterionIds.push(rows[0].id as string);
  }
  return { id, requirementIds, criterionIds, vetoCriterionId: criterionIds[2] };
}

export async function acceptTerms(t: TestApp, challengeId: string, orgId: string, userId: string): Promise<void> {
  await t.sql.query(`INSERT INTO challenge_terms_acceptances (challenge_id, organization_id, user_id, terms_version) VALUES ($1, $2, $3, 1)`, [
    challengeId,
    orgId,
    userId,
  ]);
}

/** Moves the challenge's deadline into the past (the deadline is checked against the database clock). */
export async function passDeadline(t: TestApp, challengeId: string): Promise<void> {
  await t.sql.query(`UPDATE challenges SET deadline = now() - interval '1 second' WHERE id = $1`, [challengeId]);
}

/** Ends the publicity period of a challenge (as if PUBLICITY_DAYS had passed). */
export async function endPublicity(t: TestApp, challengeId: string): Promise<void> {
  await t.sql.query(`UPDATE publicities SET ends_at = now() - interval '1 second', started_at = now() - interval '8 days' WHERE challenge_id = $1 AND closed_at IS NULL`, [challengeId]);
}

export function proposalContent(canary: string, requirementIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    title: `方案 ${canary}`,
    summary: `summary ${canary}`,
    technicalApproach: `approach ${canary}`,
    commitments: requirementIds.map((requirementId) => ({ requirementId, value: `≥ 7000 ${canary}`, evidence: 'test report' })),
    milestones: [{ name: 'M1', month: 3, deliverable: `prototype ${canary}`, amountFen: '500000' }],
    quotedPriceFen: '1000000',
    durationMonths: 12,
    ipArrangement: 'shared',
    team: [{ name: '张三', role: 'PI' }],
    consortiumPartnerIds: [],
    attachments: [{ name: 'plan.pdf', size: 1024, sha256: 'a'.repeat(64), url: `https://files.example.cn/${canary}.pdf` }],
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

export const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const REVISE = `mutation($input: ReviseProposalInput!) { reviseProposal(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const WITHDRAW = `mutation($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { id status } }`;
export const DRAFT = `mutation($input: SaveProposalDraftInput!) { saveProposalDraft(input: $input) { ${PROPOSAL_FIELDS} } }`;
export const GET = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
export const LIST = `query($challengeId: ID!, $first: Int, $after: String) { challengeProposals(challengeId: $challengeId, first: $first, after: $after) {
  edges { cursor node { ${PROPOSAL_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
export const ASSIGN = `mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { assignments { id challengeId proposalId reviewerUserId status reason } } }`;
export const ACCEPT = `mutation($input: ReviewAssignmentIdInput!) { acceptReviewAssignment(input: $input) { id status } }`;
export const DECLINE = `mutation($input: DeclineReviewAssignmentInput!) { declineReviewAssignment(input: $input) { id status reason } }`;
export const SCORE = `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId scores { criterionId score comment privateNote } } }`;
export const LOCK = `mutation($input: LockScoringInput!) { lockScoring(input: $input) { challengeId lockedAt } }`;
export const RANKING = `query($challengeId: ID!, $first: Int, $after: String) { proposalRanking(challengeId: $challengeId, first: $first, after: $after) {
  challengeId total scoringLocked pageInfo { hasNextPage endCursor }
  proposals { rank position proposalId status title organization { id nameZh } quotedPriceFen weightedScore vetoed complete reviewerCount
    criteria { criterionId name weight veto reviewerCount average min max spread stdDev } } } }`;
export const SHORTLIST = `mutation($input: ShortlistProposalsInput!) { shortlistProposals(input: $input) { proposals { id status } } }`;
export const SELECT = `mutation($input: SelectWinnersInput!) { selectWinners(input: $input) { challenge { challengeId status publicityEndsAt } winners { id status awardAmountFen } } }`;
export const NOT_SELECTED = `mutation($input: MarkNotSelectedInput!) { markNotSelected(input: $input) { id status notSelectedReason feedback } }`;
export const OBJECT = `mutation($input: FileObjectionInput!) { fileObjection(input: $input) { id status proposalId reason } }`;
export const UPHOLD = `mutation($input: DecideObjectionInput!) { upholdObjection(input: $input) { objection { id status } challenge { challengeId status } } }`;
export const DISMISS = `mutation($input: DecideObjectionInput!) { dismissObjection(input: $input) { objection { id status } challenge { challengeId status } } }`;
export const FAIL = `mutation($input: CloseChallengeAsFailedInput!) { closeChallengeAsFailed(input: $input) { challengeId status } }`;
export const RESULT = `query($challengeId: ID!) { challengeResult(challengeId: $challengeId) { challengeId status publicityStartedAt publicityEndsAt
  winners { proposalId organizationNameZh organizationNameEn proposalTitle awardAmountFen } } }`;
export const MY = `query($first: Int, $after: String) { myProposals(first: $first, after: $after) { edges { cursor node {
  id challengeId challengeTitle status currentRevision submittedAt receipt { submittedAt contentSha256 revision } title awardAmountFen
  notSelectedReason feedback aggregateScore } } pageInfo { hasNextPage endCursor } } }`;
export const COUNT = `query($challengeId: ID!) { proposalCount(challengeId: $challengeId) }`;
export const ADMIN_OPEN = `mutation($input: OpenProposalForAdminReviewInput!) { openProposalForAdminReview(input: $input) { ${PROPOSAL_FIELDS} } }`;

let keys = 0;
export function idempotencyKey(): string {
  keys += 1;
  return `key-${Date.now()}-${keys}-${randomBytes(3).toString('hex')}`;
}

export async function submit(t: TestApp, sme: Persona, challenge: TestChallenge, canary: string, key = idempotencyKey()) {
  const data = await t.gql.as(sme.token).ok<{ submitProposal: { id: string; receipt: { contentSha256: string; submittedAt: string; revision: number } } }>(SUBMIT, {
    input: { challengeId: challenge.id, idempotencyKey: key, content: proposalContent(canary, challenge.requirementIds) },
  });
  return data.submitProposal;
}
