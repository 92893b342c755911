import { effectiveStatusSql, issuerShownSql, type Viewer } from '../challenges/index.js';
import { SqlParams } from '../database/sql-params.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import { date, num, queryOne, queryRows, str, strOrNull } from '../database/typed-query.js';
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
