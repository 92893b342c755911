import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCEPT,
  addMember,
  ADMIN_OPEN,
  ASSIGN,
  createAdmin,
  createChallenge,
  createEnterprise,
  createExpert,
  createProposal,
  createSme,
  DECLINE,
  DISMISS,
  DRAFT,
  endPublicity,
  FAIL,
  idempotencyKey,
  LOCK,
  MY,
  NOT_SELECTED,
  OBJECT,
  passDeadline,
  type Persona,
  proposalContent,
  nodes,
  RANKING,
  REVISE,
  SCORE,
  SELECT,
  SHORTLIST,
  SUBMIT,
  type TestChallenge,
  type TestOrg,
  UPHOLD,
  WITHDRAW,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { VETO_THRESHOLD } from '../src/proposals/proposal-rules.js';

/** A fingerprint of every table the proposals module writes (and the challenge statuses and the audit trail). */
async function snapshot(t: TestApp): Promise<string> {
  const tables = [
    'proposals',
    'proposal_revisions',
    'review_assignments',
    'scores',
    'challenge_evaluations',
    'publicities',
    'objections',
    'proposal_access_grants',
    'audit_events',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await t.sql.query(
      `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`,
    );
    parts.push(`${table}:${rows[0].n}:${rows[0].h}`);
  }
  const { rows } = await t.sql.query(
    `SELECT md5(string_agg(id || status::text || deadline::text, '|' ORDER BY id)) AS h FROM challenges`,
  );
  parts.push(`challenges:${rows[0].h}`);
  return parts.join('\n');
}

interface Case {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
  allowed: () => Persona;
  other: () => Persona;
  otherCode: string;
}

