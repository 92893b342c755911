import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { verifyAuditChain } from '../src/audit/audit-chain.js';
import { canonicalJson } from '../src/common/canonical-json.js';
import {
  ACCEPT,
  acceptTerms,
  ASSIGN,
  COUNT,
  createAffiliatedExpert,
  createChallenge,
  createEnterprise,
  createSme,
  createUser,
  DISMISS,
  DRAFT,
  endPublicity,
  GET,
  idempotencyKey,
  LIST,
  LOCK,
  MY,
  nodes,
  NOT_SELECTED,
  OBJECT,
  passDeadline,
  type Persona,
  proposalContent,
  RANKING,
  RESULT,
  REVISE,
  SCORE,
  SELECT,
  SHORTLIST,
  SUBMIT,
  type TestChallenge,
  type TestOrg,
  WITHDRAW,
} from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface ProposalOut {
  id: string;
  status: string;
  currentRevision: number;
  organization: { id: string; nameZh: string } | null;
  receipt: { submittedAt: string; contentSha256: string; revision: number };
  content: { title: string };
}

const sha = (content: unknown) =>
  createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

describe('a full round: publish → 5 SMEs submit → deadline → review → shortlist → select → objection dismissed → AWARDED', () => {
  let t: TestApp;
  let issuer: TestOrg;
  let challenge: TestChallenge;
  const smes: TestOrg[] = [];
  const proposals: ProposalOut[] = [];
  let reviewers: Persona[];
  let recusedExpert: Persona;

  beforeAll(async () => {
    t = await startTestApp();
    issuer = await createEnterprise(t);
    challenge = await createChallenge(t, issuer, {
      requiresTerms: true,
      minQualification: 'INNOVATIVE',
      regions: ['370000', '320000'],
      budgetMax: '3000000',
    });
    for (let i = 0; i < 5; i++) {
      const sme = await createSme(t, { regionCode: i % 2 ? '320000' : '370000' });
      await acceptTerms(t, challenge.id, sme.id, sme.owner.id);
      smes.push(sme);
    }
  });
  afterAll(() => t.close());

  it('an SME keeps a private draft, then submits it with a receipt it can recompute', async () => {
    const content = proposalContent('DRAFT-0', challenge.requirementIds);
    const draft = await t.gql
      .as(smes[0].owner.token)
      .ok<{ saveProposalDraft: { proposal: ProposalOut } }>(DRAFT, {
        input: { challengeId: challenge.id, content },
      });
    expect(draft.saveProposalDraft.proposal).toMatchObject({
      status: 'DRAFT',
      currentRevision: 0,
      receipt: null,
    });
    expect(
      (
        await t.gql
          .as(issuer.owner.token)
          .ok<{ proposalCount: number }>(COUNT, { challengeId: challenge.id })
      ).proposalCount,
    ).toBe(0);

    const submitted = await t.gql
      .as(smes[0].owner.token)
      .ok<{ submitProposal: { proposal: ProposalOut } }>(SUBMIT, {
        input: {
          challengeId: challenge.id,
          idempotencyKey: idempotencyKey(),
          content: proposalContent('SME-0', challenge.requirementIds),
        },
      });
    const p = submitted.submitProposal.proposal;
    expect(p.id).toBe(draft.saveProposalDraft.proposal.id);
    expect(p.status).toBe('SUBMITTED');
    expect(p.receipt.revision).toBe(1);
    // The receipt's hash is the SHA-256 of the canonical JSON of the content as returned.
    expect(p.receipt.contentSha256).toBe(sha(p.content));
    const { rows } = await t.sql.query(
      `SELECT submitted_at, (SELECT created_at FROM proposal_revisions WHERE proposal_id = $1) AS rev FROM proposals WHERE id = $1`,
      [p.id],
    );
    expect(new Date(p.receipt.submittedAt).getTime()).toBe((rows[0].rev as Date).getTime());
    proposals.push(p);
  });

  it('four more SMEs submit; the issuer sees only the count before the deadline', async () => {
    for (let i = 1; i < 5; i++) {
      const data = await t.gql
        .as(smes[i].owner.token)
        .ok<{ submitProposal: { proposal: ProposalOut } }>(SUBMIT, {
          input: {
            challengeId: challenge.id,
            idempotencyKey: idempotencyKey(),
            content: proposalContent(`SME-${i}`, challenge.requirementIds),
          },
        });
      proposals.push(data.submitProposal.proposal);
    }
    expect(
      (
        await t.gql
          .as(issuer.owner.token)
          .ok<{ proposalCount: number }>(COUNT, { challengeId: challenge.id })
      ).proposalCount,
    ).toBe(5);
    const sealed = await t.gql.as(issuer.owner.token).send(LIST, { challengeId: challenge.id });
    expect(sealed.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PROPOSALS_SEALED',
    });
    expect(sealed.text).not.toContain('SME-');
    const byId = await t.gql.as(issuer.owner.token).send(GET, { id: proposals[1].id });
    expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(byId.text).not.toContain('SME-1');
  });

  it('one SME revises (every revision kept, new receipt) and one withdraws', async () => {
    const content = proposalContent('SME-1-REV2', challenge.requirementIds, {
      quotedPriceFen: '900000',
    });
    const revised = await t.gql
      .as(smes[1].owner.token)
      .ok<{ reviseProposal: { proposal: ProposalOut } }>(REVISE, {
        input: { proposalId: proposals[1].id, content },
      });
    expect(revised.reviseProposal.proposal.receipt.revision).toBe(2);
    expect(revised.reviseProposal.proposal.receipt.contentSha256).not.toBe(
      proposals[1].receipt.contentSha256,
    );
    expect(revised.reviseProposal.proposal.receipt.contentSha256).toBe(
      sha(revised.reviseProposal.proposal.content),
    );
    const { rows } = await t.sql.query(
      `SELECT revision, content_sha256 FROM proposal_revisions WHERE proposal_id = $1 ORDER BY revision`,
      [proposals[1].id],
    );
    expect(rows.map((r) => r.content_sha256)).toEqual([
      proposals[1].receipt.contentSha256,
      revised.reviseProposal.proposal.receipt.contentSha256,
    ]);
    proposals[1] = revised.reviseProposal.proposal;

    const withdrawn = await t.gql
      .as(smes[4].owner.token)
      .ok<{ withdrawProposal: { proposal: { status: string } } }>(WITHDRAW, {
        input: { proposalId: proposals[4].id, reason: 'changed plans' },
      });
    expect(withdrawn.withdrawProposal.proposal.status).toBe('WITHDRAWN');
    expect(
      (
        await t.gql
          .as(issuer.owner.token)
          .ok<{ proposalCount: number }>(COUNT, { challengeId: challenge.id })
      ).proposalCount,
    ).toBe(4);
  });

  it('after the deadline nothing can be submitted, revised or withdrawn', async () => {
    await passDeadline(t, challenge.id);
    const late = await createSme(t);
    await acceptTerms(t, challenge.id, late.id, late.owner.id);
    const refused = await t.gql.as(late.owner.token).fails(SUBMIT, {
      input: {
        challengeId: challenge.id,
        idempotencyKey: idempotencyKey(),
        content: proposalContent('LATE', challenge.requirementIds),
      },
    });
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEADLINE_PASSED' });
    const revise = await t.gql.as(smes[0].owner.token).fails(REVISE, {
      input: {
        proposalId: proposals[0].id,
        content: proposalContent('X', challenge.requirementIds),
      },
    });
    expect(revise.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEADLINE_PASSED' });
    const withdraw = await t.gql
      .as(smes[0].owner.token)
      .fails(WITHDRAW, { input: { proposalId: proposals[0].id } });
    expect(withdraw.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DEADLINE_PASSED' });
    const { rows } = await t.sql.query(
      `SELECT count(*)::int AS n FROM proposals WHERE challenge_id = $1`,
      [challenge.id],
    );
    expect(rows[0].n).toBe(5);
  });

  it('the issuer reads the proposals after the deadline; the list read is one audit event', async () => {
    const before = await t.sql.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ'`,
    );
    const res = await t.gql
      .as(issuer.owner.token)
      .ok<{ challengeProposals: { edges: { node: ProposalOut }[] } }>(LIST, {
        challengeId: challenge.id,
      });
    const nodes = res.challengeProposals.edges.map((e) => e.node);
    expect(nodes).toHaveLength(4);
    expect(nodes.every((n) => n.status === 'UNDER_REVIEW')).toBe(true);
    expect(nodes.find((n) => n.id === proposals[1].id)?.content.title).toBe('方案 SME-1-REV2');
    const after = await t.sql.query(
      `SELECT actor_user_id, data FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ' ORDER BY seq DESC LIMIT 1`,
    );
    expect(
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ'`,
        )
      ).rows[0].n,
    ).toBe(before.rows[0].n + 1);
    expect(after.rows[0].actor_user_id).toBe(issuer.owner.id);
    expect((after.rows[0].data as { proposalIds: string[] }).proposalIds.sort()).toEqual(
      nodes.map((n) => n.id).sort(),
    );
    expect(JSON.stringify(after.rows[0].data)).not.toContain('SME-');
  });

  it('three reviewers: a member, an expert, and an expert affiliated with an SME who is recused from its proposal', async () => {
    const member = await createUser(t);
    await t.sql.query(
      `INSERT INTO organization_members (user_id, organization_id, role) VALUES ($1, $2, 'MEMBER')`,
      [member.id, issuer.id],
    );
    const expert = await createAffiliatedExpert(t, { name: '某大学' });
    recusedExpert = await createAffiliatedExpert(t, { name: ` ${smes[2].nameZh} ` });
    reviewers = [member, expert, recusedExpert];
    const res = await t.gql.as(issuer.owner.token).ok<{
      assignReviewers: {
        assignments: {
          id: string;
          proposalId: string | null;
          reviewerUserId: string;
          status: string;
          reason: string | null;
          recusalReason: string | null;
          declineReason: string | null;
        }[];
      };
    }>(ASSIGN, {
      input: { challengeId: challenge.id, reviewerUserIds: reviewers.map((r) => r.id) },
    });
    const assignments = res.assignReviewers.assignments;
    expect(assignments.filter((a) => a.proposalId === null)).toHaveLength(3);
    expect(assignments.filter((a) => a.status === 'RECUSED')).toEqual([
      expect.objectContaining({
        proposalId: proposals[2].id,
        reviewerUserId: recusedExpert.id,
        recusalReason: 'AFFILIATION_MATCH',
        declineReason: null,
        reason: 'AFFILIATION_MATCH',
      }),
    ]);
    for (const r of reviewers) {
      const own = assignments.find((a) => a.reviewerUserId === r.id && a.proposalId === null)!;
      await t.gql.as(r.token).ok(ACCEPT, { input: { assignmentId: own.id } });
    }
    const recused = await t.gql.as(recusedExpert.token).send(GET, { id: proposals[2].id });
    expect(recused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(recused.text).not.toContain('SME-2');
    const list = await t.gql
      .as(recusedExpert.token)
      .ok<{ challengeProposals: { edges: { node: ProposalOut }[] } }>(LIST, {
        challengeId: challenge.id,
      });
    expect(list.challengeProposals.edges.map((e) => e.node.id).sort()).toEqual(
      [proposals[0].id, proposals[1].id, proposals[3].id].sort(),
    );
  });

  it('reviewers score; the ranking aggregates by weight, shows the spread and applies the veto', async () => {
    const [c1, c2, veto] = challenge.criterionIds;
    // proposal → per reviewer [c1, c2, veto]
    const plan: Record<number, number[][]> = {
      0: [
        [8, 7, 9],
        [6, 7, 8],
        [10, 7, 9],
      ],
      1: [
        [9, 9, 9],
        [9, 8, 9],
        [9, 9, 9],
      ],
      2: [
        [7, 7, 7],
        [5, 5, 7],
      ],
      3: [
        [10, 10, 4],
        [10, 10, 5],
        [10, 10, 6],
      ],
    };
    for (const [index, rows] of Object.entries(plan)) {
      const scorers = Number(index) === 2 ? reviewers.slice(0, 2) : reviewers;
      for (const [r, [a, b, v]] of rows.entries()) {
        await t.gql.as(scorers[r].token).ok(SCORE, {
          input: {
            proposalId: proposals[Number(index)].id,
            scores: [
              { criterionId: c1, score: a, comment: 'ok', privateNote: `NOTE-${r}` },
              { criterionId: c2, score: b },
              { criterionId: veto, score: v },
            ],
          },
        });
      }
    }
    const recused = await t.gql.as(recusedExpert.token).fails(SCORE, {
      input: { proposalId: proposals[2].id, scores: [{ criterionId: c1, score: 10 }] },
    });
    expect(recused.extensions?.code).toBe('NOT_FOUND');

    const res = await t.gql.as(issuer.owner.token).send<{
      proposalRanking: {
        total: number;
        edges: {
          node: {
            rank: number | null;
            proposalId: string;
            weightedScore: number;
            vetoed: boolean;
            complete: boolean;
            reviewerCount: number;
            criteria: { average: number; spread: number; stdDev: number }[];
          };
        }[];
      };
    }>(RANKING, { challengeId: challenge.id });
    expect(res.errors).toBeUndefined();
    const ranking = { ...res.data!.proposalRanking, proposals: nodes(res.data!.proposalRanking) };
    expect(ranking.total).toBe(4);
    expect(ranking.proposals.map((p) => p.proposalId)).toEqual([
      proposals[1].id,
      proposals[0].id,
      proposals[2].id,
      proposals[3].id,
    ]);
    expect(ranking.proposals.map((p) => p.rank)).toEqual([1, 2, 3, null]);
    // proposal 0: c1 avg 8, c2 avg 7, veto avg 8.667 → (50×8 + 30×7 + 20×8.667) / 10 = 78.33
    expect(ranking.proposals[1].weightedScore).toBeCloseTo(78.33, 2);
    expect(ranking.proposals[1].criteria[0]).toMatchObject({ average: 8, spread: 4 });
    expect(ranking.proposals[1].criteria[0].stdDev).toBeCloseTo(1.63, 2);
    expect(ranking.proposals[3]).toMatchObject({ vetoed: true, rank: null });
    expect(ranking.proposals[2].reviewerCount).toBe(2);
    expect(res.text).not.toContain('NOTE-');
    // The ranking is one statement, whatever the number of proposals: count is constant.
    const small = await t.gql
      .as(issuer.owner.token)
      .send(RANKING, { challengeId: challenge.id, first: 1 });
    expect(small.sqlStatements).toBe(res.sqlStatements);
  });

  it('pages the ranking by position: the pages joined are the whole list, each read audited with its own proposals only', async () => {
    type Row = { proposalId: string; rank: number | null; position: number };
    type Page = {
      proposalRanking: {
        total: number;
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
        edges: { cursor: string; node: Row }[];
      };
    };
    const wholePage = (
      await t.gql.as(issuer.owner.token).ok<Page>(RANKING, { challengeId: challenge.id })
    ).proposalRanking;
    const whole = { ...wholePage, proposals: nodes(wholePage) };
    expect(whole.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: wholePage.edges[0].cursor,
      endCursor: wholePage.edges[3].cursor,
    });
    expect(whole.proposals.map((p) => p.position)).toEqual([1, 2, 3, 4]);
    const before = (
      await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ'`,
      )
    ).rows[0].n;
    const paged: Row[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const page: Page['proposalRanking'] = (
        await t.gql
          .as(issuer.owner.token)
          .ok<Page>(RANKING, { challengeId: challenge.id, first: 3, after })
      ).proposalRanking;
      expect(page.total).toBe(4);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      paged.push(...nodes(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole.proposals);
    const audits = await t.sql.query(
      `SELECT data, entity_type, entity_id, organization_id, actor_user_id FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ' ORDER BY seq DESC LIMIT 2`,
    );
    expect(audits.rows.map((r) => r.data.proposalIds.length).sort()).toEqual([1, 3]);
    // The statement that reads a page records it (AuditService.contentReadSql): a page of several proposals is an
    // event on the challenge, a page of one an event on that proposal with its organisation, as recordRead writes them.
    const [last, firstPage] = audits.rows;
    expect(firstPage).toMatchObject({
      entity_type: 'Challenge',
      entity_id: challenge.id,
      organization_id: null,
      actor_user_id: issuer.owner.id,
    });
    expect(firstPage.data).toEqual({
      challengeId: challenge.id,
      view: 'RANKING',
      path: 'proposalRanking',
      readerOrganizationId: issuer.id,
      proposalIds: whole.proposals.slice(0, 3).map((p) => p.proposalId),
    });
    const lastId = whole.proposals[3].proposalId;
    const lastOrg = (
      await t.sql.query(`SELECT organization_id FROM proposals WHERE id = $1`, [lastId])
    ).rows[0].organization_id;
    expect(last).toMatchObject({
      entity_type: 'Proposal',
      entity_id: lastId,
      organization_id: lastOrg,
    });
    expect(last.data).toEqual({
      challengeId: challenge.id,
      view: 'RANKING',
      path: 'proposalRanking',
      readerOrganizationId: issuer.id,
      proposalIds: [lastId],
    });
    // Their hashes, finished in SQL, verify like every other link of the chain.
    const chain = await verifyAuditChain(
      async (sql, params) => (await t.sql.query(sql, params)).rows,
    );
    expect(chain).toMatchObject({ ok: true, firstBreak: null });
    expect(
      (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'PROPOSAL_CONTENT_READ'`,
        )
      ).rows[0].n,
    ).toBe(before + 2);
    // Past the end: an empty page that still tells the total.
    const end = (
      await t.gql
        .as(issuer.owner.token)
        .ok<Page>(RANKING, { challengeId: challenge.id, after: whole.pageInfo.endCursor })
    ).proposalRanking;
    expect(end).toMatchObject({
      total: 4,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
    // Every edge's cursor is a place to continue from, not only the endCursor.
    const fromSecond = (
      await t.gql
        .as(issuer.owner.token)
        .ok<Page>(RANKING, { challengeId: challenge.id, after: wholePage.edges[1].cursor })
    ).proposalRanking;
    expect(nodes(fromSecond).map((p) => p.position)).toEqual([3, 4]);
    expect(fromSecond.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: wholePage.edges[2].cursor,
    });
    for (const bad of [
      'not-a-cursor',
      Buffer.from(JSON.stringify(['RANKING', '-1'])).toString('base64url'),
      Buffer.from(JSON.stringify(['NEWEST', '1'])).toString('base64url'),
    ]) {
      const refused = await t.gql
        .as(issuer.owner.token)
        .fails(RANKING, { challengeId: challenge.id, after: bad });
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    const tooMany = await t.gql
      .as(issuer.owner.token)
      .fails(RANKING, { challengeId: challenge.id, first: 201 });
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a reviewer re-submitting a criterion edits it (one row); after lockScoring scores are frozen', async () => {
    const [c1] = challenge.criterionIds;
    await t.gql.as(reviewers[0].token).ok(SCORE, {
      input: { proposalId: proposals[0].id, scores: [{ criterionId: c1, score: 9 }] },
    });
    const { rows } = await t.sql.query(
      `SELECT score FROM scores WHERE proposal_id = $1 AND criterion_id = $2 ORDER BY score`,
      [proposals[0].id, c1],
    );
    expect(rows.map((r) => r.score)).toEqual([6, 9, 10]);
    await t.gql.as(issuer.owner.token).ok(LOCK, { input: { challengeId: challenge.id } });
    const locked = await t.gql.as(reviewers[0].token).fails(SCORE, {
      input: { proposalId: proposals[0].id, scores: [{ criterionId: c1, score: 1 }] },
    });
    expect(locked.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCORING_LOCKED' });
  });

  it('shortlist, mark one not selected with feedback, select two winners within the budget: IN_PUBLICITY', async () => {
    await t.gql.as(issuer.owner.token).ok(SHORTLIST, {
      input: {
        challengeId: challenge.id,
        proposalIds: [proposals[0].id, proposals[1].id, proposals[3].id],
      },
    });
    const vetoed = await t.gql.as(issuer.owner.token).fails(SELECT, {
      input: {
        challengeId: challenge.id,
        winners: [{ proposalId: proposals[3].id, awardAmountFen: '100' }],
      },
    });
    expect(vetoed.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PROPOSAL_VETOED' });
    const over = await t.gql.as(issuer.owner.token).fails(SELECT, {
      input: {
        challengeId: challenge.id,
        winners: [
          { proposalId: proposals[0].id, awardAmountFen: '2000000' },
          { proposalId: proposals[1].id, awardAmountFen: '1000001' },
        ],
      },
    });
    expect(over.extensions).toMatchObject({ code: 'CONFLICT', reason: 'AWARD_EXCEEDS_BUDGET' });
    const ns = await t.gql
      .as(issuer.owner.token)
      .ok<{ markNotSelected: { proposal: { status: string; notSelectedReason: string } } }>(
        NOT_SELECTED,
        {
          input: {
            proposalId: proposals[2].id,
            reason: 'LESS_COMPETITIVE',
            feedback: '技术路线成熟度不足',
          },
        },
      );
    expect(ns.markNotSelected.proposal).toMatchObject({
      status: 'NOT_SELECTED',
      notSelectedReason: 'LESS_COMPETITIVE',
    });
    const selected = await t.gql.as(issuer.owner.token).ok<{
      selectWinners: {
        challenge: { status: string; publicityEndsAt: string };
        winners: { status: string }[];
      };
    }>(SELECT, {
      input: {
        challengeId: challenge.id,
        winners: [
          { proposalId: proposals[1].id, awardAmountFen: '2000000' },
          { proposalId: proposals[0].id, awardAmountFen: '1000000' },
        ],
      },
    });
    expect(selected.selectWinners.challenge.status).toBe('IN_PUBLICITY');
    expect(selected.selectWinners.winners.map((w) => w.status)).toEqual(['SELECTED', 'SELECTED']);
    const days =
      (new Date(selected.selectWinners.challenge.publicityEndsAt).getTime() - Date.now()) /
      86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
  });

  it('the public result shows winner names and titles to anyone, and nothing else', async () => {
    const res = await t.gql.send<{
      challengeResult: {
        status: string;
        winners: { organizationNameZh: string; proposalTitle: string; awardAmountFen: string }[];
      };
    }>(RESULT, {
      challengeId: challenge.id,
    });
    expect(res.data?.challengeResult.status).toBe('IN_PUBLICITY');
    expect(res.data?.challengeResult.winners).toEqual([
      expect.objectContaining({
        organizationNameZh: smes[1].nameZh,
        proposalTitle: '方案 SME-1-REV2',
        awardAmountFen: '2000000',
      }),
      expect.objectContaining({
        organizationNameZh: smes[0].nameZh,
        proposalTitle: '方案 SME-0',
        awardAmountFen: '1000000',
      }),
    ]);
    expect(res.text).not.toContain('approach');
    expect(res.text).not.toContain('SME-3');
  });

  it('an objection is filed and dismissed; when the period ends the challenge is AWARDED', async () => {
    const objector = smes[3];
    const filed = await t.gql
      .as(objector.owner.token)
      .ok<{ fileObjection: { objection: { id: string; status: string } } }>(OBJECT, {
        input: { proposalId: proposals[1].id, reason: '该方案的能量密度数据与公开资料不符' },
      });
    expect(filed.fileObjection.objection.status).toBe('FILED');
    // challengeObjections is a connection, oldest first; others than the issuer and admins see none.
    // Four more objections, copies arranged in SQL a millisecond apart, make pages of two.
    await t.sql.query(
      `INSERT INTO objections (publicity_id, challenge_id, proposal_id, filed_by_organization_id, filed_by, reason, created_at)
       SELECT publicity_id, challenge_id, proposal_id, filed_by_organization_id, filed_by, reason || ' #' || n,
              created_at + make_interval(secs => n / 1000.0)
         FROM objections, generate_series(1, 4) n WHERE id = $1`,
      [filed.fileObjection.objection.id],
    );
    type ObjectionPage = {
      challengeObjections: {
        edges: { cursor: string; node: { id: string; reason: string } }[];
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      };
    };
    const OBJECTIONS = `query($id: ID!, $first: Int, $after: String) { challengeObjections(challengeId: $id, first: $first, after: $after) {
      edges { cursor node { id reason } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const reasons: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i += 1) {
      const page: ObjectionPage = await t.gql
        .as(issuer.owner.token)
        .ok<ObjectionPage>(OBJECTIONS, { id: challenge.id, first: 2, after });
      expect(page.challengeObjections.pageInfo.hasPreviousPage).toBe(after !== null);
      reasons.push(...page.challengeObjections.edges.map((e) => e.node.reason));
      if (!page.challengeObjections.pageInfo.hasNextPage) break;
      after = page.challengeObjections.pageInfo.endCursor;
    }
    const reason = '该方案的能量密度数据与公开资料不符';
    expect(reasons).toEqual([reason, ...[1, 2, 3, 4].map((n) => `${reason} #${n}`)]);
    const outsider = await t.gql
      .as(objector.owner.token)
      .ok<ObjectionPage>(OBJECTIONS, { id: challenge.id });
    expect(outsider.challengeObjections.edges).toEqual([]);
    await t.sql.query(`DELETE FROM objections WHERE challenge_id = $1 AND id <> $2`, [
      challenge.id,
      filed.fileObjection.objection.id,
    ]);
    await endPublicity(t, challenge.id);
    // A pending objection holds the award.
    expect(
      (
        await t.gql.ok<{ challengeResult: { status: string } }>(RESULT, {
          challengeId: challenge.id,
        })
      ).challengeResult.status,
    ).toBe('IN_PUBLICITY');
    const late = await t.gql
      .as(smes[2].owner.token)
      .fails(OBJECT, { input: { proposalId: proposals[1].id, reason: 'too late to object here' } });
    expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PUBLICITY_ENDED' });
    const dismissed = await t.gql
      .as(issuer.owner.token)
      .ok<{ dismissObjection: { objection: { status: string }; challenge: { status: string } } }>(
        DISMISS,
        {
          input: { objectionId: filed.fileObjection.objection.id, reason: '经核实数据来源可靠' },
        },
      );
    expect(dismissed.dismissObjection).toEqual({
      objection: expect.objectContaining({ status: 'DISMISSED' }),
      challenge: expect.objectContaining({ status: 'AWARDED' }),
    });
    expect(
      (
        await t.gql.ok<{ challengeResult: { status: string } }>(RESULT, {
          challengeId: challenge.id,
        })
      ).challengeResult.status,
    ).toBe('AWARDED');
    const { rows } = await t.sql.query(`SELECT status FROM challenges WHERE id = $1`, [
      challenge.id,
    ]);
    expect(rows[0].status).toBe('AWARDED');
    const actions = await t.sql.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 AND entity_type = 'Challenge' ORDER BY seq`,
      [challenge.id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'CHALLENGE_CLOSED',
        'REVIEWERS_ASSIGNED',
        'SCORING_LOCKED',
        'CHALLENGE_PUBLICITY_STARTED',
        'CHALLENGE_AWARDED',
      ]),
    );
  });

  it('myProposals: status, receipt, feedback; the aggregate score only once decided; constant SQL statements', async () => {
    const mine = await t.gql.as(smes[2].owner.token).send<{
      myProposals: {
        edges: {
          node: {
            status: string;
            feedback: string;
            aggregateScore: number;
            receipt: { contentSha256: string };
          };
        }[];
      };
    }>(MY, {});
    expect(mine.data?.myProposals.edges).toHaveLength(1);
    expect(mine.data?.myProposals.edges[0].node).toMatchObject({
      status: 'NOT_SELECTED',
      feedback: '技术路线成熟度不足',
      receipt: { contentSha256: proposals[2].receipt.contentSha256 },
    });
    // proposal 2: c1 avg 6, c2 avg 6, veto 7 → (300 + 180 + 140) / 10 = 62
    expect(mine.data?.myProposals.edges[0].node.aggregateScore).toBeCloseTo(62, 2);
    const shortlisted = await t.gql.as(smes[3].owner.token).ok<{
      myProposals: { edges: { node: { status: string; aggregateScore: number | null } }[] };
    }>(MY, {});
    expect(shortlisted.myProposals.edges[0].node).toEqual({
      ...shortlisted.myProposals.edges[0].node,
      status: 'SHORTLISTED',
      aggregateScore: null,
    });
    expect(mine.text).not.toContain('NOTE-');

    // Constant statements whatever the page size: an SME with many proposals.
    const busy = smes[0];
    for (let i = 0; i < 4; i++) {
      const c = await createChallenge(t, issuer);
      await t.gql.as(busy.owner.token).ok(SUBMIT, {
        input: {
          challengeId: c.id,
          idempotencyKey: idempotencyKey(),
          content: proposalContent(`B${i}`, c.requirementIds),
        },
      });
    }
    const one = await t.gql.as(busy.owner.token).send(MY, { first: 1 });
    const five = await t.gql
      .as(busy.owner.token)
      .send<{ myProposals: { edges: unknown[] } }>(MY, { first: 5 });
    expect(five.data?.myProposals.edges).toHaveLength(5);
    expect(five.sqlStatements).toBe(one.sqlStatements);
  });
});
