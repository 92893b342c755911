import type { Actor } from '../common/auth/actor.js';
import type { SqlRow, SqlTarget } from '../database/typed-query.js';
import {
  bool,
  date,
  dateOrNull,
  execute,
  int,
  intOrNull,
  jsonObject,
  jsonRows,
  numOrNull,
  orNull,
  oneOf,
  oneOfOrNull,
  preparedOne,
  preparedRows,
  queryOne,
  queryRows,
  str,
  strOrNull,
} from '../database/typed-query.js';
import {
  ChallengeStatus,
  proposalCountShownSql,
  type Viewer,
  visibleSql,
} from '../challenges/index.js';
import { SqlParams } from '../database/sql-params.js';
import {
  canReadSql,
  effectiveChallengeStatusSql,
  effectiveProposalStatusSql,
  identityVisibleSql,
  scoreTotalsJoin,
  scoreTotalsSql,
  unscoredCriteriaSql,
} from './proposal-sql.js';
import { proposalColumns, ProposalRead, toProposalRead } from './proposal.mapper.js';
import { NotSelectedReason, ProposalStatus, ReviewAssignmentStatus } from './proposal.entities.js';
import { RecusalReason } from './dto/proposal.types.js';
import type { TrackRecordEntryType } from './dto/track-record.types.js';
import { technicalFieldJsonSql, toTechnicalFieldJson } from '../technical-fields/index.js';
import type {
  ChallengeResult,
  CriterionAggregate,
  MyProposal,
  RankedProposal,
  ReviewAssignment,
} from './dto/proposal.types.js';

/** The enum values the mappers check, listed once (not per row). */
const PROPOSAL_STATUSES: readonly ProposalStatus[] = Object.values(ProposalStatus);

/**
 * The SQL of reading proposals (see docs/architecture.md, "The SQL layer"): who may read what is the
 * builders of proposal-sql.ts; the statements that change a proposal are in proposal-submission.queries.ts,
 * proposal-review.queries.ts and proposal-decision.queries.ts. The ranked list, the own proposal and the role
 * check run as named prepared statements.
 */

/** The proposal as its own organisation sees it, at `revision` (default: the current one). */
export function findOwnProposal(
  target: SqlTarget,
  id: string,
  organizationId: string | null,
  revision?: number,
): Promise<ProposalRead | undefined> {
  const params = new SqlParams();
  const idP = params.add(id);
  const org = params.add(organizationId);
  const rev = revision ? params.add(revision) : 'p.current_revision';
  return preparedOne(
    target,
    `SELECT ${proposalColumns(effectiveProposalStatusSql(), 'TRUE')}
         FROM proposals p JOIN challenges c ON c.id = p.challenge_id JOIN organizations o ON o.id = p.organization_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = ${rev}
        WHERE p.id = ${idP} AND p.organization_id = ${org}::uuid`,
    params.values,
    toProposalRead,
  );
}

/** The proposals matching `where` (parameters in `params`) that the actor may read (canReadSql), then `tail` (ORDER BY, LIMIT). */
export function readableProposals(
  target: SqlTarget,
  actor: Actor,
  params: SqlParams,
  where: string,
  tail: string,
): Promise<ProposalRead[]> {
  const columns = proposalColumns(effectiveProposalStatusSql(), identityVisibleSql(actor, params));
  return queryRows(
    target,
    `SELECT ${columns}
         FROM proposals p JOIN challenges c ON c.id = p.challenge_id JOIN organizations o ON o.id = p.organization_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = p.current_revision
        WHERE ${where} AND ${canReadSql(actor, params)} ${tail}`,
    params.values,
    toProposalRead,
  );
}

/** The challenge's number of proposals and whether the viewer may know it; undefined when the viewer may not see the challenge. */
export function proposalCountOf(
  target: SqlTarget,
  viewer: Viewer,
  challengeId: string,
): Promise<{ shown: boolean; count: number } | undefined> {
  const p = new SqlParams();
  return queryOne(
    target,
    `SELECT ${proposalCountShownSql(viewer, p)} AS shown, coalesce(v.proposal_count, 0)::int AS n
         FROM challenges c LEFT JOIN challenge_proposal_counts v ON v.challenge_id = c.id
        WHERE c.id = ${p.add(challengeId)}::uuid AND ${visibleSql(viewer, p)}`,
    p.values,
    (r) => ({ shown: bool(r, 'shown'), count: int(r, 'n') }),
  );
}

