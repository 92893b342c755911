import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createAdmin,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  idempotencyKey,
  NOT_SELECTED,
  passDeadline,
  type Persona,
  proposalContent,
  RESULT,
  SELECT,
  SHORTLIST,
  SUBMIT,
  type TestOrg,
} from './support/factories/index.js';
import type { GqlResponse } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Proposal content is never reachable "by search": neither the challenge search (both languages), its
 * facets, the public result, organisation queries, the audit trail nor error messages carry a
 * proposal's words to anyone but its SME (and, after the deadline, the issuer and its reviewers).
 */
const TITLE_EN = 'Zorblaxite';
const TITLE_ZH = '鲲鹏钛晶';
const BODY_EN = 'Quixotrant';
const BODY_ZH = '玄武磁镜';
const CANARIES = [TITLE_EN, TITLE_ZH, BODY_EN, BODY_ZH];
const BODY_CANARIES = [BODY_EN, BODY_ZH];

const SEARCH = `query($search: String!, $orderBy: ChallengeOrderBy) {
  challenges(filter: { search: $search }, orderBy: $orderBy, first: 50) {
    edges { node { id titleZh titleEn summaryZh summaryEn description proposalCount questions { question answer } } } pageInfo { hasNextPage } } }`;
const FACETS = `query($search: String!) { challengeFacets(filter: { search: $search }) { total status { value count } technicalField { value count } } }`;
const CHALLENGE = `query($id: ID!) { challenge(id: $id) { id titleZh summaryZh description proposalCount statusReason
  questions { question answer } announcements { title body } versions: requirements { name target } } }`;
const VERSIONS = `query($id: ID!) { challengeVersions(challengeId: $id) { edges { node { version titleZh summaryZh description changeSummary } } } }`;
const ENTERPRISE = `query($id: ID!) { enterprise(id: $id) { id nameZh description challenges(first: 50) { edges { node { id titleZh proposalCount } } } } }`;
const SME = `query($id: ID!) { sme(id: $id) { id nameZh description capabilityStatement } }`;
const MY_ORG = `{ myOrganization { kind role enterprise { id description challenges(first: 50) { edges { node { id titleZh } } } } sme { id description capabilityStatement } } }`;
const MY_AUDIT = `{ myOrganizationAuditEvents(first: 100) { edges { node { action entityType entityId reason data actorDisplayName } } } }`;
const ALL_AUDIT = `{ auditEvents(first: 100) { edges { node { action entityType entityId reason data } } } }`;
const MY_CHALLENGES = `{ myChallenges(first: 50) { edges { node { id titleZh proposalCount unansweredQuestionCount } } } }`;

