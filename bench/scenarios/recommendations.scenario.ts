import type { Scenario, ScenarioContext } from './scenario.js';

interface RecommendedSmes {
  edges: {
    node: {
      sme: { id: string; nameZh: string } | null;
      match: { score: number; reasons: { kind: string; text: string }[] } | null;
    };
  }[];
}

interface RecommendedChallenges {
  edges: {
    node: {
      challenge: { id: string; titleZh: string | null; titleEn: string | null } | null;
      match: { score: number } | null;
    };
  }[];
}

const RECOMMENDED_SMES = `query($id: ID!) { recommendedSmes(challengeId: $id, first: 20) {
  edges { node { sme { id nameZh } match { score reasons { kind text } } } } } }`;

const RECOMMENDED_CHALLENGES = `{ recommendedChallenges(first: 20) {
  edges { node { challenge { id titleZh titleEn } match { score } } } } }`;

/** How many of `enterprise@`'s published challenges the recommendedSmes requests go round. */
const CHALLENGES_IN_TURN = 8;

/** Scores as a ranking must give them: each in [0, 1], none above the one before. */
export function rankedScores(scores: readonly number[]): boolean {
  return scores.every(
    (s, i) => Number.isFinite(s) && s >= 0 && s <= 1 && (i === 0 || s <= scores[i - 1] + 1e-9),
  );
}

/** `enterprise@`'s PUBLISHED challenges (the seed gives it nine open ones), newest first. */
async function publishedChallenges(ctx: ScenarioContext, token: string): Promise<string[]> {
  const mine = await ctx.graphql(
    `{ myChallenges(first: 50, filter: { statuses: [PUBLISHED] }) { edges { node { id } } } }`,
    undefined,
    token,
  );
  const ids =
    (mine.data?.myChallenges as { edges: { node: { id: string } }[] } | undefined)?.edges.map(
      (e) => e.node.id,
    ) ?? [];
  if (ids.length === 0)
    throw new Error(
      `enterprise@ has no published challenge: run npm run seed:scale first (${mine.errors?.[0]?.message ?? ''})`,
    );
  return ids.slice(0, CHALLENGES_IN_TURN);
}

/**
 * Matchmaking for an issuer: the 20 SMEs best suited to one of `enterprise@`'s published challenges, with
 * each match's score and reasons, cycling over several challenges (different fields, so different postings
 * are read). Needs the matching index, which seed:scale builds.
 */
export const recommendedSmesScenario: Scenario = {
  name: 'recommendedSmes',
  description:
    '`recommendedSmes(challengeId, first: 20)` as `enterprise@`: SMEs ranked for one of its published challenges, with scores and reasons (up to 8 challenges in turn)',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('enterprise');
    const ids = await publishedChallenges(ctx, token);
    const requests = ids.map((id) => ({ query: RECOMMENDED_SMES, variables: { id }, token }));
    await computeLists(ctx, requests);
    return requests;
  },
  verify: (data) => {
    const page = data.recommendedSmes as RecommendedSmes | undefined;
    if (!page || page.edges.length < 1 || page.edges.length > 20) return false;
    const nodes = page.edges.map((e) => e.node);
    return (
      nodes.every((n) => !!n.sme?.id && !!n.sme.nameZh && !!n.match) &&
      new Set(nodes.map((n) => n.sme!.id)).size === nodes.length &&
      rankedScores(nodes.map((n) => n.match!.score))
    );
  },
};

/**
 * Matchmaking for an SME: the 20 challenges best suited to `sme@`'s organisation (a full bilingual
 * capability profile in the seed). Every verified response must rank its scores; on M and L data the
 * SME must get at least one recommendation.
 */
export const recommendedChallengesScenario: Scenario = {
  name: 'recommendedChallenges',
  description:
    '`recommendedChallenges(first: 20)` as `sme@`: open challenges ranked for its capability profile, with scores',
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('sme');
    minimumRecommendations = ctx.dataSize === 'M' || ctx.dataSize === 'L' ? 1 : 0;
    const requests = [{ query: RECOMMENDED_CHALLENGES, token }];
    await computeLists(ctx, requests);
    return requests;
  },
  verify: (data) => {
    const page = data.recommendedChallenges as RecommendedChallenges | undefined;
    if (!page || page.edges.length < minimumRecommendations || page.edges.length > 20) return false;
    const nodes = page.edges.map((e) => e.node);
    return (
      nodes.every(
        (n) => !!n.challenge?.id && !!(n.challenge.titleZh || n.challenge.titleEn) && !!n.match,
      ) &&
      new Set(nodes.map((n) => n.challenge!.id)).size === nodes.length &&
      rankedScores(nodes.map((n) => n.match!.score))
    );
  },
};

/**
 * Asks each request once before the measurement, one after the other: the lists the service keeps are then
 * computed (at L, 0.65-0.75 s each, measured apart with bench/profile-recommendations.ts), so the scenario
 * measures what most requests do, read a kept list, whatever the warm-up's length.
 */
async function computeLists(
  ctx: ScenarioContext,
  requests: readonly { query: string; variables?: Record<string, unknown>; token: string }[],
): Promise<void> {
  for (const r of requests) {
    const res = await ctx.graphql(r.query, r.variables, r.token);
    if (res.errors?.length) throw new Error(`recommendations refused: ${res.errors[0].message}`);
  }
}

/** Set by prepare from the data set's size (verify sees only the response). */
let minimumRecommendations = 0;