/** The organisation of a submitted (not DRAFT) proposal. */
export function submittedProposalOrganization(
  target: SqlTarget,
  proposalId: string,
): Promise<string | undefined> {
  return queryOne(
    target,
    `SELECT organization_id FROM proposals WHERE id = $1 AND status <> 'DRAFT'`,
    [proposalId],
    (r) => str(r, 'organization_id'),
  );
}

/** A platform admin's access to one proposal for `hours`. */
export function insertAccessGrant(
  target: SqlTarget,
  proposalId: string,
  adminUserId: string,
  reason: string,
  hours: number,
): Promise<void> {
  return execute(
    target,
    `INSERT INTO proposal_access_grants (proposal_id, admin_user_id, reason, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [proposalId, adminUserId, reason, hours],
  );
}

/** Rounds a score to two decimals (null stays null). */
export function roundScore(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

/** A row of the SME's own list with its keyset (created_at, id). */
export interface MyProposalRow {
  item: MyProposal;
  createdAt: Date;
}

/**
 * A page of the organisation's own proposals, newest first: `limit` rows after the keyset `after`
 * (created_at, id), the aggregate score only once decided (a status of `decided`).
 */
export function myProposalsPage(
  target: SqlTarget,
  organizationId: string,
  after: readonly unknown[] | null,
  decided: readonly ProposalStatus[],
  limit: number,
): Promise<MyProposalRow[]> {
  const params = new SqlParams();
  const where = [`p.organization_id = ${params.add(organizationId)}::uuid`];
  if (after)
    where.push(
      `(p.created_at, p.id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`,
    );
  const decidedP = params.add(decided);
  return queryRows(
    target,
    `SELECT p.id, p.challenge_id, coalesce(c.title_zh, c.title_en) AS challenge_title, ${effectiveProposalStatusSql()} AS status,
              p.current_revision, p.submitted_at, r.created_at AS revision_at, r.content_sha256,
              coalesce(r.content, p.draft_content) ->> 'title' AS title, p.award_amount::text AS award_amount,
              p.not_selected_reason, p.feedback, p.created_at,
              CASE WHEN p.status = ANY(${decidedP}::proposal_status[]) THEN agg.weighted::float8 END AS aggregate_score
         FROM proposals p JOIN challenges c ON c.id = p.challenge_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = p.current_revision
         ${scoreTotalsJoin('agg')}
        WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}`,
    params.values,
    (r) => {
      const currentRevision = int(r, 'current_revision');
      const revisionAt = dateOrNull(r, 'revision_at');
      const contentSha256 = strOrNull(r, 'content_sha256');
      return {
        createdAt: date(r, 'created_at'),
        item: {
          id: str(r, 'id'),
          challengeId: str(r, 'challenge_id'),
          challengeTitle: strOrNull(r, 'challenge_title'),
          status: oneOf(r, 'status', PROPOSAL_STATUSES),
          currentRevision,
          submittedAt: dateOrNull(r, 'submitted_at'),
          receipt:
            revisionAt && contentSha256
              ? { submittedAt: revisionAt, contentSha256, revision: currentRevision }
              : null,
          title: strOrNull(r, 'title'),
          awardAmountFen: strOrNull(r, 'award_amount'),
          notSelectedReason: oneOfOrNull(r, 'not_selected_reason', NotSelectedReason),
          feedback: strOrNull(r, 'feedback'),
          aggregateScore: roundScore(numOrNull(r, 'aggregate_score')),
        },
      };
    },
  );
}

/** A row of the ranked list: the entry, and what the statement says of the whole list. */
export interface RankingRow {
  entry: RankedProposal;
  organizationId: string;
  total: number;
  locked: boolean;
  /** Events the statement appended for the read of the page (1, or 0 when the page holds only the reader's own). */
  readEvents: number;
}

/** One criterion's statistics (proposal_score_totals.criteria or unscoredCriteriaSql), scores rounded. */
function toCriterionAggregate(c: SqlRow): CriterionAggregate {
  return {
    criterionId: str(c, 'criterionId'),
    name: str(c, 'name'),
    weight: int(c, 'weight'),
    veto: bool(c, 'veto'),
    reviewerCount: int(c, 'reviewerCount'),
    average: roundScore(numOrNull(c, 'average')),
    min: intOrNull(c, 'min'),
    max: intOrNull(c, 'max'),
    spread: intOrNull(c, 'spread'),
    stdDev: roundScore(numOrNull(c, 'stdDev')),
  };
}

function toRankingRow(r: SqlRow): RankingRow {
  const organizationId = str(r, 'organization_id');
  return {
    organizationId,
    total: int(r, 'total'),
    locked: bool(r, 'locked'),
    readEvents: int(r, 'read_events'),
    entry: {
      rank: intOrNull(r, 'rank'),
      position: int(r, 'position'),
      proposalId: str(r, 'id'),
      status: oneOf(r, 'status', PROPOSAL_STATUSES),
      title: str(r, 'title'),
      organization: bool(r, 'identity_visible')
        ? { id: organizationId, nameZh: str(r, 'name_zh'), nameEn: strOrNull(r, 'name_en') }
        : null,
      quotedPriceFen: str(r, 'quoted_price'),
      weightedScore: roundScore(numOrNull(r, 'weighted')),
      vetoed: bool(r, 'vetoed'),
      complete: bool(r, 'complete'),
      reviewerCount: int(r, 'reviewer_count'),
      criteria: jsonRows(r, 'criteria').map(toCriterionAggregate),
    },
  };
}

/**
 * Records the read of the page: given the SELECT of the page's rows read by another organisation
 * (proposal_id, organization_id, ord), the statement that appends their PROPOSAL_CONTENT_READ event
 * (AuditService.contentReadSql), its parameters added to `params`.
 */
export type ReadEventSql = (params: SqlParams, rowsSql: string) => string;

/**
 * The issuer's ranked list, one page of it (positions after `after`, `first` of them and one more to tell
 * whether a next page exists), in ONE statement that also records the read of the page (see
 * ProposalQueryService.ranking). Empty when the actor's organisation is not the issuer or the deadline
 * has not passed.
 */
export function buildRankingQuery(
  actor: Actor,
  challengeId: string,
  after: string,
  first: number,
  readEventSql: ReadEventSql,
): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const challenge = params.add(challengeId);
  const org = params.add(actor.organization?.id ?? null);
  const identity = identityVisibleSql(actor, params);
  const totals = scoreTotalsSql('t');
  const sql = `WITH scored AS (
         SELECT x.id AS proposal_id, x.organization_id, t.weighted, ${totals.vetoed} AS vetoed, ${totals.complete} AS complete, ${totals.reviewerCount} AS reviewer_count,
                (NOT ${totals.vetoed} AND t.weighted IS NOT NULL) AS ranked
           FROM challenges ch
           JOIN proposals x ON x.challenge_id = ch.id AND x.status NOT IN ('DRAFT', 'WITHDRAWN')
           ${scoreTotalsJoin('t', 'x')}
          WHERE ch.id = ${challenge} AND ch.issuer_organization_id = ${org}::uuid AND ch.deadline <= now()),
       numbered AS (
         SELECT s.*, CASE WHEN s.ranked THEN rank() OVER best END::int AS rank,
                row_number() OVER line::int AS position, count(*) OVER ()::int AS total
           FROM scored s
         WINDOW best AS (ORDER BY s.ranked DESC, s.weighted DESC NULLS LAST), line AS (ORDER BY s.ranked DESC, s.weighted DESC NULLS LAST, s.proposal_id)),
       page AS (SELECT * FROM numbered WHERE position > ${params.add(after)}::bigint ORDER BY position LIMIT ${params.add(first + 1)}::int),
       read_event AS MATERIALIZED (${readEventSql(
         params,
         `SELECT page.proposal_id, page.organization_id, page.position AS ord FROM page
           WHERE page.position <= ${params.add(String(BigInt(after) + BigInt(first)))}::bigint AND page.organization_id IS DISTINCT FROM ${org}::uuid`,
       )})
       SELECT page.proposal_id AS id, (SELECT count(*) FROM read_event)::int AS read_events, page.weighted::float8 AS weighted, page.vetoed, page.complete, page.reviewer_count,
              coalesce(pt.criteria, ${unscoredCriteriaSql('c')}) AS criteria,
              page.rank, page.position, page.total, p.organization_id, ${effectiveProposalStatusSql()} AS status, ${identity} AS identity_visible,
              r.content ->> 'title' AS title, r.content ->> 'quotedPriceFen' AS quoted_price, o.name_zh, o.name_en,
              EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS locked
         FROM page
         JOIN proposals p ON p.id = page.proposal_id
         JOIN challenges c ON c.id = p.challenge_id
         JOIN organizations o ON o.id = p.organization_id
         JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = p.current_revision
         ${scoreTotalsJoin('pt')}
        ORDER BY page.position`;
  return { sql, params: params.values };
}

/** Runs buildRankingQuery as a named prepared statement. */
export function rankingPage(
  target: SqlTarget,
  query: { sql: string; params: unknown[] },
): Promise<RankingRow[]> {
  return preparedRows(target, query.sql, query.params, toRankingRow);
}

/** How many proposals are under evaluation (neither DRAFT nor WITHDRAWN). */
export async function proposalsUnderEvaluation(
  target: SqlTarget,
  challengeId: string,
): Promise<number> {
  const n = await queryOne(
    target,
    `SELECT count(*)::int AS n FROM proposals WHERE challenge_id = $1 AND status NOT IN ('DRAFT', 'WITHDRAWN')`,
    [challengeId],
    (r) => int(r, 'n'),
  );
  return n!;
}

/** A review_assignments row (every column) as API output. */
export function toReviewAssignment(r: SqlRow): ReviewAssignment {
  const status = oneOf(r, 'status', ReviewAssignmentStatus);
  const reason = strOrNull(r, 'reason');
  return {
    id: str(r, 'id'),
    challengeId: str(r, 'challenge_id'),
    proposalId: strOrNull(r, 'proposal_id'),
    reviewerUserId: str(r, 'reviewer_user_id'),
    status,
    reason,
    recusalReason:
      status === ReviewAssignmentStatus.RECUSED ? oneOfOrNull(r, 'reason', RecusalReason) : null,
    declineReason: status === ReviewAssignmentStatus.DECLINED ? reason : null,
    createdAt: date(r, 'created_at'),
  };
}

/**
 * One page of the user's review invitations and recusals, newest first (keyset on created_at, id, both
 * descending: the index on reviewer_user_id, created_at, id read backwards), `limit` rows after `after`.
 */
export function reviewAssignmentsOf(
  target: SqlTarget,
  userId: string,
  limit: number,
  after: readonly [string, string] | null,
): Promise<ReviewAssignment[]> {
  return queryRows(
    target,
    `SELECT id, challenge_id, proposal_id, reviewer_user_id, status, reason, created_at FROM review_assignments
        WHERE reviewer_user_id = $1
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $2`,
    [userId, limit, after?.[0] ?? null, after?.[1] ?? null],
    toReviewAssignment,
  );
}

/**
 * 公示: the result of a challenge in publicity or awarded that the viewer may see (winners by award, then
 * name); undefined otherwise.
 */
export async function findChallengeResult(
  target: SqlTarget,
  viewer: Viewer,
  challengeId: string,
): Promise<ChallengeResult | undefined> {
  const p = new SqlParams();
  const id = p.add(challengeId);
  const visible = visibleSql(viewer, p);
  const rows = await queryRows(
    target,
    `SELECT ${effectiveChallengeStatusSql()} AS status, pb.started_at, pb.ends_at,
              p.id AS proposal_id, o.name_zh, o.name_en, r.content ->> 'title' AS title, p.award_amount::text AS award_amount
         FROM challenges c
         JOIN LATERAL (SELECT * FROM publicities x WHERE x.challenge_id = c.id ORDER BY x.started_at DESC LIMIT 1) pb ON TRUE
         LEFT JOIN proposals p ON p.challenge_id = c.id AND p.status = 'SELECTED'
         LEFT JOIN organizations o ON o.id = p.organization_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = p.current_revision
        WHERE c.id = ${id} AND c.status IN ('IN_PUBLICITY', 'AWARDED') AND ${visible}
        ORDER BY p.award_amount DESC NULLS LAST, o.name_zh`,
    p.values,
    (r) => {
      const proposalId = strOrNull(r, 'proposal_id');
      return {
        status: oneOf(r, 'status', ChallengeStatus),
        startedAt: date(r, 'started_at'),
        endsAt: date(r, 'ends_at'),
        winner:
          proposalId === null
            ? null
            : {
                proposalId,
                organizationNameZh: str(r, 'name_zh'),
                organizationNameEn: strOrNull(r, 'name_en'),
                proposalTitle: str(r, 'title'),
                awardAmountFen: str(r, 'award_amount'),
              },
      };
    },
  );
  if (!rows.length) return undefined;
  return {
    challengeId,
    status: rows[0].status,
    publicityStartedAt: rows[0].startedAt,
    publicityEndsAt: rows[0].endsAt,
    winners: rows.flatMap((r) => (r.winner ? [r.winner] : [])),
  };
}

/** The actor's relation to a challenge; undefined when there is no such challenge. */
export interface ChallengeRole {
  /** Null when the actor belongs to no organisation. */
  issuer: boolean | null;
  pastDeadline: boolean;
  reviewer: boolean;
  locked: boolean;
}

export function challengeRoleOf(
  target: SqlTarget,
  challengeId: string,
  organizationId: string | null,
  userId: string,
): Promise<ChallengeRole | undefined> {
  return preparedOne(
    target,
    `SELECT c.issuer_organization_id = $2::uuid AS issuer, c.deadline <= now() AS past_deadline,
              EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.challenge_id = c.id AND ra.proposal_id IS NULL
                        AND ra.reviewer_user_id = $3 AND ra.status = 'ACCEPTED') AS reviewer,
              EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS locked
         FROM challenges c WHERE c.id = $1`,
    [challengeId, organizationId, userId],
    (r) => ({
      issuer: orNull(r, 'issuer', bool),
      pastDeadline: bool(r, 'past_deadline'),
      reviewer: bool(r, 'reviewer'),
      locked: bool(r, 'locked'),
    }),
  );
}

/** One SME's track record in one technical field. */
export interface TrackRecordRow {
  organizationId: string;
  entry: TrackRecordEntryType;
}

/**
 * The track records of the SMEs (one statement for all of them): per SME and technical field of the challenges,
 * its proposals SHORTLISTED or SELECTED on challenges whose winners are public (IN_PUBLICITY or AWARDED, as the
 * challenge reads), those SELECTED, and those SELECTED on an AWARDED challenge. Ordered by SME and field code.
 */
export function trackRecordsOf(
  target: SqlTarget,
  organizationIds: readonly string[],
): Promise<TrackRecordRow[]> {
  return preparedRows(
    target,
    `SELECT p.organization_id, f.code AS field_code, ${technicalFieldJsonSql('f')} AS field,
            count(*)::int AS shortlisted,
            count(*) FILTER (WHERE p.status = 'SELECTED')::int AS selected,
            count(*) FILTER (WHERE p.status = 'SELECTED' AND e.status = 'AWARDED')::int AS awarded
       FROM proposals p
       JOIN challenges c ON c.id = p.challenge_id
      CROSS JOIN LATERAL (SELECT ${effectiveChallengeStatusSql('c')} AS status) e
       JOIN challenge_technical_fields ctf ON ctf.challenge_id = c.id
       JOIN technical_fields f ON f.code = ctf.field_code
      WHERE p.organization_id = ANY($1::uuid[]) AND p.status IN ('SHORTLISTED', 'SELECTED')
        AND e.status IN ('IN_PUBLICITY', 'AWARDED')
      GROUP BY p.organization_id, f.code
      ORDER BY p.organization_id, f.code`,
    [organizationIds],
    (r) => ({
      organizationId: str(r, 'organization_id'),
      entry: {
        fieldCode: str(r, 'field_code'),
        field: toTechnicalFieldJson(jsonObject(r, 'field')),
        shortlisted: int(r, 'shortlisted'),
        selected: int(r, 'selected'),
        awarded: int(r, 'awarded'),
      },
    }),
  );
}