describe('proposal content never leaks through search, facets, results, organisations, audit or errors', () => {
  let t: TestApp;
  let admin: Persona;
  let issuer: TestOrg;
  let otherEnterprise: TestOrg;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let loner: Persona;
  let challengeId: string;
  let requirementIds: string[];
  let proposalA: string;
  let proposalB: string;

  const searches = () =>
    CANARIES.flatMap((search) => [
      { query: SEARCH, variables: { search } },
      { query: SEARCH, variables: { search, orderBy: 'RELEVANCE' } },
      { query: SEARCH, variables: { search, orderBy: 'NEWEST' } },
      { query: FACETS, variables: { search } },
    ]);

  async function everyRead(
    token: string | undefined,
  ): Promise<GqlResponse<Record<string, unknown>>[]> {
    const as = t.gql.as(token);
    const requests = [
      ...searches(),
      // a word of the challenge itself finds it, and the hit carries nothing of the proposals
      { query: SEARCH, variables: { search: '储能' } },
      { query: SEARCH, variables: { search: 'battery' } },
      { query: CHALLENGE, variables: { id: challengeId } },
      { query: VERSIONS, variables: { id: challengeId } },
      { query: ENTERPRISE, variables: { id: issuer.id } },
      { query: SME, variables: { id: smeA.id } },
      { query: RESULT, variables: { challengeId } },
      { query: MY_ORG, variables: {} },
      { query: MY_AUDIT, variables: {} },
      { query: MY_CHALLENGES, variables: {} },
    ];
    const out: GqlResponse<Record<string, unknown>>[] = [];
    for (const r of requests) {
      const res = await as.send(r.query, r.variables);
      // a document the schema refuses would prove nothing: every probe must at least execute
      expect({ query: r.query.slice(0, 40), status: res.status }).toEqual({
        query: r.query.slice(0, 40),
        status: 200,
      });
      out.push(res);
    }
    return out;
  }

  function expectAbsent(responses: { text: string }[], canaries: string[]) {
    for (const r of responses)
      for (const c of canaries)
        expect({ canary: c, found: r.text.includes(c) }).toEqual({ canary: c, found: false });
  }

  async function expectNoSearchHit(token: string | undefined) {
    for (const search of CANARIES) {
      const res = await t.gql
        .as(token)
        .ok<{ challenges: { edges: unknown[] }; challengeFacets: { total: number } }>(
          `query($search: String!) { challenges(filter: { search: $search }) { edges { node { id } } } challengeFacets(filter: { search: $search }) { total } }`,
          { search },
        );
      expect({
        search,
        hits: res.challenges.edges.length,
        total: res.challengeFacets.total,
      }).toEqual({ search, hits: 0, total: 0 });
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createAdmin(t);
    issuer = await createEnterprise(t);
    otherEnterprise = await createEnterprise(t);
    smeA = await createSme(t);
    smeB = await createSme(t);
    loner = await createUser(t);
    challengeId = (await createChallenge(t, issuer, { via: 'api', admin })).id;
    requirementIds = (
      await t.sql.query(
        `SELECT id FROM challenge_requirements WHERE challenge_id = $1 ORDER BY position`,
        [challengeId],
      )
    ).rows.map((r) => r.id as string);
    const content = (canary: string) =>
      proposalContent(canary, requirementIds, {
        title: `${TITLE_ZH} ${TITLE_EN} ${canary}`,
        summary: `${BODY_ZH} ${BODY_EN} summary ${canary}`,
        technicalApproach: `approach ${BODY_EN} ${BODY_ZH}`,
      });
    proposalA = (
      await t.gql
        .as(smeA.owner.token)
        .ok<{ submitProposal: { proposal: { id: string } } }>(SUBMIT, {
          input: { challengeId, idempotencyKey: idempotencyKey(), content: content('A') },
        })
    ).submitProposal.proposal.id;
    proposalB = (
      await t.gql
        .as(smeB.owner.token)
        .ok<{ submitProposal: { proposal: { id: string } } }>(SUBMIT, {
          input: { challengeId, idempotencyKey: idempotencyKey(), content: content('B') },
        })
    ).submitProposal.proposal.id;
  });
  afterAll(() => t.close());

  it('before the deadline: no search, facet, result, organisation or audit read carries a proposal word, for anyone but the SME', async () => {
    for (const token of [
      undefined,
      loner.token,
      issuer.owner.token,
      otherEnterprise.owner.token,
      smeB.owner.token,
      admin.token,
    ]) {
      const responses = await everyRead(token);
      expectAbsent(responses, CANARIES);
      await expectNoSearchHit(token);
    }
    // the search still finds the challenge by its own words
    const hit = await t.gql.ok<{ challenges: { edges: { node: { id: string } }[] } }>(SEARCH, {
      search: '储能',
    });
    expect(hit.challenges.edges.map((e) => e.node.id)).toContain(challengeId);
  });

  it('the audit trail never holds proposal content, whoever reads it (the SME, the issuer, an admin)', async () => {
    for (const token of [smeA.owner.token, smeB.owner.token, issuer.owner.token]) {
      const res = await t.gql.as(token).send(MY_AUDIT, {});
      expect(res.errors).toBeUndefined();
      expectAbsent([res], CANARIES);
    }
    const all = await t.gql.as(admin.token).send(ALL_AUDIT, {});
    expect(all.errors).toBeUndefined();
    expect(all.text).toContain('PROPOSAL_SUBMITTED');
    expectAbsent([all], CANARIES);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE data::text ~ $1 OR coalesce(reason, '') ~ $1`,
      [CANARIES.join('|')],
    );
    expect(rows[0].n).toBe(0);
  });

  it('error messages of refused operations never echo a proposal', async () => {
    const probes: [string | undefined, string, Record<string, unknown>][] = [];
    for (const token of [
      undefined,
      loner.token,
      issuer.owner.token,
      otherEnterprise.owner.token,
      smeB.owner.token,
      admin.token,
    ]) {
      probes.push(
        [
          token,
          `query($id: ID!) { proposal(id: $id) { id content { title summary } } }`,
          { id: proposalA },
        ],
        [
          token,
          `query($id: ID!) { challengeProposals(challengeId: $id) { edges { node { content { title } } } } }`,
          { id: challengeId },
        ],
        [
          token,
          `query($id: ID!) { proposalRanking(challengeId: $id) { edges { node { title } } } }`,
          { id: challengeId },
        ],
        [token, SHORTLIST, { input: { challengeId, proposalIds: [proposalA] } }],
        [
          token,
          NOT_SELECTED,
          { input: { proposalId: proposalA, reason: 'OTHER', feedback: 'no' } },
        ],
        [
          token,
          `mutation($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { proposal { id } } }`,
          { input: { proposalId: proposalA } },
        ],
        [
          token,
          `mutation($input: FileObjectionInput!) { fileObjection(input: $input) { objection { id } } }`,
          { input: { proposalId: proposalA, reason: 'objection reason text' } },
        ],
      );
    }
    for (const [token, query, variables] of probes) {
      const res = await t.gql.as(token).send(query, variables);
      expect(res.errors?.length).toBeGreaterThan(0);
      expectAbsent([res], CANARIES);
    }
    expect(
      (await t.sql.query(`SELECT status FROM proposals WHERE id = $1`, [proposalA])).rows[0].status,
    ).toBe('SUBMITTED');
  });

  it('after the deadline and the selection: the public result shows the winner title only, never its body; search still finds nothing', async () => {
    await passDeadline(t, challengeId);
    await t.gql
      .as(issuer.owner.token)
      .ok(SHORTLIST, { input: { challengeId, proposalIds: [proposalA, proposalB] } });
    await t.gql.as(issuer.owner.token).ok(NOT_SELECTED, {
      input: { proposalId: proposalB, reason: 'LESS_COMPETITIVE', feedback: 'fine work' },
    });
    await t.gql.as(issuer.owner.token).ok(SELECT, {
      input: { challengeId, winners: [{ proposalId: proposalA, awardAmountFen: '100000' }] },
    });
    const result = await t.gql.send<{ challengeResult: { winners: { proposalTitle: string }[] } }>(
      RESULT,
      { challengeId },
    );
    expect(result.data?.challengeResult.winners.map((w) => w.proposalTitle)).toEqual([
      `${TITLE_ZH} ${TITLE_EN} A`,
    ]);
    expect(result.text).not.toContain(`${TITLE_ZH} ${TITLE_EN} B`);
    for (const token of [undefined, loner.token, otherEnterprise.owner.token, smeB.owner.token]) {
      const responses = await everyRead(token);
      // the winner's title is public now (公示); its summary and approach never are
      expectAbsent(responses, BODY_CANARIES);
      await expectNoSearchHit(token);
    }
    const audit = await t.gql.as(issuer.owner.token).send(MY_AUDIT, {});
    expectAbsent([audit], CANARIES);
  });
});
