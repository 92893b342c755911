import type { Scenario, ScenarioContext } from './scenario.js';

interface SimilarChallenge {
  similarity: number;
  linked: boolean;
  challenge: { id: string } | null;
  sharedTerms: { challengeText: string; similarText: string }[];
}

const SIMILAR_CHALLENGES = `query($id: ID!) { similarChallenges(challengeId: $id, first: 10) {
  similarity linked challenge { id titleZh titleEn status }
  sharedTerms { challengeText similarText language viaTranslation }
  sharedTechnicalFields { code nameZh } } }`;

/** How many challenges of the review queue the requests go round. */
const CHALLENGES_IN_TURN = 8;

/** The oldest challenges waiting for review (seed:scale leaves some PENDING_REVIEW at every size). */
async function challengesUnderReview(ctx: ScenarioContext, token: string): Promise<string[]> {
  const queue = await ctx.graphql(
    `{ challengeReviewQueue(first: ${CHALLENGES_IN_TURN}) { edges { node { id } } } }`,
    undefined,
    token,
  );
  const ids =
    (
      queue.data?.challengeReviewQueue as { edges: { node: { id: string } }[] } | undefined
    )?.edges.map((e) => e.node.id) ?? [];
  if (ids.length === 0)
    throw new Error(
      `no challenge waits for review: run npm run seed:scale first (${queue.errors?.[0]?.message ?? ''})`,
    );
  return ids;
}

/**
 * Duplicate demands for a reviewing admin: the challenges of other enterprises (PENDING_REVIEW or PUBLISHED) most
 * similar to one of the review queue's, with the similarity, the shared terms and fields, cycling over several
 * challenges (different fields, so different postings are read). Needs the matching index, which seed:scale builds.
 */
export const similarChallengesScenario: Scenario = {
  name: 'similarChallenges',
  description:
    "`similarChallenges(challengeId, first: 10)` as the `admin` persona: the demands most like one of the review queue's challenges, with similarity, shared terms and fields (up to 8 challenges in turn)",
  group: 'main',
  async prepare(ctx) {
    const token = await ctx.tokenOf('admin');
    const ids = await challengesUnderReview(ctx, token);
    return ids.map((id) => ({ query: SIMILAR_CHALLENGES, variables: { id }, token }));
  },
  verify: (data) => {
    const list = data.similarChallenges as SimilarChallenge[] | undefined;
    if (!Array.isArray(list) || list.length > 10) return false;
    return list.every(
      (s, i) =>
        !!s.challenge?.id &&
        Number.isFinite(s.similarity) &&
        s.similarity > 0 &&
        s.similarity <= 1 &&
        (i === 0 || s.similarity <= list[i - 1].similarity + 1e-9),
    );
  },
};
