import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../config/app-config.js';
import {
  DEMO_ADMIN,
  DEMO_ENTERPRISES,
  DEMO_EXPERT,
  DEMO_PASSWORD,
  DEMO_SMES,
} from './seed-data.js';
import {
  DEMO_CHALLENGES,
  DEMO_MORE_EXPERTS,
  type DemoChallenge,
  type DemoProposal,
} from './seed-marketplace-data.js';

/**
 * The demo marketplace, played through the service's own GraphQL API (in process, no port): every challenge,
 * question, proposal, review, score, decision and objection is made by the mutation a user would call, signed
 * in as the persona who would call it, so the rows, their statuses, audit events, receipts and score totals
 * are exactly what the API makes. Time is moved with the development-only `advanceChallengeClock` (the
 * deadline passes, the publicity period ends), never by editing rows.
 *
 * Idempotent: a demo challenge is looked up by its issuer and Chinese title, and played only when missing
 * (a second run changes nothing). A run interrupted half-way leaves that challenge at an intermediate stage;
 * the next run does not complete it (start from an empty database to rebuild).
 */

export interface DemoPersona {
  email: string;
  role: string;
  organization: string;
}

export interface MarketplaceResult {
  /** Demo challenges created by this run (0 when the marketplace was already there). */
  challengesCreated: number;
  expertsCreated: number;
  personas: DemoPersona[];
}

interface GqlError {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: unknown };
}

class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly app: NestFastifyApplication) {}

  async call<T>(
    email: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const token = email ? await this.token(email) : undefined;
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload: JSON.stringify({ query, variables }),
    });
    const body = JSON.parse(response.body) as { data?: T; errors?: GqlError[] };
    if (body.errors?.length || !body.data) {
      const what = query.replace(/\s+/g, ' ').trim().slice(0, 80);
      const errors = (body.errors ?? [])
        .map(
          (e) =>
            `${e.message} [${e.extensions?.code ?? ''} ${e.extensions?.reason ?? ''}${e.extensions?.fields ? ` ${JSON.stringify(e.extensions.fields)}` : ''}]`,
        )
        .join('; ');
      throw new Error(
        `seed: ${what} (as ${email ?? 'anonymous'}) failed: ${errors || response.body}`,
      );
    }
    return body.data;
  }

  private async token(email: string): Promise<string> {
    const known = this.tokens.get(email);
    if (known) return known;
    const data = await this.call<{ login: { accessToken: string } }>(
      null,
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email, password: DEMO_PASSWORD } },
    );
    this.tokens.set(email, data.login.accessToken);
    return data.login.accessToken;
  }
}

