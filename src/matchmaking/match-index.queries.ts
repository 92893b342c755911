import type { SqlTarget } from '../database/typed-query.js';
import {
  bool,
  execute,
  jsonRows,
  preparedOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import type { DocumentAnalysis, DocumentTerm } from './analysis/analyze.js';
import type { MatchSide } from './match.entities.js';

/** The SQL of the matching index (see docs/architecture.md, "The SQL layer"). Pure module. */

export interface QueuedDocument {
  side: MatchSide;
  docId: string;
}

/** Whether any document waits to be indexed (one cheap statement before each recommendation). */
export function anyQueued(target: SqlTarget): Promise<boolean> {
  return preparedOne(target, `SELECT EXISTS (SELECT 1 FROM match_queue) AS queued`, [], (row) =>
    bool(row, 'queued'),
  ).then((queued) => queued ?? false);
}

/**
 * Takes up to `limit` documents off the queue (oldest first), skipping rows another indexer holds; they come
 * back if the transaction rolls back.
 */
export function takeQueued(target: SqlTarget, limit: number): Promise<QueuedDocument[]> {
  return queryRows(
    target,
    `DELETE FROM match_queue q USING (
        SELECT side, doc_id FROM match_queue ORDER BY queued_at, side, doc_id LIMIT $1 FOR UPDATE SKIP LOCKED) t
      WHERE q.side = t.side AND q.doc_id = t.doc_id RETURNING q.side, q.doc_id`,
    [limit],
    (row) => ({ side: str(row, 'side') as MatchSide, docId: str(row, 'doc_id') }),
  );
}

/**
 * What matching reads of a challenge: the public text only (never the confidential description). The indexer
 * reads it, and duplicate detection for the quantities of the title, summary and requirements.
 */
export interface ChallengeSource {
  id: string;
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  requirements: { name: string; target: string; unit: string }[];
  excludedApproaches: { zh: string | null; en: string | null }[];
}

export function challengeSources(
  target: SqlTarget,
  ids: readonly string[],
): Promise<ChallengeSource[]> {
  return queryRows(
    target,
    `SELECT c.id, c.title_zh, c.title_en, c.summary_zh, c.summary_en, c.excluded_approaches,
            (SELECT coalesce(json_agg(json_build_object('name', r.name, 'target', r.target, 'unit', r.unit) ORDER BY r.position), '[]'::json)
               FROM challenge_requirements r WHERE r.challenge_id = c.id) AS requirements
       FROM challenges c WHERE c.id = ANY($1::uuid[])`,
    [ids],
    (row) => ({
      id: str(row, 'id'),
      titleZh: strOrNull(row, 'title_zh'),
      titleEn: strOrNull(row, 'title_en'),
      summaryZh: strOrNull(row, 'summary_zh'),
      summaryEn: strOrNull(row, 'summary_en'),
      requirements: jsonRows(row, 'requirements').map((r) => ({
        name: str(r, 'name'),
        target: str(r, 'target'),
        unit: str(r, 'unit'),
      })),
      excludedApproaches: jsonRows(row, 'excluded_approaches').map((a) => ({
        zh: strOrNull(a, 'zh'),
        en: strOrNull(a, 'en'),
      })),
    }),
  );
}

/** What matching reads of an SME: its name and capability profile (never its contacts). */
export interface SmeSource {
  id: string;
  nameZh: string;
  nameEn: string | null;
  capabilityStatement: string;
  keywords: string[];
  products: { name: string; description: string }[];
  pastProjects: { title: string; outcome: string }[];
  technicalRoutes: { zh: string | null; en: string | null }[];
}

export function smeSources(target: SqlTarget, ids: readonly string[]): Promise<SmeSource[]> {
  return queryRows(
    target,
    `SELECT o.id, o.name_zh, o.name_en, s.capability_statement, to_json(s.keywords) AS keywords, s.products,
            s.past_projects, s.technical_routes
       FROM organizations o JOIN smes s ON s.organization_id = o.id WHERE o.id = ANY($1::uuid[])`,
    [ids],
    (row) => ({
      id: str(row, 'id'),
      nameZh: str(row, 'name_zh'),
      nameEn: strOrNull(row, 'name_en'),
      capabilityStatement: str(row, 'capability_statement'),
      keywords: (row.keywords as string[] | null) ?? [],
      products: jsonRows(row, 'products').map((p) => ({
        name: str(p, 'name'),
        description: str(p, 'description'),
      })),
      pastProjects: jsonRows(row, 'past_projects').map((p) => ({
        title: str(p, 'title'),
        outcome: str(p, 'outcome'),
      })),
      technicalRoutes: jsonRows(row, 'technical_routes').map((r) => ({
        zh: strOrNull(r, 'zh'),
        en: strOrNull(r, 'en'),
      })),
    }),
  );
}

/** One document's new index entry. */
export interface IndexedDocument {
  docId: string;
  analysis: DocumentAnalysis;
  /** Challenges: terms of the excluded approaches; SMEs: terms of the technical routes. */
  routeTerms: DocumentTerm[];
}

const termJson = (t: DocumentTerm) => ({
  term: t.term,
  surface: t.surface,
  language: t.language,
  weight: t.weight,
});

/**
 * Replaces the index entries of `removed` (documents whose source is gone) and `docs` of one side: the
 * postings, the documents, the document frequencies and the side's totals, under a per-side transaction
 * lock so that concurrent indexers keep the totals exact. Runs in the caller's transaction.
 */
export async function replaceDocuments(
  target: SqlTarget,
  side: MatchSide,
  docs: readonly IndexedDocument[],
  removed: readonly string[],
): Promise<void> {
  const ids = [...docs.map((d) => d.docId), ...removed];
  if (!ids.length) return;
  await execute(target, `SELECT pg_advisory_xact_lock(hashtext('match-index'), ascii($1))`, [side]);
  // The old entries out of the totals.
  await execute(
    target,
    `UPDATE match_term_stats s SET df = s.df - old.n
       FROM (SELECT term, count(*)::int AS n FROM match_terms WHERE side = $1 AND doc_id = ANY($2::uuid[]) GROUP BY term) old
      WHERE s.side = $1 AND s.term = old.term`,
    [side, ids],
  );
  // The side's corpus changes: its generation moves (what kept similar lists are read against).
  await execute(
    target,
    `UPDATE match_side_stats st SET documents = st.documents - old.n, total_length = st.total_length - old.len,
                                    corpus_generation = st.corpus_generation + 1
       FROM (SELECT count(*)::int AS n, coalesce(sum(length), 0) AS len FROM match_documents
              WHERE side = $1 AND doc_id = ANY($2::uuid[])) old
      WHERE st.side = $1`,
    [side, ids],
  );
  await execute(target, `DELETE FROM match_terms WHERE side = $1 AND doc_id = ANY($2::uuid[])`, [
    side,
    ids,
  ]);
  await execute(
    target,
    `DELETE FROM match_documents WHERE side = $1 AND doc_id = ANY($2::uuid[])`,
    [side, ids],
  );
  if (!docs.length) return;
  const postings = docs.flatMap((d) =>
    d.analysis.terms.map((t) => ({ docId: d.docId, length: d.analysis.length, t })),
  );
  await execute(
    target,
    // impact: BM25's term factor (k1 1.2, b 0.75) against the side's average length now; only an order.
    `INSERT INTO match_terms (side, term, doc_id, weight, doc_length, impact, locations, surface, translated)
     SELECT $1, p.term, p.doc_id, p.weight, p.doc_length,
            p.weight * 2.2 / (p.weight + 1.2 * (0.25 + 0.75 * p.doc_length / greatest(avg.len, 1e-6))),
            p.locations, p.surface, p.translated
       FROM unnest($2::text[], $3::uuid[], $4::real[], $5::real[], $6::int[], $7::text[], $8::boolean[])
              AS p(term, doc_id, weight, doc_length, locations, surface, translated)
      CROSS JOIN (SELECT CASE WHEN documents > 0 THEN total_length / documents END AS len
                    FROM match_side_stats WHERE side = $1) st
      CROSS JOIN LATERAL (SELECT coalesce(st.len, p.doc_length)::real AS len) avg`,
    [
      side,
      postings.map((p) => p.t.term),
      postings.map((p) => p.docId),
      postings.map((p) => p.t.weight),
      postings.map((p) => p.length),
      postings.map((p) => p.t.locations),
      postings.map((p) => p.t.surface),
      postings.map((p) => p.t.translated),
    ],
  );
  await execute(
    target,
    `INSERT INTO match_documents (side, doc_id, length, avoid, application_terms, route_terms)
     SELECT $1, d.id, d.length, d.avoid, ARRAY(SELECT jsonb_array_elements_text(d.application)), d.routes
       FROM jsonb_to_recordset($2::jsonb) AS d(id uuid, length real, avoid jsonb, application jsonb, routes jsonb)`,
    [
      side,
      JSON.stringify(
        docs.map((d) => ({
          id: d.docId,
          length: d.analysis.length,
          avoid: d.analysis.avoid.map(termJson),
          application: d.analysis.application,
          routes: d.routeTerms.map(termJson),
        })),
      ),
    ],
  );
  await execute(
    target,
    `INSERT INTO match_term_stats (side, term, df)
     SELECT $1, term, count(*)::int FROM match_terms WHERE side = $1 AND doc_id = ANY($2::uuid[]) GROUP BY term
         ORDER BY term
     ON CONFLICT (side, term) DO UPDATE SET df = match_term_stats.df + excluded.df`,
    [side, docs.map((d) => d.docId)],
  );
  await execute(
    target,
    `UPDATE match_side_stats SET documents = documents + $2, total_length = total_length + $3 WHERE side = $1`,
    [side, docs.length, docs.reduce((sum, d) => sum + d.analysis.length, 0)],
  );
}

/** Queues every challenge and SME for reindexing (after the vocabulary changed). */
export function queueEverything(target: SqlTarget): Promise<void> {
  return execute(
    target,
    `INSERT INTO match_queue (side, doc_id)
       SELECT 'C', id FROM challenges UNION ALL SELECT 'S', organization_id FROM smes
     ON CONFLICT (side, doc_id) DO NOTHING`,
    [],
  );
}

/** The pairs admins added to the vocabulary. */
export function vocabularyAdditions(target: SqlTarget): Promise<{ zh: string; en: string }[]> {
  return queryRows(
    target,
    `SELECT zh, en FROM match_vocabulary ORDER BY created_at, id`,
    [],
    (row) => ({ zh: str(row, 'zh'), en: str(row, 'en') }),
  );
}

/** The taxonomy's names as vocabulary pairs (固态电池 / solid-state batteries). */
export function taxonomyPairs(target: SqlTarget): Promise<{ zh: string; en: string }[]> {
  return queryRows(
    target,
    `SELECT name_zh AS zh, name_en AS en FROM technical_fields ORDER BY code`,
    [],
    (row) => ({ zh: str(row, 'zh'), en: str(row, 'en') }),
  );
}

/**
 * A fingerprint of the database's part of the vocabulary (the admins' pairs and the taxonomy's names): it
 * changes with any pair or name added, removed or renamed. Both tables are small.
 */
export async function vocabularySignature(target: SqlTarget): Promise<string> {
  const rows = await queryRows(
    target,
    `SELECT (SELECT count(*) || ':' || coalesce(sum(hashtext(zh || '|' || en)::bigint), 0) FROM match_vocabulary)
            || '/' ||
            (SELECT count(*) || ':' || coalesce(sum(hashtext(code || '|' || name_zh || '|' || name_en)::bigint), 0)
               FROM technical_fields) AS signature`,
    [],
    (row) => str(row, 'signature'),
  );
  return rows[0] ?? '';
}
