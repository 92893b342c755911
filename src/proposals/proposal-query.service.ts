import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import { AuditService } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { ConnectionShape, decodeCursor, encodeCursor, pageSize, toConnection } from '../common/pagination/connection.js';
import { ADMIN_GRANT_HOURS, RANKING_PAGE_DEFAULT } from './proposal-rules.js';
import {
  canReadSql,
  effectiveChallengeStatusSql,
  effectiveProposalStatusSql,
  identityVisibleSql,
  scoreTotalsJoin,
  scoreTotalsSql,
  unscoredCriteriaSql,
} from './proposal-sql.js';
import { proposalColumns, ProposalRow, toProposal } from './proposal.mapper.js';
import { ChallengeProposalsArgs, OpenProposalForAdminReviewInput, ProposalRankingArgs } from './dto/proposal.inputs.js';
import type { ConnectionArgs } from '../common/pagination/connection.js';
import {
  ChallengeResult,
  CriterionAggregate,
  MyProposal,
  Proposal,
  ProposalRanking,
  ReviewAssignment,
} from './dto/proposal.types.js';
import { ChallengeStatus, proposalCountShownSql, viewerOf, visibleSql } from '../challenges/index.js';
import { SqlParams } from '../database/sql-params.js';
import { NotSelectedReason, ProposalStatus, ReviewAssignmentStatus } from './proposal.entities.js';

const DECIDED = [ProposalStatus.SELECTED, ProposalStatus.NOT_SELECTED, ProposalStatus.DISQUALIFIED];

/**
 * Reads of proposals. Content is returned only to those canReadSql allows; every read of content by anyone
 * but the submitting SME writes ONE audit event per request and proposal list (PROPOSAL_CONTENT_READ, with
 * the proposal ids) after the read and before the answer (AuditService.recordRead): if the event cannot be
 * written, the request fails and nothing is returned.
 */
