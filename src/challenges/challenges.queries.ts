import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  oneOfArray,
  bool,
  date,
  dateOrNull,
  int,
  intOrNull,
  jsonObject,
  jsonRows,
  oneOf,
  preparedOne,
  preparedRows,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import {
  ELIGIBILITY_REASONS,
  type EligibilityReason,
  eligibilityProblemsSql,
  VerificationStatus,
} from '../organizations/index.js';
import type { ListQuery } from './challenge-list-query.js';
import {
  bilingualLabel,
  ChallengeDetailPart,
  ChallengeNode,
  toChallengeType,
} from './challenge.mapper.js';
import { ChallengeStatus, ChallengeVisibility } from './challenge.entity.js';
import { CHALLENGE_STATUSES, ChallengeStatusName } from './challenge-transitions.js';
import {
  descriptionShownSql,
  detailColumnsSql,
  summaryColumnsSql,
  effectiveStatusSql,
  isIssuerSql,
  SqlParams,
  termsGateSql,
  Viewer,
  visibleSql,
} from './challenge-sql.js';
import {
  ChallengeAnnouncement,
  ChallengeQuestion,
  ChallengeRequirement,
  ChallengeTerms,
  ChallengeVersion,
  EvaluationCriterion,
} from './dto/challenge.types.js';

/**
 * The SQL of reading challenges, of their engagement (terms, Q&A, announcements, invitations) and the
 * lifecycle's checks before a move (the move itself is written by common/lifecycle/status-writer.ts), see
 * docs/architecture.md, "The SQL layer". The rules they compose (visibility, the description, the terms
 * gate) are the builders of challenge-sql.ts; the list and facet statements those of
 * challenge-list-query.ts; content writes are in challenge-content.queries.ts.
 */

// ---- Reads ---------------------------------------------------------------------------------------------

/** A list row: the challenge and its cursor key (ListQuery's sort_key). */
export interface ChallengeListItem {
  node: ChallengeNode;
  sortKey: string;
}

/** One page of a list (buildChallengeListQuery), as a named prepared statement. */
export function challengeListPage(
  target: SqlTarget,
  query: ListQuery,
): Promise<ChallengeListItem[]> {
  return preparedRows(target, query.sql, query.params, (r) => ({
    node: toChallengeType(r),
    sortKey: str(r, 'sort_key'),
  }));
}

export interface FacetRow {
  facet: string;
  value: string;
  count: number;
}

/** The facet counts (buildFacetsQuery). */
export function facetRows(
  target: SqlTarget,
  query: { sql: string; params: unknown[] },
): Promise<FacetRow[]> {
  return queryRows(target, query.sql, query.params, (r) => ({
    facet: str(r, 'facet'),
    value: str(r, 'value'),
    count: int(r, 'count'),
  }));
}

/** One challenge with its confidential part as the viewer may read it; undefined when the viewer may not see it. */
export function findChallengeDetail(
  target: SqlTarget,
  viewer: Viewer,
  id: string,
): Promise<ChallengeNode | undefined> {
  const p = new SqlParams();
  const columns = detailColumnsSql(viewer, p);
  return queryOne(
    target,
    `SELECT ${columns} FROM challenges c JOIN organizations o ON o.id = c.issuer_organization_id
        WHERE c.id = ${p.add(id)}::uuid AND ${visibleSql(viewer, p)}`,
    p.values,
    toChallengeType,
  );
}

/** The challenges among `ids` the viewer may see, as list items (one statement, in no particular order). */
export function findChallengeSummaries(
  target: SqlTarget,
  viewer: Viewer,
  ids: readonly string[],
  fields?: ReadonlySet<string>,
): Promise<ChallengeNode[]> {
  const p = new SqlParams();
  const columns = summaryColumnsSql(viewer, p, 'c', 'o', fields);
  return preparedRows(
    target,
    `SELECT ${columns} FROM challenges c JOIN organizations o ON o.id = c.issuer_organization_id
        WHERE c.id = ANY(${p.add(ids)}::uuid[]) AND ${visibleSql(viewer, p)}`,
    p.values,
    toChallengeType,
  );
}

/** The minimum the write paths (and the proposals module) need about a visible challenge. */
export interface VisibleChallenge {
  id: string;
  issuerOrganizationId: string;
  /** Stored status. */
  status: string;
  /** What it reads as now (PUBLISHED past the deadline → CLOSED). */
  effectiveStatus: string;
  deadline: Date;
  version: number;
  visibility: string;
  requiresTerms: boolean;
  termsVersion: number | null;
  publishedAt: Date | null;
}

