import type { SqlTarget } from '../database/typed-query.js';
import {
  date,
  execute,
  int,
  queryOne,
  queryRows,
  str,
  strArray,
  strOrNull,
} from '../database/typed-query.js';
import { SEARCH_VECTORS_SQL } from './challenge-search.js';
import type {
  ChallengeContentInput,
  EvaluationCriterionInput,
  RequirementInput,
} from './dto/challenge.inputs.js';

/**
 * The SQL of writing a challenge's content (see docs/architecture.md, "The SQL layer"): creation, the
 * draft and amendment patch (buildContentUpdate), child rows, terms versions, version snapshots and the
 * search vectors. Status changes belong to ChallengeLifecycleService.
 */

export type ContentPatch = Partial<ChallengeContentInput>;

/** Input field → column, with the SQL cast of its parameter. */
const COLUMNS: [keyof ContentPatch, string, string][] = [
  ['titleZh', 'title_zh', 'varchar'],
  ['titleEn', 'title_en', 'varchar'],
  ['summaryZh', 'summary_zh', 'text'],
  ['summaryEn', 'summary_en', 'text'],
  ['description', 'description', 'text'],
  ['industryCode', 'industry_code', 'bpchar'],
  ['chainGoal', 'chain_goal', 'challenge_chain_goal'],
  ['demandType', 'demand_type', 'challenge_demand_type'],
  ['cooperationModes', 'cooperation_modes', 'cooperation_mode[]'],
  ['budgetMin', 'budget_min', 'bigint'],
  ['budgetMax', 'budget_max', 'bigint'],
  ['bounty', 'bounty', 'bigint'],
  ['currency', 'currency', 'bpchar'],
  ['ipOwnership', 'ip_ownership', 'ip_ownership'],
  ['visibility', 'visibility', 'challenge_visibility'],
  ['proposalCountVisibility', 'proposal_count_visibility', 'challenge_proposal_count_visibility'],
  ['anonymousIssuer', 'anonymous_issuer', 'boolean'],
  ['blindReview', 'blind_review', 'boolean'],
  ['deadline', 'deadline', 'timestamptz'],
];

/**
 * The UPDATE of the challenge columns the patch contains ($1 is the id, each value a parameter with its
 * cast), or null when the patch sets none of them (child rows and terms are written apart). A null list of
 * excluded approaches is no change, like an omitted one.
 */
export function buildContentUpdate(
  id: string,
  patch: ContentPatch,
): { sql: string; params: unknown[] } | null {
  const params: unknown[] = [id];
  const sets: string[] = [];
  for (const [key, column, cast] of COLUMNS) {
    const value = patch[key];
    if (value === undefined) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}::${cast}`);
  }
  if (patch.eligibility) {
    params.push(
      patch.eligibility.minQualification,
      patch.eligibility.allowedRegionCodes,
      patch.eligibility.verifiedOnly,
    );
    const n = params.length;
    sets.push(
      `min_qualification = $${n - 2}::challenge_min_qualification`,
      `allowed_region_codes = $${n - 1}::varchar[]`,
      `verified_only = $${n}::boolean`,
    );
  }
  if (patch.excludedApproaches) {
    // jsonb: sent as JSON text (the driver would send an array as a PostgreSQL array), plain {zh, en} objects
    params.push(
      JSON.stringify(patch.excludedApproaches.map((a) => ({ zh: a.zh ?? null, en: a.en ?? null }))),
    );
    sets.push(`excluded_approaches = $${params.length}::jsonb`);
  }
  if (!sets.length) return null;
  return {
    sql: `UPDATE challenges SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
    params,
  };
}

export async function updateContent(
  target: SqlTarget,
  id: string,
  patch: ContentPatch,
): Promise<void> {
  const update = buildContentUpdate(id, patch);
  if (update) await execute(target, update.sql, update.params);
}

export interface NewChallenge {
  issuerOrganizationId: string;
  createdBy: string;
  industryCode: string;
  chainGoal: string;
  demandType: string;
  deadline: Date;
  titleZh: string | null;
  titleEn: string | null;
}

