import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChainProblem } from '../src/audit/audit-hash.js';
import { ELIGIBILITY_REASONS } from '../src/organizations/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Honest types (issue 17): what a client's code generator reads from the schema. Counts are Int, JSON is a
 * JSON scalar, closed sets of strings are enums, and no enum offers a value the service always refuses.
 */
describe('API contract: honest types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  interface TypeRef {
    kind: string;
    name: string | null;
    ofType: TypeRef | null;
  }
  /** The named type under NON_NULL / LIST wrappers, e.g. `[String!]!` → LIST of NON_NULL of String. */
  const describeRef = (ref: TypeRef): string =>
    ref.kind === 'NON_NULL'
      ? `${describeRef(ref.ofType!)}!`
      : ref.kind === 'LIST'
        ? `[${describeRef(ref.ofType!)}]`
        : ref.name!;

  async function fieldType(typeName: string, field: string): Promise<string> {
    const res = await t.gql.ok<{
      __type: { fields: { name: string; type: TypeRef }[] | null } | null;
    }>(
      `query($name: String!) { __type(name: $name) {
         fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`,
      { name: typeName },
    );
    const found = res.__type?.fields?.find((f) => f.name === field);
    if (!found) throw new Error(`${typeName}.${field} is not in the schema`);
    return describeRef(found.type);
  }

  async function enumValues(name: string): Promise<string[]> {
    const res = await t.gql.ok<{ __type: { kind: string; enumValues: { name: string }[] } | null }>(
      `query($name: String!) { __type(name: $name) { kind enumValues { name } } }`,
      { name },
    );
    expect(res.__type?.kind).toBe('ENUM');
    return res.__type!.enumValues.map((v) => v.name);
  }

  it('counts are Int, not Float', async () => {
    expect(await fieldType('AuditChainReport', 'checked')).toBe('Int!');
    expect(await fieldType('ChangePasswordPayload', 'endedSessions')).toBe('Int!');
  });

  it('audit details are a JSON value; 64-bit sequence numbers stay decimal strings, and say so', async () => {
    expect(await fieldType('AuditEvent', 'data')).toBe('JSON!');
    expect(await fieldType('AuditEvent', 'seq')).toBe('String!');
    expect(await fieldType('AuditChainReport', 'firstBrokenSeq')).toBe('String');
    const res = await t.gql.ok<{ __type: { fields: { name: string; description: string }[] } }>(
      `{ __type(name: "AuditEvent") { fields { name description } } }`,
    );
    expect(res.__type.fields.find((f) => f.name === 'seq')?.description).toMatch(
      /64-bit integer as a decimal string/,
    );
  });

  it('closed sets of strings are enums: eligibility reasons (the rule’s own list), chain problems, alliance steps', async () => {
    expect(await fieldType('ChallengeEligibilityCheck', 'reasons')).toBe('[EligibilityReason!]!');
    expect((await enumValues('EligibilityReason')).sort()).toEqual([...ELIGIBILITY_REASONS].sort());
    expect(await fieldType('AuditChainReport', 'problem')).toBe('AuditChainProblem');
    expect((await enumValues('AuditChainProblem')).sort()).toEqual(
      Object.values(ChainProblem).sort(),
    );
    expect(await fieldType('AllianceMembershipEvent', 'fromStatus')).toBe(
      'AllianceMembershipStatus',
    );
    expect(await fieldType('AllianceMembershipEvent', 'toStatus')).toBe('AllianceMembershipStatus');
    expect(await fieldType('AllianceMembershipEvent', 'tier')).toBe('AllianceTier');
  });

  it('one qualification enum: a challenge asks for an SmeQualification', async () => {
    expect(await fieldType('ChallengeEligibility', 'minQualification')).toBe('SmeQualification!');
    const res = await t.gql.ok<{
      __type: unknown;
      input: { inputFields: { name: string; type: TypeRef }[] };
    }>(
      `{ __type(name: "MinimumQualification") { name }
         input: __type(name: "EligibilityInput") { inputFields { name type { kind name ofType { kind name } } } } }`,
    );
    expect(res.__type).toBeNull();
    const input = res.input.inputFields.find((f) => f.name === 'minQualification')!;
    expect(describeRef(input.type)).toBe('SmeQualification!');
  });

  it('no enum value the service always refuses: an invitation offers ADMIN or MEMBER, not OWNER', async () => {
    expect(await fieldType('OrganizationInvitation', 'role')).toBe('InvitableRole!');
    expect(await enumValues('InvitableRole')).toEqual(['ADMIN', 'MEMBER']);
    const res = await t.gql.ok<{ __type: { inputFields: { name: string; type: TypeRef }[] } }>(
      `{ __type(name: "InviteOrganizationMemberInput") { inputFields { name type { kind name ofType { kind name } } } } }`,
    );
    const role = res.__type.inputFields.find((f) => f.name === 'role')!;
    expect(describeRef(role.type)).toBe('InvitableRole!');
  });
});