/** The challenge if the viewer may see it; with `lock`, its row held (FOR UPDATE) until the transaction ends. */
export function findVisibleChallenge(
  target: SqlTarget,
  viewer: Viewer,
  challengeId: string,
  lock: boolean,
): Promise<VisibleChallenge | undefined> {
  const p = new SqlParams();
  return preparedOne(
    target,
    `SELECT c.id, c.issuer_organization_id, c.status, ${effectiveStatusSql('c')} AS effective_status, c.deadline, c.version,
              c.visibility, c.requires_terms, c.terms_version, c.published_at
         FROM challenges c WHERE c.id = ${p.add(challengeId)}::uuid AND ${visibleSql(viewer, p)}${lock ? ' FOR UPDATE' : ''}`,
    p.values,
    (r) => ({
      id: str(r, 'id'),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
      status: oneOf(r, 'status', ChallengeStatus),
      effectiveStatus: oneOf(r, 'effective_status', ChallengeStatus),
      deadline: date(r, 'deadline'),
      version: int(r, 'version'),
      visibility: oneOf(r, 'visibility', ChallengeVisibility),
      requiresTerms: bool(r, 'requires_terms'),
      termsVersion: intOrNull(r, 'terms_version'),
      publishedAt: dateOrNull(r, 'published_at'),
    }),
  );
}

/** A version row (challenge_versions, its snapshot as ChallengeContentService.snapshot writes it), or null for none. */
function toChallengeVersion(r: SqlRow): ChallengeVersion | null {
  const version = intOrNull(r, 'version');
  if (version === null) return null;
  const s = jsonObject(r, 'snapshot');
  return {
    version,
    changeSummary: strOrNull(r, 'change_summary'),
    createdAt: date(r, 'created_at'),
    titleZh: strOrNull(s, 'titleZh'),
    titleEn: strOrNull(s, 'titleEn'),
    summaryZh: strOrNull(s, 'summaryZh'),
    summaryEn: strOrNull(s, 'summaryEn'),
    // versions recorded before the list existed have none
    excludedApproaches:
      s.excludedApproaches === undefined
        ? []
        : jsonRows(s, 'excludedApproaches').map(bilingualLabel),
    description: bool(r, 'description_shown') ? str(s, 'description') : null,
    deadline: new Date(str(s, 'deadline')),
    budgetMin: strOrNull(s, 'budgetMin'),
    budgetMax: strOrNull(s, 'budgetMax'),
    bounty: strOrNull(s, 'bounty'),
    termsVersion: intOrNull(s, 'termsVersion'),
  };
}

/**
 * The public versions of a challenge, newest first, the description only where the viewer may read it now;
 * undefined when the viewer may not see the challenge.
 */
export async function challengeVersions(
  target: SqlTarget,
  viewer: Viewer,
  challengeId: string,
  limit: number,
  afterVersion: string | null,
): Promise<ChallengeVersion[] | undefined> {
  const p = new SqlParams();
  // The page is a LATERAL subquery so that a visible challenge with no (more) versions still answers one row.
  const rows = await queryRows(
    target,
    `SELECT v.version, v.change_summary, v.created_at, v.snapshot, ${descriptionShownSql(viewer, p)} AS description_shown, TRUE AS visible
         FROM challenges c
         LEFT JOIN LATERAL (SELECT * FROM challenge_versions x
                             WHERE x.challenge_id = c.id AND (${p.add(afterVersion)}::bigint IS NULL OR x.version < ${p.add(afterVersion)}::bigint)
                             ORDER BY x.version DESC LIMIT ${p.add(limit)}) v ON TRUE
        WHERE c.id = ${p.add(challengeId)}::uuid AND ${visibleSql(viewer, p)}
        ORDER BY v.version DESC`,
    p.values,
    toChallengeVersion,
  );
  if (rows.length === 0) return undefined;
  return rows.filter((v): v is ChallengeVersion => v !== null);
}

// ---- The parts of challenges, for the per-request loaders (challenge.loaders.ts) ------------------------

/** A part of a challenge with the id of its challenge. */
export interface Part<T> {
  challengeId: string;
  value: T;
}

export function requirementsOf(
  target: SqlTarget,
  ids: readonly string[],
): Promise<Part<ChallengeRequirement>[]> {
  return queryRows(
    target,
    `SELECT challenge_id, id, position, name, target, unit, weight, must_have AS "mustHave" FROM challenge_requirements WHERE challenge_id = ANY($1::uuid[]) ORDER BY position`,
    [ids],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      value: {
        id: str(r, 'id'),
        position: int(r, 'position'),
        name: str(r, 'name'),
        target: str(r, 'target'),
        unit: str(r, 'unit'),
        weight: int(r, 'weight'),
        mustHave: bool(r, 'mustHave'),
      },
    }),
  );
}

