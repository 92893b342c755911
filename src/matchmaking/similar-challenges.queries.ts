import { effectiveStatusSql, issuerShownSql, type Viewer } from '../challenges/index.js';
import type { EntityManager } from 'typeorm';
import { advisoryXactLock } from '../database/advisory-lock.js';
import { SqlParams } from '../database/sql-params.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  execute,
  jsonValue,
  num,
  preparedRows,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import { type Bm25Settings, bm25HitsSql, type WeightedTerm } from './match.queries.js';

/**
 * The SQL of duplicate-demand detection and of related-challenge links (see docs/architecture.md, "The SQL
 * layer"). Candidates come from the challenges' postings (the BM25 of recommendations, over side 'C'); every
 * statement is bounded, none per candidate.
 */

/**
 * What a challenge must read as (effectiveStatusSql: PUBLISHED only before its deadline) to be listed as similar
 * or linked as related: the one list, for the candidates' SQL and the link's check.
 */
export const COMPARABLE_STATUSES: readonly string[] = ['PENDING_REVIEW', 'PUBLISHED'];

const comparableSql = (c: string) =>
  `${effectiveStatusSql(c)} IN (${COMPARABLE_STATUSES.map((s) => `'${s}'::challenge_status`).join(', ')})`;

/** Best BM25 hits looked at before the rules (most challenges of a large platform are closed or drafts). */
const PRE_LIMIT = 1000;

/**
 * The challenges that may be duplicates of `challengeId`, best BM25 first, at most `limit`: another issuer's,
 * PENDING_REVIEW or PUBLISHED (before the deadline).
 */
export function similarChallengeCandidates(
  target: SqlTarget,
  challengeId: string,
  terms: readonly WeightedTerm[],
  bm25: Bm25Settings,
  limit: number,
): Promise<{ id: string; bm25: number }[]> {
  if (!terms.length) return Promise.resolve([]);
  const p = new SqlParams();
  const hits = bm25HitsSql('C', p, terms, bm25);
  const subject = p.add(challengeId);
  return queryRows(
    target,
    `WITH hits AS MATERIALIZED (SELECT * FROM (${hits}) h ORDER BY bm25 DESC LIMIT ${PRE_LIMIT})
     SELECT hits.doc_id, hits.bm25 FROM hits
       JOIN challenges c ON c.id = hits.doc_id
       JOIN challenges s ON s.id = ${subject}::uuid
      WHERE c.id <> s.id AND c.issuer_organization_id <> s.issuer_organization_id AND ${comparableSql('c')}
      ORDER BY hits.bm25 DESC, hits.doc_id
      LIMIT ${p.add(limit)}`,
    p.values,
    (r) => ({ id: str(r, 'doc_id'), bm25: num(r, 'bm25') }),
  );
}

/** One scored candidate of a kept similar list. */
export interface SimilarEntry {
  candidateId: string;
  similarity: number;
  /** What the list shows of the pair besides the number (the shared terms and fields). */
  detail: unknown;
}

/**
 * What a request reads first (one statement): whether documents wait to be indexed, the challenges' corpus
 * generation, whether the challenge's similar list is kept from that corpus and younger than `ttlSeconds`, and
 * if so its entries at least `minimum` similar that are still comparable (another issuer's by construction;
 * PENDING_REVIEW or PUBLISHED before the deadline now), most similar first, at most `limit`.
 */
export interface KeptSimilar {
  queued: boolean;
  generation: string;
  fresh: boolean;
  entries: SimilarEntry[];
}

