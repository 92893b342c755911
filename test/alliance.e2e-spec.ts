import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GqlResponse } from './support/graphql-client.js';
import {
  auditCount,
  createAdmin,
  createEnterprise,
  createSme,
  createUser,
  type Persona,
  verify,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const APPLY = `mutation($input: ApplyToAllianceInput!) { applyToAlliance(input: $input) { membership { id status tier enterprise { id } } } }`;
const M = `membership { id status tier admittedAt statusReason }`;
const ADMIT = `mutation($input: AdmitAllianceMemberInput!) { admitAllianceMember(input: $input) { ${M} } }`;
const REJECT = `mutation($input: AllianceDecisionInput!) { rejectAllianceApplication(input: $input) { ${M} } }`;
const SUSPEND = `mutation($input: AllianceDecisionInput!) { suspendAllianceMember(input: $input) { ${M} } }`;
const REINSTATE = `mutation($input: AllianceDecisionInput!) { reinstateAllianceMember(input: $input) { ${M} } }`;
const EXPEL = `mutation($input: AllianceDecisionInput!) { expelAllianceMember(input: $input) { ${M} } }`;
const TIER = `mutation($input: ChangeAllianceTierInput!) { changeAllianceTier(input: $input) { ${M} } }`;
const LEAVE = `mutation($input: LeaveAllianceInput!) { leaveAlliance(input: $input) { ${M} } }`;
const MEMBERS = `query($first: Int, $after: String) { allianceMembers(first: $first, after: $after) { edges { node { enterpriseId nameZh tier since } } pageInfo { hasNextPage endCursor } } }`;
const QUEUE = `query($filter: AllianceApplicationFilterInput, $first: Int, $after: String) { allianceApplications(filter: $filter, first: $first, after: $after) {
  edges { node { id status tier statement enterprise { id nameZh } } } pageInfo { hasNextPage endCursor } } }`;
const MINE = `{ myAllianceMembership { current { id status tier } memberships { id } history { action fromStatus toStatus reason tier } } }`;

const STATEMENT = '海尔愿向联盟开放智慧家庭场景与实验室资源。';

describe('alliance curation', () => {
  let t: TestApp;
  let admin: Persona;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  async function verifiedEnterprise(
    name = '联盟测试企业',
  ): Promise<{ owner: Persona; id: string }> {
    const owner = await createUser(t);
    const id = (await createEnterprise(t, { via: 'api', owner, input: { nameZh: name } })).id;
    await verify(t, admin, id);
    return { owner, id };
  }

  async function apply(owner: Persona): Promise<string> {
    const res = await t.gql
      .as(owner.token)
      .ok<{ applyToAlliance: { membership: { id: string } } }>(APPLY, {
        input: { statement: STATEMENT },
      });
    return res.applyToAlliance.membership.id;
  }

  async function status(id: string) {
    const { rows } = await t.sql.query(
      `SELECT status, tier FROM alliance_memberships WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  it('walks apply → admit → suspend → reinstate, with the history and the public list', async () => {
    const { owner, id } = await verifiedEnterprise('海尔集团');
    const membershipId = await apply(owner);
    const queue = await t.gql
      .as(admin.token)
      .ok<{ allianceApplications: { edges: { node: { id: string; status: string } }[] } }>(
        QUEUE,
        {},
      );
    expect(queue.allianceApplications.edges.map((e) => e.node.id)).toContain(membershipId);

    const admitted = await t.gql.as(admin.token).ok<{
      admitAllianceMember: { membership: { status: string; tier: string; admittedAt: string } };
    }>(ADMIT, {
      input: { membershipId, tier: 'FOUNDING', reason: '发起单位' },
    });
    expect(admitted.admitAllianceMember.membership).toMatchObject({
      status: 'ACTIVE',
      tier: 'FOUNDING',
    });
    const members = await t.gql.ok<{
      allianceMembers: { edges: { node: { enterpriseId: string; tier: string } }[] };
    }>(MEMBERS, {});
    expect(members.allianceMembers.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ enterpriseId: id, tier: 'FOUNDING' }),
    );

    await t.gql
      .as(admin.token)
      .ok(SUSPEND, { input: { membershipId, reason: '未按期参加联盟活动' } });
    expect(await status(membershipId)).toEqual({ status: 'SUSPENDED', tier: 'FOUNDING' });
    const hidden = await t.gql.ok<{
      allianceMembers: { edges: { node: { enterpriseId: string } }[] };
    }>(MEMBERS, {});
    expect(hidden.allianceMembers.edges.map((e) => e.node.enterpriseId)).not.toContain(id);
    await t.gql.as(admin.token).ok(REINSTATE, { input: { membershipId, reason: '已整改' } });
    await t.gql
      .as(admin.token)
      .ok(TIER, { input: { membershipId, tier: 'COUNCIL', reason: '理事会改选' } });
    expect(await status(membershipId)).toEqual({ status: 'ACTIVE', tier: 'COUNCIL' });

    const mine = await t.gql.as(owner.token).ok<{
      myAllianceMembership: {
        current: { status: string };
        history: { action: string; fromStatus: string | null; toStatus: string }[];
      };
    }>(MINE);
    expect(mine.myAllianceMembership.current.status).toBe('ACTIVE');
    expect(
      mine.myAllianceMembership.history.map((h) => [h.action, h.fromStatus, h.toStatus]),
    ).toEqual([
      ['ALLIANCE_APPLIED', null, 'APPLIED'],
      ['ALLIANCE_MEMBERSHIP_ADMITTED', 'APPLIED', 'ACTIVE'],
      ['ALLIANCE_MEMBERSHIP_SUSPENDED', 'ACTIVE', 'SUSPENDED'],
      ['ALLIANCE_MEMBERSHIP_REINSTATED', 'SUSPENDED', 'ACTIVE'],
      ['ALLIANCE_TIER_CHANGED', 'ACTIVE', 'ACTIVE'],
    ]);
  });

  it('refuses transitions that are not allowed with INVALID_TRANSITION and writes no audit event', async () => {
    const { owner } = await verifiedEnterprise();
    const membershipId = await apply(owner);
    let count = await auditCount(t);
    const suspendApplicant = await t.gql
      .as(admin.token)
      .fails(SUSPEND, { input: { membershipId, reason: '试图暂停申请人' } });
    expect(suspendApplicant.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'APPLIED',
    });
    expect(await status(membershipId)).toEqual({ status: 'APPLIED', tier: null });
    expect(await auditCount(t)).toBe(count);

    await t.gql
      .as(admin.token)
      .ok(ADMIT, { input: { membershipId, tier: 'MEMBER', reason: '符合条件' } });
    await t.gql.as(admin.token).ok(EXPEL, { input: { membershipId, reason: '严重违反联盟章程' } });
    count = await auditCount(t);
    const admitExpelled = await t.gql
      .as(admin.token)
      .fails(ADMIT, { input: { membershipId, tier: 'MEMBER', reason: '再次接纳' } });
    expect(admitExpelled.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'EXPELLED',
    });
    expect(await status(membershipId)).toEqual({ status: 'EXPELLED', tier: 'MEMBER' });
    expect(await auditCount(t)).toBe(count);

    const reapply = await t.gql.as(owner.token).fails(APPLY, { input: { statement: STATEMENT } });
    expect(reapply.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALLIANCE_EXPELLED' });
  });

  it('lets a member leave and apply again; refuses a second live application', async () => {
    const { owner } = await verifiedEnterprise();
    const first = await apply(owner);
    const twice = await t.gql.as(owner.token).fails(APPLY, { input: { statement: STATEMENT } });
    expect(twice.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALLIANCE_MEMBERSHIP_EXISTS',
    });
    const leaveApplied = await t.gql
      .as(owner.token)
      .fails(LEAVE, { input: { reason: '撤回申请' } });
    expect(leaveApplied.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    await t.gql
      .as(admin.token)
      .ok(ADMIT, { input: { membershipId: first, tier: 'MEMBER', reason: '符合条件' } });
    const left = await t.gql
      .as(owner.token)
      .ok<{ leaveAlliance: { membership: { status: string } } }>(LEAVE, {
        input: { reason: '战略调整' },
      });
    expect(left.leaveAlliance.membership.status).toBe('EXITED');
    const second = await apply(owner);
    expect(second).not.toBe(first);
  });

  it('rejects an application with a reason; the enterprise may apply again', async () => {
    const { owner } = await verifiedEnterprise();
    const first = await apply(owner);
    const rejected = await t.gql
      .as(admin.token)
      .ok<{ rejectAllianceApplication: { membership: { status: string; statusReason: string } } }>(
        REJECT,
        {
          input: { membershipId: first, reason: '材料不全' },
        },
      );
    expect(rejected.rejectAllianceApplication.membership).toMatchObject({
      status: 'REJECTED',
      statusReason: '材料不全',
    });
    expect(await apply(owner)).not.toBe(first);
  });

  it('refuses an application from an unverified enterprise, an SME, and a plain member', async () => {
    const owner = await createUser(t);
    await createEnterprise(t, { via: 'api', owner });
    const unverified = await t.gql
      .as(owner.token)
      .fails(APPLY, { input: { statement: STATEMENT } });
    expect(unverified.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ORGANIZATION_NOT_VERIFIED',
    });
    const smeOwner = await createUser(t);
    await createSme(t, { via: 'api', owner: smeOwner });
    const sme = await t.gql.as(smeOwner.token).fails(APPLY, { input: { statement: STATEMENT } });
    expect(sme.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ENTERPRISES_ONLY' });
    const nobody = await createUser(t);
    const none = await t.gql.as(nobody.token).fails(APPLY, { input: { statement: STATEMENT } });
    expect(none.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_ORGANIZATION' });
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM alliance_memberships m JOIN organization_members om ON om.organization_id = m.organization_id WHERE om.user_id = ANY($1)`,
      [[owner.id, smeOwner.id]],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses curation to non-admins (member, other organisation, anonymous) and changes nothing', async () => {
    const { owner } = await verifiedEnterprise();
    const membershipId = await apply(owner);
    const other = await verifiedEnterprise();
    const count = await auditCount(t);
    for (const [token, code] of [
      [owner.token, 'FORBIDDEN'],
      [other.owner.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const error = await t.gql
        .as(token)
        .fails(ADMIT, { input: { membershipId, tier: 'FOUNDING', reason: '自行接纳' } });
      expect(error.extensions?.code).toBe(code);
      const queue = await t.gql.as(token).fails(QUEUE, {});
      expect(queue.extensions?.code).toBe(code);
    }
    expect(await status(membershipId)).toEqual({ status: 'APPLIED', tier: null });
    expect(await auditCount(t)).toBe(count);
  });

  it('pages the public list and the queue with keyset cursors, one SQL statement per page', async () => {
    for (let i = 0; i < 3; i += 1) {
      const { owner } = await verifiedEnterprise(`分页企业${i}`);
      const id = await apply(owner);
      await t.gql
        .as(admin.token)
        .ok(ADMIT, { input: { membershipId: id, tier: 'MEMBER', reason: '符合条件' } });
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = {
        allianceMembers: {
          edges: { node: { enterpriseId: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const res: GqlResponse<Page> = await t.gql.send<Page>(MEMBERS, { first: 2, after });
      expect(res.sqlStatements).toBe(1);
      seen.push(...res.data!.allianceMembers.edges.map((e) => e.node.enterpriseId));
      if (!res.data!.allianceMembers.pageInfo.hasNextPage) break;
      after = res.data!.allianceMembers.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM alliance_memberships WHERE status = 'ACTIVE'`,
    );
    expect(seen.length).toBe(rows[0].n);

    const queue = await t.gql
      .as(admin.token)
      .send<{ allianceApplications: { edges: { node: { status: string } }[] } }>(QUEUE, {
        filter: { statuses: ['ACTIVE', 'SUSPENDED'], search: '分页' },
        first: 2,
      });
    expect(queue.data!.allianceApplications.edges).toHaveLength(2);
    // The guard resolves the actor with one statement; the page is one more.
    expect(queue.sqlStatements).toBe(2);
  });
});