export function criteriaOf(
  target: SqlTarget,
  ids: readonly string[],
): Promise<Part<EvaluationCriterion>[]> {
  return queryRows(
    target,
    `SELECT challenge_id, id, position, name, description, weight, veto FROM evaluation_criteria WHERE challenge_id = ANY($1::uuid[]) ORDER BY position`,
    [ids],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      value: {
        id: str(r, 'id'),
        position: int(r, 'position'),
        name: str(r, 'name'),
        description: str(r, 'description'),
        weight: int(r, 'weight'),
        veto: bool(r, 'veto'),
      },
    }),
  );
}

/** The terms in force of those challenges that require terms. */
export function termsOf(
  target: SqlTarget,
  ids: readonly string[],
): Promise<Part<ChallengeTerms>[]> {
  return queryRows(
    target,
    `SELECT t.challenge_id, t.version, t.text, t.created_at AS "createdAt"
             FROM challenges c JOIN challenge_terms t ON t.challenge_id = c.id AND t.version = c.terms_version
            WHERE c.id = ANY($1::uuid[]) AND c.requires_terms`,
    [ids],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      value: { version: int(r, 'version'), text: str(r, 'text'), createdAt: date(r, 'createdAt') },
    }),
  );
}

/** The questions the viewer may read: the issuer and admins every one; others the answered ones and their own organisation's. */
export function questionsOf(
  target: SqlTarget,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Part<ChallengeQuestion>[]> {
  const p = new SqlParams();
  const idsParam = p.add(ids);
  const mine = viewer.organizationId
    ? `q.asker_organization_id = ${p.add(viewer.organizationId)}::uuid`
    : 'FALSE';
  const manages = viewer.admin ? 'TRUE' : isIssuerSql(viewer, p, 'c');
  return queryRows(
    target,
    `SELECT q.challenge_id, q.id, q.question, q.answer, q.created_at AS "askedAt", q.answered_at AS "answeredAt", ${mine} AS "askedByMyOrganization"
             FROM challenge_questions q JOIN challenges c ON c.id = q.challenge_id
            WHERE q.challenge_id = ANY(${idsParam}::uuid[]) AND (${manages} OR q.published OR ${mine})
            ORDER BY q.created_at, q.id`,
    p.values,
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      value: { ...toQuestion(r), askedByMyOrganization: bool(r, 'askedByMyOrganization') },
    }),
  );
}

export function announcementsOf(
  target: SqlTarget,
  ids: readonly string[],
): Promise<Part<ChallengeAnnouncement>[]> {
  return queryRows(
    target,
    `SELECT challenge_id, id, title, body, created_at AS "createdAt" FROM challenge_announcements WHERE challenge_id = ANY($1::uuid[]) ORDER BY created_at DESC, id DESC`,
    [ids],
    (r) => ({ challengeId: str(r, 'challenge_id'), value: toAnnouncement(r) }),
  );
}

/** The confidential part of each challenge as the viewer may read it (descriptionShownSql). */
export function detailPartsOf(
  target: SqlTarget,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Part<ChallengeDetailPart>[]> {
  const p = new SqlParams();
  const idsParam = p.add(ids);
  const shown = descriptionShownSql(viewer, p, 'c');
  const accepted = viewer.organizationId
    ? `EXISTS (SELECT 1 FROM challenge_terms_acceptances ta2 WHERE ta2.challenge_id = c.id AND ta2.organization_id = ${p.add(viewer.organizationId)}::uuid AND ta2.terms_version = c.terms_version)`
    : 'FALSE';
  return queryRows(
    target,
    `SELECT c.id AS challenge_id, CASE WHEN ${shown} THEN c.description END AS description, ${shown} AS "descriptionShown", ${accepted} AS "termsAccepted"
             FROM challenges c WHERE c.id = ANY(${idsParam}::uuid[])`,
    p.values,
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      value: {
        description: strOrNull(r, 'description'),
        descriptionShown: bool(r, 'descriptionShown'),
        termsAccepted: bool(r, 'termsAccepted'),
      },
    }),
  );
}

