import { effectiveStatusSql, type Viewer, visibleSql } from '../challenges/index.js';
import { SqlParams } from '../database/sql-params.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  int,
  jsonObject,
  jsonRows,
  num,
  preparedRows,
  queryOne,
  queryRows,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import {
  effectiveQualificationSql,
  eligibilityProblemsSql,
  QUALIFICATION_ORDER,
  verifiedSql,
} from '../organizations/index.js';
import type { TermLanguage } from './analysis/analyze.js';
import { DismissalSide, type MatchSide } from './match.entities.js';

/**
 * The SQL of recommendations (see docs/architecture.md, "The SQL layer"). Candidates come from the postings
 * (a BM25 computed in SQL over the query's terms) and from shared technical fields; the rules of who may be
 * recommended are the product's own, composed here, never rewritten: eligibility (eligibilityProblemsSql, a
 * hard filter), visibility (visibleSql), verification, dismissals. Every statement is bounded, none per candidate.
 */

export interface IndexedTerm {
  term: string;
  weight: number;
  locations: number;
  surface: string;
  translated: boolean;
}

export interface LooseTermRow {
  term: string;
  surface: string;
  language: TermLanguage;
}

/** What scoring needs of a challenge. */
export interface ChallengeMatchContext {
  id: string;
  issuerOrganizationId: string;
  industryCode: string;
  allowedRegionCodes: string[];
  fieldCodes: string[];
  terms: IndexedTerm[];
  avoid: LooseTermRow[];
  applicationTerms: string[];
  excludedRoutes: LooseTermRow[];
  /** False until the indexer has seen it. */
  indexed: boolean;
}

const toIndexedTerm = (r: SqlRow): IndexedTerm => ({
  term: str(r, 'term'),
  weight: num(r, 'weight'),
  locations: int(r, 'locations'),
  surface: str(r, 'surface'),
  translated: bool(r, 'translated'),
});

const toLooseTerm = (r: SqlRow): LooseTermRow => ({
  term: str(r, 'term'),
  surface: str(r, 'surface'),
  language: str(r, 'language') === 'ZH' ? 'ZH' : 'EN',
});