/** A new DRAFT challenge with its required columns; its id. */
export async function insertChallenge(target: SqlTarget, c: NewChallenge): Promise<string> {
  const id = await queryOne(
    target,
    `INSERT INTO challenges (issuer_organization_id, created_by, industry_code, chain_goal, demand_type, deadline, title_zh, title_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      c.issuerOrganizationId,
      c.createdBy,
      c.industryCode,
      c.chainGoal,
      c.demandType,
      c.deadline,
      c.titleZh,
      c.titleEn,
    ],
    (r) => str(r, 'id'),
  );
  return id!;
}

/** Keeps the current content as the public record of the current version (once per version). */
export function insertVersionSnapshot(
  target: SqlTarget,
  id: string,
  changeSummary: string | null,
  userId: string | null,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO challenge_versions (challenge_id, version, snapshot, change_summary, created_by)
       SELECT c.id, c.version, jsonb_build_object(
                'titleZh', c.title_zh, 'titleEn', c.title_en, 'summaryZh', c.summary_zh, 'summaryEn', c.summary_en,
                'excludedApproaches', c.excluded_approaches, 'description', c.description, 'deadline', to_char(c.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'budgetMin', c.budget_min::text, 'budgetMax', c.budget_max::text, 'bounty', c.bounty::text, 'termsVersion', c.terms_version,
                'technicalFieldCodes', (SELECT coalesce(jsonb_agg(field_code ORDER BY field_code), '[]'::jsonb) FROM challenge_technical_fields WHERE challenge_id = c.id)),
              $2, $3
         FROM challenges c WHERE c.id = $1
       ON CONFLICT (challenge_id, version) DO NOTHING`,
    [id, changeSummary, userId],
  );
}

/** The optimistic-concurrency guard: bumps the version if it still is `expectedVersion`; false when someone saved first. */
export async function bumpVersion(
  target: SqlTarget,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const rows = await queryRows(
    target,
    `UPDATE challenges SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING version`,
    [id, expectedVersion],
    (r) => int(r, 'version'),
  );
  return rows.length > 0;
}

/** What the content rules check a patch against. */
export interface CurrentContent {
  titleZh: string | null;
  titleEn: string | null;
  budgetMin: string | null;
  budgetMax: string | null;
  deadline: Date;
}

export function currentContent(target: SqlTarget, id: string): Promise<CurrentContent | undefined> {
  return queryOne(
    target,
    `SELECT title_zh, title_en, budget_min::text, budget_max::text, deadline FROM challenges WHERE id = $1`,
    [id],
    (r) => ({
      titleZh: strOrNull(r, 'title_zh'),
      titleEn: strOrNull(r, 'title_en'),
      budgetMin: strOrNull(r, 'budget_min'),
      budgetMax: strOrNull(r, 'budget_max'),
      deadline: date(r, 'deadline'),
    }),
  );
}

/** Those of `codes` that name a technical field. */
export function knownFieldCodes(target: SqlTarget, codes: readonly string[]): Promise<string[]> {
  return queryRows(
    target,
    `SELECT code FROM technical_fields WHERE code = ANY($1::varchar[])`,
    [codes],
    (r) => str(r, 'code'),
  );
}

export async function replaceTechnicalFields(
  target: SqlTarget,
  id: string,
  codes: readonly string[],
): Promise<void> {
  await execute(target, `DELETE FROM challenge_technical_fields WHERE challenge_id = $1`, [id]);
  await execute(
    target,
    `INSERT INTO challenge_technical_fields (challenge_id, field_code) SELECT $1, unnest($2::varchar[])`,
    [id, codes],
  );
}

