import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/index.js';
import type { AuditEventInput } from '../audit/index.js';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors.js';
import {
  ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  pageInfoOf,
  toConnection,
  timeIdPage,
} from '../common/pagination/connection.js';
import type { ConnectionArgs } from '../common/pagination/connection.js';
import { SqlParams } from '../database/sql-params.js';
import { viewerOf } from '../challenges/index.js';
import { ADMIN_GRANT_HOURS, RANKING_PAGE_DEFAULT } from './proposal-rules.js';
import type { ProposalRead } from './proposal.mapper.js';
import {
  buildRankingQuery,
  findChallengeResult,
  challengeRoleOf,
  insertAccessGrant,
  myProposalsPage,
  findOwnProposal,
  proposalCountOf,
  proposalsUnderEvaluation,
  rankingPage,
  readableProposals,
  reviewAssignmentsOf,
  submittedProposalOrganization,
} from './proposals.queries.js';
import {
  ChallengeProposalsArgs,
  OpenProposalForAdminReviewInput,
  ProposalRankingArgs,
} from './dto/proposal.inputs.js';
import {
  ChallengeResult,
  MyProposal,
  Proposal,
  ProposalRankingConnection,
  ReviewAssignment,
} from './dto/proposal.types.js';
import { ProposalStatus } from './proposal.entities.js';

/**
 * The PROPOSAL_CONTENT_READ event of one read of `foreign` (proposals of other organisations than the reader's):
 * on the proposal and its SME when one was read, else on the challenge. Its data names the proposals, the path
 * (the GraphQL field that read them) and the reader's organisation at the time of the read; the SMEs find the
 * reads of their proposals by `proposalIds` (myOrganizationAuditEvents, see docs/security.md). The ranked list
 * appends the same event in its own statement (AuditService.contentReadSql, view RANKING).
 */