/** The scoring context of challenges by id (one statement; unknown ids are left out). */
export function challengeContexts(
  target: SqlTarget,
  ids: readonly string[],
): Promise<ChallengeMatchContext[]> {
  return queryRows(
    target,
    `SELECT c.id, c.issuer_organization_id, c.industry_code, c.allowed_region_codes::text[] AS allowed_region_codes,
            d.doc_id IS NOT NULL AS indexed, coalesce(d.avoid, '[]'::jsonb) AS avoid,
            coalesce(d.application_terms, '{}') AS application_terms, coalesce(d.route_terms, '[]'::jsonb) AS route_terms,
            ARRAY(SELECT ctf.field_code::text FROM challenge_technical_fields ctf WHERE ctf.challenge_id = c.id ORDER BY 1) AS field_codes,
            (SELECT coalesce(json_agg(json_build_object('term', t.term, 'weight', t.weight, 'locations', t.locations,
                                                        'surface', t.surface, 'translated', t.translated)), '[]'::json)
               FROM match_terms t WHERE t.side = 'C' AND t.doc_id = c.id) AS terms
       FROM challenges c LEFT JOIN match_documents d ON d.side = 'C' AND d.doc_id = c.id
      WHERE c.id = ANY($1::uuid[])`,
    [ids],
    (r) => ({
      id: str(r, 'id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      industryCode: str(r, 'industry_code'),
      allowedRegionCodes: strArray(r, 'allowed_region_codes'),
      fieldCodes: strArray(r, 'field_codes'),
      terms: jsonRows(r, 'terms').map(toIndexedTerm),
      avoid: jsonRows(r, 'avoid').map(toLooseTerm),
      applicationTerms: strArray(r, 'application_terms'),
      excludedRoutes: jsonRows(r, 'route_terms').map(toLooseTerm),
      indexed: bool(r, 'indexed'),
    }),
  );
}

export interface SideStats {
  documents: number;
  averageLength: number;
  /** Document frequency of each term asked for (absent: 0). */
  df: Map<string, number>;
}

/** N, the average length and the document frequencies of `terms` on one side (one statement). */
export async function sideStats(
  target: SqlTarget,
  side: MatchSide,
  terms: readonly string[],
): Promise<SideStats> {
  const row = await queryOne(
    target,
    `SELECT st.documents, CASE WHEN st.documents > 0 THEN st.total_length / st.documents ELSE 1 END AS average_length,
            (SELECT coalesce(json_object_agg(ts.term, ts.df), '{}'::json) FROM match_term_stats ts
              WHERE ts.side = $1 AND ts.term = ANY($2::text[]) AND ts.df > 0) AS df
       FROM match_side_stats st WHERE st.side = $1`,
    [side, terms],
    (r) => ({
      documents: int(r, 'documents'),
      averageLength: num(r, 'average_length'),
      df: new Map(Object.entries(jsonObject(r, 'df')).map(([k, v]) => [k, Number(v)])),
    }),
  );
  return row ?? { documents: 0, averageLength: 1, df: new Map() };
}

/** A query term with its BM25 weight (query weight × IDF) for candidate generation. */
export interface WeightedTerm {
  term: string;
  value: number;
}

export interface Bm25Settings {
  k1: number;
  b: number;
  averageLength: number;
}

/** The BM25 sum over the query terms `q` (term, value) of the documents of `side`, per doc_id. */
export function bm25HitsSql(
  side: MatchSide,
  p: SqlParams,
  terms: readonly WeightedTerm[],
  s: Bm25Settings,
): string {
  // Each term's best postings (by impact, from the (side, term, impact DESC) index; LATERAL with LIMIT keeps it an
  // index range per term), and the document's length read from the posting: the cost is bounded by the number
  // of terms, whatever the number of documents.
  return `SELECT t.doc_id, sum(q.value * t.weight * ${p.add(s.k1 + 1)}::real
              / (t.weight + ${p.add(s.k1)}::real * (1 - ${p.add(s.b)}::real + ${p.add(s.b)}::real * t.doc_length / ${p.add(s.averageLength)}::real))) AS bm25
         FROM unnest(${p.add(terms.map((t) => t.term))}::text[], ${p.add(terms.map((t) => t.value))}::real[]) AS q(term, value)
        CROSS JOIN LATERAL (SELECT mt.doc_id, mt.weight, mt.doc_length FROM match_terms mt
                             WHERE mt.side = '${side}' AND mt.term = q.term
                             ORDER BY mt.impact DESC LIMIT ${POSTINGS_PER_TERM}) t
        GROUP BY t.doc_id`;
}

/**
 * Postings read per query term, best first: a document outside every term's best 400 cannot be among the best
 * candidates unless it has many of the terms at a low weight each.
 */
const POSTINGS_PER_TERM = 400;

/** A challenge open to proposals: what it reads as (effectiveStatusSql) is PUBLISHED, before its deadline. */
const openSql = (c: string) => `${effectiveStatusSql(c)} = 'PUBLISHED'`;

/** An SME organisation matching may recommend: verified (what is not verified is never recommended). */
const recommendableSmeSql = (o: string) => `(${o}.kind = 'SME' AND ${verifiedSql(o)})`;

/**
 * Whether the SME organisation `o` may be recommended to the issuer of challenge `c`: verified, eligible by
 * the one eligibility rule, not dismissed by the issuer's side. Candidates and kept lists both read it.
 */
export function smeRecommendableSql(o: string, c: string): string {
  return `(${recommendableSmeSql(o)}
    AND cardinality(${eligibilityProblemsSql(`${o}.id`, c)}) = 0
    AND NOT EXISTS (SELECT 1 FROM match_dismissals md
                     WHERE md.challenge_id = ${c}.id AND md.sme_id = ${o}.id AND md.side = 'ISSUER'))`;
}

/**
 * Whether challenge `c` may be recommended to the SME `smeParam` (a placeholder) seen as `viewer`: open
 * (PUBLISHED, before its deadline), visible to the viewer, the SME eligible for it, not dismissed by the SME's
 * side. Candidates and kept lists both read it.
 */
export function challengeRecommendableSql(
  viewer: Viewer,
  p: SqlParams,
  smeParam: string,
  c: string,
): string {
  return `(${openSql(c)} AND ${visibleSql(viewer, p, c)}
    AND cardinality(${eligibilityProblemsSql(smeParam, c)}) = 0
    AND NOT EXISTS (SELECT 1 FROM match_dismissals md
                     WHERE md.challenge_id = ${c}.id AND md.sme_id = ${smeParam}::uuid AND md.side = 'SME'))`;
}

/** Candidates ranked by BM25 before the rules are checked (the rules then run on these only). */
const PRE_LIMIT = 1000;
/** The same for challenges (fewer are open at a time, and each is checked against the visibility rule too). */
const PRE_LIMIT_CHALLENGES = 300;

/**
 * The candidates' statement both ways: the best `preLimit` documents by BM25 (`hits`) and those sharing a
 * top-level field (`fieldHits`, BM25 0), then `from` and `where` (the product's rules), best first, `limit`.
 */
function rankedCandidates(
  target: SqlTarget,
  p: SqlParams,
  parts: { hits: string; preLimit: number; fieldHits: string; from: string; where: string },
  limit: number,
): Promise<{ id: string; bm25: number }[]> {
  return queryRows(
    target,
    `WITH hits AS MATERIALIZED (SELECT * FROM (${parts.hits}) h ORDER BY bm25 DESC LIMIT ${parts.preLimit}),
          field_hits AS (${parts.fieldHits} LIMIT 500),
          cand AS (SELECT doc_id, max(bm25) AS bm25 FROM (SELECT * FROM hits UNION ALL SELECT * FROM field_hits) u GROUP BY doc_id)
     SELECT cand.doc_id, cand.bm25 FROM cand ${parts.from}
      WHERE ${parts.where}
      ORDER BY cand.bm25 DESC, cand.doc_id
      LIMIT ${p.add(limit)}`,
    p.values,
    (r) => ({ id: str(r, 'doc_id'), bm25: num(r, 'bm25') }),
  );
}

/**
 * The SMEs that may be recommended for the challenge, best BM25 first (those sharing a technical field but no
 * term follow with 0), at most `limit`: verified SMEs, eligible by the one eligibility rule, not dismissed by
 * the issuer's side.
 */
export function smeCandidates(
  target: SqlTarget,
  challengeId: string,
  terms: readonly WeightedTerm[],
  fieldCodes: readonly string[],
  bm25: Bm25Settings,
  limit: number,
): Promise<{ id: string; bm25: number }[]> {
  const p = new SqlParams();
  const hits = bm25HitsSql('S', p, terms, bm25);
  const roots = p.add(fieldCodes.map((code) => code.split('.')[0]));
  const challenge = p.add(challengeId);
  return rankedCandidates(
    target,
    p,
    {
      hits,
      preLimit: PRE_LIMIT,
      fieldHits: `SELECT DISTINCT sf.organization_id AS doc_id, 0::real AS bm25 FROM sme_technical_fields sf
                   WHERE split_part(sf.field_code, '.', 1) = ANY(${roots}::text[])`,
      from: `JOIN organizations so ON so.id = cand.doc_id JOIN challenges c ON c.id = ${challenge}::uuid`,
      where: smeRecommendableSql('so', 'c'),
    },
    limit,
  );
}

/**
 * The challenges that may be recommended to the SME, best BM25 first (field-only candidates follow), at most
 * `limit`: PUBLISHED and before their deadline, visible to the viewer (visibleSql), the SME eligible for them
 * by the one eligibility rule, not dismissed by the SME's side.
 */
export function challengeCandidates(
  target: SqlTarget,
  viewer: Viewer,
  smeId: string,
  terms: readonly WeightedTerm[],
  fieldCodes: readonly string[],
  bm25: Bm25Settings,
  limit: number,
): Promise<{ id: string; bm25: number }[]> {
  const p = new SqlParams();
  const hits = bm25HitsSql('C', p, terms, bm25);
  const roots = p.add(fieldCodes.map((code) => code.split('.')[0]));
  const sme = p.add(smeId);
  return rankedCandidates(
    target,
    p,
    {
      hits,
      preLimit: PRE_LIMIT_CHALLENGES,
      fieldHits: `SELECT DISTINCT ctf.challenge_id AS doc_id, 0::real AS bm25
                    FROM challenge_technical_fields ctf JOIN challenges fc ON fc.id = ctf.challenge_id
                   WHERE split_part(ctf.field_code, '.', 1) = ANY(${roots}::text[])
                     AND ${openSql('fc')}`,
      from: `JOIN challenges c ON c.id = cand.doc_id`,
      where: challengeRecommendableSql(viewer, p, sme, 'c'),
    },
    limit,
  );
}

/** What scoring needs of an SME. */
export interface SmeMatchFacts {
  id: string;
  regionCode: string | null;
  /** 0 (NONE) to 3 (LITTLE_GIANT): the qualification that counts. */
  qualificationRank: number;
  fieldCodes: string[];
  projectIndustries: string[];
  length: number;
  /** Its postings of the terms asked for. */
  postings: Map<string, IndexedTerm>;
}

/** The scoring facts of SMEs by id, with their postings of `terms` (one statement). */
export function smeFacts(
  target: SqlTarget,
  ids: readonly string[],
  terms: readonly string[],
): Promise<SmeMatchFacts[]> {
  const order = `ARRAY[${QUALIFICATION_ORDER.map((q) => `'${q}'`).join(',')}]::text[]`;
  return queryRows(
    target,
    `WITH p AS (SELECT t.doc_id, array_agg(t.term) AS terms, array_agg(t.weight) AS weights,
                       array_agg(t.locations) AS locations, array_agg(t.surface) AS surfaces,
                       array_agg(t.translated) AS translated
                  FROM match_terms t WHERE t.side = 'S' AND t.term = ANY($2::text[]) AND t.doc_id = ANY($1::uuid[])
                 GROUP BY t.doc_id)
     SELECT o.id, o.region_code,
            array_position(${order}, (${effectiveQualificationSql('o', 's')})::text) - 1 AS qualification_rank,
            ARRAY(SELECT sf.field_code::text FROM sme_technical_fields sf WHERE sf.organization_id = o.id ORDER BY 1) AS field_codes,
            ARRAY(SELECT DISTINCT pp ->> 'clientIndustryCode' FROM jsonb_array_elements(s.past_projects) pp) AS project_industries,
            coalesce(d.length, 0) AS length, p.terms, p.weights, p.locations, p.surfaces, p.translated
       FROM organizations o JOIN smes s ON s.organization_id = o.id
       LEFT JOIN match_documents d ON d.side = 'S' AND d.doc_id = o.id
       LEFT JOIN p ON p.doc_id = o.id
      WHERE o.id = ANY($1::uuid[])`,
    [ids, terms],
    (r) => ({
      id: str(r, 'id'),
      regionCode: strOrNull(r, 'region_code'),
      qualificationRank: int(r, 'qualification_rank'),
      fieldCodes: strArray(r, 'field_codes'),
      projectIndustries: strArray(r, 'project_industries'),
      length: num(r, 'length'),
      postings: postingsOf(r),
    }),
  );
}

/** The postings of smeFacts' parallel arrays (one array per column: cheaper to build than JSON). */
function postingsOf(r: SqlRow): Map<string, IndexedTerm> {
  const terms = (r.terms as string[] | null) ?? [];
  const weights = (r.weights as number[] | null) ?? [];
  const locations = (r.locations as number[] | null) ?? [];
  const surfaces = (r.surfaces as string[] | null) ?? [];
  const translated = (r.translated as boolean[] | null) ?? [];
  return new Map(
    terms.map((term, i) => [
      term,
      {
        term,
        weight: Number(weights[i]),
        locations: Number(locations[i]),
        surface: surfaces[i],
        translated: translated[i] === true,
      },
    ]),
  );
}

/** The SME's own indexed terms (its query when it looks for challenges). */
export function smeTerms(target: SqlTarget, smeId: string): Promise<IndexedTerm[]> {
  return queryRows(
    target,
    `SELECT term, weight, locations, surface, translated FROM match_terms WHERE side = 'S' AND doc_id = $1`,
    [smeId],
    toIndexedTerm,
  );
}

/**
 * How many pairs the organisation's side dismissed per technical field of what it dismissed (the issuer:
 * SMEs' fields; the SME: challenges' fields): what the FEEDBACK penalty reads.
 */
export function dismissalsByField(
  target: SqlTarget,
  side: 'ISSUER' | 'SME',
  organizationId: string,
): Promise<Map<string, number>> {
  const sql =
    side === 'ISSUER'
      ? `SELECT sf.field_code AS code, count(*)::int AS n FROM match_dismissals md
           JOIN challenges c ON c.id = md.challenge_id
           JOIN sme_technical_fields sf ON sf.organization_id = md.sme_id
          WHERE md.side = 'ISSUER' AND c.issuer_organization_id = $1 GROUP BY sf.field_code`
      : `SELECT ctf.field_code AS code, count(*)::int AS n FROM match_dismissals md
           JOIN challenge_technical_fields ctf ON ctf.challenge_id = md.challenge_id
          WHERE md.side = 'SME' AND md.sme_id = $1 GROUP BY ctf.field_code`;
  return queryRows(
    target,
    sql,
    [organizationId],
    (r) => [str(r, 'code'), int(r, 'n')] as const,
  ).then((rows) => new Map(rows));
}

/** The taxonomy's names (a few dozen rows), for the reasons. */
export function fieldNames(
  target: SqlTarget,
): Promise<{ code: string; nameZh: string; nameEn: string }[]> {
  return preparedRows(target, `SELECT code, name_zh, name_en FROM technical_fields`, [], (r) => ({
    code: str(r, 'code'),
    nameZh: str(r, 'name_zh'),
    nameEn: str(r, 'name_en'),
  }));
}

/** What decides whether a pair can be recommended, besides the score (one statement). */
export interface PairState {
  smeVerified: boolean;
  eligibilityProblems: string[];
  /** PUBLISHED and before its deadline. */
  challengeOpen: boolean;
  dismissedBy: ('ISSUER' | 'SME')[];
}

export async function pairState(
  target: SqlTarget,
  challengeId: string,
  smeId: string,
): Promise<PairState> {
  const row = await queryOne(
    target,
    `SELECT ${recommendableSmeSql('so')} AS sme_verified,
            ${eligibilityProblemsSql('$2', 'c')}::text[] AS problems,
            ${openSql('c')} AS open,
            ARRAY(SELECT md.side::text FROM match_dismissals md WHERE md.challenge_id = c.id AND md.sme_id = so.id ORDER BY 1) AS dismissed_by
       FROM challenges c CROSS JOIN organizations so WHERE c.id = $1 AND so.id = $2`,
    [challengeId, smeId],
    (r) => ({
      smeVerified: bool(r, 'sme_verified'),
      eligibilityProblems: strArray(r, 'problems'),
      challengeOpen: bool(r, 'open'),
      dismissedBy: strArray(r, 'dismissed_by') as ('ISSUER' | 'SME')[],
    }),
  );
  return (
    row ?? { smeVerified: false, eligibilityProblems: [], challengeOpen: false, dismissedBy: [] }
  );
}

/** Records (or updates the reason of) a dismissal; the row as stored. */
export function upsertDismissal(
  target: SqlTarget,
  d: {
    challengeId: string;
    smeId: string;
    side: DismissalSide;
    reason: string | null;
    dismissedBy: string;
  },
): Promise<{
  challengeId: string;
  smeId: string;
  side: DismissalSide;
  reason: string | null;
  dismissedAt: Date;
}> {
  return queryOne(
    target,
    `INSERT INTO match_dismissals (challenge_id, sme_id, side, reason, dismissed_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (challenge_id, sme_id, side) DO UPDATE SET reason = excluded.reason, dismissed_by = excluded.dismissed_by
     RETURNING challenge_id, sme_id, side, reason, dismissed_at`,
    [d.challengeId, d.smeId, d.side, d.reason, d.dismissedBy],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      smeId: str(r, 'sme_id'),
      side: str(r, 'side') as DismissalSide,
      reason: strOrNull(r, 'reason'),
      dismissedAt: date(r, 'dismissed_at'),
    }),
  ).then((row) => row!);
}
