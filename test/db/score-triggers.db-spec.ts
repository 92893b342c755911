import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VETO_THRESHOLD } from '../../src/proposals/proposal-rules.js';
import { scoreTotalsSql } from '../../src/proposals/proposal-sql.js';
import {
  createChallenge,
  createEnterprise,
  createExpert,
  createSme,
  type Persona,
  type TestChallenge,
  type TestOrg,
} from '../support/factories/index.js';
import { openTestDb, type TestDb } from '../support/test-db.js';

/**
 * The score triggers (migrations ScoreSummaries and ProposalScoreTotals): whatever writes `scores`, the
 * per-criterion summaries and the per-proposal totals (weighted score, veto, completeness, reviewer count)
 * follow, and a change to the criteria recomputes the totals.
 */
describe('score_summaries and proposal_score_totals, kept by triggers', () => {
  let db: TestDb;
  let issuer: TestOrg;
  let sme: TestOrg;
  let experts: Persona[];

  beforeAll(async () => {
    db = await openTestDb();
    issuer = await createEnterprise(db);
    sme = await createSme(db);
    experts = [await createExpert(db), await createExpert(db), await createExpert(db)];
  });
  afterAll(() => db?.close());

  /** A submitted proposal of a fresh challenge (criteria weights 50/30/20, the last a veto), each expert assigned. */
  async function scoredProposal(): Promise<{
    challenge: TestChallenge;
    proposalId: string;
    assignments: string[];
  }> {
    const challenge = await createChallenge(db, issuer, { status: 'CLOSED' });
    const { rows } = await db.sql.query<{ id: string }>(
      `INSERT INTO proposals (challenge_id, organization_id, status, current_revision, submitted_at) VALUES ($1, $2, 'UNDER_REVIEW', 1, now()) RETURNING id`,
      [challenge.id, sme.id],
    );
    const assignments: string[] = [];
    for (const expert of experts) {
      const a = await db.sql.query<{ id: string }>(
        `INSERT INTO review_assignments (challenge_id, proposal_id, reviewer_user_id, status) VALUES ($1, $2, $3, 'ACCEPTED') RETURNING id`,
        [challenge.id, rows[0].id, expert.id],
      );
      assignments.push(a.rows[0].id);
    }
    return { challenge, proposalId: rows[0].id, assignments };
  }

  async function score(
    assignmentId: string,
    proposalId: string,
    criterionId: string,
    value: number,
  ): Promise<void> {
    await db.sql.query(
      `INSERT INTO scores (assignment_id, proposal_id, criterion_id, score) VALUES ($1, $2, $3, $4)`,
      [assignmentId, proposalId, criterionId, value],
    );
  }

  async function summaries(proposalId: string) {
    const { rows } = await db.sql.query(
      `SELECT criterion_id, n, avg, min, max, sd FROM score_summaries WHERE proposal_id = $1`,
      [proposalId],
    );
    return Object.fromEntries(
      rows.map((r) => [
        r.criterion_id as string,
        { n: r.n, avg: r.avg, min: r.min, max: r.max, sd: r.sd },
      ]),
    );
  }

  async function totals(proposalId: string) {
    const { rows } = await db.sql.query(
      `SELECT weighted, lowest_veto_average, ${scoreTotalsSql('t').vetoed} AS vetoed, complete, reviewer_count, criteria FROM proposal_score_totals t WHERE proposal_id = $1`,
      [proposalId],
    );
    return rows[0] as
      | {
          weighted: number | null;
          lowest_veto_average: number | null;
          vetoed: boolean;
          complete: boolean;
          reviewer_count: number;
          criteria: {
            criterionId: string;
            average: number | null;
            reviewerCount: number;
            spread: number | null;
          }[];
        }
      | undefined;
  }

  it('summarises each criterion (count, average, min, max, population SD) and totals the proposal as scores arrive', async () => {
    const { challenge, proposalId, assignments } = await scoredProposal();
    const [tech, team, veto] = challenge.criterionIds;
    expect(await totals(proposalId)).toBeUndefined();

    await score(assignments[0], proposalId, tech, 8);
    expect(await summaries(proposalId)).toEqual({
      [tech]: { n: 1, avg: 8, min: 8, max: 8, sd: 0 },
    });
    expect(await totals(proposalId)).toMatchObject({
      weighted: 40,
      vetoed: false,
      complete: false,
      reviewer_count: 1,
    });

    await score(assignments[1], proposalId, tech, 6);
    await score(assignments[0], proposalId, team, 10);
    await score(assignments[0], proposalId, veto, 9);
    const s = await summaries(proposalId);
    expect(s[tech]).toEqual({ n: 2, avg: 7, min: 6, max: 8, sd: 1 });
    expect(s[team]).toEqual({ n: 1, avg: 10, min: 10, max: 10, sd: 0 });
    // (50 × 7 + 30 × 10 + 20 × 9) / 10
    const t = await totals(proposalId);
    expect(t).toMatchObject({ weighted: 83, vetoed: false, complete: true, reviewer_count: 2 });
    expect(t!.criteria.map((c) => [c.criterionId, c.average, c.reviewerCount, c.spread])).toEqual([
      [tech, 7, 2, 2],
      [team, 10, 1, 0],
      [veto, 9, 1, 0],
    ]);
  });

  it(`vetoes a proposal whose veto criterion averages below ${VETO_THRESHOLD}, and only then`, async () => {
    const { challenge, proposalId, assignments } = await scoredProposal();
    const veto = challenge.vetoCriterionId;
    await score(assignments[0], proposalId, veto, VETO_THRESHOLD);
    expect((await totals(proposalId))?.vetoed).toBe(false);
    await score(assignments[1], proposalId, veto, VETO_THRESHOLD - 1);
    // The trigger keeps the lowest veto-criterion average; the threshold is applied by scoreTotalsSql alone.
    expect(await totals(proposalId)).toMatchObject({
      lowest_veto_average: VETO_THRESHOLD - 0.5,
      vetoed: true,
    });
    await db.sql.query(
      `UPDATE scores SET score = $3 WHERE assignment_id = $1 AND criterion_id = $2`,
      [assignments[1], veto, VETO_THRESHOLD],
    );
    expect((await totals(proposalId))?.vetoed).toBe(false);
    // A low score on a criterion that is not a veto vetoes nothing.
    await score(assignments[0], proposalId, challenge.criterionIds[0], 0);
    expect((await totals(proposalId))?.vetoed).toBe(false);
    expect(
      Number(
        (
          await db.sql.query(
            `SELECT count(*) FROM proposal_score_totals t WHERE ${scoreTotalsSql('t').vetoed}`,
          )
        ).rows[0].count,
      ),
    ).toBe(0);
  });

  it('follows an edited and a deleted score; the last score of a criterion gone, its summary goes', async () => {
    const { challenge, proposalId, assignments } = await scoredProposal();
    const [tech] = challenge.criterionIds;
    await score(assignments[0], proposalId, tech, 4);
    await score(assignments[1], proposalId, tech, 10);
    await db.sql.query(
      `UPDATE scores SET score = 6 WHERE assignment_id = $1 AND criterion_id = $2`,
      [assignments[1], tech],
    );
    expect((await summaries(proposalId))[tech]).toEqual({ n: 2, avg: 5, min: 4, max: 6, sd: 1 });
    await db.sql.query(`DELETE FROM scores WHERE assignment_id = $1`, [assignments[1]]);
    expect((await summaries(proposalId))[tech]).toEqual({ n: 1, avg: 4, min: 4, max: 4, sd: 0 });
    expect(await totals(proposalId)).toMatchObject({ weighted: 20, reviewer_count: 1 });
    await db.sql.query(`DELETE FROM scores WHERE assignment_id = $1`, [assignments[0]]);
    expect(await summaries(proposalId)).toEqual({});
    expect(await totals(proposalId)).toMatchObject({
      weighted: null,
      vetoed: false,
      complete: false,
      reviewer_count: 0,
    });
  });

  it("re-totals a challenge's proposals when its criteria change (weight, veto, a criterion added and removed)", async () => {
    const { challenge, proposalId, assignments } = await scoredProposal();
    const [tech, team, veto] = challenge.criterionIds;
    await score(assignments[0], proposalId, tech, 10);
    await score(assignments[0], proposalId, team, 5);
    await score(assignments[0], proposalId, veto, 2);
    expect(await totals(proposalId)).toMatchObject({ weighted: 69, vetoed: true, complete: true });
    await db.sql.query(`UPDATE evaluation_criteria SET weight = 40 WHERE id = $1`, [tech]);
    await db.sql.query(`UPDATE evaluation_criteria SET weight = 40, veto = false WHERE id = $1`, [
      team,
    ]);
    // 40 × 10 + 40 × 5 + 20 × 2
    expect(await totals(proposalId)).toMatchObject({ weighted: 64, vetoed: true });
    // A criterion added: nobody has scored it, the proposal is no longer complete; removed again, it is.
    const added = await db.sql.query<{ id: string }>(
      `INSERT INTO evaluation_criteria (challenge_id, position, name, weight, veto) VALUES ($1, 3, '新增', 10, false) RETURNING id`,
      [challenge.id],
    );
    expect(await totals(proposalId)).toMatchObject({ weighted: 64, complete: false });
    expect((await totals(proposalId))!.criteria.map((c) => c.criterionId)).toEqual([
      tech,
      team,
      veto,
      added.rows[0].id,
    ]);
    await db.sql.query(`DELETE FROM evaluation_criteria WHERE id = $1`, [added.rows[0].id]);
    expect(await totals(proposalId)).toMatchObject({ weighted: 64, complete: true });
    // The veto criterion no longer a veto: no veto.
    await db.sql.query(`UPDATE evaluation_criteria SET veto = false WHERE id = $1`, [veto]);
    expect(await totals(proposalId)).toMatchObject({ vetoed: false });
  });

  it('misses no score when reviewers score the same proposal at the same time', async () => {
    const { challenge, proposalId, assignments } = await scoredProposal();
    const clients = await Promise.all(assignments.map(() => db.sql.connect()));
    try {
      await Promise.all(clients.map((c) => c.query('BEGIN')));
      // Each transaction writes every criterion, in a different order, and commits together.
      await Promise.all(
        clients.map(async (c, i) => {
          const order = i % 2 ? [...challenge.criterionIds].reverse() : challenge.criterionIds;
          for (const criterionId of order) {
            await c.query(
              `INSERT INTO scores (assignment_id, proposal_id, criterion_id, score) VALUES ($1, $2, $3, $4)`,
              [assignments[i], proposalId, criterionId, 6 + i],
            );
          }
          await c.query('COMMIT');
        }),
      );
    } finally {
      for (const c of clients) c.release(true);
    }
    const s = await summaries(proposalId);
    for (const criterionId of challenge.criterionIds)
      expect(s[criterionId]).toMatchObject({ n: 3, avg: 7, min: 6, max: 8 });
    expect(await totals(proposalId)).toMatchObject({
      weighted: 70,
      complete: true,
      reviewer_count: 3,
    });
  });
});
