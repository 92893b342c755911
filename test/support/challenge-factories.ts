import { randomBytes } from 'node:crypto';
import { createAdmin, createUser, type Persona } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Organisations for the challenge tests. The organisations API lives in another module; here they are
 * arranged with SQL (organisation, member, verification, alliance status). Everything about challenges
 * itself goes through the API.
 */
export interface OrgPersona extends Persona {
  organizationId: string;
  organizationName: string;
}

function creditCode(): string {
  return `91${randomBytes(8).toString('hex').toUpperCase()}`.slice(0, 18);
}

async function insertOrganization(t: TestApp, kind: 'ENTERPRISE' | 'SME', options: { name: string; verified: boolean; regionCode: string }): Promise<string> {
  const { rows } = await t.sql.query<{ id: string }>(
    `INSERT INTO organizations (kind, name_zh, name_en, credit_code, region_code, verification_status, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6::organization_verification_status, CASE WHEN $6::text = 'VERIFIED' THEN now() END) RETURNING id`,
    [kind, options.name, `${options.name} Co.`, creditCode(), options.regionCode, options.verified ? 'VERIFIED' : 'UNVERIFIED'],
  );
  return rows[0].id;
}

export async function addMember(t: TestApp, organizationId: string, organizationName: string, role: 'OWNER' | 'ADMIN' | 'MEMBER'): Promise<OrgPersona> {
  const user = await createUser(t, { displayName: `${role} of ${organizationName}` });
  await t.sql.query(`INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, $3)`, [user.id, organizationId, role]);
  return { ...user, organizationId, organizationName };
}

/** An enterprise (verified unless told) with an OWNER; alliance membership ACTIVE unless told (null: none). */
export async function createVerifiedEnterprise(
  t: TestApp,
  options: { allianceStatus?: 'ACTIVE' | 'APPLIED' | 'SUSPENDED' | null; verified?: boolean; name?: string; regionCode?: string } = {},
): Promise<OrgPersona> {
  const name = options.name ?? `链主企业-${randomBytes(3).toString('hex')}`;
  const id = await insertOrganization(t, 'ENTERPRISE', { name, verified: options.verified ?? true, regionCode: options.regionCode ?? '310000' });
  await t.sql.query(`INSERT INTO enterprises (organization_id, industry_code, is_chain_leader) VALUES ($1, 'C', true)`, [id]);
  const status = options.allianceStatus === undefined ? 'ACTIVE' : options.allianceStatus;
  if (status) {
    await t.sql.query(
      `INSERT INTO alliance_memberships (organization_id, status, tier, statement, admitted_at) VALUES ($1, $2::alliance_membership_status, CASE WHEN $2::text <> 'APPLIED' THEN 'MEMBER'::alliance_tier END, 'statement', CASE WHEN $2::text <> 'APPLIED' THEN now() END)`,
      [id, status],
    );
  }
  return addMember(t, id, name, 'OWNER');
}

/** An SME (verified unless told) with an OWNER. */
export async function createVerifiedSme(
  t: TestApp,
  options: { verified?: boolean; name?: string; regionCode?: string; qualification?: string } = {},
): Promise<OrgPersona> {
  const name = options.name ?? `专精特新-${randomBytes(3).toString('hex')}`;
  const id = await insertOrganization(t, 'SME', { name, verified: options.verified ?? true, regionCode: options.regionCode ?? '320000' });
  // A declared qualification has a certificate valid today, as the API requires of one.
  await t.sql.query(
    `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from, qualification_valid_until)
     VALUES ($1, 'SMALL', $2, 'CERT-TEST-0001', '2020-01-01', '2099-12-31')`,
    [id, options.qualification ?? 'SPECIALIZED'],
  );
  return addMember(t, id, name, 'OWNER');
}

export { createAdmin };

const CHALLENGE_FIELDS = `id status version titleZh titleEn summaryZh summaryEn issuer { id nameZh } anonymousIssuer deadline deadlineChinaTime
  budgetMin budgetMax bounty currency visibility requiresTerms termsVersion statusReason proposalCount unansweredQuestionCount viewerIsIssuer
  technicalFields { code } publishedAt`;
export const CHALLENGE_SELECTION = CHALLENGE_FIELDS;

export const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { ${CHALLENGE_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!) { submitChallengeForReview(input: { id: $id }) { id status } }`;
export const PUBLISH = `mutation($id: ID!) { approveAndPublishChallenge(input: { id: $id }) { id status publishedAt version } }`;

export function inDays(days: number): string {
  return new Date(Date.now() + days * 86400000).toISOString();
}

/** A complete, valid creation input; override what a test is about. */
export function challengeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleZh: '电网侧储能电站锂电池热失控早期预警',
    titleEn: 'Early warning of thermal runaway in grid-side battery storage',
    summaryZh: '面向百兆瓦级储能电站，需要在热失控发生前十分钟给出预警。',
    summaryEn: 'Grid-scale storage plants need a warning ten minutes before thermal runaway of lithium batteries.',
    description: 'CONFIDENTIAL-DESCRIPTION: cell chemistry LFP 280Ah, site at Rudong, current BMS vendor X.',
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

/** Creates through the API and takes it to PUBLISHED (submit, admin approves). */
export async function publishedChallenge(t: TestApp, issuer: Persona, admin: Persona, overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  const created = await t.gql.as(issuer.token).ok<{ createChallenge: { id: string } }>(CREATE, { input: challengeInput(overrides) });
  const id = created.createChallenge.id;
  await t.gql.as(issuer.token).ok(SUBMIT, { id });
  const published = await t.gql.as(admin.token).ok<{ approveAndPublishChallenge: { version: number } }>(PUBLISH, { id });
  return { id, version: published.approveAndPublishChallenge.version };
}
