import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addMember,
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  type Persona,
  type TestOrg,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const INTRO = `id direction status message statusReason closeReason requestedAt expiresAt challengeId
  challengeTitleZh smeId challenge { id issuer { id nameZh } } sme { id nameZh contactEmail contactPhone }
  issuerContact { organizationId nameZh email phone personName personEmail }
  smeContact { organizationId nameZh email phone personName personEmail }`;
const REQUEST = `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { introduction { ${INTRO} } } }`;
const INVITE = `mutation($input: InviteSmeToChallengeInput!) { inviteSmeToChallenge(input: $input) { introduction { ${INTRO} } } }`;
const ACCEPT = `mutation($id: ID!) { acceptIntroduction(input: { introductionId: $id }) { introduction { ${INTRO} } } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineIntroduction(input: { introductionId: $id, reason: $reason }) { introduction { ${INTRO} } } }`;
const CANCEL = `mutation($id: ID!) { cancelIntroduction(input: { introductionId: $id }) { introduction { id status } } }`;
const CLOSE = `mutation($input: CloseIntroductionInput!) { closeIntroduction(input: $input) { introduction { ${INTRO} } } }`;
const SEND = `mutation($id: ID!, $body: String!) { sendIntroductionMessage(input: { introductionId: $id, body: $body }) { message { id body authorName authorOrganizationId } } }`;
const MESSAGES = `query($id: ID!, $first: Int, $after: String) { introductionMessages(introductionId: $id, first: $first, after: $after) {
  edges { node { id body } } pageInfo { hasNextPage endCursor } } }`;
const GET = `query($id: ID!) { introduction(id: $id) { ${INTRO} } }`;
const MINE = `query($direction: IntroductionListDirection, $status: IntroductionStatus, $first: Int, $after: String) {
  myIntroductions(direction: $direction, status: $status, first: $first, after: $after) {
    edges { node { ${INTRO} } } pageInfo { hasNextPage endCursor } } }`;
const OF_CHALLENGE = `query($c: ID!) { challengeIntroductions(challengeId: $c) { edges { node { ${INTRO} } } } }`;
const RECOMMENDED_SMES = `query($c: ID!) { recommendedSmes(challengeId: $c, first: 50) {
  edges { node { sme { id contactEmail contactPhone } introduction { id status live } } } } }`;
const RECOMMENDED_CHALLENGES = `query { recommendedChallenges(first: 50) {
  edges { node { challenge { id issuer { id nameZh } } introduction { id status live } } } } }`;
const CHALLENGE = `query($id: ID!) { challenge(id: $id) { id issuer { id nameZh } } }`;

type Intro = {
  id: string;
  status: string;
  statusReason: string | null;
  closeReason: string | null;
  challenge: { id: string; issuer: { id: string; nameZh: string } | null } | null;
  issuerContact: Record<string, string | null> | null;
  smeContact: Record<string, string | null> | null;
};

const STORAGE = {
  titleZh: '储能电站电池热失控早期预警',
  summaryZh: '用于电网侧储能电站，需要在电池热失控前给出预警。',
  technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
};

