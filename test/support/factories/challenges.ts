import { randomUUID } from 'node:crypto';
import type { TestApp } from '../test-app.js';
import type { TestOrg } from './organizations.js';
import { apiOf, type Arrange, type Persona } from './users.js';

const CHALLENGE_FIELDS = `id status version titleZh titleEn summaryZh summaryEn issuer { id nameZh } anonymousIssuer deadline deadlineChinaTime
  budgetMin budgetMax bounty currency visibility requiresTerms termsVersion statusReason proposalCount unansweredQuestionCount viewerIsIssuer
  technicalFields { code } publishedAt`;
export const CHALLENGE_SELECTION = CHALLENGE_FIELDS;

export const CREATE_CHALLENGE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { ${CHALLENGE_FIELDS} } } }`;
export const SUBMIT_CHALLENGE = `mutation($id: ID!) { submitChallengeForReview(input: { id: $id }) { challenge { id status } } }`;
export const PUBLISH_CHALLENGE = `mutation($id: ID!) { approveAndPublishChallenge(input: { id: $id }) { challenge { id status publishedAt version } } }`;

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86400000).toISOString();
}

/** A complete, valid createChallenge input; override what a test is about. */
export function challengeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleZh: '电网侧储能电站锂电池热失控早期预警',
    titleEn: 'Early warning of thermal runaway in grid-side battery storage',
    summaryZh: '面向百兆瓦级储能电站，需要在热失控发生前十分钟给出预警。',
    summaryEn:
      'Grid-scale storage plants need a warning ten minutes before thermal runaway of lithium batteries.',
    description:
      'CONFIDENTIAL-DESCRIPTION: cell chemistry LFP 280Ah, site at Rudong, current BMS vendor X.',
    technicalFieldCodes: ['NEW_ENERGY'],
    industryCode: 'D',
    chainGoal: 'STRENGTHEN',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['JOINT_DEVELOPMENT'],
    budgetMin: '50000000',
    budgetMax: '200000000',
    bounty: 1000000,
    ipOwnership: 'SHARED',
    visibility: 'PUBLIC',
    deadline: inDays(30),
    requirements: [
      { name: '预警提前时间', target: '≥ 10', unit: 'min', weight: 60, mustHave: true },
      { name: '误报率', target: '< 1', unit: '%', weight: 40 },
    ],
    evaluationCriteria: [
      { name: '技术先进性', weight: 40 },
      { name: '可行性', weight: 40 },
      { name: '团队能力', weight: 20, veto: false },
    ],
    ...overrides,
  };
}

export interface TestChallenge {
  id: string;
  version: number;
  /** In position order. */
  requirementIds: string[];
  /** In position order. */
  criterionIds: string[];
  /** SQL-made challenges: the last criterion, a veto. */
  vetoCriterionId: string;
}

/** Through the API: created by the issuer's owner from challengeInput(input), submitted, approved by `admin`. */
export interface ApiChallengeOptions {
  via: 'api';
  admin: Persona;
  input?: Record<string, unknown>;
}

/**
 * Inserted with SQL (default): PUBLISHED with a deadline `deadlineIn` from the database clock (a Postgres
 * interval), two requirements and three criteria (weights 50/30/20; the last is a veto), terms version 1
 * when `requiresTerms`.
 */
export interface SqlChallengeOptions {
  via?: 'sql';
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
}

export async function createChallenge(
  t: Arrange,
  issuer: TestOrg,
  options: ApiChallengeOptions | SqlChallengeOptions = {},
): Promise<TestChallenge> {
  return options.via === 'api'
    ? publishThroughApi(apiOf(t), issuer, options)
    : insertChallenge(t, issuer, options);
}

async function publishThroughApi(
  t: TestApp,
  issuer: TestOrg,
  options: ApiChallengeOptions,
): Promise<TestChallenge> {
  const created = await t.gql
    .as(issuer.owner.token)
    .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
      input: challengeInput(options.input),
    });
  const id = created.createChallenge.challenge.id;
  await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
  const published = await t.gql
    .as(options.admin.token)
    .ok<{ approveAndPublishChallenge: { challenge: { version: number } } }>(PUBLISH_CHALLENGE, {
      id,
    });
  const ids = async (table: string) =>
    (
      await t.sql.query<{ id: string }>(
        `SELECT id FROM ${table} WHERE challenge_id = $1 ORDER BY position`,
        [id],
      )
    ).rows.map((r) => r.id);
  const criterionIds = await ids('evaluation_criteria');
  return {
    id,
    version: published.approveAndPublishChallenge.challenge.version,
    requirementIds: await ids('challenge_requirements'),
    criterionIds,
    vetoCriterionId: criterionIds[criterionIds.length - 1],
  };
}

async function insertChallenge(
  t: Arrange,
  issuer: TestOrg,
  options: SqlChallengeOptions,
): Promise<TestChallenge> {
  const status = options.status ?? 'PUBLISHED';
  const published =
    options.published ??
    !['DRAFT', 'PENDING_REVIEW', 'CHANGES_REQUESTED', 'REJECTED'].includes(status);
  const id = randomUUID();
  await t.sql.query(
    `INSERT INTO challenges (id, issuer_organization_id, status, title_zh, summary_zh, description, industry_code, chain_goal, demand_type,
                             budget_max, min_qualification, allowed_region_codes, blind_review, deadline, published_at, requires_terms, terms_version, visibility)
     VALUES ($1, $2, $3, '储能电池热管理挑战', '摘要', '保密描述', 'C', 'STRENGTHEN', 'TECH_BREAKTHROUGH', $4, $5, $6, $7,
             now() + $8::interval, CASE WHEN $11 THEN now() END, $9, CASE WHEN $9 THEN 1 END, $10)`,
    [
      id,
      issuer.id,
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
  if (options.requiresTerms)
    await t.sql.query(
      `INSERT INTO challenge_terms (challenge_id, version, text) VALUES ($1, 1, '保密协议')`,
      [id],
    );
  const requirementIds: string[] = [];
  for (const [i, name] of ['循环寿命', '能量密度'].entries()) {
    const { rows } = await t.sql.query(
      `INSERT INTO challenge_requirements (challenge_id, position, name, target, unit, weight, must_have) VALUES ($1, $2, $3, '≥ 6000', '次', 50, true) RETURNING id`,
      [id, i, name],
    );
    requirementIds.push(rows[0].id as string);
  }
  const criterionIds: string[] = [];
  for (const [i, [name, weight, veto]] of (
    [
      ['技术方案', 50, false],
      ['团队能力', 30, false],
      ['合规性', 20, true],
    ] as const
  ).entries()) {
    const { rows } = await t.sql.query(
      `INSERT INTO evaluation_criteria (challenge_id, position, name, weight, veto) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [id, i, name, weight, veto],
    );
    criterionIds.push(rows[0].id as string);
  }
  return { id, version: 1, requirementIds, criterionIds, vetoCriterionId: criterionIds[2] };
}

export async function acceptTerms(
  t: Arrange,
  challengeId: string,
  orgId: string,
  userId: string,
): Promise<void> {
  await t.sql.query(
    `INSERT INTO challenge_terms_acceptances (challenge_id, organization_id, user_id, terms_version) VALUES ($1, $2, $3, 1)`,
    [challengeId, orgId, userId],
  );
}

/** Moves the challenge's deadline into the past (the deadline is checked against the database clock). */
export async function passDeadline(t: Arrange, challengeId: string): Promise<void> {
  await t.sql.query(`UPDATE challenges SET deadline = now() - interval '1 second' WHERE id = $1`, [
    challengeId,
  ]);
}

/** Ends the publicity period of a challenge (as if PUBLICITY_DAYS had passed). */
export async function endPublicity(t: Arrange, challengeId: string): Promise<void> {
  await t.sql.query(
    `UPDATE publicities SET ends_at = now() - interval '1 second', started_at = now() - interval '8 days' WHERE challenge_id = $1 AND closed_at IS NULL`,
    [challengeId],
  );
}
