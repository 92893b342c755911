import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ForbiddenError, NotFoundError, UserInputError } from '../common/errors.js';
import { ConnectionShape, pageSize, toConnection } from '../common/pagination/connection.js';
import { assertUuid } from '../common/uuid.js';
import { preparedQuery } from '../database/prepared-query.js';
import { buildChallengeListQuery, buildFacetsQuery, listCursor, ListRow, ListScope } from './challenge-list-query.js';
import { ChallengeNode, ChallengeSnapshot, toChallengeType, toChallengeVersion } from './challenge.mapper.js';
import { ChallengeDetailRow, descriptionShownSql, detailColumnsSql, effectiveStatusSql, SqlParams, viewerOf, visibleSql } from './challenge-sql.js';
import { ChallengeFacetsArgs, ChallengesArgs, MyChallengesArgs } from './dto/challenge.inputs.js';
import { ChallengeFacets, ChallengeVersion, FacetCount } from './dto/challenge.types.js';

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

/** Reads of challenges: every query is scoped in SQL to what the actor may see. */
@Injectable()
export class ChallengeQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The browse list: one SQL statement whatever the page size. */
  async list(actor: Actor | null, args: ChallengesArgs, fields?: Set<string>): Promise<ConnectionShape<ChallengeNode>> {
    return this.runList(actor, args, { kind: 'browse' }, fields);
  }

  /** The issuer's own challenges in every state, with the issuer-only counts. */
  async mine(actor: Actor, args: MyChallengesArgs, fields?: Set<string>): Promise<ConnectionShape<ChallengeNode>> {
    if (actor.organization?.kind !== 'ENTERPRISE') throw new ForbiddenError('ENTERPRISE_MEMBERS_ONLY', 'Only members of an enterprise have challenges');
    return this.runList(actor, { first: args.first, after: args.after, filter: { statuses: args.statuses } }, { kind: 'issuer', organizationId: actor.organization.id }, fields);
  }

  /** The admins' review queue: PENDING_REVIEW, oldest submission first. */
  async reviewQueue(actor: Actor, args: MyChallengesArgs, fields?: Set<string>): Promise<ConnectionShape<ChallengeNode>> {
    return this.runList(actor, { first: args.first, after: args.after }, { kind: 'reviewQueue' }, fields);
  }

  private async runList(actor: Actor | null, args: ChallengesArgs, scope: ListScope, fields?: Set<string>): Promise<ConnectionShape<ChallengeNode>> {
    const first = pageSize(args);
    const query = buildChallengeListQuery(viewerOf(actor), { filter: args.filter, orderBy: args.orderBy, first, after: args.after }, scope, fields);
    const rows = (await preparedQuery(this.dataSource, query.sql, query.params).catch((error: unknown) => {
      // A well-formed but impossible cursor value (month 13, ...) fails its cast: the cursor is bad input.
      if (args.after && error instanceof QueryFailedError && String((error.driverError as { code?: string }).code).startsWith('22')) {
        throw UserInputError.field('after', 'is not a cursor of this list and ordering');
      }
      throw error;
    })) as ListRow[];
    return toConnection(rows, first, (row) => listCursor(query.ordering, row), toChallengeType);
  }

  async facets(actor: Actor | null, args: ChallengeFacetsArgs): Promise<ChallengeFacets> {
    const { sql, params } = buildFacetsQuery(viewerOf(actor), args.filter);
    const rows = (await this.dataSource.query(sql, params)) as { facet: string; value: string; count: number }[];
    const pick = (facet: string): FacetCount[] =>
      rows.filter((r) => r.facet === facet).map((r) => ({ value: r.value, count: r.count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
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
    const viewer = viewerOf(actor);
    const p = new SqlParams();
    const columns = detailColumnsSql(viewer, p);
    const rows = (await this.dataSource.query(
      `SELECT ${columns} FROM challenges c JOIN organizations o ON o.id = c.issuer_organization_id
        WHERE c.id = ${p.add(id)}::uuid AND ${visibleSql(viewer, p)}`,
      p.values,
    )) as ChallengeDetailRow[];
    if (!rows[0]) throw new NotFoundError('Challenge');
    return toChallengeType(rows[0]);
  }

  /**
   * Throws NOT_FOUND unless the actor may see the challenge; returns what write paths need. Pass the
   * transaction's manager and `lock` to hold the row (FOR UPDATE) until commit.
   */
  async assertVisible(actor: Actor | null, challengeId: string, manager: EntityManager | DataSource = this.dataSource, lock = false): Promise<VisibleChallenge> {
    assertUuid(challengeId, 'challengeId');
    const viewer = viewerOf(actor);
    const p = new SqlParams();
    const rows = (await manager.query(
      `SELECT c.id, c.issuer_organization_id, c.status, ${effectiveStatusSql('c')} AS effective_status, c.deadline, c.version,
              c.visibility, c.requires_terms, c.terms_version, c.published_at
         FROM challenges c WHERE c.id = ${p.add(challengeId)}::uuid AND ${visibleSql(viewer, p)}${lock ? ' FOR UPDATE' : ''}`,
      p.values,
    )) as {
      id: string;
      issuer_organization_id: string;
      status: string;
      effective_status: string;
      deadline: Date;
      version: number;
      visibility: string;
      requires_terms: boolean;
      terms_version: number | null;
      published_at: Date | null;
    }[];
    const r = rows[0];
    if (!r) throw new NotFoundError('Challenge');
    return {
      id: r.id,
      issuerOrganizationId: r.issuer_organization_id,
      status: r.status,
      effectiveStatus: r.effective_status,
      deadline: r.deadline,
      version: r.version,
      visibility: r.visibility,
      requiresTerms: r.requires_terms,
      termsVersion: r.terms_version,
      publishedAt: r.published_at,
    };
  }

  /** The public versions of a challenge, newest first; the description only where the viewer may read it now. */
  async versions(actor: Actor | null, challengeId: string): Promise<ChallengeVersion[]> {
    assertUuid(challengeId, 'challengeId');
    const viewer = viewerOf(actor);
    const p = new SqlParams();
    const rows = (await this.dataSource.query(
      `SELECT v.version, v.change_summary, v.created_at, v.snapshot, ${descriptionShownSql(viewer, p)} AS description_shown, TRUE AS visible
         FROM challenges c LEFT JOIN challenge_versions v ON v.challenge_id = c.id
        WHERE c.id = ${p.add(challengeId)}::uuid AND ${visibleSql(viewer, p)}
        ORDER BY v.version DESC`,
      p.values,
    )) as { version: number | null; change_summary: string | null; created_at: Date; snapshot: ChallengeSnapshot; description_shown: boolean }[];
    if (rows.length === 0) throw new NotFoundError('Challenge');
    return rows.filter((r) => r.version !== null).map((r) => toChallengeVersion(r as typeof r & { version: number }, r.description_shown));
  }
}