/** The challenge's requirements become `list`, numbered from 1 in that order. */
export async function replaceRequirements(
  target: SqlTarget,
  id: string,
  list: readonly RequirementInput[],
): Promise<void> {
  await execute(target, `DELETE FROM challenge_requirements WHERE challenge_id = $1`, [id]);
  if (!list.length) return;
  await execute(
    target,
    `INSERT INTO challenge_requirements (challenge_id, position, name, target, unit, weight, must_have)
           SELECT $1, t.ord, t.name, t.target, t.unit, t.weight, t.must_have
             FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::smallint[], $6::boolean[]) WITH ORDINALITY AS t(name, target, unit, weight, must_have, ord)`,
    [
      id,
      list.map((x) => x.name),
      list.map((x) => x.target),
      list.map((x) => x.unit),
      list.map((x) => x.weight),
      list.map((x) => x.mustHave),
    ],
  );
}

/** The challenge's evaluation criteria become `list`, numbered from 1 in that order. */
export async function replaceCriteria(
  target: SqlTarget,
  id: string,
  list: readonly EvaluationCriterionInput[],
): Promise<void> {
  await execute(target, `DELETE FROM evaluation_criteria WHERE challenge_id = $1`, [id]);
  if (!list.length) return;
  await execute(
    target,
    `INSERT INTO evaluation_criteria (challenge_id, position, name, description, weight, veto)
           SELECT $1, t.ord, t.name, t.description, t.weight, t.veto
             FROM unnest($2::varchar[], $3::text[], $4::smallint[], $5::boolean[]) WITH ORDINALITY AS t(name, description, weight, veto, ord)`,
    [
      id,
      list.map((x) => x.name),
      list.map((x) => x.description),
      list.map((x) => x.weight),
      list.map((x) => x.veto),
    ],
  );
}

export function clearRequiresTerms(target: SqlTarget, id: string): Promise<void> {
  return execute(target, `UPDATE challenges SET requires_terms = false WHERE id = $1`, [id]);
}

/** The text of the terms in force, if the challenge requires terms. */
export function termsInForce(target: SqlTarget, id: string): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT t.text FROM challenges c JOIN challenge_terms t ON t.challenge_id = c.id AND t.version = c.terms_version WHERE c.id = $1 AND c.requires_terms`,
    [id],
    (r) => str(r, 'text'),
  );
}

/** `text` as the next terms version, which becomes the one in force. */
export function addTermsVersion(target: SqlTarget, id: string, text: string): Promise<void> {
  return execute(
    target,
    `WITH v AS (SELECT coalesce(max(version), 0) + 1 AS version FROM challenge_terms WHERE challenge_id = $1),
            t AS (INSERT INTO challenge_terms (challenge_id, version, text) SELECT $1, v.version, $2 FROM v RETURNING version)
       UPDATE challenges SET requires_terms = true, terms_version = (SELECT version FROM t) WHERE id = $1`,
    [id, text],
  );
}

/** The text the search vectors are made of. */
export interface SearchSource {
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  requirementNames: string[];
}

export async function searchSource(target: SqlTarget, id: string): Promise<SearchSource> {
  const source = await queryOne(
    target,
    `SELECT title_zh, title_en, summary_zh, summary_en,
              ARRAY(SELECT name FROM challenge_requirements WHERE challenge_id = $1 ORDER BY position) AS requirement_names
         FROM challenges WHERE id = $1`,
    [id],
    (r) => ({
      titleZh: strOrNull(r, 'title_zh'),
      titleEn: strOrNull(r, 'title_en'),
      summaryZh: strOrNull(r, 'summary_zh'),
      summaryEn: strOrNull(r, 'summary_en'),
      requirementNames: strArray(r, 'requirement_names'),
    }),
  );
  return source!;
}

/** Stores the search vectors: `zhLiteral` a tsvector literal (challenge-search.ts), the English title and body as text. */
export function updateSearchVectors(
  target: SqlTarget,
  id: string,
  zhLiteral: string,
  enTitle: string,
  enBody: string,
): Promise<void> {
  return execute(
    target,
    `UPDATE challenges SET search_zh = ${SEARCH_VECTORS_SQL.zh('$2')}, search_en = ${SEARCH_VECTORS_SQL.en('$3', '$4')} WHERE id = $1`,
    [id, zhLiteral, enTitle, enBody],
  );
}