describe('every mutation × (other organisation, anonymous, allowed): the code, and nothing changes when refused', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let issuerMember: Persona;
  let otherEnterprise: TestOrg;
  let smeA: TestOrg;
  let smeB: TestOrg;
  let smeC: TestOrg;
  let unverified: TestOrg;
  let open: TestChallenge;
  let closed: TestChallenge;
  let failing: TestChallenge;
  let reviewer1: Persona;
  let reviewer2: Persona;
  let admin: Persona;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    issuerMember = await addMember(t, issuer, 'MEMBER');
    otherEnterprise = await createEnterprise(t);
    smeA = await createSme(t);
    smeB = await createSme(t);
    smeC = await createSme(t);
    unverified = await createSme(t, { verified: false });
    open = await createChallenge(t, issuer);
    closed = await createChallenge(t, issuer, { budgetMax: '5000000' });
    failing = await createChallenge(t, issuer);
    ids.pA = (await createProposal(t, smeA, closed, { canary: 'A' })).id;
    ids.pB = (await createProposal(t, smeB, closed, { canary: 'B' })).id;
    ids.pC = (await createProposal(t, smeC, closed, { canary: 'C' })).id;
    await createProposal(t, smeA, failing, { canary: 'F' });
    await passDeadline(t, closed.id);
    await passDeadline(t, failing.id);
    reviewer1 = await createExpert(t);
    reviewer2 = await createExpert(t);
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  const assignment = async (reviewer: Persona) =>
    (
      await t.sql.query(
        `SELECT id FROM review_assignments WHERE reviewer_user_id = $1 AND proposal_id IS NULL`,
        [reviewer.id],
      )
    ).rows[0].id as string;
  const objection = async () =>
    (
      await t.sql.query(
        `SELECT id FROM objections WHERE status = 'FILED' ORDER BY created_at DESC LIMIT 1`,
      )
    ).rows[0].id as string;

  const cases: Case[] = [
    {
      name: 'saveProposalDraft',
      query: DRAFT,
      variables: () => ({
        input: { challengeId: open.id, content: proposalContent('DRAFT', open.requirementIds) },
      }),
      allowed: () => smeC.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'FORBIDDEN',
    },
    {
      name: 'submitProposal',
      query: SUBMIT,
      variables: () => ({
        input: {
          challengeId: open.id,
          idempotencyKey: 'fixed-key-0001',
          content: proposalContent('SUB', open.requirementIds),
        },
      }),
      allowed: () => smeC.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'FORBIDDEN',
    },
    {
      name: 'reviseProposal',
      query: REVISE,
      variables: () => ({
        input: { proposalId: ids.open, content: proposalContent('REV', open.requirementIds) },
      }),
      allowed: () => smeC.owner,
      other: () => smeB.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'withdrawProposal',
      query: WITHDRAW,
      variables: () => ({ input: { proposalId: ids.open } }),
      allowed: () => smeC.owner,
      other: () => smeB.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'assignReviewers',
      query: ASSIGN,
      variables: () => ({
        input: { challengeId: closed.id, reviewerUserIds: [reviewer1.id, reviewer2.id] },
      }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'acceptReviewAssignment',
      query: ACCEPT,
      variables: () => ({ input: { assignmentId: ids.a1 } }),
      allowed: () => reviewer1,
      other: () => reviewer2,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'declineReviewAssignment',
      query: DECLINE,
      variables: () => ({ input: { assignmentId: ids.a2, reason: 'no time' } }),
      allowed: () => reviewer2,
      other: () => reviewer1,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'submitScores',
      query: SCORE,
      variables: () => ({
        input: {
          proposalId: ids.pA,
          scores: closed.criterionIds.map((criterionId) => ({ criterionId, score: 8 })),
        },
      }),
      allowed: () => reviewer1,
      other: () => reviewer2,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'shortlistProposals',
      query: SHORTLIST,
      variables: () => ({ input: { challengeId: closed.id, proposalIds: [ids.pA, ids.pB] } }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'markNotSelected',
      query: NOT_SELECTED,
      variables: () => ({
        input: { proposalId: ids.pC, reason: 'TECHNICAL_MISMATCH', feedback: '不满足核心指标' },
      }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'lockScoring',
      query: LOCK,
      variables: () => ({ input: { challengeId: closed.id } }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'selectWinners',
      query: SELECT,
      variables: () => ({
        input: {
          challengeId: closed.id,
          winners: [
            { proposalId: ids.pA, awardAmountFen: '1000000' },
            { proposalId: ids.pB, awardAmountFen: 2000000 },
          ],
        },
      }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'fileObjection',
      query: OBJECT,
      variables: () => ({ input: { proposalId: ids.pA, reason: '方案涉嫌抄袭他人成果，请核查' } }),
      allowed: () => smeC.owner,
      other: () => unverified.owner,
      otherCode: 'FORBIDDEN',
    },
    {
      name: 'dismissObjection',
      query: DISMISS,
      variables: () => ({ input: { objectionId: ids.o1, reason: '无证据' } }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'upholdObjection',
      query: UPHOLD,
      variables: () => ({ input: { objectionId: ids.o2, reason: '经查属实' } }),
      allowed: () => admin,
      other: () => smeB.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'closeChallengeAsFailed',
      query: FAIL,
      variables: () => ({ input: { challengeId: failing.id, reason: '无合格方案' } }),
      allowed: () => issuer.owner,
      other: () => otherEnterprise.owner,
      otherCode: 'NOT_FOUND',
    },
    {
      name: 'openProposalForAdminReview',
      query: ADMIN_OPEN,
      variables: () => ({ input: { proposalId: ids.pB, reason: 'investigating a complaint' } }),
      allowed: () => admin,
      other: () => smeA.owner,
      otherCode: 'FORBIDDEN',
    },
  ];

  /** State each case needs before it runs (ids created by earlier cases). */
  const before: Record<string, () => Promise<void>> = {
    reviseProposal: async () => {
      ids.open = (
        await t.sql.query(
          `SELECT id FROM proposals WHERE challenge_id = $1 AND organization_id = $2`,
          [open.id, smeC.id],
        )
      ).rows[0].id;
    },
    acceptReviewAssignment: async () => {
      ids.a1 = await assignment(reviewer1);
      ids.a2 = await assignment(reviewer2);
    },
    dismissObjection: async () => {
      ids.o1 = await objection();
    },
    upholdObjection: async () => {
      // A second objection, by another verified organisation, to the other winner.
      await t.gql
        .as(otherEnterprise.owner.token)
        .ok(OBJECT, { input: { proposalId: ids.pB, reason: '报价明显低于成本，存在恶意竞争' } });
      ids.o2 = await objection();
    },
  };

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await before[c.name]?.();
    const state = await snapshot(t);
    const anonymous = await t.gql.send(c.query, c.variables());
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const other = await t.gql.as(c.other().token).send(c.query, c.variables());
    expect(other.errors?.[0].extensions?.code).toBe(c.otherCode);
    expect(await snapshot(t)).toBe(state);
    if (
      c.name === 'assignReviewers' ||
      c.name === 'shortlistProposals' ||
      c.name === 'selectWinners'
    ) {
      // A member of the issuer who is not OWNER/ADMIN may not decide either.
      const member = await t.gql.as(issuerMember.token).send(c.query, c.variables());
      expect(member.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ISSUER_MANAGER',
      });
      expect(await snapshot(t)).toBe(state);
    }
    if (c.name === 'upholdObjection' || c.name === 'closeChallengeAsFailed') {
      // The move needs a reason (the lifecycle table): a blank one is refused and nothing is written.
      const input = c.variables().input as Record<string, unknown>;
      const blank = await t.gql
        .as(c.allowed().token)
        .send(c.query, { input: { ...input, reason: '   ' } });
      expect(blank.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'reason', message: 'is required' }],
      });
      expect(await snapshot(t)).toBe(state);
    }
    const allowed = await t.gql.as(c.allowed().token).send(c.query, c.variables());
    expect(allowed.errors).toBeUndefined();
    expect(await snapshot(t)).not.toBe(state);
  });

  it('the end state: one winner disqualified, the other back to SHORTLISTED, the challenge back in evaluation', async () => {
    const { rows } = await t.sql.query(
      `SELECT id, status FROM proposals WHERE challenge_id = $1 ORDER BY id`,
      [closed.id],
    );
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status[ids.pA]).toBe('SHORTLISTED');
    expect(status[ids.pB]).toBe('DISQUALIFIED');
    expect(status[ids.pC]).toBe('NOT_SELECTED');
    const challenge = await t.sql.query(
      `SELECT status FROM challenges WHERE id = ANY($1::uuid[]) ORDER BY status`,
      [[closed.id, failing.id]],
    );
    expect(challenge.rows.map((r) => r.status).sort()).toEqual(['CLOSED', 'FAILED']);
    const mine = await t.gql
      .as(smeB.owner.token)
      .ok<{ myProposals: { edges: { node: { status: string; feedback: string } }[] } }>(MY, {});
    expect(mine.myProposals.edges[0].node).toMatchObject({
      status: 'DISQUALIFIED',
      feedback: '经查属实',
    });
    const failed = await t.sql.query(
      `SELECT status, not_selected_reason, feedback FROM proposals WHERE challenge_id = $1`,
      [failing.id],
    );
    expect(failed.rows).toEqual([
      { status: 'NOT_SELECTED', not_selected_reason: 'CHALLENGE_FAILED', feedback: '无合格方案' },
    ]);
  });

  it('reviewers see their own assignments; a declined reviewer reads nothing; only members or experts can be assigned', async () => {
    const mine = await t.gql
      .as(reviewer2.token)
      .ok<{ myReviewAssignments: { edges: { node: { status: string; reason: string } }[] } }>(
        `query { myReviewAssignments { edges { node { id challengeId proposalId status reason declineReason recusalReason } } } }`,
      );
    expect(nodes(mine.myReviewAssignments)).toEqual([
      expect.objectContaining({
        status: 'DECLINED',
        declineReason: 'no time',
        recusalReason: null,
        reason: 'no time',
      }),
    ]);
    const read = await t.gql
      .as(reviewer2.token)
      .send(`query($id: ID!) { proposal(id: $id) { id } }`, { id: ids.pA });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const state = await snapshot(t);
    const err = await t.gql
      .as(issuer.owner.token)
      .fails(ASSIGN, { input: { challengeId: closed.id, reviewerUserIds: [smeA.owner.id] } });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.fields).toEqual([
      { field: 'input.reviewerUserIds.0', message: expect.stringContaining('neither') },
    ]);
    expect(await snapshot(t)).toBe(state);
  });
});

