import { UserInputError } from '../common/errors.js';
import { decodeCursor, encodeCursor } from '../common/pagination/connection.js';
import { searchQuery } from './challenge-search.js';
import { ChallengeSummaryRow, effectiveStatusSql, issuerShownSql, SqlParams, summaryColumnsSql, Viewer, visibleSql } from './challenge-sql.js';
import { ChallengeFilterInput, ChallengeOrderBy } from './dto/challenge.inputs.js';

/**
 * The browse list as ONE SQL statement: visibility and filters in the WHERE, the issuer's public name,
 * technical fields and proposal count in the same SELECT, keyset pagination on every ordering
 * (sort key + id). Exported so that tests can EXPLAIN exactly what the service runs.
 */
type Ordering = ChallengeOrderBy | 'SUBMITTED_OLDEST';

/** What a sort-key value from a cursor must look like before it meets a cast (a tampered cursor is bad input, not a 500). */
const KEY_FORMAT: Record<SortKey['type'], RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/,
  bigint: /^-?\d{1,18}$/,
  real: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i,
};

interface SortKey {
  sql: string;
  type: 'timestamptz' | 'bigint' | 'real';
  dir: 'ASC' | 'DESC';
}

/** How many of the newest matches a relevance-ordered search ranks (see buildChallengeListQuery). */
export const RELEVANCE_CANDIDATES = 1000;

export type ListScope = { kind: 'browse' } | { kind: 'issuer'; organizationId: string } | { kind: 'reviewQueue' };

export interface ListQuery {
  sql: string;
  params: unknown[];
  ordering: Ordering;
}

export type ListRow = ChallengeSummaryRow & { sort_key: string };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The WHERE conditions of a filter (shared by the list and the facets). */
export function filterConditions(filter: ChallengeFilterInput | undefined, viewer: Viewer, p: SqlParams): { conditions: string[]; rank: string | null } {
  const where: string[] = [];
  let rank: string | null = null;
  if (!filter) return { conditions: where, rank };
  if (filter.search) {
    const q = searchQuery(filter.search);
    if (q.zh) {
      const zh = `${p.add(q.zh)}::tsquery`;
      if (q.en) {
        const en = `websearch_to_tsquery('english', ${p.add(q.en)})`;
        where.push(`(c.search_zh @@ ${zh} OR c.search_en @@ ${en})`);
        rank = `(COALESCE(ts_rank(c.search_zh, ${zh}), 0) + COALESCE(ts_rank(c.search_en, ${en}), 0))::real`;
      } else {
        where.push(`c.search_zh @@ ${zh}`);
        rank = `COALESCE(ts_rank(c.search_zh, ${zh}), 0)::real`;
      }
    }
  }
  if (filter.technicalFieldCodes?.length) {
    const codes = p.add(filter.technicalFieldCodes);
    const prefixes = p.add(filter.technicalFieldCodes.map((code) => `${escapeLike(code)}.%`));
    where.push(
      `EXISTS (SELECT 1 FROM challenge_technical_fields ctf WHERE ctf.challenge_id = c.id AND (ctf.field_code = ANY(${codes}::varchar[]) OR ctf.field_code LIKE ANY(${prefixes}::text[])))`,
    );
  }
  if (filter.industryCodes?.length) where.push(`c.industry_code = ANY(${p.add(filter.industryCodes)}::bpchar[])`);
  if (filter.chainGoals?.length) where.push(`c.chain_goal = ANY(${p.add(filter.chainGoals)}::challenge_chain_goal[])`);
  if (filter.demandTypes?.length) where.push(`c.demand_type = ANY(${p.add(filter.demandTypes)}::challenge_demand_type[])`);
  if (filter.cooperationModes?.length) where.push(`c.cooperation_modes && ${p.add(filter.cooperationModes)}::cooperation_mode[]`);
  if (filter.budgetMin != null) where.push(`COALESCE(c.budget_max, c.budget_min) >= ${p.add(filter.budgetMin)}::bigint`);
  if (filter.budgetMax != null) where.push(`COALESCE(c.budget_min, c.budget_max) <= ${p.add(filter.budgetMax)}::bigint`);
  if (filter.eligibleRegionCode) where.push(`(cardinality(c.allowed_region_codes) = 0 OR ${p.add(filter.eligibleRegionCode)}::varchar = ANY(c.allowed_region_codes))`);
  if (filter.statuses?.length) where.push(`${effectiveStatusSql('c')} = ANY(${p.add(filter.statuses)}::challenge_status[])`);
  if (filter.deadlineFrom) where.push(`c.deadline >= ${p.add(filter.deadlineFrom)}::timestamptz`);
  if (filter.deadlineTo) where.push(`c.deadline < ${p.add(filter.deadlineTo)}::timestamptz`);
  if (filter.issuerOrganizationId) {
    // Filtering by issuer must not reveal who issued an anonymous challenge.
    where.push(`c.issuer_organization_id = ${p.add(filter.issuerOrganizationId)}::uuid AND ${issuerShownSql(viewer, p, 'c')}`);
  }
  return { conditions: where, rank };
}

