import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SeedDb } from '../bench/seed/bulk.js';
import { challengesGenerator } from '../bench/seed/generators/challenges.generator.js';
import { organizationsGenerator } from '../bench/seed/generators/organizations.generator.js';
import { proposalsGenerator } from '../bench/seed/generators/proposals.generator.js';
import { usersGenerator } from '../bench/seed/generators/users.generator.js';
import { ALL_PERSONAS, BENCH_PASSWORD, PERSONAS, SUBMITTERS } from '../bench/seed/personas.js';
import { Rng } from '../bench/seed/rng.js';
import { seedSize } from '../bench/seed/sizes.js';
import { searchDocument, zhTsvectorLiteral } from '../src/challenges/challenge-search.js';
import { contentSha256, type ProposalContent } from '../src/proposals/proposal-content.js';
import { login } from './support/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FINGERPRINT = `SELECT
  (SELECT md5(string_agg(concat_ws('|', id, issuer_organization_id, status, title_zh, deadline, visibility, search_zh::text, search_en::text), ',' ORDER BY id)) FROM challenges) AS c,
  (SELECT md5(string_agg(concat_ws('|', id, challenge_id, organization_id, status, receipt_sha256), ',' ORDER BY id)) FROM proposals) AS p,
  (SELECT md5(string_agg(concat_ws('|', id, proposal_id, criterion_id, score), ',' ORDER BY id)) FROM scores) AS s`;

describe('scale data: challenges and proposals', () => {
  let t: TestApp;
  let db: SeedDb;
  const size = seedSize('S');
  const run = async () => {
    const rng = new Rng('test-seed');
    await usersGenerator.run(db, size, rng.fork('users'));
    await organizationsGenerator.run(db, size, rng.fork('organizations'));
    await challengesGenerator.run(db, size, rng.fork('challenges'));
    await proposalsGenerator.run(db, size, rng.fork('proposals'));
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = { query: async (sql, params) => (await t.sql.query(sql, params as unknown[])).rows };
    await run();
  }, 120_000);
  afterAll(() => t.close());

  it('writes a hundredth of L, issued by ACTIVE alliance members, mostly open, with weights summing to 100', async () => {
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE status = 'PUBLISHED' AND deadline > now())::int AS open,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM alliance_memberships m WHERE m.organization_id = c.issuer_organization_id AND m.status = 'ACTIVE'))::int AS foreign_issuer,
        count(*) FILTER (WHERE (SELECT sum(weight) FROM evaluation_criteria e WHERE e.challenge_id = c.id) <> 100)::int AS bad_criteria,
        count(*) FILTER (WHERE (SELECT sum(weight) FROM challenge_requirements r WHERE r.challenge_id = c.id) <> 100)::int AS bad_requirements,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM challenge_technical_fields f WHERE f.challenge_id = c.id))::int AS no_field,
        count(DISTINCT status)::int AS statuses, count(DISTINCT visibility)::int AS visibilities
      FROM challenges c`);
    expect(rows[0]).toMatchObject({
      n: size.count('challenges'),
      foreign_issuer: 0,
      bad_criteria: 0,
      bad_requirements: 0,
      no_field: 0,
      visibilities: 3,
    });
    expect(rows[0].open).toBeGreaterThan(rows[0].n / 2);
    expect(rows[0].statuses).toBeGreaterThanOrEqual(8);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n).toBe(0);
  });

  it('stores exactly the search vectors the service computes', async () => {
    const { rows } = await t.sql
      .query(`SELECT c.id, c.title_zh, c.title_en, c.summary_zh, c.summary_en, c.search_zh::text AS zh, c.search_en::text AS en,
        COALESCE(c.published_at, c.created_at) AS listed, ARRAY(SELECT name FROM challenge_requirements r WHERE r.challenge_id = c.id ORDER BY position) AS names
      FROM challenges c ORDER BY c.id LIMIT 25`);
    for (const r of rows) {
      const doc = searchDocument({
        titleZh: r.title_zh,
        titleEn: r.title_en,
        summaryZh: r.summary_zh,
        summaryEn: r.summary_en,
        requirementNames: r.names,
      });
      const expected = await t.sql.query(
        // As the service writes them.
        `SELECT $1::tsvector::text AS zh, (setweight(to_tsvector('english', $2::text), 'A') || setweight(to_tsvector('english', $3::text), 'B'))::text AS en`,
        [zhTsvectorLiteral(doc), doc.enTitle, doc.enBody],
      );
      expect({ zh: r.zh, en: r.en }).toEqual(expected.rows[0]);
    }
  });

  it('leaves the search indexes writing through again after its bulk load', async () => {
    const { rows } = await t.sql.query(
      `SELECT relname, reloptions FROM pg_class WHERE relname LIKE 'IDX\\_challenges\\_search\\_%' ORDER BY relname`,
    );
    expect(rows).toEqual(
      [
        'IDX_challenges_search_en',
        'IDX_challenges_search_en_month',
        'IDX_challenges_search_zh',
        'IDX_challenges_search_zh_month',
      ].map((relname) => ({ relname, reloptions: ['fastupdate=off'] })),
    );
  });

  it('writes proposals consistent with their challenge, with receipts the service would compute', async () => {
    const { rows } = await t.sql.query(`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE c.status = 'PUBLISHED' AND c.deadline > now() AND p.status NOT IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN'))::int AS bad_open,
        count(*) FILTER (WHERE c.status IN ('AWARDED', 'FAILED') AND p.status NOT IN ('SELECTED', 'NOT_SELECTED', 'WITHDRAWN'))::int AS bad_decided,
        count(*) FILTER (WHERE c.published_at IS NULL OR c.status = 'CANCELLED')::int AS on_unpublished,
        count(*) FILTER (WHERE p.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM proposal_revisions r WHERE r.proposal_id = p.id AND r.revision = 1 AND r.content_sha256 = p.receipt_sha256))::int AS no_receipt,
        count(*) FILTER (WHERE p.submitted_at > c.deadline)::int AS late
      FROM proposals p JOIN challenges c ON c.id = p.challenge_id`);
    expect(rows[0]).toMatchObject({
      bad_open: 0,
      bad_decided: 0,
      on_unpublished: 0,
      no_receipt: 0,
      late: 0,
    });
    expect(rows[0].n).toBeGreaterThan(size.count('proposals') * 0.9);
    const awarded = await t.sql
      .query(`SELECT count(*)::int AS n FROM challenges c WHERE c.status = 'AWARDED'
        AND (SELECT count(*) FROM proposals p WHERE p.challenge_id = c.id AND p.status = 'SELECTED') <> 1 AND EXISTS (SELECT 1 FROM proposals p WHERE p.challenge_id = c.id)`);
    expect(awarded.rows[0].n).toBe(0);
    const sample = await t.sql.query(
      `SELECT content, content_sha256 FROM proposal_revisions ORDER BY proposal_id LIMIT 50`,
    );
    for (const r of sample.rows)
      expect(contentSha256(r.content as ProposalContent)).toBe(r.content_sha256);
  });

  it('serves the scenarios: browse and search, the ranked list, and a new proposal by a submitter', async () => {
    const browse = await t.gql.ok<{
      challenges: {
        edges: { node: { issuer: { nameZh: string } | null; proposalCount: number } }[];
      };
    }>(`{ challenges(first: 20) { edges { node { issuer { nameZh } proposalCount } } } }`);
    expect(browse.challenges.edges).toHaveLength(20);
    for (const q of ['储能', 'batteries']) {
      const found = await t.gql.ok<{ challenges: { edges: unknown[] } }>(
        `query($q: String!) { challenges(first: 20, filter: { search: $q }) { edges { node { id } } } }`,
        { q },
      );
      expect(found.challenges.edges.length).toBeGreaterThan(0);
    }

    const enterprise = await login(t, PERSONAS.enterprise.email, BENCH_PASSWORD);
    const mine = await t.gql
      .as(enterprise.token)
      .ok<{ myChallenges: { edges: { node: { id: string; proposalCount: number } }[] } }>(
        `{ myChallenges(first: 100, filter: { statuses: [CLOSED] }) { edges { node { id proposalCount } } } }`,
      );
    expect(mine.myChallenges.edges).toHaveLength(1);
    const ranked = mine.myChallenges.edges[0].node;
    const ranking = await t.gql.as(enterprise.token).ok<{
      proposalRanking: {
        total: number;
        edges: { node: { rank: number | null; reviewerCount: number } }[];
      };
    }>(`query($id: ID!) { proposalRanking(challengeId: $id, first: 200) { total edges { node { rank reviewerCount } } } }`, { id: ranked.id });
    expect(ranking.proposalRanking.total).toBe(ranked.proposalCount);
    const rankedRows = ranking.proposalRanking.edges.map((e) => e.node);
    expect(rankedRows.filter((p) => p.rank === 1).length).toBeGreaterThan(0);
    expect(rankedRows.every((p) => p.reviewerCount >= 2)).toBe(true);

    const submitter = await login(t, ALL_PERSONAS[SUBMITTERS[0]].email, BENCH_PASSWORD);
    const open = await t.gql.as(submitter.token).ok<{
      challenges: {
        edges: {
          node: { id: string; requiresTerms: boolean; viewerEligibility: { eligible: boolean } };
        }[];
      };
    }>(`{ challenges(first: 100, orderBy: DEADLINE_SOONEST, filter: { statuses: [PUBLISHED] }) { edges { node { id requiresTerms viewerEligibility { eligible } } } } }`);
    const target = open.challenges.edges
      .map((e) => e.node)
      .find((c) => !c.requiresTerms && c.viewerEligibility.eligible);
    expect(target).toBeDefined();
    const submitted = await t.gql
      .as(submitter.token)
      .ok<{ submitProposal: { proposal: { status: string } } }>(
        `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { proposal { status } } }`,
        {
          input: {
            challengeId: target!.id,
            idempotencyKey: 'seed-test-0001',
            content: {
              title: '方案',
              summary: '摘要',
              technicalApproach: '路线',
              quotedPriceFen: '100',
              durationMonths: 6,
              ipArrangement: '共有',
              declarations: { noConflictOfInterest: true, original: true },
            },
          },
        },
      );
    expect(submitted.submitProposal.proposal.status).toBe('SUBMITTED');
    await t.sql.query(
      `DELETE FROM proposal_revisions r USING proposals p WHERE r.proposal_id = p.id AND p.idempotency_key = 'seed-test-0001'`,
    );
    await t.sql.query(`DELETE FROM proposals WHERE idempotency_key = 'seed-test-0001'`);
  });

  it('adds nothing when run again, and writes the same challenges, proposals and scores from the same seed', async () => {
    const before = (await t.sql.query(FINGERPRINT)).rows[0];
    await run();
    expect((await t.sql.query(FINGERPRINT)).rows[0]).toEqual(before);
  }, 120_000);
});
