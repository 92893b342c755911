import type { EntityManager } from 'typeorm';
import type { Viewer } from '../challenges/index.js';
import { advisoryXactLock } from '../database/advisory-lock.js';
import { SqlParams } from '../database/sql-params.js';
import type { SqlTarget } from '../database/typed-query.js';
import { bool, execute, jsonValue, preparedRows, queryOne, str } from '../database/typed-query.js';
import type { MatchSide } from './match.entities.js';
import { challengeRecommendableSql, smeRecommendableSql } from './match.queries.js';

/**
 * The SQL of kept recommendation lists (see docs/architecture.md, "The SQL layer"). A list of side 'S' holds the
 * SMEs ranked for the challenge `subject_id`, of side 'C' the challenges ranked for the SME `subject_id`. A page
 * is read with the product's rules checked again (smeRecommendableSql, challengeRecommendableSql), so a list
 * never shows what may not be recommended now, however old it is. The reads are prepared statements: their
 * planning (the rules' sub-selects) costs more than their execution.
 */

/**
 * A kept list (recommendations, similar demands) older than this is computed again when asked for: what no
 * change drops it for (the corpus' statistics, track records, a qualification or deadline reached by the
 * calendar) is at most this old.
 */
export const KEPT_LIST_TTL_SECONDS = 3600;

export interface ListEntry {
  candidateId: string;
  /** Nine decimals, as the cursor writes it. */
  score: string;
  detail: unknown;
}

/**
 * Keeps a computed list (replacing the subject's former one), unless the side's lists generation moved since
 * `generation` was read: then something the list depends on changed while it was computed, and it is not kept.
 * True when kept. Run in a transaction: the generation is read FOR SHARE (an indexer dropping lists waits, or
 * is waited for), and concurrent writers of the same list take turns (advisory lock).
 */
export async function storeList(
  manager: EntityManager,
  side: MatchSide,
  subjectId: string,
  generation: string,
  entries: readonly ListEntry[],
): Promise<boolean> {
  const same = await queryOne(
    manager,
    `SELECT lists_generation::text = $2 AS same FROM match_side_stats WHERE side = $1 FOR SHARE`,
    [side, generation],
    (r) => bool(r, 'same'),
  );
  if (!same) return false;
  await advisoryXactLock(manager, `match_lists:${side}:${subjectId}`);
  await execute(manager, `DELETE FROM match_lists WHERE side = $1 AND subject_id = $2`, [
    side,
    subjectId,
  ]);
  await execute(
    manager,
    `INSERT INTO match_lists (side, subject_id, computed_at) VALUES ($1, $2, now())`,
    [side, subjectId],
  );
  await execute(
    manager,
    `INSERT INTO match_list_entries (side, subject_id, position, candidate_id, score, detail)
     SELECT $1, $2, e.position - 1, e.candidate_id, e.score, e.detail
       FROM unnest($3::uuid[], $4::numeric[], $5::jsonb[]) WITH ORDINALITY AS e(candidate_id, score, detail, position)`,
    [
      side,
      subjectId,
      entries.map((e) => e.candidateId),
      entries.map((e) => e.score),
      entries.map((e) => JSON.stringify(e.detail)),
    ],
  );
  return true;
}

/** The cursor's position in a list: after the entry with this score and candidate id. */
export interface ListCursor {
  score: string;
  id: string;
}

/**
 * What a request reads first (one statement): whether documents wait to be indexed, the side's lists
 * generation, whether the subject's list is kept and younger than the TTL, and if so the page of it after the
 * cursor, recommendable now (at most `limit` entries).
 */
export interface KeptPage {
  queued: boolean;
  generation: string;
  fresh: boolean;
  entries: ListEntry[];
}

/** Where a page starts and how long it is, and how old a kept list may be. */
export interface PageRequest {
  after: ListCursor | null;
  limit: number;
  ttlSeconds: number;
}

/** The SMEs kept for a challenge (KeptPage). */
export function smeListPage(
  target: SqlTarget,
  challengeId: string,
  page: PageRequest,
): Promise<KeptPage> {
  return keptPage(target, 'S', challengeId, page, () => ({
    join: `JOIN challenges c ON c.id = e.subject_id JOIN organizations so ON so.id = e.candidate_id`,
    where: smeRecommendableSql('so', 'c'),
  }));
}

/** The challenges kept for an SME seen as `viewer` (KeptPage). */
export function challengeListPage(
  target: SqlTarget,
  viewer: Viewer,
  smeId: string,
  page: PageRequest,
): Promise<KeptPage> {
  return keptPage(target, 'C', smeId, page, (p, subject) => ({
    join: `JOIN challenges c ON c.id = e.candidate_id`,
    where: challengeRecommendableSql(viewer, p, subject, 'c'),
  }));
}

