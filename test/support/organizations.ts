import { randomInt } from 'node:crypto';
import { withCheckCharacter } from '../../src/common/credit-code.js';
import type { Persona } from './factories.js';
import type { TestApp } from './test-app.js';

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

export async function createEnterprise(t: TestApp, owner: Persona, overrides: Record<string, unknown> = {}): Promise<string> {
  const data = await t.gql.as(owner.token).ok<{ createEnterprise: { enterprise: { id: string } } }>(CREATE_ENTERPRISE, {
    input: enterpriseInput(overrides),
  });
  return data.createEnterprise.enterprise.id;
}

export async function createSme(t: TestApp, owner: Persona, overrides: Record<string, unknown> = {}): Promise<string> {
  const data = await t.gql.as(owner.token).ok<{ createSme: { sme: { id: string } } }>(CREATE_SME, { input: smeInput(overrides) });
  return data.createSme.sme.id;
}

export async function verify(t: TestApp, admin: Persona, organizationId: string): Promise<void> {
  await t.gql.as(admin.token).ok(VERIFY, { input: { organizationId } });
}

export async function auditCount(t: TestApp): Promise<number> {
  const { rows } = await t.sql.query(`SELECT count(*)::int AS n FROM audit_events`);
  return rows[0].n as number;
}
