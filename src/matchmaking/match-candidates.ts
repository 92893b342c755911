import type { Viewer } from '../challenges/index.js';
import type { SqlTarget } from '../database/typed-query.js';
import { idf } from './analysis/score.js';
import {
  challengeCandidates,
  type ChallengeMatchContext,
  type SideStats,
  sideStats,
  smeCandidates,
  smeFacts,
  smeTerms,
} from './match.queries.js';
import { similarChallengeCandidates } from './similar-challenges.queries.js';

/**
 * The first stage of a recommendation, both ways: which documents the exact scoring looks at. Shared by the
 * requests (recommendations) and the indexer (which lists a changed document may enter).
 */

/**
 * Terms in more than this share of a side's documents (and more than CANDIDATE_DF_FLOOR of them) do not select
 * candidates: near stop words, whose postings are long and whose weight is small; they still score.
 */
const CANDIDATE_DF_SHARE = 0.1;
const CANDIDATE_DF_FLOOR = 50;
/** At most this many terms, the weightiest, select candidates (a long profile still costs a bounded scan). */
const CANDIDATE_TERMS = 64;

/** BM25's free parameters (the weights k1 and b). */
export interface Bm25Parameters {
  k1: number;
  b: number;
}

/** Whether a term selects candidates: it occurs somewhere, and not in most documents (a near stop word). */
function candidateTerm(stats: SideStats, term: string): boolean {
  const df = stats.df.get(term) ?? 0;
  return df > 0 && df <= Math.max(CANDIDATE_DF_FLOOR, CANDIDATE_DF_SHARE * stats.documents);
}

/** The terms that select candidates, with their BM25 query weight (weight × IDF), weightiest first. */
function candidateTerms(
  terms: readonly { term: string; weight: number }[],
  stats: SideStats,
): { term: string; value: number }[] {
  return terms
    .filter((t) => candidateTerm(stats, t.term))
    .map((t) => ({
      term: t.term,
      value: t.weight * idf(stats.df.get(t.term) ?? 0, stats.documents),
    }))
    .sort((a, b) => b.value - a.value || a.term.localeCompare(b.term))
    .slice(0, CANDIDATE_TERMS);
}

/** Every term of a challenge scoring looks up: its own, what it wants avoided, the approaches it excludes. */
export function termsOfChallenge(c: ChallengeMatchContext): string[] {
  return [
    ...new Set([
      ...c.terms.map((t) => t.term),
      ...c.avoid.map((t) => t.term),
      ...c.excludedRoutes.map((t) => t.term),
    ]),
  ];
}

/** The SMEs worth scoring for a challenge (at most `limit`), with the SME side's statistics for its terms. */
export async function smeCandidatesFor(
  target: SqlTarget,
  challenge: ChallengeMatchContext,
  bm25: Bm25Parameters,
  limit: number,
): Promise<{ stats: SideStats; candidates: { id: string; bm25: number }[] }> {
  const stats = await sideStats(target, 'S', termsOfChallenge(challenge));
  const candidates = await smeCandidates(
    target,
    challenge.id,
    candidateTerms(challenge.terms, stats),
    challenge.fieldCodes,
    { ...bm25, averageLength: stats.averageLength },
    limit,
  );
  return { stats, candidates };
}

/** The challenges worth scoring for an SME seen as `viewer` (at most `limit`). */
export async function challengeCandidatesFor(
  target: SqlTarget,
  viewer: Viewer,
  smeId: string,
  bm25: Bm25Parameters,
  limit: number,
): Promise<{ id: string; bm25: number }[]> {
  const own = await smeTerms(target, smeId);
  // One after the other: in the indexer, `target` is a transaction's single connection.
  const stats = await sideStats(
    target,
    'C',
    own.map((t) => t.term),
  );
  const [mine] = await smeFacts(target, [smeId], []);
  return challengeCandidates(
    target,
    viewer,
    smeId,
    candidateTerms(own, stats),
    mine?.fieldCodes ?? [],
    { ...bm25, averageLength: stats.averageLength },
    limit,
  );
}

/**
 * The challenges that may duplicate `challenge` (another issuer's, PENDING_REVIEW or PUBLISHED), at most
 * `limit`, with the challenge side's statistics for its terms: the same BM25 over the same postings as
 * recommendations, the demand's own terms as the query, IDF over the challenges.
 */
export async function similarChallengeCandidatesFor(
  target: SqlTarget,
  challenge: ChallengeMatchContext,
  bm25: Bm25Parameters,
  limit: number,
): Promise<{ id: string; bm25: number }[]> {
  const stats = await sideStats(
    target,
    'C',
    challenge.terms.map((t) => t.term),
  );
  return similarChallengeCandidates(
    target,
    challenge.id,
    candidateTerms(challenge.terms, stats),
    { ...bm25, averageLength: stats.averageLength },
    limit,
  );
}
