import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  auditCount,
  badCheckCharacter,
  CREATE_ENTERPRISE,
  CREATE_SME,
  createAdmin,
  createEnterprise,
  createSme,
  createUser,
  creditCode,
  enterpriseInput,
  type Persona,
  smeInput,
  verify,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { id nameZh verificationStatus contactEmail contactPhone members { userId email role } openResources { type title } } }`;
const SME = `query($id: ID!) { sme(id: $id) { id nameZh verificationStatus qualification effectiveQualification contactEmail members { userId role } technicalFields { code nameZh } } }`;
const MY_ORG = `{ myOrganization { kind role enterprise { id nameZh } sme { id nameZh members { userId role } } } }`;
const UPDATE_ENTERPRISE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { id nameZh description verificationStatus } } }`;
const UPDATE_SME = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id nameZh capabilityStatement verificationStatus technicalFields { code } } } }`;
const INVITE = `mutation($input: InviteOrganizationMemberInput!) { inviteOrganizationMember(input: $input) { token invitation { id email role } } }`;
const ACCEPT = `mutation($input: AcceptOrganizationInvitationInput!) { acceptOrganizationInvitation(input: $input) { organizationId organizationKind member { userId role } } }`;
const CHANGE_ROLE = `mutation($input: ChangeOrganizationMemberRoleInput!) { changeOrganizationMemberRole(input: $input) { member { userId role } } }`;
const REMOVE = `mutation($input: RemoveOrganizationMemberInput!) { removeOrganizationMember(input: $input) { userId } }`;
const VERIFY = `mutation($input: VerifyOrganizationInput!) { verifyOrganization(input: $input) { organizationId verificationStatus verifiedAt } }`;
const REJECT = `mutation($input: RejectOrganizationVerificationInput!) { rejectOrganizationVerification(input: $input) { verificationStatus verificationReason } }`;

async function orgRow(t: TestApp, id: string) {
  const { rows } = await t.sql.query(
    `SELECT o.*, s.*, e.* FROM organizations o LEFT JOIN smes s ON s.organization_id = o.id LEFT JOIN enterprises e ON e.organization_id = o.id WHERE o.id = $1`,
    [id],
  );
  return rows[0];
}

async function membersOf(t: TestApp, id: string) {
  const { rows } = await t.sql.query(
    `SELECT user_id, role FROM organization_members WHERE organization_id = $1 ORDER BY user_id`,
    [id],
  );
  return rows;
}

describe('enterprises and SMEs', () => {
  let t: TestApp;
  let admin: Persona;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  it('walks register → create enterprise → verify, with the creator as OWNER and audit events', async () => {
    const owner = await createUser(t, { displayName: '海尔 BD' });
    const input = enterpriseInput({
      nameZh: '海尔集团',
      creditCode: creditCode('370000').toLowerCase(),
    });
    const created = await t.gql.as(owner.token).ok<{
      createEnterprise: {
        enterprise: {
          id: string;
          creditCode: string;
          verificationStatus: string;
          members: { userId: string; role: string }[];
        };
      };
    }>(CREATE_ENTERPRISE, { input });
    const enterprise = created.createEnterprise.enterprise;
    expect(enterprise).toMatchObject({
      verificationStatus: 'UNVERIFIED',
      creditCode: String(input.creditCode).toUpperCase(),
      members: [{ userId: owner.id, role: 'OWNER' }],
    });

    const mine = await t.gql
      .as(owner.token)
      .ok<{ myOrganization: { kind: string; role: string; enterprise: { id: string } } }>(MY_ORG);
    expect(mine.myOrganization).toMatchObject({
      kind: 'ENTERPRISE',
      role: 'OWNER',
      enterprise: { id: enterprise.id },
    });

    // Unverified: invisible to the public.
    const hidden = await t.gql.fails(ENTERPRISE, { id: enterprise.id });
    expect(hidden.extensions?.code).toBe('NOT_FOUND');

    const verified = await t.gql
      .as(admin.token)
      .ok<{ verifyOrganization: { verificationStatus: string; verifiedAt: string } }>(VERIFY, {
        input: { organizationId: enterprise.id, reason: '营业执照核验通过' },
      });
    expect(verified.verifyOrganization.verificationStatus).toBe('VERIFIED');
    const anonymous = await t.gql.ok<{
      enterprise: { nameZh: string; contactEmail: string | null; members: unknown };
    }>(ENTERPRISE, { id: enterprise.id });
    expect(anonymous.enterprise).toMatchObject({
      nameZh: '海尔集团',
      contactEmail: null,
      members: null,
    });

    const { rows } = await t.sql.query(
      `SELECT action, from_state, to_state, actor_user_id FROM audit_events WHERE organization_id = $1 ORDER BY seq`,
      [enterprise.id],
    );
    expect(rows).toEqual([
      {
        action: 'ORGANIZATION_CREATED',
        from_state: null,
        to_state: 'UNVERIFIED',
        actor_user_id: owner.id,
      },
      {
        action: 'ORGANIZATION_VERIFIED',
        from_state: 'UNVERIFIED',
        to_state: 'VERIFIED',
        actor_user_id: admin.id,
      },
    ]);
  });

  it('offers invitations ADMIN or MEMBER only: OWNER is refused before anything is stored', async () => {
    const owner = await createUser(t);
    const colleague = await createUser(t);
    const smeId = (await createSme(t, { via: 'api', owner })).id;
    const asVariable = await t.gql
      .as(owner.token)
      .send(INVITE, { input: { email: colleague.email, role: 'OWNER' } });
    expect(asVariable.status).toBe(400);
    expect(asVariable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(asVariable.errors?.[0].message).toMatch(/"OWNER".*InvitableRole/);
    const asLiteral = await t.gql
      .as(owner.token)
      .send(
        `mutation { inviteOrganizationMember(input: { email: "${colleague.email}", role: OWNER }) { token } }`,
      );
    expect(asLiteral.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(asLiteral.errors?.[0].message).toMatch(/OWNER.*InvitableRole/);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organization_invitations WHERE organization_id = $1`,
      [smeId],
    );
    expect(rows[0].n).toBe(0);
    const admin = await t.gql.as(owner.token).ok<{
      inviteOrganizationMember: { invitation: { role: string } };
    }>(INVITE, { input: { email: colleague.email, role: 'ADMIN' } });
    expect(admin.inviteOrganizationMember.invitation.role).toBe('ADMIN');
  });

  it('walks create SME → invite a colleague → accept → verify, and counts the qualification only once verified', async () => {
    const owner = await createUser(t);
    const colleague = await createUser(t);
    const smeId = (await createSme(t, { via: 'api', owner })).id;
    const before = await t.gql.as(owner.token).ok<{
      sme: {
        qualification: string;
        effectiveQualification: string;
        technicalFields: { code: string }[];
      };
    }>(SME, { id: smeId });
    expect(before.sme).toMatchObject({
      qualification: 'SPECIALIZED',
      effectiveQualification: 'NONE',
    });
    expect(before.sme.technicalFields.map((f) => f.code)).toEqual([
      'BATTERY.THERMAL_MANAGEMENT',
      'NEW_ENERGY.STORAGE',
    ]);

    const invited = await t.gql.as(owner.token).ok<{
      inviteOrganizationMember: { token: string; invitation: { email: string; role: string } };
    }>(INVITE, {
      input: { email: colleague.email.toUpperCase(), role: 'MEMBER' },
    });
    expect(invited.inviteOrganizationMember.invitation).toMatchObject({
      email: colleague.email,
      role: 'MEMBER',
    });
    const { rows: stored } = await t.sql.query(
      `SELECT token_hash FROM organization_invitations WHERE organization_id = $1`,
      [smeId],
    );
    expect(stored[0].token_hash).not.toContain(invited.inviteOrganizationMember.token);

    const accepted = await t.gql.as(colleague.token).ok<{
      acceptOrganizationInvitation: {
        organizationId: string;
        organizationKind: string;
        member: { role: string };
      };
    }>(ACCEPT, {
      input: { token: invited.inviteOrganizationMember.token },
    });
    expect(accepted.acceptOrganizationInvitation).toMatchObject({
      organizationId: smeId,
      organizationKind: 'SME',
      member: { role: 'MEMBER' },
    });
    const mine = await t.gql
      .as(colleague.token)
      .ok<{ myOrganization: { role: string; sme: { members: { userId: string }[] } } }>(MY_ORG);
    expect(mine.myOrganization.role).toBe('MEMBER');
    expect(mine.myOrganization.sme.members.map((m) => m.userId).sort()).toEqual(
      [owner.id, colleague.id].sort(),
    );

    await verify(t, admin, smeId);
    const after = await t.gql.ok<{
      sme: { effectiveQualification: string; verificationStatus: string };
    }>(SME, { id: smeId });
    expect(after.sme).toMatchObject({
      verificationStatus: 'VERIFIED',
      effectiveQualification: 'SPECIALIZED',
    });

    // A used invitation cannot be used again.
    const again = await t.gql
      .as(colleague.token)
      .fails(ACCEPT, { input: { token: invited.inviteOrganizationMember.token } });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_USED' });
  });

  it('refuses an invitation to anyone but the invitee, and an expired one', async () => {
    const owner = await createUser(t);
    const invitee = await createUser(t);
    const stranger = await createUser(t);
    const smeId = (await createSme(t, { via: 'api', owner })).id;
    const { inviteOrganizationMember: inv } = await t.gql
      .as(owner.token)
      .ok<{ inviteOrganizationMember: { token: string } }>(INVITE, {
        input: { email: invitee.email, role: 'ADMIN' },
      });
    const wrong = await t.gql.as(stranger.token).fails(ACCEPT, { input: { token: inv.token } });
    expect(wrong.extensions?.code).toBe('NOT_FOUND');
    await t.sql.query(
      `UPDATE organization_invitations SET expires_at = now() - interval '1 minute' WHERE organization_id = $1`,
      [smeId],
    );
    const expired = await t.gql.as(invitee.token).fails(ACCEPT, { input: { token: inv.token } });
    expect(expired.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_EXPIRED' });
    expect(await membersOf(t, smeId)).toEqual([{ user_id: owner.id, role: 'OWNER' }]);
  });

  it('refuses an invalid credit code naming the field, and creates nothing', async () => {
    const owner = await createUser(t);
    const count = await auditCount(t);
    for (const bad of [badCheckCharacter(creditCode()), '91310000MA1FL4XQ', '91310000MA1FL4XQIO']) {
      const error = await t.gql
        .as(owner.token)
        .fails(CREATE_ENTERPRISE, { input: enterpriseInput({ creditCode: bad }) });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields?.map((f) => f.field)).toContain('creditCode');
    }
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organization_members WHERE user_id = $1`,
      [owner.id],
    );
    expect(rows[0].n).toBe(0);
    expect(await auditCount(t)).toBe(count);
  });

  it('refuses a credit code a verified organisation holds with CONFLICT CREDIT_CODE_TAKEN', async () => {
    const first = await createUser(t);
    const second = await createUser(t);
    const code = creditCode();
    await verify(
      t,
      admin,
      (await createEnterprise(t, { via: 'api', owner: first, input: { creditCode: code } })).id,
    );
    const count = await auditCount(t);
    const error = await t.gql
      .as(second.token)
      .fails(CREATE_SME, { input: smeInput({ creditCode: code }) });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_CODE_TAKEN' });
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organizations WHERE credit_code = $1`,
      [code],
    );
    expect(rows[0].n).toBe(1);
    const { rows: members } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organization_members WHERE user_id = $1`,
      [second.id],
    );
    expect(members[0].n).toBe(0);
    expect(await auditCount(t)).toBe(count);
  });

  it('refuses an unknown technical field code, naming the field', async () => {
    const owner = await createUser(t);
    const input = smeInput({
      technicalFieldCodes: ['NEW_ENERGY.STORAGE', 'NEW_ENERGY.PERPETUAL_MOTION'],
    });
    const error = await t.gql.as(owner.token).fails(CREATE_SME, { input });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields).toEqual([
      {
        field: 'technicalFieldCodes',
        message: expect.stringContaining('NEW_ENERGY.PERPETUAL_MOTION'),
      },
    ]);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organizations WHERE credit_code = $1`,
      [input.creditCode],
    );
    expect(rows[0].n).toBe(0);
  });

  it.each([
    [
      'an expired certificate',
      { qualificationValidFrom: '2019-01-01', qualificationValidUntil: '2021-12-31' },
      'qualificationValidUntil',
    ],
    [
      'an inverted date range',
      { qualificationValidFrom: '2030-01-01', qualificationValidUntil: '2029-12-31' },
      'qualificationValidUntil',
    ],
    ['a qualification without a certificate', { certificateNumber: null }, 'certificateNumber'],
    // A LocalDate: refused while the variable is read, naming its path in the variable.
    [
      'a malformed date',
      { qualificationValidUntil: '2031/12/31' },
      'input.qualificationValidUntil',
    ],
    [
      'a date that does not exist',
      { qualificationValidUntil: '2031-02-30' },
      'input.qualificationValidUntil',
    ],
  ])('refuses %s with BAD_USER_INPUT and creates nothing', async (_name, override, field) => {
    const owner = await createUser(t);
    const input = smeInput(override);
    const error = await t.gql.as(owner.token).fails(CREATE_SME, { input });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields?.map((f) => f.field)).toContain(field);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM organizations WHERE credit_code = $1`,
      [input.creditCode],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a second organisation to a user who already belongs to one', async () => {
    const owner = await createUser(t);
    await createSme(t, { via: 'api', owner });
    const error = await t.gql
      .as(owner.token)
      .fails(CREATE_ENTERPRISE, { input: enterpriseInput() });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_IN_ORGANIZATION' });
  });

  describe('editing', () => {
    let owner: Persona;
    let member: Persona;
    let outsider: Persona;
    let smeId: string;
    beforeAll(async () => {
      owner = await createUser(t);
      member = await createUser(t);
      outsider = await createUser(t);
      smeId = (await createSme(t, { via: 'api', owner })).id;
      await createSme(t, { via: 'api', owner: outsider });
      const { inviteOrganizationMember: inv } = await t.gql
        .as(owner.token)
        .ok<{ inviteOrganizationMember: { token: string } }>(INVITE, {
          input: { email: member.email, role: 'MEMBER' },
        });
      await t.gql.as(member.token).ok(ACCEPT, { input: { token: inv.token } });
    });

    it('lets the owner edit, and a verified SME that changes its qualification is verified again', async () => {
      await verify(t, admin, smeId);
      const res = await t.gql.as(owner.token).ok<{
        updateSme: {
          sme: {
            capabilityStatement: string;
            verificationStatus: string;
            technicalFields: { code: string }[];
          };
        };
      }>(UPDATE_SME, {
        input: {
          id: smeId,
          capabilityStatement: 'Battery thermal runaway early warning',
          technicalFieldCodes: ['BATTERY'],
        },
      });
      expect(res.updateSme.sme).toMatchObject({
        verificationStatus: 'VERIFIED',
        technicalFields: [{ code: 'BATTERY' }],
      });
      const res2 = await t.gql
        .as(owner.token)
        .ok<{ updateSme: { sme: { verificationStatus: string } } }>(UPDATE_SME, {
          input: { id: smeId, qualification: 'LITTLE_GIANT', certificateNumber: 'XJR-2031-9' },
        });
      expect(res2.updateSme.sme.verificationStatus).toBe('UNVERIFIED');
      await verify(t, admin, smeId);
    });

    it.each([
      ['a MEMBER of the SME', 'member', 'FORBIDDEN'],
      ['the owner of another organisation', 'outsider', 'FORBIDDEN'],
      ['an anonymous caller', 'anonymous', 'UNAUTHENTICATED'],
    ])('refuses an edit by %s and changes nothing', async (_who, persona, code) => {
      const token =
        persona === 'member' ? member.token : persona === 'outsider' ? outsider.token : undefined;
      const before = await orgRow(t, smeId);
      const count = await auditCount(t);
      const error = await t.gql
        .as(token)
        .fails(UPDATE_SME, { input: { id: smeId, nameZh: '被篡改的名字' } });
      expect(error.extensions?.code).toBe(code);
      expect(await orgRow(t, smeId)).toEqual(before);
      expect(await auditCount(t)).toBe(count);
    });

    it('answers NOT_FOUND to an outsider editing an organisation it cannot see', async () => {
      const other = await createUser(t);
      const hiddenId = (await createEnterprise(t, { via: 'api', owner: other })).id;
      const error = await t.gql
        .as(outsider.token)
        .fails(UPDATE_ENTERPRISE, { input: { id: hiddenId, description: 'x' } });
      expect(error.extensions?.code).toBe('NOT_FOUND');
      // And the kind must match: an SME id is no enterprise.
      const wrongKind = await t.gql
        .as(owner.token)
        .fails(UPDATE_ENTERPRISE, { input: { id: smeId, description: 'x' } });
      expect(wrongKind.extensions?.code).toBe('NOT_FOUND');
    });

    it('hides private fields from another organisation and shows them to members and admins', async () => {
      const asOutsider = await t.gql
        .as(outsider.token)
        .send<{ sme: { contactEmail: string | null; members: unknown } }>(SME, { id: smeId });
      expect(asOutsider.data?.sme).toMatchObject({ contactEmail: null, members: null });
      expect(asOutsider.text).not.toContain('hi@test-tech.cn');
      expect(asOutsider.text).not.toContain(member.email);
      const asMember = await t.gql
        .as(member.token)
        .ok<{ sme: { contactEmail: string; members: unknown[] } }>(SME, { id: smeId });
      expect(asMember.sme.contactEmail).toBe('hi@test-tech.cn');
      expect(asMember.sme.members).toHaveLength(2);
      const asAdmin = await t.gql
        .as(admin.token)
        .ok<{ sme: { contactEmail: string; members: unknown[] } }>(SME, { id: smeId });
      expect(asAdmin.sme.members).toHaveLength(2);
    });

    it('lets only an OWNER or ADMIN manage members; another organisation gets NOT_FOUND', async () => {
      const byMember = await t.gql
        .as(member.token)
        .fails(CHANGE_ROLE, { input: { userId: owner.id, role: 'MEMBER' } });
      expect(byMember.extensions?.code).toBe('FORBIDDEN');
      const byOutsider = await t.gql
        .as(outsider.token)
        .fails(REMOVE, { input: { userId: member.id } });
      expect(byOutsider.extensions?.code).toBe('NOT_FOUND');
      const invite = await t.gql
        .as(member.token)
        .fails(INVITE, { input: { email: 'x@example.cn', role: 'MEMBER' } });
      expect(invite.extensions?.code).toBe('FORBIDDEN');
      expect((await membersOf(t, smeId)).length).toBe(2);
    });

    it('keeps at least one OWNER', async () => {
      const leave = await t.gql.as(owner.token).fails(REMOVE, { input: { userId: owner.id } });
      expect(leave.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
      const demote = await t.gql
        .as(owner.token)
        .fails(CHANGE_ROLE, { input: { userId: owner.id, role: 'ADMIN' } });
      expect(demote.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER' });
    });

    it('changes a role and removes a member, with audit events', async () => {
      const promoted = await t.gql
        .as(owner.token)
        .ok<{ changeOrganizationMemberRole: { member: { role: string } } }>(CHANGE_ROLE, {
          input: { userId: member.id, role: 'ADMIN' },
        });
      expect(promoted.changeOrganizationMemberRole.member.role).toBe('ADMIN');
      await t.gql.as(owner.token).ok(REMOVE, { input: { userId: member.id } });
      expect(await membersOf(t, smeId)).toEqual([{ user_id: owner.id, role: 'OWNER' }]);
      const { rows } = await t.sql.query(
        `SELECT action, from_state, to_state FROM audit_events WHERE organization_id = $1 AND entity_type = 'OrganizationMember' ORDER BY seq`,
        [smeId],
      );
      expect(rows.map((r) => r.action)).toEqual([
        'ORGANIZATION_MEMBER_JOINED',
        'ORGANIZATION_MEMBER_ROLE_CHANGED',
        'ORGANIZATION_MEMBER_REMOVED',
      ]);
    });
  });

  describe('verification', () => {
    it('refuses verification to non-admins and changes nothing', async () => {
      const owner = await createUser(t);
      const id = (await createSme(t, { via: 'api', owner })).id;
      const before = await orgRow(t, id);
      const self = await t.gql.as(owner.token).fails(VERIFY, { input: { organizationId: id } });
      expect(self.extensions?.code).toBe('FORBIDDEN');
      const anonymous = await t.gql.fails(VERIFY, { input: { organizationId: id } });
      expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await orgRow(t, id)).toEqual(before);
    });

    it('rejects with a reason, refuses verifying twice, and answers NOT_FOUND for an unknown id', async () => {
      const owner = await createUser(t);
      const id = (await createEnterprise(t, { via: 'api', owner })).id;
      const rejected = await t.gql.as(admin.token).ok<{
        rejectOrganizationVerification: {
          verificationStatus: string;
          verificationReason: string;
        };
      }>(REJECT, {
        input: { organizationId: id, reason: '营业执照与名称不符' },
      });
      expect(rejected.rejectOrganizationVerification).toEqual({
        verificationStatus: 'REJECTED',
        verificationReason: '营业执照与名称不符',
      });
      const noReason = await t.gql
        .as(admin.token)
        .fails(REJECT, { input: { organizationId: id, reason: '' } });
      expect(noReason.extensions?.code).toBe('BAD_USER_INPUT');
      await verify(t, admin, id);
      const count = await auditCount(t);
      const twice = await t.gql.as(admin.token).fails(VERIFY, { input: { organizationId: id } });
      expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(await auditCount(t)).toBe(count);
      const unknown = await t.gql
        .as(admin.token)
        .fails(VERIFY, { input: { organizationId: '00000000-0000-4000-8000-000000000000' } });
      expect(unknown.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