function contentReadEvent(
  actor: Actor,
  foreign: { proposalId: string; organizationId: string }[],
  challengeId: string | null,
  path: string,
): AuditEventInput {
  const single = foreign.length === 1;
  return {
    actor,
    action: 'PROPOSAL_CONTENT_READ',
    entityType: single ? 'Proposal' : 'Challenge',
    entityId: single ? foreign[0].proposalId : (challengeId ?? foreign[0].proposalId),
    organizationId: single ? foreign[0].organizationId : null,
    data: {
      challengeId,
      view: 'CONTENT',
      path,
      readerOrganizationId: actor.organization?.id ?? null,
      proposalIds: foreign.map((r) => r.proposalId),
    },
  };
}

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
    const read = await findOwnProposal(
      this.dataSource,
      id,
      actor.organization?.id ?? null,
      revision,
    );
    if (!read) throw new NotFoundError('Proposal');
    const proposal = read.proposal;
    if (revision) proposal.currentRevision = revision;
    return proposal;
  }

  async proposal(actor: Actor, id: string): Promise<Proposal> {
    const [proposal] = await this.readProposals(
      this.dataSource.manager,
      actor,
      'p.id = $ID',
      id,
      'proposal',
    );
    if (!proposal) throw new NotFoundError('Proposal');
    return proposal;
  }

  /** Several proposals (those the actor may read, in the given order), one audit event for the list. */
  async proposalsByIds(actor: Actor, ids: string[], path: string): Promise<Proposal[]> {
    const params = new SqlParams();
    const rows = await readableProposals(
      this.dataSource,
      actor,
      params,
      `p.id = ANY(${params.add(ids)}::uuid[])`,
      '',
    );
    await this.auditReads(actor, rows, rows[0]?.proposal.challengeId ?? null, path);
    const byId = new Map(rows.map((r) => [r.proposal.id, r.proposal]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  /** The proposals of a challenge for its issuer and its reviewers, after the deadline; oldest submission first. */
  async challengeProposals(
    actor: Actor,
    args: ChallengeProposalsArgs,
  ): Promise<ConnectionShape<Proposal>> {
    const first = pageSize(args);
    const after = args.after ? decodeCursor(args.after, ['timestamp', 'uuid']) : null;
    const manager = this.dataSource.manager;
    const role = await this.challengeRole(manager, actor, args.challengeId);
    if (role.issuer && !role.pastDeadline) {
      throw new ConflictError(
        'PROPOSALS_SEALED',
        'Proposals are sealed until the deadline; only their number is shown',
      );
    }
    if (!role.issuer && !role.reviewer) throw new NotFoundError('Challenge');
    const params = new SqlParams();
    const where = [`p.challenge_id = ${params.add(args.challengeId)}`];
    if (after)
      where.push(
        `(p.submitted_at, p.id) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`,
      );
    const rows = await readableProposals(
      manager,
      actor,
      params,
      where.join(' AND '),
      `ORDER BY p.submitted_at, p.id LIMIT ${first + 1}`,
    );
    const page = rows.slice(0, first);
    await this.auditReads(actor, page, args.challengeId, 'challengeProposals');
    return toConnection(
      rows,
      first,
      ({ proposal }) =>
        encodeCursor([
          proposal.submittedAt ? proposal.submittedAt.toISOString() : null,
          proposal.id,
        ]),
      (r) => r.proposal,
      args.after,
    );
  }

  /**
   * How many proposals a challenge received (drafts and withdrawn ones are not counted): before the deadline
   * all its issuer sees of them. The same rule as Challenge.proposalCount (proposalCountShownSql): the
   * issuer's members and admins always; others only when the issuer made the count PUBLIC. A challenge the
   * caller cannot see is NOT_FOUND; one it sees with an ISSUER_ONLY count is FORBIDDEN (PROPOSAL_COUNT_ISSUER_ONLY),
   * which is the field's null.
   */
  async proposalCount(actor: Actor | null, challengeId: string): Promise<number> {
    const row = await proposalCountOf(this.dataSource, viewerOf(actor), challengeId);
    if (!row) throw new NotFoundError('Challenge');
    if (!row.shown)
      throw new ForbiddenError(
        'PROPOSAL_COUNT_ISSUER_ONLY',
        "The issuer keeps this challenge's proposal count to itself",
      );
    return row.count;
  }

  /** Break-glass: a platform admin's reasoned, audited access to one proposal (valid ADMIN_GRANT_HOURS). */
  async openForAdminReview(
    actor: Actor,
    input: OpenProposalForAdminReviewInput,
  ): Promise<Proposal> {
    return this.dataSource.transaction(async (manager) => {
      const organizationId = await submittedProposalOrganization(manager, input.proposalId);
      if (!organizationId) throw new NotFoundError('Proposal');
      await insertAccessGrant(
        manager,
        input.proposalId,
        actor.userId,
        input.reason,
        ADMIN_GRANT_HOURS,
      );
      const [proposal] = await this.readProposals(
        manager,
        actor,
        'p.id = $ID',
        input.proposalId,
        null,
      );
      if (!proposal) throw new NotFoundError('Proposal');
      await this.audit.record(manager, {
        actor,
        action: 'PROPOSAL_ADMIN_ACCESS_GRANTED',
        entityType: 'Proposal',
        entityId: input.proposalId,
        organizationId,
        reason: input.reason,
        data: { severity: 'HIGH', hours: ADMIN_GRANT_HOURS },
      });
      // The grant answers the content too: that read is recorded like any other (in the grant's transaction).
      await this.audit.record(
        manager,
        contentReadEvent(
          actor,
          [{ proposalId: proposal.id, organizationId }],
          proposal.challengeId,
          'openProposalForAdminReview',
        ),
      );
      return proposal;
    });
  }

  /** The SME's own proposals, newest first: status, receipt, decision and (once decided) the aggregate score. */
  async myProposals(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<MyProposal>> {
    const first = pageSize(args);
    if (actor.organization?.kind !== 'SME')
      return toConnection(
        [],
        first,
        () => '',
        (x: MyProposal) => x,
        args.after,
      );
    const after = args.after ? decodeCursor(args.after, ['timestamp', 'uuid']) : null;
    const rows = await myProposalsPage(
      this.dataSource,
      actor.organization.id,
      after,
      DECIDED,
      first + 1,
    );
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.createdAt.toISOString(), r.item.id]),
      (r) => r.item,
      args.after,
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
  async ranking(actor: Actor, args: ProposalRankingArgs): Promise<ProposalRankingConnection> {
    const first = args.first ?? RANKING_PAGE_DEFAULT;
    const after = args.after ? String(decodeCursor(args.after, [['RANKING'], 'bigint'])[1]) : '0';
    const manager = this.dataSource.manager;
    const query = buildRankingQuery(actor, args.challengeId, after, first, (params, rowsSql) =>
      this.audit.contentReadSql(
        params,
        actor,
        args.challengeId,
        'RANKING',
        'proposalRanking',
        rowsSql,
      ),
    );
    const rows = await rankingPage(manager, query);
    let locked = rows[0]?.locked ?? false;
    let total = rows[0]?.total ?? 0;
    if (!rows.length) {
      // Nothing came back: not the issuer, sealed, or simply no (more) proposals. Tell which.
      const role = await this.challengeRole(manager, actor, args.challengeId);
      if (!role.issuer) throw new NotFoundError('Challenge');
      if (!role.pastDeadline)
        throw new ConflictError(
          'PROPOSALS_SEALED',
          'Proposals are sealed until the deadline; only their number is shown',
        );
      locked = role.locked;
      if (after !== '0') total = await proposalsUnderEvaluation(manager, args.challengeId);
    }
    const hasNextPage = rows.length > first;
    const page = rows.slice(0, first);
    // The statement itself recorded the read (read_event): content leaves only with its event in the chain.
    if (page.some((r) => r.organizationId !== actor.organization?.id) && rows[0].readEvents !== 1) {
      throw new Error('proposalRanking: the read of the page was not recorded');
    }
    const edges = page.map((r) => ({
      cursor: encodeCursor(['RANKING', String(r.entry.position)]),
      node: r.entry,
    }));
    return {
      challengeId: args.challengeId,
      total,
      scoringLocked: locked,
      edges,
      pageInfo: pageInfoOf(edges, hasNextPage, args.after),
    };
  }

  /** The signed-in user's review invitations (challenge level) and recusals, newest first. */
  async myReviewAssignments(
    actor: Actor,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<ReviewAssignment>> {
    return timeIdPage(
      args,
      (limit, after) => reviewAssignmentsOf(this.dataSource, actor.userId, limit, after),
      (r) => [r.createdAt, r.id],
    );
  }

  /** 公示: public once the challenge is IN_PUBLICITY or AWARDED: winner names, proposal titles, awards. */
  async challengeResult(actor: Actor | null, challengeId: string): Promise<ChallengeResult> {
    // Public, but only for a challenge the caller may see (an INVITE_ONLY or REGISTERED one is NOT_FOUND to others).
    const result = await findChallengeResult(this.dataSource, viewerOf(actor), challengeId);
    if (!result) throw new NotFoundError('Challenge result');
    return result;
  }

  /**
   * Reads proposals matching `condition` ($ID is the id parameter) that the actor may read, auditing the read as
   * a read through `path` (the GraphQL field); `path` null: the caller records the read itself.
   */
  private async readProposals(
    manager: EntityManager,
    actor: Actor,
    condition: string,
    id: string,
    path: string | null,
  ): Promise<Proposal[]> {
    const params = new SqlParams();
    const where = condition.replace('$ID', `${params.add(id)}::uuid`);
    const rows = await readableProposals(manager, actor, params, where, 'LIMIT 1');
    if (path) await this.auditReads(actor, rows, rows[0]?.proposal.challengeId ?? null, path);
    return rows.map((r) => r.proposal);
  }

  /** One audit event for the proposals of one list read by someone other than their SME. */
  private async auditReads(
    actor: Actor,
    rows: ProposalRead[],
    challengeId: string | null,
    path: string,
  ): Promise<void> {
    const foreign = rows
      .filter((r) => r.organizationId !== actor.organization?.id)
      .map((r) => ({ proposalId: r.proposal.id, organizationId: r.organizationId }));
    if (!foreign.length) return;
    await this.audit.recordRead(
      this.dataSource,
      contentReadEvent(actor, foreign, challengeId, path),
    );
  }

  private async challengeRole(manager: EntityManager, actor: Actor, challengeId: string) {
    const row = await challengeRoleOf(
      manager,
      challengeId,
      actor.organization?.id ?? null,
      actor.userId,
    );
    if (!row) throw new NotFoundError('Challenge');
    return {
      issuer: row.issuer === true,
      reviewer: row.reviewer && row.pastDeadline,
      pastDeadline: row.pastDeadline,
      locked: row.locked,
    };
  }
}