export async function keptSimilar(
  target: SqlTarget,
  challengeId: string,
  page: { minimum: number; limit: number; ttlSeconds: number },
): Promise<KeptSimilar> {
  const p = new SqlParams();
  const subject = p.add(challengeId);
  const rows = await preparedRows(
    target,
    `SELECT st.corpus_generation::text AS generation, EXISTS (SELECT 1 FROM match_queue) AS queued,
            l.challenge_id IS NOT NULL AS fresh, pg.candidate_id, pg.similarity, pg.detail
       FROM match_side_stats st
       LEFT JOIN similar_lists l ON l.challenge_id = ${subject}::uuid AND l.corpus_generation = st.corpus_generation
                                AND l.computed_at > now() - make_interval(secs => ${p.add(page.ttlSeconds)})
       LEFT JOIN LATERAL (
         SELECT e.position, e.candidate_id, e.similarity, e.detail
           FROM similar_list_entries e JOIN challenges c ON c.id = e.candidate_id
          WHERE e.challenge_id = l.challenge_id AND e.similarity >= ${p.add(page.minimum)} AND ${comparableSql('c')}
          ORDER BY e.position LIMIT ${p.add(page.limit)}) pg ON TRUE
      WHERE st.side = 'C'
      ORDER BY pg.position`,
    p.values,
    (r) => ({
      generation: str(r, 'generation'),
      queued: bool(r, 'queued'),
      fresh: bool(r, 'fresh'),
      entry:
        r.candidate_id === null
          ? null
          : {
              candidateId: str(r, 'candidate_id'),
              similarity: num(r, 'similarity'),
              detail: jsonValue(r, 'detail'),
            },
    }),
  );
  return {
    queued: rows[0]?.queued ?? false,
    generation: rows[0]?.generation ?? '',
    fresh: rows[0]?.fresh ?? false,
    entries: rows.flatMap((r) => (r.entry ? [r.entry] : [])),
  };
}

/**
 * Keeps a challenge's computed similar list (replacing its former one), unless the challenges' corpus
 * generation moved since `generation` was read: then the index changed while the list was computed, and it is
 * not kept. True when kept. Run in a transaction: the generation is read FOR SHARE (an indexer changing the
 * corpus waits, or is waited for), and concurrent writers of the same list take turns (advisory lock).
 */
export async function storeSimilarList(
  manager: EntityManager,
  challengeId: string,
  generation: string,
  entries: readonly SimilarEntry[],
): Promise<boolean> {
  const same = await queryOne(
    manager,
    `SELECT corpus_generation::text = $1 AS same FROM match_side_stats WHERE side = 'C' FOR SHARE`,
    [generation],
    (r) => bool(r, 'same'),
  );
  if (!same) return false;
  await advisoryXactLock(manager, `similar_lists:${challengeId}`);
  await execute(manager, `DELETE FROM similar_lists WHERE challenge_id = $1`, [challengeId]);
  await execute(
    manager,
    `INSERT INTO similar_lists (challenge_id, corpus_generation, computed_at) VALUES ($1, $2, now())`,
    [challengeId, generation],
  );
  await execute(
    manager,
    `INSERT INTO similar_list_entries (challenge_id, position, candidate_id, similarity, detail)
     SELECT $1, e.position - 1, e.candidate_id, e.similarity, e.detail
       FROM unnest($2::uuid[], $3::float8[], $4::jsonb[]) WITH ORDINALITY AS e(candidate_id, similarity, detail, position)`,
    [
      challengeId,
      entries.map((e) => e.candidateId),
      entries.map((e) => e.similarity),
      entries.map((e) => JSON.stringify(e.detail)),
    ],
  );
  return true;
}

/** The challenges among `ids` linked to `challengeId` (one statement). */
export function linkedAmong(
  target: SqlTarget,
  challengeId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return Promise.resolve([]);
  return queryRows(
    target,
    `SELECT CASE WHEN rc.challenge_a_id = $1 THEN rc.challenge_b_id ELSE rc.challenge_a_id END AS other
       FROM related_challenges rc
      WHERE (rc.challenge_a_id = $1 AND rc.challenge_b_id = ANY($2::uuid[]))
         OR (rc.challenge_b_id = $1 AND rc.challenge_a_id = ANY($2::uuid[]))`,
    [challengeId, ids],
    (r) => str(r, 'other'),
  );
}

/** What linking reads of a challenge (locked to the commit). */
export interface LinkableChallenge {
  id: string;
  issuerOrganizationId: string;
  status: string;
}