export function scopeConditions(scope: ListScope, viewer: Viewer, p: SqlParams): string[] {
  switch (scope.kind) {
    case 'browse':
      return [visibleSql(viewer, p, 'c')];
    case 'issuer':
      return [`c.issuer_organization_id = ${p.add(scope.organizationId)}::uuid`];
    case 'reviewQueue':
      return [`c.status = 'PENDING_REVIEW'`];
  }
}

export function buildChallengeListQuery(
  viewer: Viewer,
  args: { filter?: ChallengeFilterInput; orderBy?: ChallengeOrderBy; first: number; after?: string },
  scope: ListScope,
  /** The node fields the client asked for (undefined = all): costly sub-queries only when asked. */
  fields?: Set<string>,
): ListQuery {
  const p = new SqlParams();
  const columns = summaryColumnsSql(viewer, p, 'c', 'o', fields);
  const where = scopeConditions(scope, viewer, p);
  const { conditions, rank } = filterConditions(args.filter, viewer, p);
  where.push(...conditions);

  let ordering: Ordering = scope.kind === 'reviewQueue' ? 'SUBMITTED_OLDEST' : (args.orderBy ?? (rank ? ChallengeOrderBy.RELEVANCE : ChallengeOrderBy.NEWEST));
  if (ordering === ChallengeOrderBy.RELEVANCE && !rank) {
    if (args.orderBy === ChallengeOrderBy.RELEVANCE && !args.filter?.search) throw UserInputError.field('orderBy', 'RELEVANCE needs filter.search');
    ordering = ChallengeOrderBy.NEWEST;
  }
  const keys: Record<Ordering, SortKey> = {
    NEWEST: { sql: 'COALESCE(c.published_at, c.created_at)', type: 'timestamptz', dir: 'DESC' },
    DEADLINE_SOONEST: { sql: 'c.deadline', type: 'timestamptz', dir: 'ASC' },
    BUDGET_HIGHEST: { sql: 'COALESCE(c.budget_max, c.budget_min, 0)', type: 'bigint', dir: 'DESC' },
    RELEVANCE: { sql: rank ?? '0::real', type: 'real', dir: 'DESC' },
    SUBMITTED_OLDEST: { sql: 'c.submitted_at', type: 'timestamptz', dir: 'ASC' },
  };
  const key = keys[ordering];
  let cursor: string | null = null;
  if (args.after) {
    const [cursorOrdering, value, id] = decodeCursor(args.after, 3);
    if (
      cursorOrdering !== ordering ||
      typeof value !== 'string' ||
      !KEY_FORMAT[key.type].test(value) ||
      typeof id !== 'string' ||
      !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ) {
      throw UserInputError.field('after', 'is not a cursor of this list and ordering');
    }
    const op = key.dir === 'DESC' ? '<' : '>';
    // RELEVANCE pages over the candidates' computed rank (see below), the other orderings over the row.
    const cursorKey = ordering === ChallengeOrderBy.RELEVANCE ? 'ranked.rank, ranked.id' : `${key.sql}, c.id`;
    cursor = `(${cursorKey}) ${op} (${p.add(value)}::${key.type}, ${p.add(id)}::uuid)`;
  }
  if (ordering === ChallengeOrderBy.RELEVANCE) {
    // Ranking must read the vector of every candidate, so its cost grows with the number of matches. It is
    // bounded: the newest RELEVANCE_CANDIDATES matches are ranked (NEWEST with the same search lists all).
    // The candidate scan reads only what the filter and the newest-first order need; the rank (which
    // must read each candidate's vector) is computed in a second step, and only the page's rows are joined
    // to their content and issuer (never all the candidates).
    const sql = `WITH candidates AS MATERIALIZED (
        SELECT c.id FROM challenges c WHERE ${where.join(' AND ')}
        ORDER BY COALESCE(c.published_at, c.created_at) DESC, c.id DESC LIMIT ${RELEVANCE_CANDIDATES}),
      ranked AS (SELECT c.id, (${key.sql}) AS rank FROM candidates JOIN challenges c ON c.id = candidates.id),
      page AS (SELECT ranked.id, ranked.rank FROM ranked ${cursor ? `WHERE ${cursor}` : ''}
        ORDER BY ranked.rank ${key.dir}, ranked.id ${key.dir} LIMIT ${args.first + 1})
      SELECT ${columns}, page.rank::text AS sort_key
        FROM page JOIN challenges c ON c.id = page.id JOIN organizations o ON o.id = c.issuer_organization_id
       ORDER BY page.rank ${key.dir}, c.id ${key.dir}`;
    return { sql, params: p.values, ordering };
  }
  if (cursor) where.push(cursor);
  const sql = `SELECT ${columns}, (${key.sql})::text AS sort_key
    FROM challenges c JOIN organizations o ON o.id = c.issuer_organization_id
    WHERE ${where.join(' AND ')}
    ORDER BY ${key.sql} ${key.dir}, c.id ${key.dir}
    LIMIT ${args.first + 1}`;
  return { sql, params: p.values, ordering };
}

