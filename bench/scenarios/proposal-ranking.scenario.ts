import type { Scenario } from './scenario.js';

interface Ranking {
  total: number;
  pageInfo: { hasNextPage: boolean };
  edges: {
    node: {
      rank: number | null;
      position: number;
      proposalId: string;
      weightedScore: number | null;
      vetoed: boolean;
      reviewerCount: number;
      criteria: { average: number | null }[];
    };
  }[];
}

const RANKING = `query($id: ID!, $first: Int) { proposalRanking(challengeId: $id, first: $first) {
  challengeId total scoringLocked pageInfo { hasNextPage endCursor }
  edges { cursor node { rank position proposalId status title organization { id nameZh } quotedPriceFen weightedScore vetoed complete reviewerCount
              criteria { criterionId name weight veto reviewerCount average min max spread stdDev } } } } }`;

/** `enterprise@`'s seeded challenge past the deadline with the most proposals (200, all scored by 3 reviewers, one recusal). */
async function rankedChallenge(
  ctx: Parameters<Scenario['prepare']>[0],
): Promise<{ id: string; token: string }> {
  const token = await ctx.tokenOf('enterprise');
  const mine = await ctx.graphql(
    `{ myChallenges(first: 100, filter: { statuses: [CLOSED] }) { edges { node { id proposalCount } } } }`,
    undefined,
    token,
  );
  const edges =
    (
      mine.data?.myChallenges as
        { edges: { node: { id: string; proposalCount: number } }[] } | undefined
    )?.edges ?? [];
  const best = edges.map((e) => e.node).sort((a, b) => b.proposalCount - a.proposalCount)[0];
  if (!best || best.proposalCount < 100)
    throw new Error(
      `enterprise@ has no closed challenge with 100+ proposals: run npm run seed:scale first (${mine.errors?.[0]?.message ?? ''})`,
    );
  return { id: best.id, token };
}

function verifyPage(size: number) {
  return (data: Record<string, unknown>): boolean => {
    const r = data.proposalRanking as Ranking | undefined;
    const proposals = r?.edges.map((e) => e.node) ?? [];
    return (
      !!r &&
      r.total >= 100 &&
      proposals.length === Math.min(size, r.total) &&
      r.pageInfo.hasNextPage === r.total > size &&
      proposals[0].rank === 1 &&
      proposals.every(
        (p, i) => p.position === i + 1 && p.reviewerCount >= 2 && p.criteria.length >= 3,
      )
    );
  };
}

/**
 * The issuer's ranked proposal list (issue 6) as `enterprise@`: the first page (the default 20, best
 * first) over its 200 scored proposals, every field (rank, organisation, weighted score, per-criterion
 * spread). The rank of each is computed over all 200 in the same statement.
 */
export const proposalRankingScenario: Scenario = {
  name: 'proposalRanking',
  description:
    '`proposalRanking(challengeId)` as `enterprise@`: the first page (20, the default) of its 200 scored proposals, every field',
  group: 'main',
  async prepare(ctx) {
    const { id, token } = await rankedChallenge(ctx);
    return [{ query: RANKING, variables: { id }, token }];
  },
  verify: verifyPage(20),
};

/** The same list in one page of 200 (the largest page), to show what the whole list costs. */
export const proposalRankingAllScenario: Scenario = {
  name: 'proposalRanking200',
  description: '`proposalRanking(challengeId, first: 200)`: all 200 scored proposals in one page',
  group: 'main',
  async prepare(ctx) {
    const { id, token } = await rankedChallenge(ctx);
    return [{ query: RANKING, variables: { id, first: 200 }, token }];
  },
  verify: verifyPage(200),
};

/**
 * The first page again, at an offered load of 50 requests per second (about a third of what the service
 * serves at saturation here): the latency an evaluator sees while the ranking is in heavy use, e.g. a hundred
 * evaluators each turning a page every two seconds. The saturated figure is `proposalRanking`.
 */
export const proposalRankingAt50Scenario: Scenario = {
  ...proposalRankingScenario,
  name: 'proposalRankingAt50',
  description:
    '`proposalRanking(challengeId)`: the first page as `proposalRanking`, at an offered load of 50 requests per second',
  ratePerSecond: 50,
};