/** The two challenges, locked in id order (two admins linking the same pair never deadlock); unknown ids left out. */
export function lockChallenges(
  target: SqlTarget,
  ids: readonly string[],
): Promise<LinkableChallenge[]> {
  return queryRows(
    target,
    `SELECT c.id, c.issuer_organization_id, ${effectiveStatusSql('c')}::text AS status
       FROM challenges c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE OF c`,
    [ids],
    (r) => ({
      id: str(r, 'id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      status: str(r, 'status'),
    }),
  );
}

export interface LinkRow {
  id: string;
  note: string;
  linkedAt: Date;
}

const toLink = (r: SqlRow): LinkRow => ({
  id: str(r, 'id'),
  note: str(r, 'note'),
  linkedAt: date(r, 'linked_at'),
});

/** Links the pair (stored smaller id first); undefined when it is linked already. */
export function insertLink(
  target: SqlTarget,
  link: { a: string; b: string; note: string; linkedBy: string },
): Promise<LinkRow | undefined> {
  const [a, b] = link.a < link.b ? [link.a, link.b] : [link.b, link.a];
  return queryOne(
    target,
    `INSERT INTO related_challenges (challenge_a_id, challenge_b_id, note, linked_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (challenge_a_id, challenge_b_id) DO NOTHING RETURNING id, note, linked_at`,
    [a, b, link.note, link.linkedBy],
    toLink,
  );
}

/** Removes the pair's link; undefined when there was none. */
export function deleteLink(target: SqlTarget, x: string, y: string): Promise<LinkRow | undefined> {
  const [a, b] = x < y ? [x, y] : [y, x];
  return queryOne(
    target,
    `DELETE FROM related_challenges WHERE challenge_a_id = $1 AND challenge_b_id = $2 RETURNING id, note, linked_at`,
    [a, b],
    toLink,
  );
}

/** A link of one of the viewer's challenges, with the other challenge's issuer when the viewer may know it. */
export interface RelatedRow {
  challengeId: string;
  relatedChallengeId: string;
  note: string;
  linkedAt: Date;
  issuer: { id: string; nameZh: string; nameEn: string | null } | null;
}

/**
 * The links of the challenges among `ids` that the viewer may see the links of: the issuer's members of their
 * own challenges, admins of any (one statement; the rule is in the WHERE, others get no rows). The other
 * challenge's issuer is named by the one rule for anonymous issuers (issuerShownSql).
 */
export function relatedOf(
  target: SqlTarget,
  viewer: Viewer,
  ids: readonly string[],
): Promise<RelatedRow[]> {
  if (!viewer.admin && !viewer.organizationId) return Promise.resolve([]);
  const p = new SqlParams();
  const idsParam = p.add(ids);
  const own = viewer.admin
    ? 'TRUE'
    : `mine.issuer_organization_id = ${p.add(viewer.organizationId)}::uuid`;
  const shown = issuerShownSql(viewer, p, 'other');
  return queryRows(
    target,
    `SELECT mine.id AS challenge_id, other.id AS related_id, rc.note, rc.linked_at,
            CASE WHEN ${shown} THEN o.id END AS issuer_id,
            CASE WHEN ${shown} THEN o.name_zh END AS issuer_name_zh,
            CASE WHEN ${shown} THEN o.name_en END AS issuer_name_en
       FROM related_challenges rc
       JOIN challenges mine ON mine.id IN (rc.challenge_a_id, rc.challenge_b_id)
       JOIN challenges other ON other.id IN (rc.challenge_a_id, rc.challenge_b_id) AND other.id <> mine.id
       JOIN organizations o ON o.id = other.issuer_organization_id
      WHERE mine.id = ANY(${idsParam}::uuid[]) AND ${own}
        AND (rc.challenge_a_id = ANY(${idsParam}::uuid[]) OR rc.challenge_b_id = ANY(${idsParam}::uuid[]))
      ORDER BY rc.linked_at DESC, rc.id`,
    p.values,
    (r) => {
      const issuerId = strOrNull(r, 'issuer_id');
      return {
        challengeId: str(r, 'challenge_id'),
        relatedChallengeId: str(r, 'related_id'),
        note: str(r, 'note'),
        linkedAt: date(r, 'linked_at'),
        issuer: issuerId
          ? {
              id: issuerId,
              nameZh: str(r, 'issuer_name_zh'),
              nameEn: strOrNull(r, 'issuer_name_en'),
            }
          : null,
      };
    },
  );
}