export function listCursor(ordering: string, row: ListRow): string {
  return encodeCursor([ordering, row.sort_key, row.id]);
}

/** Facet counts in one statement: the matching set once (CTE), grouped per facet. */
export function buildFacetsQuery(viewer: Viewer, filter: ChallengeFilterInput | undefined): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const where = [visibleSql(viewer, p, 'c'), ...filterConditions(filter, viewer, p).conditions];
  const sql = `WITH m AS MATERIALIZED (
      SELECT c.id, ${effectiveStatusSql('c')}::text AS status, c.industry_code::text AS industry_code, c.chain_goal::text AS chain_goal,
             c.demand_type::text AS demand_type, c.cooperation_modes::text[] AS cooperation_modes
        FROM challenges c WHERE ${where.join(' AND ')})
    SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM m
    UNION ALL SELECT 'status', status, count(*)::int FROM m GROUP BY status
    UNION ALL SELECT 'industryCode', industry_code, count(*)::int FROM m GROUP BY industry_code
    UNION ALL SELECT 'chainGoal', chain_goal, count(*)::int FROM m GROUP BY chain_goal
    UNION ALL SELECT 'demandType', demand_type, count(*)::int FROM m GROUP BY demand_type
    UNION ALL SELECT 'cooperationMode', mode, count(*)::int FROM m CROSS JOIN LATERAL unnest(m.cooperation_modes) AS mode GROUP BY mode
    UNION ALL SELECT 'technicalField', ctf.field_code::text, count(*)::int FROM m JOIN challenge_technical_fields ctf ON ctf.challenge_id = m.id GROUP BY ctf.field_code`;
  return { sql, params: p.values };
}
