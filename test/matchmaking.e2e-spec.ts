import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  type Persona,
  type TestChallenge,
  type TestOrg,
} from './support/factories/index.js';
import { expectConstantStatements } from './support/sql-statements.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MATCH = `match { score components { kind value weight } reasons { kind positive text }
  matchedTerms { challengeText smeText language challengeLocations smeLocations viaTranslation }
  sharedTechnicalFields { code nameZh } }`;
const RECOMMENDED_SMES = `query($id: ID!, $first: Int, $after: String) {
  recommendedSmes(challengeId: $id, first: $first, after: $after) {
    edges { cursor node { sme { id nameZh contactEmail contactPhone } ${MATCH} } }
    pageInfo { hasNextPage endCursor } } }`;
const RECOMMENDED_CHALLENGES = `query($first: Int, $after: String) {
  recommendedChallenges(first: $first, after: $after) {
    edges { cursor node { challenge { id titleZh titleEn issuer { id nameZh } description } ${MATCH} } }
    pageInfo { hasNextPage endCursor } } }`;
const EXPLAIN = `query($c: ID!, $s: ID!) { matchExplanation(challengeId: $c, smeId: $s) {
  recommendable eligibilityProblems dismissed challenge { id } sme { id } ${MATCH} } }`;
const DISMISS = `mutation($input: DismissRecommendationInput!) { dismissRecommendation(input: $input) {
  dismissal { challengeId smeId side reason dismissedAt } } }`;
const UPDATE_SME = `mutation($input: UpdateSmeInput!) { updateSme(input: $input) { sme { id } } }`;
const CREATE = `mutation($input: CreateChallengeInput!) { createChallenge(input: $input) { challenge { id } } }`;

type Breakdown = {
  score: number;
  components: { kind: string; value: number; weight: number }[];
  reasons: { kind: string; positive: boolean; text: string }[];
  matchedTerms: {
    challengeText: string;
    smeText: string;
    language: string;
    challengeLocations: string[];
    smeLocations: string[];
    viaTranslation: boolean;
  }[];
  sharedTechnicalFields: { code: string; nameZh: string }[];
};
type SmeEdges = {
  recommendedSmes: {
    edges: {
      cursor: string;
      node: {
        sme: { id: string; contactEmail: string | null; contactPhone: string | null };
        match: Breakdown;
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
type ChallengeEdges = {
  recommendedChallenges: {
    edges: {
      node: {
        challenge: { id: string; issuer: { id: string } | null; description: string | null };
        match: Breakdown;
      };
    }[];
  };
};

const STORAGE_CHALLENGE = {
  titleZh: '储能电站电池热失控早期预警',
  titleEn: null,
  summaryZh: '用于电网侧储能电站，需要在电池热失控前给出预警，替代现有的烟感探测器。',
  summaryEn: null,
  technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
  eligibility: { allowedRegionCodes: ['370000', '320000', '330000'] },
  requirements: [
    { name: '预警提前时间', target: '≥ 10', unit: 'min', weight: 100, mustHave: true },
  ],
};

describe('Matchmaking', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let issuerZh: Persona;
  let other: TestOrg;
  let challenge: TestChallenge;
  let zhFit: TestOrg;
  let enFit: TestOrg;
  let generic: TestOrg;
  let smokeDetector: TestOrg;
  let wrongRegion: TestOrg;
  let unverified: TestOrg;

  const profile = (sme: TestOrg, input: Record<string, unknown>) =>
    t.gql.as(sme.owner.token).ok(UPDATE_SME, { input: { id: sme.id, ...input } });
  const smesFor = async (token: string, id = challenge.id, first = 50) =>
    (await t.gql.as(token).ok<SmeEdges>(RECOMMENDED_SMES, { id, first })).recommendedSmes;
  const ids = (page: SmeEdges['recommendedSmes']) => page.edges.map((e) => e.node.sme.id);
  const challengesFor = async (token: string) =>
    (await t.gql.as(token).ok<ChallengeEdges>(RECOMMENDED_CHALLENGES, { first: 50 }))
      .recommendedChallenges.edges;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    issuerZh = await createUser(t, { locale: 'ZH_CN' });
    await t.sql.query(
      `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
      [issuerZh.id, issuer.id],
    );
    other = await createEnterprise(t);
    challenge = await createChallenge(t, issuer, { via: 'api', admin, input: STORAGE_CHALLENGE });

    zhFit = await createSme(t, { regionCode: '370000' });
    await profile(zhFit, {
      capabilityStatement: '专注新型储能电站的电池安全，提供热失控早期预警系统。',
      keywords: ['热失控预警', '储能安全'],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    });
    enFit = await createSme(t, { regionCode: '320000' });
    await profile(enFit, {
      nameEn: 'VoltGuard Ltd',
      capabilityStatement:
        'We build early warning systems that detect thermal runaway in battery energy storage plants.',
      keywords: ['battery safety', 'thermal runaway detection'],
      technicalFieldCodes: ['BATTERY.THERMAL_MANAGEMENT'],
    });
    generic = await createSme(t, { regionCode: '330000' });
    await profile(generic, {
      capabilityStatement: '提供企业管理软件和系统集成服务。',
      keywords: ['系统集成'],
    });
    smokeDetector = await createSme(t, { regionCode: '330000' });
    await profile(smokeDetector, {
      capabilityStatement: '生产储能电站用烟感探测器和消防报警系统。',
      keywords: ['烟感探测器'],
      products: [{ name: '储能烟感探测器', description: '用于储能电站的烟感探测器' }],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    });
    wrongRegion = await createSme(t, { regionCode: '440000' });
    await profile(wrongRegion, {
      capabilityStatement: '储能电站电池热失控早期预警系统，预警提前 15 分钟。',
      keywords: ['热失控预警'],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    });
    unverified = await createSme(t, { regionCode: '370000', verified: false });
    await profile(unverified, {
      capabilityStatement: '储能电站电池热失控早期预警系统。',
      keywords: ['热失控预警'],
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('recommends eligible, verified SMEs for the issuer, best first, with scores in [0, 1] and their components', async () => {
    const page = await smesFor(issuer.owner.token);
    const found = ids(page);
    expect(found.slice(0, 2).sort()).toEqual([zhFit.id, enFit.id].sort());
    expect(found).not.toContain(wrongRegion.id);
    expect(found).not.toContain(unverified.id);
    const scores = page.edges.map((e) => e.node.match.score);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const best = page.edges[0].node.match;
    expect(best.components.map((c) => c.kind)).toEqual([
      'TEXT',
      'TECHNICAL_FIELDS',
      'APPLICATION',
      'QUALIFICATION',
      'REGION',
      'TRACK_RECORD',
      'AVOIDED_OFFER',
      'EXCLUDED_ROUTE',
      'FEEDBACK',
    ]);
    // A generic word only, or what the demand wants replaced, ranks below the real fits.
    for (const weaker of [generic.id, smokeDetector.id]) {
      if (found.includes(weaker)) expect(found.indexOf(weaker)).toBeGreaterThan(1);
    }
  });

  it('explains in the viewer’s language: terms and where they matched, across languages, fields, region, qualification', async () => {
    const en = await smesFor(issuer.owner.token);
    const zhEdge = en.edges.find((e) => e.node.sme.id === zhFit.id)!.node.match;
    const kinds = zhEdge.reasons.map((r) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['TECHNICAL_FIELDS', 'TERMS_ZH', 'REGION', 'QUALIFICATION']),
    );
    const terms = zhEdge.reasons.find((r) => r.kind === 'TERMS_ZH')!.text;
    expect(terms).toMatch(/^Chinese terms matched: /);
    expect(terms).toContain('储能');
    expect(zhEdge.reasons.find((r) => r.kind === 'TECHNICAL_FIELDS')!.text).toBe(
      'Shared technical fields: Energy storage',
    );
    const storage = zhEdge.matchedTerms.find((m) => m.smeText === '储能' && !m.viaTranslation)!;
    expect(storage.challengeLocations).toEqual(expect.arrayContaining(['TITLE']));
    expect(storage.smeLocations).toEqual(expect.arrayContaining(['CAPABILITY', 'KEYWORD']));
    // The English-only SME is found through the vocabulary and says so.
    const enEdge = en.edges.find((e) => e.node.sme.id === enFit.id)!.node.match;
    expect(enEdge.matchedTerms.some((m) => m.viaTranslation)).toBe(true);
    expect(enEdge.reasons.find((r) => r.kind === 'CROSS_LANGUAGE')?.text).toMatch(
      /^Matched across languages: .+ ↔ /,
    );
    // A reader whose language is Chinese gets the same reasons in Chinese.
    const zh = await smesFor(issuerZh.token);
    const zhReasons = zh.edges.find((e) => e.node.sme.id === zhFit.id)!.node.match.reasons;
    expect(zhReasons.find((r) => r.kind === 'TECHNICAL_FIELDS')!.text).toBe('共同技术领域：储能');
    expect(zhReasons.find((r) => r.kind === 'TERMS_ZH')!.text).toMatch(/^中文匹配词：/);
    expect(zhReasons.find((r) => r.kind === 'REGION')!.text).toBe('位于榜单限定地区：山东省');
  });

  it('counts offering what the demand wants to replace against an SME', async () => {
    const explained = await t.gql
      .as(issuer.owner.token)
      .ok<{ matchExplanation: { match: Breakdown } }>(EXPLAIN, {
        c: challenge.id,
        s: smokeDetector.id,
      });
    const m = explained.matchExplanation.match;
    expect(m.components.find((c) => c.kind === 'AVOIDED_OFFER')!.value).toBeGreaterThan(0);
    expect(m.reasons.find((r) => r.kind === 'AVOIDED_OFFER')).toMatchObject({ positive: false });
  });

  it('shows an SME’s contacts no more than its profile does', async () => {
    // Another enterprise gets no list at all (NOT_FOUND), so no SME card either.
    const foreign = await t.gql.as(other.owner.token).fails(RECOMMENDED_SMES, { id: challenge.id });
    expect(foreign.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const edge = (await smesFor(issuer.owner.token)).edges.find((e) => e.node.sme.id === zhFit.id)!;
    const direct = await t.gql
      .as(issuer.owner.token)
      .ok<{ sme: { contactEmail: string | null; contactPhone: string | null } }>(
        `query($id: ID!) { sme(id: $id) { contactEmail contactPhone } }`,
        { id: zhFit.id },
      );
    expect({
      contactEmail: edge.node.sme.contactEmail,
      contactPhone: edge.node.sme.contactPhone,
    }).toEqual(direct.sme);
  });

  it('reads a recommended SME as far as the query asks, each field as its profile shows it', async () => {
    // Every field of the SME's own columns, through a named fragment (the reader follows fragments).
    const card = `fragment Card on Sme { id nameZh sizeClass qualification effectiveQualification
      certificateNumber qualificationValidFrom qualificationValidUntil capabilityStatement foundingYear
      employees keywords products { name description } pastProjects { title year clientIndustryCode outcome }
      technicalRoutes { zh en } technicalFields { code nameZh } }`;
    type Card = Record<string, unknown> & { id: string };
    const listed = await t.gql.as(issuer.owner.token).ok<{
      recommendedSmes: { edges: { node: { sme: Card } }[] };
    }>(`query($id: ID!) { recommendedSmes(challengeId: $id, first: 50) { edges { node { sme { ...Card } } } } } ${card}`, { id: challenge.id });
    const fit = listed.recommendedSmes.edges.find((e) => e.node.sme.id === zhFit.id)!.node.sme;
    const direct = await t.gql
      .as(issuer.owner.token)
      .ok<{ sme: Card }>(`query($id: ID!) { sme(id: $id) { ...Card } } ${card}`, { id: zhFit.id });
    expect(fit).toEqual(direct.sme);
    expect(fit.capabilityStatement).toEqual(expect.stringMatching(/\S/));
    expect(fit.technicalFields).not.toHaveLength(0);
    // A card asking for its name alone is named (the other columns are not read).
    const named = await t.gql.as(issuer.owner.token).ok<{
      recommendedSmes: { edges: { node: { sme: Card } }[] };
    }>(`query($id: ID!) { recommendedSmes(challengeId: $id, first: 50) { edges { node { sme { nameZh } } } } }`, { id: challenge.id });
    expect(named.recommendedSmes.edges.map((e) => e.node.sme)).toEqual(
      listed.recommendedSmes.edges.map((e) => ({ nameZh: e.node.sme.nameZh })),
    );
  });

  it('pages forward with a cursor, without repeating or skipping', async () => {
    const all = ids(await smesFor(issuer.owner.token, challenge.id, 50));
    const first = await t.gql
      .as(issuer.owner.token)
      .ok<SmeEdges>(RECOMMENDED_SMES, { id: challenge.id, first: 1 });
    expect(first.recommendedSmes.pageInfo.hasNextPage).toBe(all.length > 1);
    const second = await t.gql.as(issuer.owner.token).ok<SmeEdges>(RECOMMENDED_SMES, {
      id: challenge.id,
      first: 50,
      after: first.recommendedSmes.pageInfo.endCursor,
    });
    expect([...ids(first.recommendedSmes), ...ids(second.recommendedSmes)]).toEqual(all);
  });

  it('reflects a profile edit at once', async () => {
    const late = await createSme(t, { regionCode: '330000' });
    expect(ids(await smesFor(issuer.owner.token))).not.toContain(late.id);
    await profile(late, {
      capabilityStatement: '锂电池储能电站热失控早期预警，多传感器融合。',
      keywords: ['热失控预警', '储能'],
      technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    });
    expect(ids(await smesFor(issuer.owner.token)).slice(0, 4)).toContain(late.id);
  });

  it('recommends open, visible, eligible challenges to an SME, a new one at once, never drafts, closed or uninvited ones', async () => {
    const draft = await t.gql
      .as(issuer.owner.token)
      .ok<{ createChallenge: { challenge: { id: string } } }>(CREATE, {
        input: { ...challengeBase(), titleZh: '储能热失控预警草稿' },
      });
    const closed = await createChallenge(t, issuer, { deadlineIn: '-1 hour', published: true });
    const inviteOnly = await createChallenge(t, issuer, { visibility: 'INVITE_ONLY' });
    const anonymous = await createChallenge(t, issuer, {
      via: 'api',
      admin,
      input: {
        ...STORAGE_CHALLENGE,
        titleZh: '储能电站热失控预警（匿名发榜）',
        anonymousIssuer: true,
      },
    });
    const found = await challengesFor(zhFit.owner.token);
    const foundIds = found.map((e) => e.node.challenge.id);
    expect(foundIds).toEqual(expect.arrayContaining([challenge.id, anonymous.id]));
    for (const hidden of [draft.createChallenge.challenge.id, closed.id, inviteOnly.id])
      expect(foundIds).not.toContain(hidden);
    const anon = found.find((e) => e.node.challenge.id === anonymous.id)!;
    expect(anon.node.challenge.issuer).toBeNull();
    expect(JSON.stringify(anon.node.match)).not.toContain(issuer.nameZh);
    // The region rule is a hard filter on this side too.
    expect(
      (await challengesFor(wrongRegion.owner.token)).map((e) => e.node.challenge.id),
    ).not.toContain(challenge.id);
    // Invited, the SME sees the invite-only one.
    await t.sql.query(
      `INSERT INTO challenge_invitations (challenge_id, organization_id) VALUES ($1, $2)`,
      [inviteOnly.id, zhFit.id],
    );
    expect((await challengesFor(zhFit.owner.token)).map((e) => e.node.challenge.id)).toContain(
      inviteOnly.id,
    );
  });

  it('answers NOT_FOUND by id for a challenge the SME may not see, and a closed one is not recommendable', async () => {
    const draft = await createChallenge(t, issuer, { status: 'DRAFT' });
    const uninvited = await createChallenge(t, issuer, { visibility: 'INVITE_ONLY' });
    for (const hidden of [draft.id, uninvited.id]) {
      const error = await t.gql.as(enFit.owner.token).fails(EXPLAIN, { c: hidden, s: enFit.id });
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND' });
    }
    const closed = await createChallenge(t, issuer, { deadlineIn: '-1 hour', published: true });
    const why = await t.gql
      .as(enFit.owner.token)
      .ok<{ matchExplanation: { recommendable: boolean } }>(EXPLAIN, { c: closed.id, s: enFit.id });
    expect(why.matchExplanation.recommendable).toBe(false);
    // Another enterprise asks about A's challenge: NOT_FOUND, not a breakdown.
    const foreign = await t.gql
      .as(other.owner.token)
      .fails(EXPLAIN, { c: challenge.id, s: zhFit.id });
    expect(foreign.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs as many SQL statements for 20 recommendations as for 2 (none per candidate)', async () => {
    // 25 more verified, eligible SMEs that fit, written in SQL (their profiles are queued by the triggers).
    await t.sql.query(
      `WITH o AS (
         INSERT INTO organizations (kind, name_zh, credit_code, region_code, verification_status, verified_at)
         SELECT 'SME', format('储能预警%s有限公司', i), format('91370000MA%s', lpad(i::text, 7, '0')) || 'X', '370000', 'VERIFIED', now()
           FROM generate_series(1, 25) AS i RETURNING id)
       INSERT INTO smes (organization_id, size_class, capability_statement, keywords, keyword_keys)
       SELECT id, 'SMALL', '储能电站电池热失控早期预警', ARRAY['热失控预警'], ARRAY['热失控预警'] FROM o`,
    );
    const samples = await expectConstantStatements(
      t.gql.as(issuer.owner.token),
      RECOMMENDED_SMES,
      (first) => ({ id: challenge.id, first }),
    );
    expect(samples.map((s) => s.items)).toEqual([2, 20]);
    const challenges = await expectConstantStatements(
      t.gql.as(zhFit.owner.token),
      RECOMMENDED_CHALLENGES,
      (first) => ({ first }),
      { pageSizes: [1, 2] },
    );
    expect(challenges.map((s) => s.items)).toEqual([1, 2]);
  });

  it('refuses callers of the wrong role and what they may not see', async () => {
    const sme = await t.gql.as(zhFit.owner.token).fails(RECOMMENDED_SMES, { id: challenge.id });
    expect(sme.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'RECOMMENDATIONS_FOR_ISSUERS_ONLY',
    });
    const otherIssuer = await t.gql
      .as(other.owner.token)
      .fails(RECOMMENDED_SMES, { id: challenge.id });
    expect(otherIssuer.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await t.gql
      .as(issuer.owner.token)
      .fails(RECOMMENDED_SMES, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await t.gql.as(issuer.owner.token).fails(RECOMMENDED_SMES, { id: 'nope' });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const tooMany = await t.gql
      .as(issuer.owner.token)
      .fails(RECOMMENDED_SMES, { id: challenge.id, first: 51 });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const cursor = await t.gql
      .as(issuer.owner.token)
      .fails(RECOMMENDED_SMES, { id: challenge.id, after: 'not-a-cursor' });
    expect(cursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const enterprise = await t.gql.as(issuer.owner.token).fails(RECOMMENDED_CHALLENGES, {});
    expect(enterprise.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'RECOMMENDATIONS_FOR_SMES_ONLY',
    });
    const anonymous = await t.gql.as(undefined).fails(RECOMMENDED_CHALLENGES, {});
    expect(anonymous.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    // An admin sees any challenge's recommendations.
    expect(ids(await smesFor(admin.token))).toContain(zhFit.id);
  });

  it('explains one pair to its parties, with the eligibility problems, and to no one else', async () => {
    const why = await t.gql.as(issuer.owner.token).ok<{
      matchExplanation: { recommendable: boolean; eligibilityProblems: string[]; match: Breakdown };
    }>(EXPLAIN, { c: challenge.id, s: wrongRegion.id });
    expect(why.matchExplanation.recommendable).toBe(false);
    expect(why.matchExplanation.eligibilityProblems).toEqual(['REGION_NOT_ALLOWED']);
    expect(why.matchExplanation.match.score).toBeGreaterThan(0);
    const own = await t.gql
      .as(zhFit.owner.token)
      .ok<{ matchExplanation: { recommendable: boolean } }>(EXPLAIN, {
        c: challenge.id,
        s: zhFit.id,
      });
    expect(own.matchExplanation.recommendable).toBe(true);
    const nosy = await t.gql.as(zhFit.owner.token).fails(EXPLAIN, { c: challenge.id, s: enFit.id });
    expect(nosy.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MATCH_EXPLANATION_FOR_PARTIES_ONLY',
    });
    const unverifiedSme = await t.gql
      .as(issuer.owner.token)
      .fails(EXPLAIN, { c: challenge.id, s: unverified.id });
    expect(unverifiedSme.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const outsider = await createUser(t);
    const lone = await t.gql.as(outsider.token).fails(EXPLAIN, { c: challenge.id, s: zhFit.id });
    expect(lone.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('dismisses a pair for one side only, with a bounded reason', async () => {
    const tooLong = await t.gql.as(issuer.owner.token).fails(DISMISS, {
      input: { challengeId: challenge.id, smeId: enFit.id, reason: 'x'.repeat(301) },
    });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const byAdmin = await t.gql
      .as(admin.token)
      .fails(DISMISS, { input: { challengeId: challenge.id, smeId: enFit.id } });
    expect(byAdmin.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'DISMISSAL_FOR_PARTIES_ONLY',
    });
    expect(ids(await smesFor(issuer.owner.token))).toContain(enFit.id);
    const done = await t.gql.as(issuer.owner.token).ok<{
      dismissRecommendation: { dismissal: { side: string; reason: string } };
    }>(DISMISS, { input: { challengeId: challenge.id, smeId: enFit.id, reason: '已有合作' } });
    expect(done.dismissRecommendation.dismissal).toMatchObject({
      side: 'ISSUER',
      reason: '已有合作',
    });
    expect(ids(await smesFor(issuer.owner.token))).not.toContain(enFit.id);
    // The SME's side still sees the challenge until it dismisses it too.
    expect((await challengesFor(enFit.owner.token)).map((e) => e.node.challenge.id)).toContain(
      challenge.id,
    );
    await t.gql
      .as(enFit.owner.token)
      .ok(DISMISS, { input: { challengeId: challenge.id, smeId: enFit.id } });
    expect((await challengesFor(enFit.owner.token)).map((e) => e.node.challenge.id)).not.toContain(
      challenge.id,
    );
    const explained = await t.gql
      .as(enFit.owner.token)
      .ok<{ matchExplanation: { dismissed: boolean; recommendable: boolean } }>(EXPLAIN, {
        c: challenge.id,
        s: enFit.id,
      });
    expect(explained.matchExplanation).toMatchObject({ dismissed: true, recommendable: false });
  });
});

function challengeBase(): Record<string, unknown> {
  return {
    summaryZh: '储能电站热失控预警',
    description: '保密',
    technicalFieldCodes: ['NEW_ENERGY.STORAGE'],
    industryCode: 'D',
    chainGoal: 'STRENGTHEN',
    demandType: 'TECH_BREAKTHROUGH',
    cooperationModes: ['JOINT_DEVELOPMENT'],
    deadline: new Date(Date.now() + 30 * 86400000).toISOString(),
    requirements: [
      { name: '预警提前时间', target: '≥ 10', unit: 'min', weight: 100, mustHave: true },
    ],
    evaluationCriteria: [{ name: '技术先进性', weight: 100 }],
  };
}
