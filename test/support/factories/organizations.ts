import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { withCheckCharacter } from '../../../src/common/credit-code.js';
import type { TestApp } from '../test-app.js';
import { apiOf, type Arrange, createUser, type Persona } from './users.js';

/**
 * Organisations for tests. By default an organisation is inserted with SQL (verified, with an OWNER),
 * which is what a test about something else needs; `via: 'api'` creates it through the createEnterprise /
 * createSme mutation instead (UNVERIFIED until `verify()`), for tests of the organisations API, its audit
 * trail and its rules.
 */
export interface TestOrg {
  /** The organisation's id. */
  id: string;
  kind: 'ENTERPRISE' | 'SME';
  nameZh: string;
  nameEn: string;
  creditCode: string;
  /** The OWNER member. */
  owner: Persona;
}

interface OrganizationOptions {
  /** 'sql' (default): inserted directly; 'api': through the mutation, by `owner`. */
  via?: 'sql' | 'api';
  /** The OWNER (default: a new user). */
  owner?: Persona;
  /** SQL only: verified unless false. */
  verified?: boolean;
  name?: string;
  regionCode?: string;
  creditCode?: string;
  /** API only: overrides of the mutation's input (see enterpriseInput/smeInput). */
  input?: Record<string, unknown>;
}

export interface EnterpriseOptions extends OrganizationOptions {
  /** SQL only: the alliance membership, ACTIVE unless told (null: none). */
  allianceStatus?: 'ACTIVE' | 'APPLIED' | 'SUSPENDED' | null;
}

export interface SmeOptions extends OrganizationOptions {
  /** SQL only (default SPECIALIZED, with a certificate valid 2020-01-01 to 2099-12-31). */
  qualification?: string;
  qualificationValidFrom?: string | null;
  qualificationValidUntil?: string | null;
}

/** A fresh, valid unified social credit code (random organisation code, correct check character). */
export function creditCode(region = '310000'): string {
  const digits = Array.from({ length: 9 }, () => String(randomInt(10))).join('');
  return withCheckCharacter(`91${region}${digits}`);
}

/** The same code with a wrong check character. */
export function badCheckCharacter(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

export const CREATE_ENTERPRISE = `mutation($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { enterprise { id nameZh creditCode verificationStatus contactEmail members { userId role } } } }`;
export const CREATE_SME = `mutation($input: CreateSmeInput!) {
  createSme(input: $input) { sme { id nameZh creditCode verificationStatus qualification effectiveQualification
    technicalFields { code } members { userId role } } } }`;
export const VERIFY = `mutation($input: VerifyOrganizationInput!) { verifyOrganization(input: $input) { organizationId verificationStatus } }`;

/** A complete, valid createEnterprise input; override what a test is about. */
export function enterpriseInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nameZh: '测试集团有限公司',
    nameEn: 'Test Group',
    creditCode: creditCode(),
    regionCode: '310000',
    industryCode: 'C',
    description: '大型制造企业',
    contactEmail: 'bd@test-group.cn',
    contactPhone: '+86 21 5555 0000',
    isChainLeader: true,
    openResources: [{ type: 'LAB', title: '储能实验室', description: '电池安全测试' }],
    ...overrides,
  };
}

/** A complete, valid createSme input; override what a test is about. */
export function smeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const year = new Date().getUTCFullYear();
  return {
    nameZh: '测试科技有限公司',
    creditCode: creditCode('330000'),
    regionCode: '330000',
    sizeClass: 'SMALL',
    qualification: 'SPECIALIZED',
    certificateNumber: 'ZJ-ZJTX-0001',
    qualificationValidFrom: `${year - 1}-01-01`,
    qualificationValidUntil: `${year + 2}-12-31`,
    technicalFieldCodes: ['NEW_ENERGY.STORAGE', 'BATTERY.THERMAL_MANAGEMENT'],
    capabilityStatement: '储能电池热管理与早期预警',
    foundingYear: 2015,
    employees: 80,
    contactEmail: 'hi@test-tech.cn',
    ...overrides,
  };
}

async function viaApi(
  app: Arrange,
  kind: 'ENTERPRISE' | 'SME',
  options: OrganizationOptions,
): Promise<TestOrg> {
  const t = apiOf(app);
  const owner = options.owner ?? (await createUser(t, { displayName: `${kind} owner` }));
  const overrides: Record<string, unknown> = { ...options.input };
  if (options.name !== undefined) overrides.nameZh = options.name;
  if (options.regionCode !== undefined) overrides.regionCode = options.regionCode;
  if (options.creditCode !== undefined) overrides.creditCode = options.creditCode;
  const input = kind === 'SME' ? smeInput(overrides) : enterpriseInput(overrides);
  const gql = t.gql.as(owner.token);
  const id =
    kind === 'SME'
      ? (await gql.ok<{ createSme: { sme: { id: string } } }>(CREATE_SME, { input })).createSme.sme
          .id
      : (
          await gql.ok<{ createEnterprise: { enterprise: { id: string } } }>(CREATE_ENTERPRISE, {
            input,
          })
        ).createEnterprise.enterprise.id;
  return {
    id,
    kind,
    nameZh: String(input.nameZh),
    nameEn: String(input.nameEn ?? ''),
    creditCode: String(input.creditCode),
    owner,
  };
}

