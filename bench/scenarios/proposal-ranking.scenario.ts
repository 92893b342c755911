import type { Scenario } from './scenario.js';

interface Ranking {
  total: number;
  proposals: { rank: number | null; proposalId: string; weightedScore: number | null; vetoed: boolean; reviewerCount: number; criteria: { average: number | null }[] }[];
}

const RANKING = `query($id: ID!) { proposalRanking(challengeId: $id) {
  challengeId total scoringLocked
  proposals { rank proposalId status title organization { id nameZh } quotedPriceFen weightedScore vetoed complete reviewerCount
              criteria { criterionId name weight veto reviewerCount average min max spread stdDev } } } }`;

/**
 * The issuer's ranked proposal list (issue 6) as `enterprise@`, on its seeded challenge past the
 * deadline with the most proposals (200, every one scored by 3 reviewers, one recusal).
 */
export const proposalRankingScenario: Scenario = {
  name: 'proposalRanking',
  description: '`proposalRanking(challengeId)` as `enterprise@` on its closed challenge with 200 scored proposals (ranks, weighted scores, per-criterion spread)',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('enterprise');
    const mine = await ctx.graphql(`{ myChallenges(first: 100, statuses: [CLOSED]) { edges { node { id proposalCount } } } }`, undefined, token);
    const edges = (mine.data?.myChallenges as { edges: { node: { id: string; proposalCount: number } }[] } | undefined)?.edges ?? [];
    const best = edges.map((e) => e.node).sort((a, b) => b.proposalCount - a.proposalCount)[0];
    if (!best || best.proposalCount < 20) throw new Error(`enterprise@ has no closed challenge with proposals: run npm run seed:scale first (${mine.errors?.[0]?.message ?? ''})`);
    return [{ query: RANKING, variables: { id: best.id }, token }];
  },
  verify: (data) => {
    const r = data.proposalRanking as Ranking | undefined;
    return !!r && r.total >= 20 && r.proposals.length === r.total && r.proposals.some((p) => p.rank === 1) && r.proposals.every((p) => p.reviewerCount >= 2);
  },
};