/** Why the organisation is not eligible for each challenge (the eligibility rule, smes/eligibility.ts); empty when it is. */
export function eligibilityProblemsOf(
  target: SqlTarget,
  organizationId: string,
  ids: readonly string[],
): Promise<Part<EligibilityReason[]>[]> {
  return queryRows(
    target,
    `SELECT c.id AS challenge_id, ${eligibilityProblemsSql('$2')} AS reasons FROM challenges c WHERE c.id = ANY($1::uuid[])`,
    [ids, organizationId],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      value: oneOfArray(r, 'reasons', ELIGIBILITY_REASONS),
    }),
  );
}

// ---- Engagement: terms, Q&A, announcements, invitations --------------------------------------------------

/** Records the organisation's acceptance of a terms version; false when it had already accepted it. */
export async function insertTermsAcceptance(
  target: SqlTarget,
  challengeId: string,
  organizationId: string,
  userId: string,
  termsVersion: number,
): Promise<boolean> {
  const rows = await queryRows(
    target,
    `INSERT INTO challenge_terms_acceptances (challenge_id, organization_id, user_id, terms_version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (challenge_id, organization_id, terms_version) DO NOTHING RETURNING id`,
    [challengeId, organizationId, userId, termsVersion],
    (r) => str(r, 'id'),
  );
  return rows.length > 0;
}

/** Whether the viewer's organisation passes the NDA gate (termsGateSql) and, either way, its eligibility problems. */
export async function termsGate(
  target: SqlTarget,
  viewer: Viewer,
  challengeId: string,
  organizationId: string,
): Promise<{ mayAccept: boolean; reasons: EligibilityReason[] }> {
  const p = new SqlParams();
  const gate = termsGateSql(viewer, p);
  const row = await queryOne(
    target,
    `SELECT ${gate} AS may_accept, ${eligibilityProblemsSql(p.add(organizationId))} AS reasons FROM challenges c WHERE c.id = ${p.add(challengeId)}::uuid`,
    p.values,
    (r) => ({
      mayAccept: bool(r, 'may_accept'),
      reasons: oneOfArray(r, 'reasons', ELIGIBILITY_REASONS),
    }),
  );
  return row!;
}

export function organizationVerificationStatus(
  target: SqlTarget,
  organizationId: string,
): Promise<VerificationStatus | undefined> {
  return queryOne(
    target,
    `SELECT verification_status FROM organizations WHERE id = $1`,
    [organizationId],
    (r) => oneOf(r, 'verification_status', VerificationStatus),
  );
}

/** A question as RETURNING id, question, answer, created_at AS "askedAt", answered_at AS "answeredAt" gives it. */
function toQuestion(r: SqlRow): Omit<ChallengeQuestion, 'askedByMyOrganization'> {
  return {
    id: str(r, 'id'),
    question: str(r, 'question'),
    answer: strOrNull(r, 'answer'),
    askedAt: date(r, 'askedAt'),
    answeredAt: dateOrNull(r, 'answeredAt'),
  };
}

export async function insertQuestion(
  target: SqlTarget,
  challengeId: string,
  organizationId: string,
  userId: string,
  question: string,
): Promise<Omit<ChallengeQuestion, 'askedByMyOrganization'>> {
  const row = await queryOne(
    target,
    `INSERT INTO challenge_questions (challenge_id, asker_organization_id, asker_user_id, question) VALUES ($1, $2, $3, $4)
         RETURNING id, question, answer, created_at AS "askedAt", answered_at AS "answeredAt"`,
    [challengeId, organizationId, userId, question],
    toQuestion,
  );
  return row!;
}

export interface QuestionState {
  challengeId: string;
  askerOrganizationId: string;
  published: boolean;
  answeredAt: Date | null;
}

/** What decides whether a question may be answered, its row locked (FOR UPDATE) until the transaction ends. */
export function lockQuestion(
  target: SqlTarget,
  questionId: string,
): Promise<QuestionState | undefined> {
  return queryOne(
    target,
    `SELECT challenge_id, asker_organization_id, published, answered_at FROM challenge_questions WHERE id = $1 FOR UPDATE`,
    [questionId],
    (r) => ({
      challengeId: str(r, 'challenge_id'),
      askerOrganizationId: str(r, 'asker_organization_id'),
      published: bool(r, 'published'),
      answeredAt: dateOrNull(r, 'answered_at'),
    }),
  );
}

/** Answers the question and publishes it. */
export async function answerQuestion(
  target: SqlTarget,
  questionId: string,
  answer: string,
  userId: string,
): Promise<Omit<ChallengeQuestion, 'askedByMyOrganization'>> {
  const row = await queryOne(
    target,
    `UPDATE challenge_questions SET answer = $2, answered_by = $3, answered_at = now(), published = true WHERE id = $1
         RETURNING id, question, answer, created_at AS "askedAt", answered_at AS "answeredAt"`,
    [questionId, answer, userId],
    toQuestion,
  );
  return row!;
}