@Injectable()
export class ProposalQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The proposal as its own SME sees it, at `revision` (default: the current one). */
  async ownProposal(actor: Actor, id: string, revision?: number): Promise<Proposal> {
    const params = new SqlParams();
    const idP = params.add(id);
    const org = params.add(actor.organization?.id ?? null);
    const rev = revision ? params.add(revision) : 'p.current_revision';
    const [row] = (await preparedQuery(
      this.dataSource,
      `SELECT ${proposalColumns(effectiveProposalStatusSql(), 'TRUE')}
         FROM proposals p JOIN challenges c ON c.id = p.challenge_id JOIN organizations o ON o.id = p.organization_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = ${rev}
        WHERE p.id = ${idP} AND p.organization_id = ${org}::uuid`,
      params.values,
    )) as ProposalRow[];
    if (!row) throw new NotFoundError('Proposal');
    const proposal = toProposal(row);
    if (revision) proposal.currentRevision = revision;
    return proposal;
  }

  async proposal(actor: Actor, id: string): Promise<Proposal> {
    const [proposal] = await this.readProposals(this.dataSource.manager, actor, 'p.id = $ID', id);
    if (!proposal) throw new NotFoundError('Proposal');
    return proposal;
  }

  /** Several proposals (those the actor may read, in the given order), one audit event for the list. */
  async proposalsByIds(actor: Actor, ids: string[]): Promise<Proposal[]> {
    const params = new SqlParams();
    const rows = await this.selectReadable(this.dataSource.manager, actor, params, `p.id = ANY(${params.add(ids)}::uuid[])`, '');
    await this.auditReads(actor, rows, rows[0]?.challenge_id ?? null);
    const byId = new Map(rows.map((r) => [r.id, toProposal(r)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  /** The proposals of a challenge for its issuer and its reviewers, after the deadline; oldest submission first. */
  async challengeProposals(actor: Actor, args: ChallengeProposalsArgs): Promise<ConnectionShape<Proposal>> {
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after, ['timestamp', 'uuid']) : null;
    const manager = this.dataSource.manager;
    const role = await this.challengeRole(manager, actor, args.challengeId);
    if (role.issuer && !role.pastDeadline) {
      throw new ConflictError('PROPOSALS_SEALED', 'Proposals are sealed until the deadline; only their number is shown');
    }
    if (!role.issuer && !role.reviewer) throw new NotFoundError('Challenge');
    const params = new SqlParams();
    const where = [`p.challenge_id = ${params.add(args.challengeId)}`];
    if (after) where.push(`(p.submitted_at, p.id) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
    const rows = await this.selectReadable(manager, actor, params, where.join(' AND '), `ORDER BY p.submitted_at, p.id LIMIT ${first + 1}`);
    const page = rows.slice(0, first);
    await this.auditReads(actor, page, args.challengeId);
    return toConnection(rows, first, (r) => encodeCursor([r.submitted_at ? r.submitted_at.toISOString() : null, r.id]), toProposal);
  }

  /**
   * How many proposals a challenge received (drafts and withdrawn ones are not counted): before the deadline
   * all its issuer sees of them. The same rule as Challenge.proposalCount (proposalCountShownSql): the
   * issuer's members and admins always; others only when the issuer made the count PUBLIC. A challenge the
   * caller cannot see is NOT_FOUND; one it sees with an ISSUER_ONLY count is FORBIDDEN (PROPOSAL_COUNT_ISSUER_ONLY),
   * which is the field's null.
   */
  async proposalCount(actor: Actor | null, challengeId: string): Promise<number> {
    const viewer = viewerOf(actor);
    const p = new SqlParams();
    const [row] = (await this.dataSource.query(
      `SELECT ${proposalCountShownSql(viewer, p)} AS shown, coalesce(v.proposal_count, 0)::int AS n
         FROM challenges c LEFT JOIN challenge_proposal_counts v ON v.challenge_id = c.id
        WHERE c.id = ${p.add(challengeId)}::uuid AND ${visibleSql(viewer, p)}`,
      p.values,
    )) as { shown: boolean; n: number }[];
    if (!row) throw new NotFoundError('Challenge');
    if (!row.shown) throw new ForbiddenError('PROPOSAL_COUNT_ISSUER_ONLY', "The issuer keeps this challenge's proposal count to itself");
    return row.n;
  }

  /** Break-glass: a platform admin's reasoned, audited access to one proposal (valid ADMIN_GRANT_HOURS). */
  async openForAdminReview(actor: Actor, input: OpenProposalForAdminReviewInput): Promise<Proposal> {
    return this.dataSource.transaction(async (manager) => {
      const [target] = (await manager.query(`SELECT organization_id FROM proposals WHERE id = $1 AND status <> 'DRAFT'`, [input.proposalId])) as {
        organization_id: string;
      }[];
      if (!target) throw new NotFoundError('Proposal');
      await manager.query(
        `INSERT INTO proposal_access_grants (proposal_id, admin_user_id, reason, expires_at) VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
        [input.proposalId, actor.userId, input.reason, ADMIN_GRANT_HOURS],
      );
      const [proposal] = await this.readProposals(manager, actor, 'p.id = $ID', input.proposalId, false);
      if (!proposal) throw new NotFoundError('Proposal');
      await this.audit.record(manager, {
        actor,
        action: 'PROPOSAL_ADMIN_ACCESS_GRANTED',
        entityType: 'Proposal',
        entityId: input.proposalId,
        organizationId: target.organization_id,
        reason: input.reason,
        data: { severity: 'HIGH', hours: ADMIN_GRANT_HOURS },
      });
      return proposal;
    });
  }

  /** The SME's own proposals, newest first: status, receipt, decision and (once decided) the aggregate score. */
  async myProposals(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<MyProposal>> {
    const first = pageSize(args);
    if (actor.organization?.kind !== 'SME') return toConnection([], first, () => '', (x: MyProposal) => x);
    const params = new SqlParams();
    const where = [`p.organization_id = ${params.add(actor.organization.id)}::uuid`];
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      where.push(`(p.created_at, p.id) < (${params.add(createdAt)}::timestamptz, ${params.add(id)}::uuid)`);
    }
    const decided = params.add(DECIDED);
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.challenge_id, coalesce(c.title_zh, c.title_en) AS challenge_title, ${effectiveProposalStatusSql()} AS status,
              p.current_revision, p.submitted_at, r.created_at AS revision_at, r.content_sha256,
              coalesce(r.content, p.draft_content) ->> 'title' AS title, p.award_amount::text AS award_amount,
              p.not_selected_reason, p.feedback, p.created_at,
              CASE WHEN p.status = ANY(${decided}::proposal_status[]) THEN agg.weighted::float8 END AS aggregate_score
         FROM proposals p JOIN challenges c ON c.id = p.challenge_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = p.current_revision
         ${scoreTotalsJoin('agg')}
        WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${first + 1}`,
      params.values,
    )) as {
      id: string;
      challenge_id: string;
      challenge_title: string | null;
      status: ProposalStatus;
      current_revision: number;
      submitted_at: Date | null;
      revision_at: Date | null;
      content_sha256: string | null;
      title: string | null;
      award_amount: string | null;
      not_selected_reason: NotSelectedReason | null;
      feedback: string | null;
      created_at: Date;
      aggregate_score: number | null;
    }[];
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.created_at.toISOString(), r.id]),
      (r) => ({
        id: r.id,
        challengeId: r.challenge_id,
        challengeTitle: r.challenge_title,
        status: r.status,
        currentRevision: r.current_revision,
        submittedAt: r.submitted_at,
        receipt: r.revision_at && r.content_sha256 ? { submittedAt: r.revision_at, contentSha256: r.content_sha256, revision: r.current_revision } : null,
        title: r.title,
        awardAmountFen: r.award_amount,
        notSelectedReason: r.not_selected_reason,
        feedback: r.feedback,
        aggregateScore: r.aggregate_score === null ? null : Math.round(r.aggregate_score * 100) / 100,
      }),
    );
  }

  /**
   * The issuer's ranked list, one page of it, in ONE prepared statement: the totals of every proposal under
   * evaluation (one `proposal_score_totals` row each, kept by triggers), ranked and numbered by window functions
   * over one sort (a rank over all rows equals the rank among the ranked ones, which sort first), then only the
   * page's rows joined to their content, organisation and per-criterion detail. The issuer check and the deadline are
   * conditions of the same statement; when it returns nothing, challengeRole tells a refusal from an empty page.
   * Vetoed proposals have no rank and come last. Pages by position (`after` is the endCursor). The same
   * statement records the read of the page (AuditService.contentReadSql, the event recordRead would append), so
   * its content is answered only once the event is in the chain, with one round trip less.
   */
  async ranking(actor: Actor, args: ProposalRankingArgs): Promise<ProposalRanking> {
    const first = args.first ?? RANKING_PAGE_DEFAULT;
    const after = args.after ? String(decodeCursor(args.after, [['RANKING'], 'bigint'])[1]) : '0';
    const manager = this.dataSource.manager;
    const params = new SqlParams();
    const challengeId = params.add(args.challengeId);
    const org = params.add(actor.organization?.id ?? null);
    const identity = identityVisibleSql(actor, params);
    const totals = scoreTotalsSql('t');
    const rows = (await preparedQuery(
      manager,
      `WITH scored AS (
         SELECT x.id AS proposal_id, x.organization_id, t.weighted, ${totals.vetoed} AS vetoed, ${totals.complete} AS complete, ${totals.reviewerCount} AS reviewer_count,
                (NOT ${totals.vetoed} AND t.weighted IS NOT NULL) AS ranked
           FROM challenges ch
           JOIN proposals x ON x.challenge_id = ch.id AND x.status NOT IN ('DRAFT', 'WITHDRAWN')
           ${scoreTotalsJoin('t', 'x')}
          WHERE ch.id = ${challengeId} AND ch.issuer_organization_id = ${org}::uuid AND ch.deadline <= now()),
       numbered AS (
         SELECT s.*, CASE WHEN s.ranked THEN rank() OVER best END::int AS rank,
                row_number() OVER line::int AS position, count(*) OVER ()::int AS total
           FROM scored s
         WINDOW best AS (ORDER BY s.ranked DESC, s.weighted DESC NULLS LAST), line AS (ORDER BY s.ranked DESC, s.weighted DESC NULLS LAST, s.proposal_id)),
       page AS (SELECT * FROM numbered WHERE position > ${params.add(after)}::bigint ORDER BY position LIMIT ${params.add(first + 1)}::int),
       read_event AS MATERIALIZED (${this.audit.contentReadSql(
         params,
         actor,
         args.challengeId,
         'RANKING',
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
        ORDER BY page.position`,
      params.values,
    )) as {
      id: string;
      organization_id: string;
      status: ProposalStatus;
      identity_visible: boolean;
      title: string;
      quoted_price: string;
      name_zh: string;
      name_en: string | null;
      weighted: number | null;
      vetoed: boolean;
      complete: boolean;
      reviewer_count: number;
      criteria: CriterionAggregate[];
      rank: number | null;
      position: number;
      total: number;
      locked: boolean;
      read_events: number;
    }[];
    let locked = rows[0]?.locked ?? false;
    let total = rows[0]?.total ?? 0;
    if (!rows.length) {
      // Nothing came back: not the issuer, sealed, or simply no (more) proposals. Tell which.
      const role = await this.challengeRole(manager, actor, args.challengeId);
      if (!role.issuer) throw new NotFoundError('Challenge');
      if (!role.pastDeadline) throw new ConflictError('PROPOSALS_SEALED', 'Proposals are sealed until the deadline; only their number is shown');
      locked = role.locked;
      if (after !== '0') total = await this.rankingTotal(manager, args.challengeId);
    }
    const hasNextPage = rows.length > first;
    const page = rows.slice(0, first);
    // The statement itself recorded the read (read_event): content leaves only with its event in the chain.
    if (page.some((r) => r.organization_id !== actor.organization?.id) && rows[0].read_events !== 1) {
      throw new Error('proposalRanking: the read of the page was not recorded');
    }
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    return {
      challengeId: args.challengeId,
      total,
      scoringLocked: locked,
      pageInfo: { hasNextPage, endCursor: page.length ? encodeCursor(['RANKING', String(page[page.length - 1].position)]) : null },
      proposals: page.map((r) => ({
        rank: r.rank,
        position: r.position,
        proposalId: r.id,
        status: r.status,
        title: r.title,
        organization: r.identity_visible ? { id: r.organization_id, nameZh: r.name_zh, nameEn: r.name_en } : null,
        quotedPriceFen: r.quoted_price,
        weightedScore: round(r.weighted),
        vetoed: r.vetoed,
        complete: r.complete,
        reviewerCount: r.reviewer_count,
        criteria: r.criteria.map((c) => ({ ...c, average: round(c.average), stdDev: round(c.stdDev) })),
      })),
    };
  }

  /** How many proposals are under evaluation (for a page past the end of the ranking). */
  private async rankingTotal(manager: EntityManager, challengeId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM proposals WHERE challenge_id = $1 AND status NOT IN ('DRAFT', 'WITHDRAWN')`, [
      challengeId,
    ])) as { n: number }[];
    return row.n;
  }

  /** The signed-in user's review invitations (challenge level) and recusals. */
  async myReviewAssignments(actor: Actor): Promise<ReviewAssignment[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, challenge_id, proposal_id, reviewer_user_id, status, reason, created_at FROM review_assignments
        WHERE reviewer_user_id = $1 ORDER BY created_at DESC, id LIMIT 500`,
      [actor.userId],
    )) as AssignmentRow[];
    return rows.map(toAssignment);
  }

  /** 公示: public once the challenge is IN_PUBLICITY or AWARDED: winner names, proposal titles, awards. */
  async challengeResult(actor: Actor | null, challengeId: string): Promise<ChallengeResult> {
    // Public, but only for a challenge the caller may see (an INVITE_ONLY or REGISTERED one is NOT_FOUND to others).
    const p = new SqlParams();
    const id = p.add(challengeId);
    const visible = visibleSql(viewerOf(actor), p);
    const rows = (await this.dataSource.query(
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
    )) as { status: ChallengeStatus; started_at: Date; ends_at: Date; proposal_id: string | null; name_zh: string; name_en: string | null; title: string; award_amount: string }[];
    if (!rows.length) throw new NotFoundError('Challenge result');
    return {
      challengeId,
      status: rows[0].status,
      publicityStartedAt: rows[0].started_at,
      publicityEndsAt: rows[0].ends_at,
      winners: rows
        .filter((r) => r.proposal_id)
        .map((r) => ({ proposalId: r.proposal_id!, organizationNameZh: r.name_zh, organizationNameEn: r.name_en, proposalTitle: r.title, awardAmountFen: r.award_amount })),
    };
  }

  /** Reads proposals matching `condition` ($ID is the id parameter) that the actor may read, auditing the read. */
  private async readProposals(manager: EntityManager, actor: Actor, condition: string, id: string, audit = true): Promise<Proposal[]> {
    const params = new SqlParams();
    const where = condition.replace('$ID', `${params.add(id)}::uuid`);
    const rows = await this.selectReadable(manager, actor, params, where, 'LIMIT 1');
    if (audit) await this.auditReads(actor, rows, rows[0]?.challenge_id ?? null);
    return rows.map(toProposal);
  }

  private async selectReadable(manager: EntityManager, actor: Actor, params: SqlParams, where: string, tail: string): Promise<ProposalRow[]> {
    const columns = proposalColumns(effectiveProposalStatusSql(), identityVisibleSql(actor, params));
    return (await manager.query(
      `SELECT ${columns}
         FROM proposals p JOIN challenges c ON c.id = p.challenge_id JOIN organizations o ON o.id = p.organization_id
         LEFT JOIN proposal_revisions r ON r.proposal_id = p.id AND r.revision = p.current_revision
        WHERE ${where} AND ${canReadSql(actor, params)} ${tail}`,
      params.values,
    )) as ProposalRow[];
  }

  /** One audit event for the proposals of one list read by someone other than their SME. */
  private async auditReads(
    actor: Actor,
    rows: { id: string; organization_id: string }[],
    challengeId: string | null,
  ): Promise<void> {
    const foreign = rows.filter((r) => r.organization_id !== actor.organization?.id);
    if (!foreign.length) return;
    const single = foreign.length === 1;
    await this.audit.recordRead(this.dataSource, {
      actor,
      action: 'PROPOSAL_CONTENT_READ',
      entityType: single ? 'Proposal' : 'Challenge',
      entityId: single ? foreign[0].id : (challengeId ?? foreign[0].id),
      organizationId: single ? foreign[0].organization_id : null,
      // The ranked list records its reads with view RANKING, in its own statement (AuditService.contentReadSql).
      data: { challengeId, view: 'CONTENT', proposalIds: foreign.map((r) => r.id) },
    });
  }

  private async challengeRole(manager: EntityManager, actor: Actor, challengeId: string) {
    const [row] = (await preparedQuery(
      manager,
      `SELECT c.issuer_organization_id = $2::uuid AS issuer, c.deadline <= now() AS past_deadline,
              EXISTS (SELECT 1 FROM review_assignments ra WHERE ra.challenge_id = c.id AND ra.proposal_id IS NULL
                        AND ra.reviewer_user_id = $3 AND ra.status = 'ACCEPTED') AS reviewer,
              EXISTS (SELECT 1 FROM challenge_evaluations ce WHERE ce.challenge_id = c.id AND ce.scoring_locked_at IS NOT NULL) AS locked
         FROM challenges c WHERE c.id = $1`,
      [challengeId, actor.organization?.id ?? null, actor.userId],
    )) as { issuer: boolean | null; past_deadline: boolean; reviewer: boolean; locked: boolean }[];
    if (!row) throw new NotFoundError('Challenge');
    return { issuer: row.issuer === true, reviewer: row.reviewer && row.past_deadline, pastDeadline: row.past_deadline, locked: row.locked };
  }
}

export interface AssignmentRow {
  id: string;
  challenge_id: string;
  proposal_id: string | null;
  reviewer_user_id: string;
  status: ReviewAssignmentStatus;
  reason: string | null;
  created_at: Date;
}

export function toAssignment(r: AssignmentRow): ReviewAssignment {
  return {
    id: r.id,
    challengeId: r.challenge_id,
    proposalId: r.proposal_id,
    reviewerUserId: r.reviewer_user_id,
    status: r.status,
    reason: r.reason,
    createdAt: r.created_at,
  };
}
