import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import {
  ConnectionArgs,
  ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
} from '../common/pagination/connection.js';
import { assertUuid } from '../common/uuid.js';
import {
  buildChallengeListQuery,
  buildFacetsQuery,
  listCursor,
  ListScope,
} from './challenge-list-query.js';
import { ChallengeNode } from './challenge.mapper.js';
import { viewerOf } from './challenge-sql.js';
import {
  challengeListPage,
  challengeVersions,
  facetRows,
  findChallengeDetail,
  findChallengeSummaries,
  findVisibleChallenge,
  VisibleChallenge,
} from './challenges.queries.js';
import {
  ChallengeFacetsArgs,
  ChallengesArgs,
  ChallengeVersionsArgs,
  MyChallengesArgs,
} from './dto/challenge.inputs.js';
import { ChallengeFacets, ChallengeVersion, FacetCount } from './dto/challenge.types.js';

export type { VisibleChallenge };

/** Reads of challenges: every query is scoped in SQL to what the actor may see. */
@Injectable()
export class ChallengeQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The browse list: one SQL statement whatever the page size. */
  async list(
    actor: Actor | null,
    args: ChallengesArgs,
    fields?: Set<string>,
  ): Promise<ConnectionShape<ChallengeNode>> {
    return this.runList(actor, args, { kind: 'browse' }, fields);
  }

  /** The issuer's own challenges in every state, with the issuer-only counts. */
  async mine(
    actor: Actor,
    args: MyChallengesArgs,
    fields?: Set<string>,
  ): Promise<ConnectionShape<ChallengeNode>> {
    if (actor.organization?.kind !== 'ENTERPRISE')
      throw new ForbiddenError(
        'ENTERPRISE_MEMBERS_ONLY',
        'Only members of an enterprise have challenges',
      );
    return this.runList(
      actor,
      { first: args.first, after: args.after, filter: { statuses: args.filter?.statuses } },
      { kind: 'issuer', organizationId: actor.organization.id },
      fields,
    );
  }

  /** The admins' review queue: PENDING_REVIEW, oldest submission first. */
  async reviewQueue(
    actor: Actor,
    args: ConnectionArgs,
    fields?: Set<string>,
  ): Promise<ConnectionShape<ChallengeNode>> {
    return this.runList(
      actor,
      { first: args.first, after: args.after },
      { kind: 'reviewQueue' },
      fields,
    );
  }

  private async runList(
    actor: Actor | null,
    args: ChallengesArgs,
    scope: ListScope,
    fields?: Set<string>,
  ): Promise<ConnectionShape<ChallengeNode>> {
    const first = pageSize(args);
    const query = buildChallengeListQuery(
      viewerOf(actor),
      { filter: args.filter, orderBy: args.orderBy, first, after: args.after },
      scope,
      fields,
    );
    const rows = await challengeListPage(this.dataSource, query).catch((error: unknown) => {
      // A well-formed but impossible cursor value (month 13, ...) fails its cast: the cursor is bad input.
      if (
        args.after &&
        error instanceof QueryFailedError &&
        String((error.driverError as { code?: string }).code).startsWith('22')
      ) {
        throw UserInputError.field('after', 'is not a cursor of this list and ordering');
      }
      throw error;
    });
    return toConnection(
      rows,
      first,
      (row) => listCursor(query.ordering, row.sortKey, row.node.id),
      (row) => row.node,
      args.after,
    );
  }

  async facets(actor: Actor | null, args: ChallengeFacetsArgs): Promise<ChallengeFacets> {
    const { sql, params } = buildFacetsQuery(viewerOf(actor), args.filter);
    const rows = await facetRows(this.dataSource, { sql, params });
    const pick = (facet: string): FacetCount[] =>
      rows
        .filter((r) => r.facet === facet)
        .map((r) => ({ value: r.value, count: r.count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    return {
      total: rows.find((r) => r.facet === 'total')?.count ?? 0,
      status: pick('status'),
      industryCode: pick('industryCode'),
      chainGoal: pick('chainGoal'),
      demandType: pick('demandType'),
      cooperationMode: pick('cooperationMode'),
      technicalField: pick('technicalField'),
    };
  }

  /** One challenge with its confidential part when the viewer may read it; NOT_FOUND when it may not be seen. */
  async get(actor: Actor | null, id: string): Promise<ChallengeNode> {
    assertUuid(id);
    const node = await findChallengeDetail(this.dataSource, viewerOf(actor), id);
    if (!node) throw new NotFoundError('Challenge');
    return node;
  }

  /** The challenges among `ids` the actor may see, in the order of `ids` (one statement; others left out). */
  async summaries(
    actor: Actor | null,
    ids: readonly string[],
    fields?: ReadonlySet<string>,
  ): Promise<ChallengeNode[]> {
    if (!ids.length) return [];
    const rows = await findChallengeSummaries(this.dataSource, viewerOf(actor), ids, fields);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Throws NOT_FOUND unless the actor may see the challenge; returns what write paths need. Pass the
   * transaction's manager and `lock` to hold the row (FOR UPDATE) until commit.
   */
  async assertVisible(
    actor: Actor | null,
    challengeId: string,
    manager: EntityManager | DataSource = this.dataSource,
    lock = false,
  ): Promise<VisibleChallenge> {
    assertUuid(challengeId, 'challengeId');
    const challenge = await findVisibleChallenge(manager, viewerOf(actor), challengeId, lock);
    if (!challenge) throw new NotFoundError('Challenge');
    return challenge;
  }

  /** The public versions of a challenge, newest first; the description only where the viewer may read it now. */
  async versions(
    actor: Actor | null,
    args: ChallengeVersionsArgs,
  ): Promise<ConnectionShape<ChallengeVersion>> {
    assertUuid(args.challengeId, 'challengeId');
    const first = pageSize(args);
    const after = args.after ? String(decodeCursor(args.after, ['bigint'])[0]) : null;
    const versions = await challengeVersions(
      this.dataSource,
      viewerOf(actor),
      args.challengeId,
      first + 1,
      after,
    );
    if (!versions) throw new NotFoundError('Challenge');
    return toConnection(
      versions,
      first,
      (v) => encodeCursor([String(v.version)]),
      (v) => v,
      args.after,
    );
  }
}