function toAnnouncement(r: SqlRow): ChallengeAnnouncement {
  return {
    id: str(r, 'id'),
    title: str(r, 'title'),
    body: str(r, 'body'),
    createdAt: date(r, 'createdAt'),
  };
}

export async function insertAnnouncement(
  target: SqlTarget,
  challengeId: string,
  userId: string,
  title: string,
  body: string,
): Promise<ChallengeAnnouncement> {
  const row = await queryOne(
    target,
    `INSERT INTO challenge_announcements (challenge_id, author_user_id, title, body) VALUES ($1, $2, $3, $4) RETURNING id, title, body, created_at AS "createdAt"`,
    [challengeId, userId, title, body],
    toAnnouncement,
  );
  return row!;
}

// ---- Lifecycle (ChallengeLifecycleService; the status itself is written by common/lifecycle) -------------

/** The challenge's stored status and issuer, its row locked FOR UPDATE until the transaction ends. */
export function lockChallengeStatus(
  target: SqlTarget,
  challengeId: string,
): Promise<{ status: ChallengeStatusName; issuerOrganizationId: string } | undefined> {
  return queryOne(
    target,
    `SELECT status, issuer_organization_id FROM challenges WHERE id = $1 FOR UPDATE`,
    [challengeId],
    (r) => ({
      status: oneOf(r, 'status', CHALLENGE_STATUSES),
      issuerOrganizationId: str(r, 'issuer_organization_id'),
    }),
  );
}

/** What submitting a challenge for review checks of its issuer and its content. */
export interface ReviewReadiness {
  verificationStatus: VerificationStatus;
  /** The issuer has an ACTIVE alliance membership. */
  activeMember: boolean;
  criteria: number;
  fields: number;
  summaryZh: string | null;
  summaryEn: string | null;
}

export async function reviewReadiness(
  target: SqlTarget,
  issuerOrganizationId: string,
  challengeId: string,
): Promise<ReviewReadiness> {
  const row = await queryOne(
    target,
    `SELECT o.verification_status,
                EXISTS (SELECT 1 FROM alliance_memberships am WHERE am.organization_id = o.id AND am.status = 'ACTIVE') AS active_member,
                (SELECT count(*)::int FROM evaluation_criteria e WHERE e.challenge_id = $2) AS criteria,
                (SELECT count(*)::int FROM challenge_technical_fields f WHERE f.challenge_id = $2) AS fields,
                (SELECT summary_zh FROM challenges WHERE id = $2) AS summary_zh, (SELECT summary_en FROM challenges WHERE id = $2) AS summary_en
           FROM organizations o WHERE o.id = $1`,
    [issuerOrganizationId, challengeId],
    (r) => ({
      verificationStatus: oneOf(r, 'verification_status', VerificationStatus),
      activeMember: bool(r, 'active_member'),
      criteria: int(r, 'criteria'),
      fields: int(r, 'fields'),
      summaryZh: strOrNull(r, 'summary_zh'),
      summaryEn: strOrNull(r, 'summary_en'),
    }),
  );
  return row!;
}

/** Whether the challenge's deadline is less than 24 hours away (too soon to publish). */
export async function deadlineTooSoon(target: SqlTarget, challengeId: string): Promise<boolean> {
  const tooSoon = await queryOne(
    target,
    `SELECT deadline < now() + interval '24 hours' AS too_soon FROM challenges WHERE id = $1`,
    [challengeId],
    (r) => bool(r, 'too_soon'),
  );
  return tooSoon!;
}

/**
 * The PUBLISHED challenges (effectiveStatusSql: before their deadline) whose deadline is more than `afterHours` and
 * at most `withinHours` hours away, soonest first, at most `limit` (deadline reminders).
 */
export function challengesClosingWithin(
  target: SqlTarget,
  afterHours: number,
  withinHours: number,
  limit: number,
): Promise<string[]> {
  return queryRows(
    target,
    `SELECT c.id FROM challenges c
      WHERE ${effectiveStatusSql('c')} = 'PUBLISHED'
        AND c.deadline > now() + make_interval(hours => $1) AND c.deadline <= now() + make_interval(hours => $2)
      ORDER BY c.deadline, c.id LIMIT $3`,
    [afterHours, withinHours, limit],
    (r) => str(r, 'id'),
  );
}