describe('concurrency and atomicity', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let challenge: TestChallenge;
  let reviewers: Persona[];
  const proposals: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    challenge = await createChallenge(t, issuer, { budgetMax: '10000000' });
    for (let i = 0; i < 3; i++) {
      const sme = await createSme(t);
      proposals.push((await createProposal(t, sme, challenge, { canary: `P${i}` })).id);
    }
    await passDeadline(t, challenge.id);
    reviewers = [await createExpert(t), await createExpert(t)];
    const res = await t.gql.as(issuer.owner.token).ok<{
      assignReviewers: {
        assignments: { id: string; proposalId: string | null; reviewerUserId: string }[];
      };
    }>(ASSIGN, {
      input: { challengeId: challenge.id, reviewerUserIds: reviewers.map((r) => r.id) },
    });
    const own = res.assignReviewers.assignments.filter((a) => a.proposalId === null);
    await Promise.all(
      reviewers.map((r) =>
        t.gql
          .as(r.token)
          .ok(ACCEPT, { input: { assignmentId: own.find((a) => a.reviewerUserId === r.id)!.id } }),
      ),
    );
  });
  afterAll(() => t.close());

  const scores = (value: number) =>
    challenge.criterionIds.map((criterionId) => ({
      criterionId,
      score: value,
      comment: `c${value}`,
    }));

  /** The summaries the ranking reads (kept by a trigger) equal the statistics recomputed from the scores. */
  async function expectSummariesMatchScores(proposalId: string): Promise<void> {
    const { rows } = await t.sql.query(
      `SELECT s.criterion_id, count(*)::int AS n, avg(s.score::float8) AS avg, min(s.score)::int AS min, max(s.score)::int AS max,
              (SELECT row_to_json(x) FROM (SELECT n, avg, min::int, max::int FROM score_summaries ss WHERE ss.proposal_id = s.proposal_id AND ss.criterion_id = s.criterion_id) x) AS summary
         FROM scores s WHERE s.proposal_id = $1 GROUP BY s.proposal_id, s.criterion_id`,
      [proposalId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.summary).toEqual({ n: r.n, avg: r.avg, min: r.min, max: r.max });
    // And the per-proposal totals (kept on the same path) equal the weighted sum recomputed from the raw scores.
    const { rows: totals } = await t.sql.query(
      `WITH per AS (SELECT cr.id, cr.weight, cr.veto, cr.position, count(s.score)::int AS n, avg(s.score::float8) AS avg
                      FROM evaluation_criteria cr JOIN proposals p ON p.challenge_id = cr.challenge_id
                      LEFT JOIN scores s ON s.proposal_id = p.id AND s.criterion_id = cr.id
                     WHERE p.id = $1 GROUP BY cr.id, cr.weight, cr.veto, cr.position)
       SELECT (SELECT sum(weight * avg) / 10.0 FROM per) AS weighted, (SELECT coalesce(bool_or(veto AND avg < $2), false) FROM per) AS vetoed,
              (SELECT min(avg) FILTER (WHERE veto) FROM per) AS lowest_veto_average,
              (SELECT bool_and(n > 0) FROM per) AS complete, (SELECT max(n) FROM per) AS reviewer_count,
              (SELECT json_agg(n ORDER BY position) FROM per) AS counts,
              (SELECT row_to_json(x) FROM (SELECT weighted, coalesce(lowest_veto_average < $2, false) AS vetoed, lowest_veto_average, complete, reviewer_count,
                        (SELECT json_agg(c -> 'reviewerCount') FROM jsonb_array_elements(criteria) c) AS counts
                        FROM proposal_score_totals WHERE proposal_id = $1) x) AS kept`,
      [proposalId, VETO_THRESHOLD],
    );
    const expected = totals[0];
    expect(expected.kept).toEqual({
      weighted: expect.closeTo(Number(expected.weighted), 9),
      vetoed: expected.vetoed,
      lowest_veto_average:
        expected.lowest_veto_average === null
          ? null
          : expect.closeTo(expected.lowest_veto_average, 9),
      complete: expected.complete,
      reviewer_count: expected.reviewer_count,
      counts: expected.counts,
    });
  }

  it('two reviewers scoring one proposal at once: one row per reviewer and criterion', async () => {
    const results = await Promise.all(
      reviewers.map((r, i) =>
        t.gql
          .as(r.token)
          .send(SCORE, { input: { proposalId: proposals[0], scores: scores(6 + i) } }),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n, count(DISTINCT assignment_id)::int AS reviewers FROM scores WHERE proposal_id = $1`,
      [proposals[0]],
    );
    expect(rows[0]).toEqual({ n: 6, reviewers: 2 });
    await expectSummariesMatchScores(proposals[0]);
  });

  it('one reviewer double-submitting: no duplicate, the last write wins', async () => {
    const results = await Promise.all(
      [7, 9, 7, 9].map((v) =>
        t.gql
          .as(reviewers[0].token)
          .send(SCORE, { input: { proposalId: proposals[1], scores: scores(v) } }),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n, count(DISTINCT score)::int AS values FROM scores WHERE proposal_id = $1`,
      [proposals[1]],
    );
    expect(rows[0]).toEqual({ n: 3, values: 1 });
    await expectSummariesMatchScores(proposals[1]);
    const dup = await t.gql.as(reviewers[0].token).fails(SCORE, {
      input: {
        proposalId: proposals[1],
        scores: [...scores(5), { criterionId: challenge.criterionIds[0], score: 1 }],
      },
    });
    expect(dup.extensions?.code).toBe('BAD_USER_INPUT');
    const range = await t.gql.as(reviewers[0].token).fails(SCORE, {
      input: {
        proposalId: proposals[1],
        scores: [{ criterionId: challenge.criterionIds[0], score: 11 }],
      },
    });
    expect(range.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ranks ties together, lists an unscored proposal last with every criterion unscored, and re-totals when a criterion changes', async () => {
    type Row = {
      rank: number | null;
      position: number;
      proposalId: string;
      weightedScore: number | null;
      complete: boolean;
      reviewerCount: number;
      criteria: {
        criterionId: string;
        reviewerCount: number;
        average: number | null;
        spread: number | null;
      }[];
    };
    const rank = async () => {
      const page = (
        await t.gql
          .as(issuer.owner.token)
          .ok<{ proposalRanking: { total: number; edges: { node: Row }[] } }>(RANKING, {
            challengeId: challenge.id,
          })
      ).proposalRanking;
      return { total: page.total, proposals: nodes(page) };
    };
    // P0 has 6 and 7 from the two reviewers; P1 has 7 or 9 from the first (whichever concurrent write came last).
    // The second reviewer's score brings P1 to the same 6.5 average.
    const { rows: last } = await t.sql.query(
      `SELECT DISTINCT score FROM scores WHERE proposal_id = $1`,
      [proposals[1]],
    );
    expect(last).toHaveLength(1);
    await t.gql
      .as(reviewers[1].token)
      .ok(SCORE, { input: { proposalId: proposals[1], scores: scores(13 - last[0].score) } });
    await expectSummariesMatchScores(proposals[1]);
    const tied = await rank();
    expect(tied.total).toBe(3);
    expect(tied.proposals.map((p) => [p.rank, p.position, p.weightedScore])).toEqual([
      [1, 1, 65],
      [1, 2, 65],
      [null, 3, null],
    ]);
    expect(
      tied.proposals
        .slice(0, 2)
        .map((p) => p.proposalId)
        .sort(),
    ).toEqual([proposals[0], proposals[1]].sort());
    const unscored = tied.proposals[2];
    expect(unscored).toMatchObject({ proposalId: proposals[2], complete: false, reviewerCount: 0 });
    expect(unscored.criteria.map((c) => c.criterionId)).toEqual(challenge.criterionIds);
    expect(
      unscored.criteria.every(
        (c) => c.reviewerCount === 0 && c.average === null && c.spread === null,
      ),
    ).toBe(true);

    // A change to the criteria (here in SQL: no API edits criteria after the deadline) re-totals every scored proposal.
    const [first] = challenge.criterionIds;
    const { rows } = await t.sql.query(`SELECT weight FROM evaluation_criteria WHERE id = $1`, [
      first,
    ]);
    await t.sql.query(`UPDATE evaluation_criteria SET weight = weight + 10 WHERE id = $1`, [first]);
    expect((await rank()).proposals.map((p) => p.weightedScore)).toEqual([71.5, 71.5, null]);
    await t.sql.query(`UPDATE evaluation_criteria SET weight = $2 WHERE id = $1`, [
      first,
      rows[0].weight,
    ]);
    expect((await rank()).proposals.map((p) => p.weightedScore)).toEqual([65, 65, null]);
  });

  it('a failure inside a mutation leaves no partial rows and no audit event', async () => {
    await t.gql.as(issuer.owner.token).ok(NOT_SELECTED, {
      input: { proposalId: proposals[2], reason: 'INCOMPLETE', feedback: '材料不全' },
    });
    const state = await snapshot(t);
    // The first id could be shortlisted, the second cannot: nothing at all is written.
    const err = await t.gql.as(issuer.owner.token).fails(SHORTLIST, {
      input: { challengeId: challenge.id, proposalIds: [proposals[0], proposals[2]] },
    });
    expect(err.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await snapshot(t)).toBe(state);
    await t.gql.as(issuer.owner.token).ok(SHORTLIST, {
      input: { challengeId: challenge.id, proposalIds: [proposals[0], proposals[1]] },
    });
    const shortlisted = await snapshot(t);
    const over = await t.gql.as(issuer.owner.token).fails(SELECT, {
      input: {
        challengeId: challenge.id,
        winners: [
          { proposalId: proposals[0], awardAmountFen: '9000000' },
          { proposalId: proposals[1], awardAmountFen: '1000001' },
        ],
      },
    });
    expect(over.extensions).toMatchObject({ code: 'CONFLICT', reason: 'AWARD_EXCEEDS_BUDGET' });
    expect(await snapshot(t)).toBe(shortlisted);
  });

  it('two concurrent selectWinners: exactly one succeeds, the other is a CONFLICT; one publicity', async () => {
    const results = await Promise.all([
      t.gql.as(issuer.owner.token).send(SELECT, {
        input: {
          challengeId: challenge.id,
          winners: [{ proposalId: proposals[0], awardAmountFen: '5000000' }],
        },
      }),
      t.gql.as(issuer.owner.token).send(SELECT, {
        input: {
          challengeId: challenge.id,
          winners: [{ proposalId: proposals[1], awardAmountFen: '4000000' }],
        },
      }),
    ]);
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'WINNERS_ALREADY_SELECTED',
    });
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM proposals WHERE challenge_id = $1 AND status = 'SELECTED'`,
      [challenge.id],
    );
    expect(rows[0].n).toBe(1);
    expect(
      (
        await t.sql.query(`SELECT count(*)::int AS n FROM publicities WHERE challenge_id = $1`, [
          challenge.id,
        ])
      ).rows[0].n,
    ).toBe(1);
    expect(
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'CHALLENGE_PUBLICITY_STARTED'`,
        )
      ).rows[0].n,
    ).toBe(1);
  });

  it('after the publicity period the challenge reads as AWARDED; a refused write changes nothing', async () => {
    await endPublicity(t, challenge.id);
    const ranking = await t.gql
      .as(issuer.owner.token)
      .ok<{ proposalRanking: { total: number } }>(RANKING, { challengeId: challenge.id });
    expect(ranking.proposalRanking.total).toBe(3);
    const res = await t.gql.ok<{ challengeResult: { status: string } }>(
      `query($c: ID!) { challengeResult(challengeId: $c) { status } }`,
      { c: challenge.id },
    );
    expect(res.challengeResult.status).toBe('AWARDED');
    expect(
      (await t.sql.query(`SELECT status FROM challenges WHERE id = $1`, [challenge.id])).rows[0]
        .status,
    ).toBe('IN_PUBLICITY');
    const late = await t.gql
      .as(issuer.owner.token)
      .fails(FAIL, { input: { challengeId: challenge.id, reason: 'x' } });
    expect(late.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CHALLENGE_NOT_CLOSED',
      challengeStatus: 'AWARDED',
    });
    // The refused write rolled back with its transaction; reads still compute AWARDED.
    expect(
      (
        await t.gql.ok<{ challengeResult: { status: string } }>(
          `query($c: ID!) { challengeResult(challengeId: $c) { status } }`,
          { c: challenge.id },
        )
      ).challengeResult.status,
    ).toBe('AWARDED');
  });

  it('idempotency keys of one SME do not collide with another SME’s', async () => {
    const other = await createChallenge(t, issuer);
    const [a, b] = [await createSme(t), await createSme(t)];
    const key = idempotencyKey();
    const ra = await t.gql
      .as(a.owner.token)
      .ok<{ submitProposal: { proposal: { id: string } } }>(SUBMIT, {
        input: {
          challengeId: other.id,
          idempotencyKey: key,
          content: proposalContent('KA', other.requirementIds),
        },
      });
    const rb = await t.gql
      .as(b.owner.token)
      .ok<{ submitProposal: { proposal: { id: string } } }>(SUBMIT, {
        input: {
          challengeId: other.id,
          idempotencyKey: key,
          content: proposalContent('KB', other.requirementIds),
        },
      });
    expect(ra.submitProposal.proposal.id).not.toBe(rb.submitProposal.proposal.id);
  });
});