describe('introductions (对接)', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let otherEnterprise: TestOrg;
  let sme: TestOrg;
  let otherSme: TestOrg;
  let stranger: Persona;
  let issuerPerson: Persona;
  let smePerson: Persona;
  let anonymousChallenge: string;
  // Canaries: unique strings of each side's contact that must not appear anywhere before ACCEPTED.
  const CANARY = {
    issuerEmail: 'canary-issuer-contact@intro.example.cn',
    issuerPhone: '+86 10 5550 1111',
    issuerPerson: 'CANARY-ISSUER-PERSON',
    smeEmail: 'canary-sme-contact@intro.example.cn',
    smePhone: '+86 10 5550 2222',
    smePerson: 'CANARY-SME-PERSON',
  };

  const gql = (p: Persona) => t.gql.as(p.token);
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.sql.query<{ n: number }>(sql, params)).rows[0].n;
  const snapshot = async () =>
    (
      await t.sql.query<{ h: string }>(
        `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) ||
                (SELECT md5(coalesce(string_agg(m::text, '|' ORDER BY m::text), '')) FROM introduction_messages m) ||
                (SELECT md5(coalesce(string_agg(ci::text, '|' ORDER BY ci::text), '')) FROM challenge_invitations ci) AS h
           FROM introductions x`,
      )
    ).rows[0].h;

  async function publish(input: Record<string, unknown> = {}): Promise<string> {
    return (
      await createChallenge(t, issuer, { via: 'api', admin, input: { ...STORAGE, ...input } })
    ).id;
  }

  async function invite(challengeId: string, smeOrg = sme, by = issuer.owner): Promise<Intro> {
    return (
      await gql(by).ok<{ inviteSmeToChallenge: { introduction: Intro } }>(INVITE, {
        input: { challengeId, smeId: smeOrg.id, message: '诚邀贵司参与揭榜' },
      })
    ).inviteSmeToChallenge.introduction;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { INTRODUCTIONS_PER_DAY: '8' } });
    admin = await createAdmin(t);
    issuerPerson = await createUser(t, { displayName: CANARY.issuerPerson });
    smePerson = await createUser(t, { displayName: CANARY.smePerson });
    issuer = await createEnterprise(t, { owner: issuerPerson });
    otherEnterprise = await createEnterprise(t);
    sme = await createSme(t, { owner: smePerson });
    otherSme = await createSme(t);
    stranger = await createUser(t);
    await t.sql.query(
      `UPDATE organizations SET contact_email = $2, contact_phone = $3 WHERE id = $1`,
      [issuer.id, CANARY.issuerEmail, CANARY.issuerPhone],
    );
    await t.sql.query(
      `UPDATE organizations SET contact_email = $2, contact_phone = $3 WHERE id = $1`,
      [sme.id, CANARY.smeEmail, CANARY.smePhone],
    );
    await t.sql
      .query(
        `INSERT INTO sme_capabilities (organization_id, statement_zh) VALUES ($1, '储能电站电池热失控预警，气体与温度多参数融合')
       ON CONFLICT DO NOTHING`,
        [sme.id],
      )
      .catch(() => undefined);
    anonymousChallenge = await publish({ anonymousIssuer: true });
  });

  afterAll(() => t.close());

  it('invite → accept → contacts and the anonymous issuer revealed → messages → CLOSED_DEAL', async () => {
    const before = await invite(anonymousChallenge);
    expect(before).toMatchObject({ status: 'REQUESTED', issuerContact: null, smeContact: null });
    // Before ACCEPTED no response holds a contact detail or the anonymous issuer: by id, lists, nested, recommendations.
    const bySme = [
      await gql(smePerson).send(GET, { id: before.id }),
      await gql(smePerson).send(MINE, {}),
      await gql(smePerson).send(MINE, { direction: 'RECEIVED' }),
      await gql(smePerson).send(CHALLENGE, { id: anonymousChallenge }),
      await gql(smePerson).send(RECOMMENDED_CHALLENGES, {}),
    ];
    const byIssuer = [
      await gql(issuerPerson).send(GET, { id: before.id }),
      await gql(issuerPerson).send(MINE, { direction: 'SENT' }),
      await gql(issuerPerson).send(OF_CHALLENGE, { c: anonymousChallenge }),
      await gql(issuerPerson).send(RECOMMENDED_SMES, { c: anonymousChallenge }),
    ];
    // The SME never sees the issuer's contact nor, for this anonymous challenge, its name; the issuer never the SME's contact.
    for (const res of bySme)
      for (const canary of [
        CANARY.issuerEmail,
        CANARY.issuerPhone,
        CANARY.issuerPerson,
        issuer.nameZh,
      ])
        expect(res.text).not.toContain(canary);
    for (const res of byIssuer)
      for (const canary of [CANARY.smeEmail, CANARY.smePhone, CANARY.smePerson])
        expect(res.text).not.toContain(canary);
    // The recommendation says an introduction exists (conversion).
    const recs = await gql(smePerson).ok<{
      recommendedChallenges: {
        edges: { node: { challenge: { id: string }; introduction: unknown } }[];
      };
    }>(RECOMMENDED_CHALLENGES, {});
    const rec = recs.recommendedChallenges.edges.find(
      (e) => e.node.challenge.id === anonymousChallenge,
    );
    if (rec)
      expect(rec.node.introduction).toEqual({ id: before.id, status: 'REQUESTED', live: true });
    // Messages are for accepted introductions only.
    expect(
      (await gql(smePerson).fails(SEND, { id: before.id, body: 'hello' })).extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'INTRODUCTION_NOT_ACCEPTED',
    });

    const accepted = (
      await gql(smePerson).ok<{ acceptIntroduction: { introduction: Intro } }>(ACCEPT, {
        id: before.id,
      })
    ).acceptIntroduction.introduction;
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.issuerContact).toMatchObject({
      organizationId: issuer.id,
      nameZh: issuer.nameZh,
      email: CANARY.issuerEmail,
      phone: CANARY.issuerPhone,
      personName: CANARY.issuerPerson,
    });
    expect(accepted.smeContact).toMatchObject({
      organizationId: sme.id,
      email: CANARY.smeEmail,
      phone: CANARY.smePhone,
      personName: CANARY.smePerson,
    });
    // The anonymous issuer is named to this SME now (the one rule, issuerShownSql), not to another SME.
    expect(accepted.challenge?.issuer).toEqual({ id: issuer.id, nameZh: issuer.nameZh });
    const other = await gql(otherSme.owner).ok<{ challenge: { issuer: unknown } }>(CHALLENGE, {
      id: anonymousChallenge,
    });
    expect(other.challenge.issuer).toBeNull();
    const seenByIssuer = await gql(issuerPerson).ok<{ introduction: Intro }>(GET, {
      id: before.id,
    });
    expect(seenByIssuer.introduction.smeContact?.email).toBe(CANARY.smeEmail);

    for (let i = 1; i <= 3; i++)
      await gql(i % 2 ? smePerson : issuerPerson).ok(SEND, { id: before.id, body: `消息 ${i}` });
    const page1 = await gql(issuerPerson).ok<{
      introductionMessages: {
        edges: { node: { body: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(MESSAGES, { id: before.id, first: 2 });
    expect(page1.introductionMessages.edges.map((e) => e.node.body)).toEqual(['消息 3', '消息 2']);
    expect(page1.introductionMessages.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(admin).ok<{
      introductionMessages: { edges: { node: { body: string } }[] };
    }>(MESSAGES, { id: before.id, first: 2, after: page1.introductionMessages.pageInfo.endCursor });
    expect(page2.introductionMessages.edges.map((e) => e.node.body)).toEqual(['消息 1']);
    expect((await gql(stranger).fails(MESSAGES, { id: before.id })).extensions?.code).toBe(
      'NOT_FOUND',
    );

    const wrongReason = await gql(issuerPerson).fails(CLOSE, {
      input: { introductionId: before.id, outcome: 'CLOSED_DEAL', reason: 'TIMING' },
    });
    expect(wrongReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const closed = (
      await gql(issuerPerson).ok<{ closeIntroduction: { introduction: Intro } }>(CLOSE, {
        input: {
          introductionId: before.id,
          outcome: 'CLOSED_DEAL',
          reason: 'CONTRACT_SIGNED',
          note: '已签约',
        },
      })
    ).closeIntroduction.introduction;
    expect(closed).toMatchObject({
      status: 'CLOSED_DEAL',
      closeReason: 'CONTRACT_SIGNED',
      statusReason: '已签约',
    });
    expect(closed.smeContact?.email).toBe(CANARY.smeEmail);
    expect(
      (await gql(smePerson).fails(SEND, { id: before.id, body: 'late' })).extensions?.reason,
    ).toBe('INTRODUCTION_NOT_ACCEPTED');
    const audit = await t.sql.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'Introduction' AND entity_id = $1 ORDER BY occurred_at, id`,
      [before.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'INTRODUCTION_INVITED',
      'INTRODUCTION_ACCEPTED',
      'INTRODUCTION_CLOSED',
    ]);
  });

  it('request → decline with a reason; the declined side may not ask again during the cooldown', async () => {
    const c = await publish();
    const req = (
      await gql(otherSme.owner).ok<{ requestIntroduction: { introduction: Intro } }>(REQUEST, {
        input: { challengeId: c, message: '我们有成熟方案' },
      })
    ).requestIntroduction.introduction;
    expect(req.status).toBe('REQUESTED');
    // The requester cannot answer its own request; a third organisation cannot see it; an admin may read, not act.
    expect((await gql(otherSme.owner).fails(ACCEPT, { id: req.id })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'TRANSITION_NOT_ALLOWED',
    });
    expect((await gql(otherEnterprise.owner).fails(ACCEPT, { id: req.id })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await gql(stranger).fails(GET, { id: req.id })).extensions?.code).toBe('NOT_FOUND');
    expect(
      (await gql(admin).ok<{ introduction: Intro }>(GET, { id: req.id })).introduction.id,
    ).toBe(req.id);
    expect((await gql(admin).fails(ACCEPT, { id: req.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.fails(ACCEPT, { id: req.id })).extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await gql(issuerPerson).fails(DECLINE, { id: req.id, reason: '   ' })).extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const declined = (
      await gql(issuerPerson).ok<{ declineIntroduction: { introduction: Intro } }>(DECLINE, {
        id: req.id,
        reason: '暂不考虑',
      })
    ).declineIntroduction.introduction;
    expect(declined).toMatchObject({
      status: 'DECLINED',
      statusReason: '暂不考虑',
      smeContact: null,
      issuerContact: null,
    });
    expect((await gql(issuerPerson).fails(ACCEPT, { id: req.id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'DECLINED',
    });
    const again = await gql(otherSme.owner).fails(REQUEST, {
      input: { challengeId: c, message: '再次申请' },
    });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INTRODUCTION_COOLDOWN' });
    expect(Date.parse(String(again.extensions?.until))).toBeGreaterThan(
      Date.now() + 29 * 86_400_000,
    );
  });

  it('request → expiry: computed when read, persisted by the next write; the pair may be asked again', async () => {
    const c = await publish();
    const req = (
      await gql(sme.owner).ok<{ requestIntroduction: { introduction: Intro } }>(REQUEST, {
        input: { challengeId: c, message: '申请对接' },
      })
    ).requestIntroduction.introduction;
    await t.sql.query(
      `UPDATE introductions SET requested_at = requested_at - interval '15 days', expires_at = expires_at - interval '15 days' WHERE id = $1`,
      [req.id],
    );
    expect(
      (await gql(sme.owner).ok<{ introduction: Intro }>(GET, { id: req.id })).introduction.status,
    ).toBe('EXPIRED');
    expect(
      await count(
        `SELECT count(*)::int AS n FROM introductions WHERE id = $1 AND status = 'REQUESTED'`,
        [req.id],
      ),
    ).toBe(1);
    const late = await gql(issuerPerson).fails(ACCEPT, { id: req.id });
    expect(late.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      from: 'EXPIRED',
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM introductions WHERE id = $1 AND status = 'EXPIRED'`,
        [req.id],
      ),
    ).toBe(0);
    // The refusal rolled back; the next successful write persists the expiry.
    await gql(sme.owner).ok(REQUEST, { input: { challengeId: c, message: '再次申请' } });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM introductions WHERE id = $1 AND status = 'EXPIRED'`,
        [req.id],
      ),
    ).toBe(1);
  });

  it('cancel by the requester only while REQUESTED; a duplicate live introduction is a CONFLICT', async () => {
    const c = await publish();
    const inv = await invite(c);
    expect(
      (
        await gql(issuerPerson).fails(INVITE, {
          input: { challengeId: c, smeId: sme.id, message: 'x' },
        })
      ).extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'INTRODUCTION_ALREADY_LIVE',
      introductionId: inv.id,
    });
    expect(
      (await gql(sme.owner).fails(REQUEST, { input: { challengeId: c, message: 'x' } })).extensions
        ?.reason,
    ).toBe('INTRODUCTION_ALREADY_LIVE');
    // The partial unique index holds it even past the service.
    await expect(
      t.sql.query(
        `INSERT INTO introductions (challenge_id, sme_id, issuer_organization_id, direction, requester_organization_id, status, message, expires_at)
         VALUES ($1, $2, $3, 'REQUEST', $2, 'REQUESTED', 'x', now() + interval '1 day')`,
        [c, sme.id, issuer.id],
      ),
    ).rejects.toThrow(/UQ_introductions_live_pair/);
    expect((await gql(sme.owner).fails(CANCEL, { id: inv.id })).extensions?.code).toBe('FORBIDDEN');
    await gql(issuerPerson).ok(CANCEL, { id: inv.id });
    expect((await gql(issuerPerson).fails(CANCEL, { id: inv.id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('refuses a challenge not PUBLISHED or past its deadline, an ineligible or unverified SME, bad input', async () => {
    const draft = (await createChallenge(t, issuer, { status: 'DRAFT' })).id;
    await t.sql.query(`UPDATE challenges SET published_at = NULL WHERE id = $1`, [draft]);
    expect(
      (
        await gql(issuerPerson).fails(INVITE, {
          input: { challengeId: draft, smeId: sme.id, message: 'x' },
        })
      ).extensions?.reason,
    ).toBe('INTRODUCTION_CHALLENGE_NOT_OPEN');
    const past = await publish();
    await t.sql.query(
      `UPDATE challenges SET deadline = now() - interval '1 minute' WHERE id = $1`,
      [past],
    );
    expect(
      (
        await gql(issuerPerson).fails(INVITE, {
          input: { challengeId: past, smeId: sme.id, message: 'x' },
        })
      ).extensions?.reason,
    ).toBe('INTRODUCTION_CHALLENGE_NOT_OPEN');
    const regional = await publish({ eligibility: { allowedRegionCodes: ['110000'] } });
    const ineligible = await gql(issuerPerson).fails(INVITE, {
      input: { challengeId: regional, smeId: sme.id, message: 'x' },
    });
    expect(ineligible.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INTRODUCTION_SME_NOT_ELIGIBLE',
      eligibilityReasons: ['REGION_NOT_ALLOWED'],
    });
    const unverified = await createSme(t, { verified: false });
    const open = await publish();
    expect(
      (
        await gql(issuerPerson).fails(INVITE, {
          input: { challengeId: open, smeId: unverified.id, message: 'x' },
        })
      ).extensions?.reason,
    ).toBe('INTRODUCTION_SME_NOT_ELIGIBLE');
    const tooLong = await gql(issuerPerson).fails(INVITE, {
      input: { challengeId: open, smeId: sme.id, message: 'x'.repeat(2001) },
    });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(tooLong.extensions?.fields)).toContain('message');
    expect(
      (
        await gql(issuerPerson).fails(INVITE, {
          input: { challengeId: open, smeId: 'nope', message: 'x' },
        })
      ).extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await gql(issuerPerson).fails(REQUEST, { input: { challengeId: open, message: 'x' } }))
        .extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'INTRODUCTION_REQUEST_FOR_SMES_ONLY',
    });
    expect(
      (
        await gql(otherEnterprise.owner).fails(INVITE, {
          input: { challengeId: open, smeId: sme.id, message: 'x' },
        })
      ).extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ISSUER_ONLY',
    });
    expect((await gql(stranger).fails(MINE, {})).extensions?.code).toBe('FORBIDDEN');
    expect((await gql(issuerPerson).fails(MINE, { first: 101 })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await gql(issuerPerson).fails(MINE, { after: 'garbage' })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await gql(otherEnterprise.owner).fails(OF_CHALLENGE, { c: open })).extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('two concurrent accepts of one request: exactly one outcome, the other CONFLICT', async () => {
    const c = await publish();
    const second = await addMember(t, sme, 'MEMBER');
    const inv = await invite(c);
    const before = await snapshot();
    const results = await Promise.all([
      gql(sme.owner).send(ACCEPT, { id: inv.id }),
      gql(second).send(ACCEPT, { id: inv.id }),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect(await snapshot()).not.toEqual(before);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'INTRODUCTION_ACCEPTED'`,
        [inv.id],
      ),
    ).toBe(1);
  });

  it('every mutation × role on a REQUESTED invitation: only the allowed side moves it, nothing changes otherwise', async () => {
    const c = await publish();
    const inv = await invite(c);
    const tries: [string, Persona, string, Record<string, unknown>][] = [
      ['accept', otherSme.owner, ACCEPT, { id: inv.id }],
      ['accept', otherEnterprise.owner, ACCEPT, { id: inv.id }],
      ['accept', issuerPerson, ACCEPT, { id: inv.id }],
      ['accept', admin, ACCEPT, { id: inv.id }],
      ['decline', issuerPerson, DECLINE, { id: inv.id, reason: 'no' }],
      ['decline', otherSme.owner, DECLINE, { id: inv.id, reason: 'no' }],
      ['decline', admin, DECLINE, { id: inv.id, reason: 'no' }],
      ['cancel', sme.owner, CANCEL, { id: inv.id }],
      ['cancel', otherEnterprise.owner, CANCEL, { id: inv.id }],
      ['cancel', admin, CANCEL, { id: inv.id }],
      [
        'close',
        issuerPerson,
        CLOSE,
        { input: { introductionId: inv.id, outcome: 'CLOSED_NO_DEAL', reason: 'TIMING' } },
      ],
      ['message', sme.owner, SEND, { id: inv.id, body: 'hi' }],
      ['message', otherSme.owner, SEND, { id: inv.id, body: 'hi' }],
    ];
    const before = await snapshot();
    for (const [name, persona, query, variables] of tries) {
      const res = await gql(persona).send(query, variables);
      expect({ name, code: res.errors?.[0]?.extensions?.code }).toEqual({
        name,
        code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND|CONFLICT)$/),
      });
      expect(res.text).not.toContain(CANARY.smeEmail);
      expect(res.text).not.toContain(CANARY.issuerEmail);
    }
    expect(
      (await t.gql.send(DECLINE, { id: inv.id, reason: 'x' })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('myIntroductions: SENT and RECEIVED per side, filtered by status now, paged', async () => {
    const sent = await gql(issuerPerson).ok<{ myIntroductions: { edges: { node: Intro }[] } }>(
      MINE,
      { direction: 'SENT', first: 100 },
    );
    expect(sent.myIntroductions.edges.length).toBeGreaterThan(0);
    expect(
      sent.myIntroductions.edges.every(
        (e) => (e.node as unknown as { direction: string }).direction === 'INVITE',
      ),
    ).toBe(true);
    const received = await gql(sme.owner).ok<{ myIntroductions: { edges: { node: Intro }[] } }>(
      MINE,
      { direction: 'RECEIVED', first: 100 },
    );
    expect(
      received.myIntroductions.edges.every(
        (e) => (e.node as unknown as { direction: string }).direction === 'INVITE',
      ),
    ).toBe(true);
    const expired = await gql(sme.owner).ok<{ myIntroductions: { edges: { node: Intro }[] } }>(
      MINE,
      { status: 'EXPIRED', first: 100 },
    );
    expect(expired.myIntroductions.edges.every((e) => e.node.status === 'EXPIRED')).toBe(true);
    const p1 = await gql(issuerPerson).ok<{
      myIntroductions: {
        edges: { node: Intro }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    }>(MINE, { first: 2 });
    expect(p1.myIntroductions.pageInfo.hasNextPage).toBe(true);
    const p2 = await gql(issuerPerson).ok<{ myIntroductions: { edges: { node: Intro }[] } }>(MINE, {
      first: 2,
      after: p1.myIntroductions.pageInfo.endCursor,
    });
    const ids = new Set(p1.myIntroductions.edges.map((e) => e.node.id));
    expect(p2.myIntroductions.edges.some((e) => ids.has(e.node.id))).toBe(false);
  });
  it('the daily limit: RATE_LIMITED with the reset time, nothing written', async () => {
    const started = await count(
      `SELECT count(*)::int AS n FROM introductions WHERE requester_organization_id = $1 AND requested_at > now() - interval '1 day'`,
      [issuer.id],
    );
    const smes: TestOrg[] = [];
    for (let i = started; i < 9; i++) smes.push(await createSme(t));
    const c = await publish();
    for (let i = started; i < 8; i++) await invite(c, smes[i - started]);
    const before = await snapshot();
    const res = await gql(issuerPerson).send(INVITE, {
      input: { challengeId: c, smeId: smes[smes.length - 1].id, message: 'x' },
    });
    expect(res.status).toBe(429);
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'INTRODUCTIONS_DAILY_LIMIT',
      limit: 8,
    });
    expect(Date.parse(String(res.errors?.[0].extensions?.resetAt))).toBeGreaterThan(Date.now());
    expect(await snapshot()).toEqual(before);
  });
});