/** The statement of either side: `rules` joins what the rules read and states them. */
async function keptPage(
  target: SqlTarget,
  side: MatchSide,
  subjectId: string,
  page: PageRequest,
  rules: (p: SqlParams, subject: string) => { join: string; where: string },
): Promise<KeptPage> {
  const p = new SqlParams();
  const subject = p.add(subjectId);
  const { join, where } = rules(p, subject);
  const rows = await preparedRows(
    target,
    `SELECT st.lists_generation::text AS generation, EXISTS (SELECT 1 FROM match_queue) AS queued,
            l.subject_id IS NOT NULL AS fresh, pg.candidate_id, pg.score, pg.detail
       FROM match_side_stats st
       LEFT JOIN match_lists l ON l.side = st.side AND l.subject_id = ${subject}::uuid
                              AND l.computed_at > now() - make_interval(secs => ${p.add(page.ttlSeconds)})
       LEFT JOIN LATERAL (
         SELECT e.position, e.candidate_id, e.score::text AS score, e.detail FROM match_list_entries e ${join}
          WHERE e.side = st.side AND e.subject_id = l.subject_id AND ${afterSql(p, page.after)} AND ${where}
          ORDER BY e.position LIMIT ${p.add(page.limit)}) pg ON TRUE
      WHERE st.side = '${side}'
      ORDER BY pg.position`,
    p.values,
    (r) => ({
      generation: str(r, 'generation'),
      queued: bool(r, 'queued'),
      fresh: bool(r, 'fresh'),
      entry: r.candidate_id === null ? null : toEntry(r),
    }),
  );
  return {
    queued: rows[0]?.queued ?? false,
    generation: rows[0]?.generation ?? '',
    fresh: rows[0]?.fresh ?? false,
    entries: rows.flatMap((r) => (r.entry ? [r.entry] : [])),
  };
}

/** The list's order is (score descending, candidate id): what comes after the cursor's entry. */
function afterSql(p: SqlParams, after: ListCursor | null): string {
  if (!after) return 'TRUE';
  const score = p.add(after.score);
  return `(e.score < ${score}::numeric OR (e.score = ${score}::numeric AND e.candidate_id > ${p.add(after.id)}::uuid))`;
}

const toEntry = (r: Readonly<Record<string, unknown>>): ListEntry => ({
  candidateId: str(r, 'candidate_id'),
  score: str(r, 'score'),
  detail: jsonValue(r, 'detail'),
});

/** Whether any list is kept (when none is, a change has none to drop). */
export function anyList(target: SqlTarget): Promise<boolean> {
  return queryOne(target, `SELECT EXISTS (SELECT 1 FROM match_lists) AS any`, [], (r) =>
    bool(r, 'any'),
  ).then((row) => row ?? false);
}

/**
 * Drops the named lists (`subjects`, per side), the lists that hold one of `members` (per side of the
 * candidate), or every list (`all`), and moves the lists generation of `sides`, so a list being computed
 * meanwhile is not kept.
 */
export async function dropLists(
  target: SqlTarget,
  change: {
    sides: readonly MatchSide[];
    subjects?: readonly { side: MatchSide; id: string }[];
    members?: readonly { side: MatchSide; id: string }[];
    all?: boolean;
  },
): Promise<void> {
  // The generation first: every writer takes the side's row before any list's (no deadlock), in side order.
  await lockSides(target, change.sides);
  await execute(
    target,
    `UPDATE match_side_stats SET lists_generation = lists_generation + 1 WHERE side = ANY($1::char[])`,
    [change.sides],
  );
  if (change.all) return execute(target, `DELETE FROM match_lists`, []);
  const subjects = change.subjects ?? [];
  const members = change.members ?? [];
  if (!subjects.length && !members.length) return;
  await execute(
    target,
    `DELETE FROM match_lists l
          WHERE (l.side, l.subject_id) IN (SELECT s.side, s.id FROM unnest($1::char[], $2::uuid[]) AS s(side, id)
                                            UNION
                                           SELECT e.side, e.subject_id FROM match_list_entries e
                                             JOIN unnest($3::char[], $4::uuid[]) AS m(side, id)
                                               ON e.side = m.side AND e.candidate_id = m.id)`,
    [
      subjects.map((s) => s.side),
      subjects.map((s) => s.id),
      members.map((m) => m.side),
      members.map((m) => m.id),
    ],
  );
}

/** Drops the lists of the SMEs kept for every challenge of an issuer (its feedback moved), moving the generation. */
export async function dropIssuerLists(
  target: SqlTarget,
  issuerOrganizationId: string,
): Promise<void> {
  await dropLists(target, { sides: ['S'] });
  await execute(
    target,
    `DELETE FROM match_lists l USING challenges c
      WHERE l.side = 'S' AND l.subject_id = c.id AND c.issuer_organization_id = $1`,
    [issuerOrganizationId],
  );
}

/**
 * Locks the sides' statistics rows in side order, for the rest of the transaction. Whoever writes the index or
 * the lists takes them first (the indexer before its first write, a list writer before touching a list), so
 * concurrent writers queue instead of deadlocking.
 */
export async function lockSides(target: SqlTarget, sides: readonly MatchSide[]): Promise<void> {
  await execute(
    target,
    `SELECT side FROM match_side_stats WHERE side = ANY($1::char[]) ORDER BY side FOR UPDATE`,
    [sides],
  );
}
