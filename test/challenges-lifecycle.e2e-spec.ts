import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMember,
  CHALLENGE_SELECTION,
  challengeInput,
  CREATE_CHALLENGE,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  inDays,
  type Persona,
  PUBLISH_CHALLENGE,
  SUBMIT_CHALLENGE,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const GET = `query($id: ID!) { challenge(id: $id) { ${CHALLENGE_SELECTION} } }`;
const UPDATE = `mutation($input: UpdateChallengeDraftInput!) { updateChallengeDraft(input: $input) { challenge { id status version titleZh } } }`;
const REQUEST_CHANGES = `mutation($id: ID!, $reason: String!) { requestChallengeChanges(input: { id: $id, reason: $reason }) { challenge { id status statusReason } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectChallenge(input: { id: $id, reason: $reason }) { challenge { id status statusReason } } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelChallenge(input: { id: $id, reason: $reason }) { challenge { id status statusReason } } }`;

describe('challenge lifecycle', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let sme: TestOrg;
  let otherEnterprise: TestOrg;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    sme = await createSme(t);
    otherEnterprise = await createEnterprise(t);
  });
  afterAll(() => t.close());

  async function createDraft(
    by: Persona = issuer.owner,
    overrides: Record<string, unknown> = {},
  ): Promise<string> {
    const data = await t.gql
      .as(by.token)
      .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE_CHALLENGE, {
        input: challengeInput(overrides),
      });
    return data.createChallenge.challenge.id;
  }

  async function stored(
    id: string,
  ): Promise<{ status: string; version: number; title_zh: string }> {
    const { rows } = await t.sql.query(
      `SELECT status, version, title_zh FROM challenges WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async function auditActions(id: string): Promise<string[]> {
    const { rows } = await t.sql.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [id],
    );
    return rows.map((r: { action: string }) => r.action);
  }

  it('goes DRAFT → PENDING_REVIEW → CHANGES_REQUESTED → PENDING_REVIEW → PUBLISHED, each step audited', async () => {
    const created = await t.gql
      .as(issuer.owner.token)
      .ok<{ createChallenge: { challenge: Record<string, unknown> } }>(CREATE_CHALLENGE, {
        input: challengeInput(),
      });
    const c = created.createChallenge.challenge;
    expect(c).toMatchObject({
      status: 'DRAFT',
      version: 1,
      budgetMin: '50000000',
      budgetMax: '200000000',
      bounty: '1000000',
      currency: 'CNY',
      viewerIsIssuer: true,
    });
    expect(c.deadlineChinaTime).toMatch(/\+08:00$/);
    const id = c.id as string;

    const updated = await t.gql
      .as(issuer.owner.token)
      .ok<{ updateChallengeDraft: { challenge: { version: number; titleZh: string } } }>(UPDATE, {
        input: { id, expectedVersion: 1, titleZh: '储能电站热失控预警（修订）' },
      });
    expect(updated.updateChallengeDraft.challenge).toMatchObject({
      version: 2,
      titleZh: '储能电站热失控预警（修订）',
    });

    expect(
      (
        await t.gql
          .as(issuer.owner.token)
          .ok<{ submitChallengeForReview: { challenge: { status: string } } }>(SUBMIT_CHALLENGE, {
            id,
          })
      ).submitChallengeForReview.challenge.status,
    ).toBe('PENDING_REVIEW');
    const changes = await t.gql
      .as(admin.token)
      .ok<{ requestChallengeChanges: { challenge: { status: string; statusReason: string } } }>(
        REQUEST_CHANGES,
        {
          id,
          reason: '请补充考核指标的测试方法',
        },
      );
    expect(changes.requestChallengeChanges.challenge).toEqual({
      id,
      status: 'CHANGES_REQUESTED',
      statusReason: '请补充考核指标的测试方法',
    });
    const issuerView = await t.gql
      .as(issuer.owner.token)
      .ok<{ challenge: { statusReason: string } }>(GET, { id });
    expect(issuerView.challenge.statusReason).toBe('请补充考核指标的测试方法');

    await t.gql
      .as(issuer.owner.token)
      .ok(UPDATE, { input: { id, expectedVersion: 2, summaryZh: '补充了测试方法。' } });
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    const queue = await t.gql
      .as(admin.token)
      .ok<{ challengeReviewQueue: { edges: { node: { id: string } }[] } }>(
        `{ challengeReviewQueue(first: 50) { edges { node { id } } } }`,
      );
    expect(queue.challengeReviewQueue.edges.map((e) => e.node.id)).toContain(id);

    const published = await t.gql.as(admin.token).ok<{
      approveAndPublishChallenge: {
        challenge: { status: string; publishedAt: string; version: number };
      };
    }>(PUBLISH_CHALLENGE, { id });
    expect(published.approveAndPublishChallenge.challenge).toMatchObject({
      status: 'PUBLISHED',
      version: 3,
    });
    expect(published.approveAndPublishChallenge.challenge.publishedAt).toBeTruthy();

    // Now public: an anonymous visitor sees the summary.
    const anon = await t.gql.ok<{ challenge: { status: string; issuer: { nameZh: string } } }>(
      GET,
      { id },
    );
    expect(anon.challenge).toMatchObject({
      status: 'PUBLISHED',
      issuer: { nameZh: issuer.nameZh },
    });
    const versions = await t.gql.ok<{
      challengeVersions: { edges: { node: { version: number; changeSummary: string | null } }[] };
    }>(
      `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version changeSummary } } } }`,
      {
        id,
      },
    );
    expect(versions.challengeVersions.edges.map((e) => e.node)).toEqual([
      { version: 3, changeSummary: null },
    ]);

    expect(await auditActions(id)).toEqual([
      'CHALLENGE_CREATED',
      'CHALLENGE_DRAFT_UPDATED',
      'CHALLENGE_SUBMITTED_FOR_REVIEW',
      'CHALLENGE_CHANGES_REQUESTED',
      'CHALLENGE_DRAFT_UPDATED',
      'CHALLENGE_SUBMITTED_FOR_REVIEW',
      'CHALLENGE_PUBLISHED',
    ]);
    const { rows } = await t.sql.query(
      `SELECT from_state, to_state, actor_user_id FROM audit_events WHERE entity_id = $1 AND action = 'CHALLENGE_PUBLISHED'`,
      [id],
    );
    expect(rows[0]).toEqual({
      from_state: 'PENDING_REVIEW',
      to_state: 'PUBLISHED',
      actor_user_id: admin.id,
    });
  });

  it('rejects a challenge in review with a reason; a rejected challenge stays hidden from others and cannot move on', async () => {
    const id = await createDraft();
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    const rejected = await t.gql
      .as(admin.token)
      .ok<{ rejectChallenge: { challenge: { status: string } } }>(REJECT, {
        id,
        reason: '不属于联盟发榜范围',
      });
    expect(rejected.rejectChallenge.challenge.status).toBe('REJECTED');
    expect((await t.gql.as(sme.owner.token).fails(GET, { id })).extensions?.code).toBe('NOT_FOUND');
    const before = await auditActions(id);
    const error = await t.gql.as(admin.token).fails(PUBLISH_CHALLENGE, { id });
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'REJECTED',
      to: 'PUBLISHED',
    });
    expect(await auditActions(id)).toEqual(before);
  });

  it.each([
    ['approve a draft', 'PUBLISH_CHALLENGE'],
    ['request changes on a draft', 'REQUEST_CHANGES'],
  ])('refuses to %s with CONFLICT INVALID_TRANSITION and writes nothing', async (_name, op) => {
    const id = await createDraft();
    const error =
      op === 'PUBLISH_CHALLENGE'
        ? await t.gql.as(admin.token).fails(PUBLISH_CHALLENGE, { id })
        : await t.gql.as(admin.token).fails(REQUEST_CHANGES, { id, reason: 'x reason' });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect((await stored(id)).status).toBe('DRAFT');
    expect(await auditActions(id)).toEqual(['CHALLENGE_CREATED']);
  });

  it('refuses to submit twice', async () => {
    const id = await createDraft();
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    const error = await t.gql.as(issuer.owner.token).fails(SUBMIT_CHALLENGE, { id });
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'PENDING_REVIEW',
    });
  });

  it.each([
    ['an unverified enterprise', { verified: false }, 'ORGANIZATION_NOT_VERIFIED'],
    [
      'an enterprise whose alliance application is pending',
      { allianceStatus: 'APPLIED' as const },
      'ALLIANCE_MEMBERSHIP_REQUIRED',
    ],
    [
      'a suspended alliance member',
      { allianceStatus: 'SUSPENDED' as const },
      'ALLIANCE_MEMBERSHIP_REQUIRED',
    ],
    [
      'an enterprise outside the alliance',
      { allianceStatus: null },
      'ALLIANCE_MEMBERSHIP_REQUIRED',
    ],
  ])('lets %s draft but not submit for review', async (_name, options, reason) => {
    const enterprise = await createEnterprise(t, options);
    const id = await createDraft(enterprise.owner);
    const error = await t.gql.as(enterprise.owner.token).fails(SUBMIT_CHALLENGE, { id });
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason });
    expect((await stored(id)).status).toBe('DRAFT');
    expect(await auditActions(id)).toEqual(['CHALLENGE_CREATED']);
  });

  it('refuses to submit an incomplete draft, naming what is missing', async () => {
    const id = await createDraft(issuer.owner, {
      evaluationCriteria: [],
      summaryZh: null,
      summaryEn: null,
    });
    const error = await t.gql.as(issuer.owner.token).fails(SUBMIT_CHALLENGE, { id });
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CHALLENGE_INCOMPLETE',
      missing: ['evaluationCriteria', 'summary'],
    });
  });

  it('refuses to publish when the deadline is now less than 24 hours away', async () => {
    const id = await createDraft();
    await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
    await t.sql.query(`UPDATE challenges SET deadline = now() + interval '2 hours' WHERE id = $1`, [
      id,
    ]);
    const error = await t.gql.as(admin.token).fails(PUBLISH_CHALLENGE, { id });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEADLINE_TOO_SOON' });
    expect((await stored(id)).status).toBe('PENDING_REVIEW');
  });

  describe('who may do what (the database is unchanged after each refusal)', () => {
    it('only members of an enterprise create challenges', async () => {
      const count = async () =>
        Number((await t.sql.query(`SELECT count(*) FROM challenges`)).rows[0].count);
      const before = await count();
      expect(
        (await t.gql.as(sme.owner.token).fails(CREATE_CHALLENGE, { input: challengeInput() }))
          .extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ENTERPRISE_MEMBERS_ONLY' });
      const loner = await createUser(t);
      expect(
        (await t.gql.as(loner.token).fails(CREATE_CHALLENGE, { input: challengeInput() }))
          .extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await t.gql.fails(CREATE_CHALLENGE, { input: challengeInput() })).extensions?.code,
      ).toBe('UNAUTHENTICATED');
      expect(await count()).toBe(before);
    });

    it('a draft is not found by another enterprise, an SME or an anonymous caller, and cannot be edited or submitted by them', async () => {
      const id = await createDraft();
      for (const persona of [otherEnterprise, sme].map((o) => o.owner)) {
        expect((await t.gql.as(persona.token).fails(GET, { id })).extensions?.code).toBe(
          'NOT_FOUND',
        );
        expect(
          (
            await t.gql
              .as(persona.token)
              .fails(UPDATE, { input: { id, expectedVersion: 1, titleZh: '篡改' } })
          ).extensions?.code,
        ).toBe('NOT_FOUND');
        expect(
          (await t.gql.as(persona.token).fails(SUBMIT_CHALLENGE, { id })).extensions?.code,
        ).toBe('NOT_FOUND');
        expect(
          (await t.gql.as(persona.token).fails(CANCEL, { id, reason: 'not mine' })).extensions
            ?.code,
        ).toBe('NOT_FOUND');
      }
      expect((await t.gql.fails(GET, { id })).extensions?.code).toBe('NOT_FOUND');
      expect(
        (await t.gql.fails(UPDATE, { input: { id, expectedVersion: 1, titleZh: '篡改' } }))
          .extensions?.code,
      ).toBe('UNAUTHENTICATED');
      expect(await stored(id)).toMatchObject({
        status: 'DRAFT',
        version: 1,
        title_zh: challengeInput().titleZh,
      });
      expect(await auditActions(id)).toEqual(['CHALLENGE_CREATED']);
    });

    it('a plain MEMBER of the issuer may edit and submit; only OWNER/ADMIN may cancel', async () => {
      const member = await addMember(t, issuer, 'MEMBER');
      const manager = await addMember(t, issuer, 'ADMIN');
      const id = await createDraft(member);
      await t.gql
        .as(member.token)
        .ok(UPDATE, { input: { id, expectedVersion: 1, titleEn: 'edited by a member' } });
      const error = await t.gql.as(member.token).fails(CANCEL, { id, reason: 'no longer needed' });
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_MANAGER_ONLY' });
      expect((await stored(id)).status).toBe('DRAFT');
      const cancelled = await t.gql
        .as(manager.token)
        .ok<{ cancelChallenge: { challenge: { status: string } } }>(CANCEL, {
          id,
          reason: 'no longer needed',
        });
      expect(cancelled.cancelChallenge.challenge.status).toBe('CANCELLED');
    });

    it('an SME that sees a published challenge still cannot cancel, edit or amend it', async () => {
      const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
      expect(
        (await t.gql.as(sme.owner.token).fails(CANCEL, { id, reason: 'not mine' })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        (
          await t.gql
            .as(sme.owner.token)
            .fails(UPDATE, { input: { id, expectedVersion: version, titleZh: 'x' } })
        ).extensions,
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        (
          await t.gql
            .as(sme.owner.token)
            .fails(
              `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id } } }`,
              { input: { id, expectedVersion: version, changeSummary: 'hijack', titleZh: 'x' } },
            )
        ).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_ONLY' });
      expect(await stored(id)).toMatchObject({ status: 'PUBLISHED', version });
    });

    it('another enterprise and anonymous callers cannot amend, submit, cancel or announce on a published challenge', async () => {
      const { id, version } = await createChallenge(t, issuer, { via: 'api', admin });
      const AMEND = `mutation($input: AmendChallengeInput!) { amendChallenge(input: $input) { challenge { id } } }`;
      const ANNOUNCE = `mutation($id: ID!) { publishChallengeAnnouncement(input: { challengeId: $id, title: "t", body: "b" }) { announcement { id } } }`;
      const amendInput = {
        input: { id, expectedVersion: version, changeSummary: '他人修改', titleZh: '篡改' },
      };
      expect(
        (await t.gql.as(otherEnterprise.owner.token).fails(AMEND, amendInput)).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_ONLY' });
      expect(
        (await t.gql.as(otherEnterprise.owner.token).fails(SUBMIT_CHALLENGE, { id })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_ONLY' });
      expect(
        (await t.gql.as(otherEnterprise.owner.token).fails(CANCEL, { id, reason: 'not mine' }))
          .extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_MANAGER_ONLY' });
      expect(
        (await t.gql.as(otherEnterprise.owner.token).fails(ANNOUNCE, { id })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'ISSUER_ONLY' });
      for (const [query, variables] of [
        [AMEND, amendInput],
        [SUBMIT_CHALLENGE, { id }],
        [CANCEL, { id, reason: 'anonymous' }],
        [ANNOUNCE, { id }],
      ] as const) {
        expect((await t.gql.fails(query, variables)).extensions?.code).toBe('UNAUTHENTICATED');
      }
      expect(await stored(id)).toMatchObject({
        status: 'PUBLISHED',
        version,
        title_zh: challengeInput().titleZh,
      });
      expect(await auditActions(id)).toEqual([
        'CHALLENGE_CREATED',
        'CHALLENGE_SUBMITTED_FOR_REVIEW',
        'CHALLENGE_PUBLISHED',
      ]);
      expect(
        (
          await t.sql.query(
            `SELECT count(*)::int AS n FROM challenge_announcements WHERE challenge_id = $1`,
            [id],
          )
        ).rows[0].n,
      ).toBe(0);
    });

    it('review decisions are for administrators only', async () => {
      const id = await createDraft();
      await t.gql.as(issuer.owner.token).ok(SUBMIT_CHALLENGE, { id });
      for (const persona of [issuer, sme].map((o) => o.owner)) {
        expect(
          (await t.gql.as(persona.token).fails(PUBLISH_CHALLENGE, { id })).extensions?.code,
        ).toBe('FORBIDDEN');
        expect(
          (await t.gql.as(persona.token).fails(REJECT, { id, reason: 'nope nope' })).extensions
            ?.code,
        ).toBe('FORBIDDEN');
      }
      expect((await t.gql.fails(PUBLISH_CHALLENGE, { id })).extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await stored(id)).status).toBe('PENDING_REVIEW');
    });
  });

  describe('the deadline closes a challenge by itself', () => {
    it('reads as CLOSED right after the deadline (detail, list, filter), and the next write persists it', async () => {
      const { id } = await createChallenge(t, issuer, { via: 'api', admin });
      await t.sql.query(
        `UPDATE challenges SET deadline = now() - interval '1 second' WHERE id = $1`,
        [id],
      );
      expect(
        (await t.gql.as(sme.owner.token).ok<{ challenge: { status: string } }>(GET, { id }))
          .challenge.status,
      ).toBe('CLOSED');
      const list = await t.gql.ok<{
        challenges: { edges: { node: { id: string; status: string } }[] };
      }>(
        `{ challenges(first: 100, filter: { statuses: [CLOSED] }) { edges { node { id status } } } }`,
      );
      expect(list.challenges.edges.map((e) => e.node)).toContainEqual({ id, status: 'CLOSED' });
      const open = await t.gql.ok<{ challenges: { edges: { node: { id: string } }[] } }>(
        `{ challenges(first: 100, filter: { statuses: [PUBLISHED] }) { edges { node { id } } } }`,
      );
      expect(open.challenges.edges.map((e) => e.node.id)).not.toContain(id);
      expect((await stored(id)).status).toBe('PUBLISHED');

      const cancelled = await t.gql
        .as(issuer.owner.token)
        .ok<{ cancelChallenge: { challenge: { status: string } } }>(CANCEL, {
          id,
          reason: '预算调整，撤榜',
        });
      expect(cancelled.cancelChallenge.challenge.status).toBe('CANCELLED');
      const { rows } = await t.sql.query(
        `SELECT action, from_state, to_state, actor_user_id FROM audit_events WHERE entity_id = $1 ORDER BY seq DESC LIMIT 2`,
        [id],
      );
      expect(rows).toEqual([
        {
          action: 'CHALLENGE_CANCELLED',
          from_state: 'CLOSED',
          to_state: 'CANCELLED',
          actor_user_id: issuer.owner.id,
        },
        {
          action: 'CHALLENGE_CLOSED',
          from_state: 'PUBLISHED',
          to_state: 'CLOSED',
          actor_user_id: null,
        },
      ]);
      // The cancellation reason is told to everyone who sees the challenge.
      expect(
        (await t.gql.as(sme.owner.token).ok<{ challenge: { statusReason: string } }>(GET, { id }))
          .challenge.statusReason,
      ).toBe('预算调整，撤榜');
    });
  });

  describe('bad input: BAD_USER_INPUT naming the field, nothing created or changed', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'criteria weights not summing to 100',
        {
          evaluationCriteria: [
            { name: 'a', weight: 50 },
            { name: 'b', weight: 30 },
          ],
        },
        'input.evaluationCriteria',
      ],
      ['a deadline in the past', { deadline: inDays(-1) }, 'input.deadline'],
      ['a deadline less than 24 hours away', { deadline: inDays(0.5) }, 'input.deadline'],
      ['a budget min above max', { budgetMin: '300', budgetMax: '200' }, 'input.budgetMin'],
      [
        'an unknown technical field code',
        { technicalFieldCodes: ['NEW_ENERGY', 'NO_SUCH_FIELD'] },
        'input.technicalFieldCodes',
      ],
      ['a title over 200 characters', { titleZh: '储'.repeat(201) }, 'titleZh'],
      ['no title at all', { titleZh: null, titleEn: '  ' }, 'input.titleZh'],
      ['an industry code outside GB/T 4754', { industryCode: 'Z' }, 'industryCode'],
      [
        'a region code that is not 6 digits',
        { eligibility: { allowedRegionCodes: ['31'] } },
        'eligibility.allowedRegionCodes',
      ],
      [
        'a criterion weight above 100',
        { evaluationCriteria: [{ name: 'a', weight: 101 }] },
        'evaluationCriteria.0.weight',
      ],
    ];

    it.each(cases)('refuses %s on create', async (_name, override, field) => {
      const count = async () =>
        Number((await t.sql.query(`SELECT count(*) FROM challenges`)).rows[0].count);
      const before = await count();
      const error = await t.gql
        .as(issuer.owner.token)
        .fails(CREATE_CHALLENGE, { input: challengeInput(override) });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields?.map((f) => f.field)).toContain(field);
      expect(error.extensions?.fields?.every((f) => f.message.length > 0)).toBe(true);
      expect(await count()).toBe(before);
    });

    it.each(cases.slice(0, 5))(
      'refuses %s on a draft update and keeps the draft as it was',
      async (_name, override, field) => {
        const id = await createDraft();
        const error = await t.gql
          .as(issuer.owner.token)
          .fails(UPDATE, { input: { id, expectedVersion: 1, ...override } });
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.extensions?.fields?.map((f) => f.field)).toContain(field);
        expect(await stored(id)).toMatchObject({ status: 'DRAFT', version: 1 });
        expect(await auditActions(id)).toEqual(['CHALLENGE_CREATED']);
      },
    );

    it('refuses money that is not an integer of fen', async () => {
      const error = await t.gql
        .as(issuer.owner.token)
        .fails(CREATE_CHALLENGE, { input: challengeInput({ budgetMin: '12.5' }) });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