const ownerOf = (key: string) => `${key}@demo.innovation.cn`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** How the service is built (the composition root's createApp, given by the command). */
export type StartApp = (
  config: AppConfig,
  options: { databaseUrl: string; schemaFile: false },
) => Promise<NestFastifyApplication>;

/** Builds what is missing of the demo marketplace, through the API of an app started on `databaseUrl`. */
export async function seedMarketplace(
  databaseUrl: string,
  createApp: StartApp,
): Promise<MarketplaceResult> {
  // The seed's own app: request budgets off (one address makes every call), quiet logs, nothing written to disk,
  // no background jobs (the running service works them).
  const config = loadConfig({
    ...process.env,
    RATE_LIMIT_ENABLED: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.SEED_LOG_LEVEL ?? 'warn',
  });
  const app = await createApp(config, { databaseUrl, schemaFile: false });
  try {
    const db = app.get(DataSource);
    const api = new Api(app);
    const expertsCreated = await ensureExperts(api, db);
    let challengesCreated = 0;
    for (const c of DEMO_CHALLENGES) {
      if (await challengeExists(db, c)) continue;
      await playChallenge(api, db, c);
      challengesCreated += 1;
    }
    return { challengesCreated, expertsCreated, personas: personas() };
  } finally {
    await app.close();
  }
}

async function challengeExists(db: DataSource, c: DemoChallenge): Promise<boolean> {
  const issuer = DEMO_ENTERPRISES.find((e) => e.key === c.issuer)!;
  const rows = (await db.query(
    `SELECT 1 FROM challenges ch JOIN organizations o ON o.id = ch.issuer_organization_id
      WHERE o.credit_code = $1 AND ch.title_zh = $2`,
    [issuer.creditCode, c.titleZh],
  )) as unknown[];
  return rows.length > 0;
}

async function userId(db: DataSource, email: string): Promise<string | undefined> {
  const [row] = (await db.query(`SELECT id FROM users WHERE email = $1`, [email])) as {
    id: string;
  }[];
  return row?.id;
}

/** The further experts: registered as users, then granted the expert role by the platform admin. */
async function ensureExperts(api: Api, db: DataSource): Promise<number> {
  let created = 0;
  for (const e of DEMO_MORE_EXPERTS) {
    let id = await userId(db, e.email);
    if (!id) {
      const data = await api.call<{ register: { user: { id: string } } }>(
        null,
        `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`,
        {
          input: {
            email: e.email,
            password: DEMO_PASSWORD,
            displayName: e.displayName,
            locale: 'ZH_CN',
          },
        },
      );
      id = data.register.user.id;
    }
    const [profile] = (await db.query(`SELECT 1 FROM expert_profiles WHERE user_id = $1`, [
      id,
    ])) as unknown[];
    if (profile) continue;
    await api.call(
      DEMO_ADMIN.email,
      `mutation($input: GrantExpertRoleInput!) { grantExpertRole(input: $input) { expert { userId } } }`,
      { input: { userId: id, affiliationName: e.affiliationName, fieldCodes: e.fieldCodes } },
    );
    created += 1;
  }
  return created;
}

/** Reviewers of a challenge: the experts of its fields first, then the others. */
function reviewersOf(c: DemoChallenge): string[] {
  const pool = [
    { email: DEMO_EXPERT.email, fields: DEMO_EXPERT.fieldCodes },
    ...DEMO_MORE_EXPERTS.map((e) => ({ email: e.email, fields: e.fieldCodes })),
  ];
  const score = (fields: string[]) =>
    c.technicalFieldCodes.filter((code) =>
      fields.some((f) => f.split('.')[0] === code.split('.')[0]),
    ).length;
  return [...pool].sort((a, b) => score(b.fields) - score(a.fields)).map((p) => p.email);
}

const CHALLENGE = `id status termsVersion evaluationCriteria { id } requirements { id }`;

interface Created {
  id: string;
  termsVersion: number | null;
  criterionIds: string[];
  requirementIds: string[];
}

function proposalContent(p: DemoProposal, requirementIds: string[]): Record<string, unknown> {
  return {
    title: p.title,
    summary: p.summary,
    technicalApproach: p.technicalApproach,
    commitments: requirementIds.map((requirementId) => ({
      requirementId,
      value: '达标 Met',
      evidence: '第三方检测报告 Third-party test report',
    })),
    milestones: [
      {
        name: '样机 Prototype',
        month: Math.max(1, Math.floor(p.durationMonths / 2)),
        deliverable: '样机与测试报告',
        amountFen: '100000',
      },
    ],
    quotedPriceFen: p.quotedPriceFen,
    durationMonths: p.durationMonths,
    ipArrangement:
      '背景知识产权归各自所有，项目成果双方共有。Background IP stays; results are shared.',
    team: [{ name: '项目负责人 Project lead', role: 'PI' }],
    consortiumPartnerIds: [],
    attachments: [],
    declarations: { noConflictOfInterest: true, original: true },
  };
}

/** Plays one demo challenge through the API up to its stage. */
async function playChallenge(api: Api, db: DataSource, c: DemoChallenge): Promise<void> {
  const issuer = ownerOf(c.issuer);
  const admin = DEMO_ADMIN.email;
  const created = await api.call<{ createChallenge: { challenge: { id: string } } }>(
    issuer,
    `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { id } } }`,
    {
      input: {
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        summaryZh: c.summaryZh,
        summaryEn: c.summaryEn,
        description: c.description,
        technicalFieldCodes: c.technicalFieldCodes,
        industryCode: c.industryCode,
        chainGoal: c.chainGoal,
        demandType: c.demandType,
        cooperationModes: c.cooperationModes,
        budgetMin: c.budgetMinFen,
        budgetMax: c.budgetMaxFen,
        bounty: c.bountyFen,
        ipOwnership: 'SHARED',
        visibility: 'PUBLIC',
        proposalCountVisibility: 'PUBLIC',
        deadline: inDays(c.stage === 'PUBLISHED' ? 45 : 30),
        requirements: c.requirements,
        evaluationCriteria: c.criteria,
        ...(c.terms ? { terms: c.terms } : {}),
      },
    },
  );
  const id = created.createChallenge.challenge.id;
  if (c.stage === 'DRAFT') return;

  await api.call(
    issuer,
    `mutation($id: ID!) { submitChallengeForReview(input: { id: $id }) { challenge { id } } }`,
    { id },
  );
  if (c.stage === 'PENDING_REVIEW') return;

  const published = await api.call<{
    approveAndPublishChallenge: {
      challenge: Omit<Created, 'criterionIds' | 'requirementIds'> & {
        evaluationCriteria: { id: string }[];
        requirements: { id: string }[];
      };
    };
  }>(
    admin,
    `mutation($id: ID!) { approveAndPublishChallenge(input: { id: $id }) { challenge { ${CHALLENGE} } } }`,
    { id },
  );
  const ch = published.approveAndPublishChallenge.challenge;
  const criterionIds = ch.evaluationCriteria.map((x) => x.id);
  const requirementIds = ch.requirements.map((x) => x.id);

  for (const q of c.questions ?? []) {
    const asked = await api.call<{ askChallengeQuestion: { question: { id: string } } }>(
      ownerOf(q.sme),
      `mutation($input: AskChallengeQuestionInput!) { askChallengeQuestion(input: $input) { question { id } } }`,
      { input: { challengeId: id, question: q.question } },
    );
    if (q.answer)
      await api.call(
        issuer,
        `mutation($input: AnswerChallengeQuestionInput!) { answerChallengeQuestion(input: $input) { question { id } } }`,
        { input: { questionId: asked.askChallengeQuestion.question.id, answer: q.answer } },
      );
  }

  const proposalIds = new Map<string, string>();
  for (const p of c.proposals ?? []) {
    const sme = ownerOf(p.sme);
    if (ch.termsVersion !== null)
      await api.call(
        sme,
        `mutation($input: AcceptChallengeTermsInput!) { acceptChallengeTerms(input: $input) { challenge { id } } }`,
        { input: { challengeId: id, termsVersion: ch.termsVersion } },
      );
    const submitted = await api.call<{ submitProposal: { proposal: { id: string } } }>(
      sme,
      `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { id } } }`,
      {
        input: {
          challengeId: id,
          content: proposalContent(p, requirementIds),
          idempotencyKey: `demo-seed-${c.key}-${p.sme}-${randomUUID().slice(0, 8)}`,
        },
      },
    );
    proposalIds.set(p.sme, submitted.submitProposal.proposal.id);
  }
  if (c.stage === 'PUBLISHED') return;

  // The deadline passes: the challenge is CLOSED and its proposals are opened for evaluation.
  await api.call(
    admin,
    `mutation($input: AdvanceChallengeClockInput!) { advanceChallengeClock(input: $input) { challenge { id status } } }`,
    { input: { challengeId: id, to: 'DEADLINE_PASSED' } },
  );

  const reviewerCount = Math.max(0, ...(c.proposals ?? []).map((p) => p.scores?.length ?? 0));
  if (reviewerCount > 0) {
    const reviewers = reviewersOf(c).slice(0, reviewerCount);
    const reviewerIds = await Promise.all(reviewers.map((e) => userId(db, e)));
    const assigned = await api.call<{
      assignReviewers: {
        assignments: { id: string; proposalId: string; reviewerUserId: string; status: string }[];
      };
    }>(
      issuer,
      `mutation($input: AssignReviewersInput!) { assignReviewers(input: $input) { assignments { id proposalId reviewerUserId status } } }`,
      { input: { challengeId: id, reviewerUserIds: reviewerIds } },
    );
    const assignments = assigned.assignReviewers.assignments;
    for (const a of assignments.filter((x) => x.status === 'INVITED')) {
      const reviewer = reviewers[reviewerIds.indexOf(a.reviewerUserId)];
      await api.call(
        reviewer,
        `mutation($input: ReviewAssignmentIdInput!) { acceptReviewAssignment(input: $input) { reviewAssignment { id } } }`,
        { input: { assignmentId: a.id } },
      );
    }
    for (const p of c.proposals ?? []) {
      for (const [r, scores] of (p.scores ?? []).entries()) {
        await api.call(
          reviewers[r],
          `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { proposalId } }`,
          {
            input: {
              proposalId: proposalIds.get(p.sme),
              scores: scores.map((score, i) => ({
                criterionId: criterionIds[i],
                score,
                comment: score >= 8 ? '方案扎实 Solid' : '仍有差距 Gaps remain',
              })),
            },
          },
        );
      }
    }
  }
  if (c.stage === 'CLOSED') return;

  await api.call(
    issuer,
    `mutation($input: LockScoringInput!) { lockScoring(input: $input) { scoringLock { challengeId } } }`,
    { input: { challengeId: id } },
  );

  if (c.stage === 'FAILED') {
    await api.call(
      issuer,
      `mutation($input: CloseChallengeAsFailedInput!) { closeChallengeAsFailed(input: $input) { challenge { status } } }`,
      { input: { challengeId: id, reason: c.failedReason ?? '流榜 No acceptable proposal' } },
    );
    return;
  }

  const winner = c.proposals!.find((p) => p.sme === c.winner)!;
  const winnerId = proposalIds.get(winner.sme)!;
  await api.call(
    issuer,
    `mutation($input: ShortlistProposalsInput!) { shortlistProposals(input: $input) { proposals { id } } }`,
    { input: { challengeId: id, proposalIds: [winnerId] } },
  );
  await api.call(
    issuer,
    `mutation($input: SelectWinnersInput!) { selectWinners(input: $input) { challenge { status } } }`,
    {
      input: {
        challengeId: id,
        winners: [{ proposalId: winnerId, awardAmountFen: winner.quotedPriceFen }],
      },
    },
  );

  // The others of an awarded challenge learn why they were not selected (with feedback).
  if (c.stage === 'AWARDED') {
    for (const p of c.proposals!.filter((x) => x.sme !== c.winner)) {
      await api.call(
        issuer,
        `mutation($input: MarkNotSelectedInput!) { markNotSelected(input: $input) { proposal { id } } }`,
        {
          input: {
            proposalId: proposalIds.get(p.sme),
            reason: 'LESS_COMPETITIVE',
            feedback:
              '方案可行，但综合评分低于中选方案。Feasible, but scored below the selected proposal.',
          },
        },
      );
    }
  }

  if (c.objection) {
    await api.call(
      ownerOf(c.objection.sme),
      `mutation($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id } } }`,
      { input: { proposalId: winnerId, reason: c.objection.reason } },
    );
  }
  if (c.stage === 'IN_PUBLICITY') return;

  // AWARDED: the publicity period ends with no objection; the next evaluation read persists the award.
  await api.call(
    admin,
    `mutation($input: AdvanceChallengeClockInput!) { advanceChallengeClock(input: $input) { challenge { status } } }`,
    { input: { challengeId: id, to: 'PUBLICITY_ENDED' } },
  );
}

function personas(): DemoPersona[] {
  const verifiedSmes = DEMO_SMES.filter((s) => s.verified);
  return [
    { email: DEMO_ADMIN.email, role: 'platform admin', organization: '—' },
    {
      email: DEMO_EXPERT.email,
      role: 'expert (reviewer)',
      organization: DEMO_EXPERT.affiliationName,
    },
    ...DEMO_MORE_EXPERTS.map((e) => ({
      email: e.email,
      role: 'expert (reviewer)',
      organization: e.affiliationName,
    })),
    ...DEMO_ENTERPRISES.map((e) => ({
      email: ownerOf(e.key),
      role: 'enterprise owner (发榜)',
      organization: `${e.nameZh} ${e.nameEn}`,
    })),
    ...verifiedSmes.map((s) => ({
      email: ownerOf(s.key),
      role: 'SME owner (揭榜)',
      organization: `${s.nameZh}${s.nameEn ? ` ${s.nameEn}` : ''}`,
    })),
    ...DEMO_SMES.filter((s) => !s.verified).map((s) => ({
      email: ownerOf(s.key),
      role: 'SME owner, not verified yet',
      organization: s.nameZh,
    })),
  ];
}