async function insertOrganization(
  t: Arrange,
  kind: 'ENTERPRISE' | 'SME',
  options: OrganizationOptions,
  defaultRegion: string,
): Promise<TestOrg> {
  const owner = options.owner ?? (await createUser(t, { displayName: `${kind} owner` }));
  const id = randomUUID();
  const nameZh =
    options.name ??
    `${kind === 'SME' ? '中小企业' : '大企业'}${randomBytes(3).toString('hex')}有限公司`;
  const nameEn = `${kind} ${randomBytes(3).toString('hex')} Ltd`;
  const regionCode = options.regionCode ?? defaultRegion;
  const code = options.creditCode ?? creditCode(regionCode);
  await t.sql.query(
    `INSERT INTO organizations (id, kind, name_zh, name_en, credit_code, region_code, verification_status, verified_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::organization_verification_status, CASE WHEN $7::text = 'VERIFIED' THEN now() END)`,
    [
      id,
      kind,
      nameZh,
      nameEn,
      code,
      regionCode,
      options.verified === false ? 'UNVERIFIED' : 'VERIFIED',
    ],
  );
  await t.sql.query(
    `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'OWNER')`,
    [owner.id, id],
  );
  return { id, kind, nameZh, nameEn, creditCode: code, owner };
}

/** An enterprise: verified, chain leader, ACTIVE alliance member, region 310000 (SQL, unless `via: 'api'`). */
export async function createEnterprise(
  t: Arrange,
  options: EnterpriseOptions = {},
): Promise<TestOrg> {
  if (options.via === 'api') return viaApi(t, 'ENTERPRISE', options);
  const org = await insertOrganization(t, 'ENTERPRISE', options, '310000');
  await t.sql.query(
    `INSERT INTO enterprises (organization_id, industry_code, is_chain_leader) VALUES ($1, 'C', true)`,
    [org.id],
  );
  const status = options.allianceStatus === undefined ? 'ACTIVE' : options.allianceStatus;
  if (status) {
    await t.sql.query(
      `INSERT INTO alliance_memberships (organization_id, status, tier, statement, admitted_at) VALUES ($1, $2::alliance_membership_status, CASE WHEN $2::text <> 'APPLIED' THEN 'MEMBER'::alliance_tier END, 'statement', CASE WHEN $2::text <> 'APPLIED' THEN now() END)`,
      [org.id, status],
    );
  }
  return org;
}

/** An SME: verified, SPECIALIZED with a certificate valid today, region 370000 (SQL, unless `via: 'api'`). */
export async function createSme(t: Arrange, options: SmeOptions = {}): Promise<TestOrg> {
  if (options.via === 'api') return viaApi(t, 'SME', options);
  const org = await insertOrganization(t, 'SME', options, '370000');
  await t.sql.query(
    `INSERT INTO smes (organization_id, size_class, qualification, certificate_number, qualification_valid_from, qualification_valid_until)
     VALUES ($1, 'SMALL', $2, 'CERT-TEST-0001', $3, $4)`,
    [
      org.id,
      options.qualification ?? 'SPECIALIZED',
      options.qualificationValidFrom === undefined ? '2020-01-01' : options.qualificationValidFrom,
      options.qualificationValidUntil === undefined
        ? '2099-12-31'
        : options.qualificationValidUntil,
    ],
  );
  return org;
}

/** A new user who is a member of the organisation with `role`. */
export async function addMember(
  t: Arrange,
  org: TestOrg,
  role: 'OWNER' | 'ADMIN' | 'MEMBER' = 'MEMBER',
): Promise<Persona> {
  const user = await createUser(t, { displayName: `${role} of ${org.nameZh}` });
  await t.sql.query(
    `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, $3)`,
    [user.id, org.id, role],
  );
  return user;
}

export async function verify(t: TestApp, admin: Persona, organizationId: string): Promise<void> {
  await t.gql.as(admin.token).ok(VERIFY, { input: { organizationId } });
}

export async function auditCount(t: Arrange): Promise<number> {
  const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM audit_events`);
  return rows[0].n as number;
}
