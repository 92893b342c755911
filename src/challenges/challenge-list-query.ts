import { UserInputError } from '../common/errors.js';
import { decodeCursor, encodeCursor } from '../common/pagination/connection.js';
import { isUuid } from '../common/uuid.js';
import { regionAllowedSql } from '../organizations/index.js';
import { searchQuery } from './challenge-search.js';
import {
  effectiveStatusSql,
  issuerShownSql,
  SqlParams,
  summaryColumnsSql,
  Viewer,
  visibleSql,
} from './challenge-sql.js';
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
export const RELEVANCE_CANDIDATES = 100;

export type ListScope =
  { kind: 'browse' } | { kind: 'issuer'; organizationId: string } | { kind: 'reviewQueue' };

export interface ListQuery {
  sql: string;
  params: unknown[];
  ordering: Ordering;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** A window of list months, as SQL integer expressions (see challenge_list_month). */
export interface MonthWindow {
  lo: string;
  hi: string;
}

/**
 * A full-text search as SQL: `condition(window)` matches the terms; given a window of list months, only
 * in those months, through the month-qualified search indexes (SearchMonthLexemes migration), which read
 * only the postings of those months. `rank` is the relevance of a row.
 */
export interface SearchSql {
  condition(window?: MonthWindow): string;
  rank: string;
}

/** A search vector's month-qualified lexemes, as the indexes IDX_challenges_search_{zh,en}_month hold them. */
const monthLexemes = (vector: string) =>
  `challenge_month_lexemes(${vector}, challenge_list_month(${LIST_KEY}))`;

function searchSql(text: string, p: SqlParams): SearchSql | null {
  const q = searchQuery(text);
  if (!q.zh) return null;
  const zh = `${p.add(q.zh)}::tsquery`;
  const en = q.en ? `websearch_to_tsquery('english', ${p.add(q.en)})` : null;
  const matches = (column: 'search_zh' | 'search_en', query: string, window?: MonthWindow) =>
    window
      ? `${monthLexemes(`c.${column}`)} @@ challenge_month_query(${query}, ${window.lo}, ${window.hi})`
      : `c.${column} @@ ${query}`;
  return {
    condition: (window) =>
      en
        ? `(${matches('search_zh', zh, window)} OR ${matches('search_en', en, window)})`
        : matches('search_zh', zh, window),
    rank: en
      ? `(COALESCE(ts_rank(c.search_zh, ${zh}), 0) + COALESCE(ts_rank(c.search_en, ${en}), 0))::real`
      : `COALESCE(ts_rank(c.search_zh, ${zh}), 0)::real`,
  };
}

/**
 * The WHERE conditions of a filter other than the search (shared by the list and the facets), and the
 * search, which the list restricts month by month (see buildChallengeListQuery).
 */
export function filterConditions(
  filter: ChallengeFilterInput | undefined,
  viewer: Viewer,
  p: SqlParams,
): { conditions: string[]; search: SearchSql | null } {
  const where: string[] = [];
  if (!filter) return { conditions: where, search: null };
  const search = filter.search ? searchSql(filter.search, p) : null;
  if (filter.technicalFieldCodes?.length) {
    const codes = p.add(filter.technicalFieldCodes);
    const prefixes = p.add(filter.technicalFieldCodes.map((code) => `${escapeLike(code)}.%`));
    where.push(
      `EXISTS (SELECT 1 FROM challenge_technical_fields ctf WHERE ctf.challenge_id = c.id AND (ctf.field_code = ANY(${codes}::varchar[]) OR ctf.field_code LIKE ANY(${prefixes}::text[])))`,
    );
  }
  if (filter.industryCodes?.length)
    where.push(`c.industry_code = ANY(${p.add(filter.industryCodes)}::bpchar[])`);
  if (filter.chainGoals?.length)
    where.push(`c.chain_goal = ANY(${p.add(filter.chainGoals)}::challenge_chain_goal[])`);
  if (filter.demandTypes?.length)
    where.push(`c.demand_type = ANY(${p.add(filter.demandTypes)}::challenge_demand_type[])`);
  if (filter.cooperationModes?.length)
    where.push(`c.cooperation_modes && ${p.add(filter.cooperationModes)}::cooperation_mode[]`);
  if (filter.budgetMin != null)
    where.push(`COALESCE(c.budget_max, c.budget_min) >= ${p.add(filter.budgetMin)}::bigint`);
  if (filter.budgetMax != null)
    where.push(`COALESCE(c.budget_min, c.budget_max) <= ${p.add(filter.budgetMax)}::bigint`);
  if (filter.eligibleRegionCode) where.push(regionAllowedSql(p.add(filter.eligibleRegionCode)));
  if (filter.statuses?.length)
    where.push(`${effectiveStatusSql('c')} = ANY(${p.add(filter.statuses)}::challenge_status[])`);
  if (filter.deadlineFrom) where.push(`c.deadline >= ${p.add(filter.deadlineFrom)}::timestamptz`);
  if (filter.deadlineTo) where.push(`c.deadline < ${p.add(filter.deadlineTo)}::timestamptz`);
  if (filter.issuerOrganizationId) {
    // Filtering by issuer must not reveal who issued an anonymous challenge.
    where.push(
      `c.issuer_organization_id = ${p.add(filter.issuerOrganizationId)}::uuid AND ${issuerShownSql(viewer, p, 'c')}`,
    );
  }
  return { conditions: where, search };
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
  args: {
    filter?: ChallengeFilterInput;
    orderBy?: ChallengeOrderBy;
    first: number;
    after?: string;
  },
  scope: ListScope,
  /** The node fields the client asked for (undefined = all): costly sub-queries only when asked. */
  fields?: Set<string>,
): ListQuery {
  const p = new SqlParams();
  const columns = summaryColumnsSql(viewer, p, 'c', 'o', fields);
  const where = scopeConditions(scope, viewer, p);
  const { conditions, search } = filterConditions(args.filter, viewer, p);
  where.push(...conditions);

  let ordering: Ordering =
    scope.kind === 'reviewQueue'
      ? 'SUBMITTED_OLDEST'
      : (args.orderBy ?? (search ? ChallengeOrderBy.RELEVANCE : ChallengeOrderBy.NEWEST));
  if (ordering === ChallengeOrderBy.RELEVANCE && !search) {
    if (args.orderBy === ChallengeOrderBy.RELEVANCE)
      throw UserInputError.field(
        'orderBy',
        'RELEVANCE needs filter.search with a word to search for',
      );
    ordering = ChallengeOrderBy.NEWEST;
  }
  const keys: Record<Ordering, SortKey> = {
    NEWEST: { sql: LIST_KEY, type: 'timestamptz', dir: 'DESC' },
    DEADLINE_SOONEST: { sql: 'c.deadline', type: 'timestamptz', dir: 'ASC' },
    BUDGET_HIGHEST: { sql: 'COALESCE(c.budget_max, c.budget_min, 0)', type: 'bigint', dir: 'DESC' },
    RELEVANCE: { sql: search?.rank ?? '0::real', type: 'real', dir: 'DESC' },
    SUBMITTED_OLDEST: { sql: 'c.submitted_at', type: 'timestamptz', dir: 'ASC' },
  };
  const key = keys[ordering];
  let cursor: string | null = null;
  let cursorValue: string | null = null;
  if (args.after) {
    const [cursorOrdering, value, id] = decodeCursor(args.after, 3);
    if (
      cursorOrdering !== ordering ||
      typeof value !== 'string' ||
      !KEY_FORMAT[key.type].test(value) ||
      !isUuid(id)
    ) {
      throw UserInputError.field('after', 'is not a cursor of this list and ordering');
    }
    const op = key.dir === 'DESC' ? '<' : '>';
    cursorValue = p.add(value);
    // RELEVANCE pages over the candidates' computed rank (see below), the other orderings over the row.
    const cursorKey =
      ordering === ChallengeOrderBy.RELEVANCE ? 'ranked.rank, ranked.id' : `${key.sql}, c.id`;
    cursor = `(${cursorKey}) ${op} (${cursorValue}::${key.type}, ${p.add(id)}::uuid)`;
  }

  if (search && ordering === ChallengeOrderBy.RELEVANCE) {
    // Ranking reads each candidate's vector, so it is bounded: the newest RELEVANCE_CANDIDATES matches are
    // ranked (NEWEST with the same search lists every match). They are found month by month (newestMatches),
    // ranked in a second step, and only the page's rows are joined to their content and issuer.
    const sql = `WITH RECURSIVE ${newestMatchesSql(where, search, p, RELEVANCE_CANDIDATES, null)},
      ranked AS (SELECT c.id, (${key.sql}) AS rank FROM candidates JOIN challenges c ON c.id = candidates.id),
      page AS (SELECT ranked.id, ranked.rank FROM ranked ${cursor ? `WHERE ${cursor}` : ''}
        ORDER BY ranked.rank ${key.dir}, ranked.id ${key.dir} LIMIT ${args.first + 1})
      SELECT ${columns}, page.rank::text AS sort_key
        FROM page JOIN challenges c ON c.id = page.id JOIN organizations o ON o.id = c.issuer_organization_id
       ORDER BY page.rank ${key.dir}, c.id ${key.dir}`;
    return { sql, params: p.values, ordering };
  }
  if (cursor) where.push(cursor);
  if (search && ordering === ChallengeOrderBy.NEWEST) {
    // The page of a search by date, found month by month from the cursor's month back.
    const startMonth = cursorValue
      ? `LEAST(challenge_list_month(now()), challenge_list_month(${cursorValue}::timestamptz))`
      : null;
    const sql = `WITH RECURSIVE ${newestMatchesSql(where, search, p, args.first + 1, startMonth)}
      SELECT ${columns}, (${key.sql})::text AS sort_key
        FROM candidates JOIN challenges c ON c.id = candidates.id JOIN organizations o ON o.id = c.issuer_organization_id
       ORDER BY candidates.position`;
    return { sql, params: p.values, ordering };
  }
  if (search) where.push(search.condition());
  const sql = `SELECT ${columns}, (${key.sql})::text AS sort_key
    FROM challenges c JOIN organizations o ON o.id = c.issuer_organization_id
    WHERE ${where.join(' AND ')}
    ORDER BY ${key.sql} ${key.dir}, c.id ${key.dir}
    LIMIT ${args.first + 1}`;
  return { sql, params: p.values, ordering };
}

/** The list date: newest first is by this key (index IDX_challenges_newest). */
const LIST_KEY = 'COALESCE(c.published_at, c.created_at)';
/** How many month windows (1, 2, then 4 months: the newest 7) newestMatchesSql asks the index for before the rest. */
const MONTH_WINDOWS = 3;

/**
 * CTEs `walk`, `walked`, `rest` and `candidates`: the newest `limit` rows matching `where` and the search,
 * in list order (column `position`), without visiting every match. The month-qualified search indexes
 * (SearchMonthLexemes migration) hold each term per list month, so the walk asks them for the matches of
 * one window of months at a time, newest first (1 month, then 2, then 4), and keeps the newest it still
 * needs from each; a window reads only its months' postings of each term. Only when those months hold
 * fewer than `limit` matches does a last step read the older matches, by the terms alone (then there are
 * few of them, or they are needed). A search thus costs about the postings of the months it needs,
 * whatever the size of the table.
 */
function newestMatchesSql(
  where: string[],
  search: SearchSql,
  p: SqlParams,
  limit: number,
  startMonth: string | null,
): string {
  const matching = (window?: MonthWindow) => [...where, search.condition(window)].join(' AND ');
  return `walk(step, found, hi, span, ids) AS (
        SELECT 0, 0, ${startMonth ?? 'challenge_list_month(now())'}, 1, ARRAY[]::uuid[]
      UNION ALL
        SELECT w.step + 1, w.found + cardinality(win.ids), w.hi - w.span, w.span * 2, w.ids || win.ids
          FROM walk w CROSS JOIN LATERAL (SELECT ARRAY(
            SELECT c.id FROM challenges c WHERE ${matching({ lo: 'w.hi - w.span + 1', hi: 'w.hi' })}
             ORDER BY ${LIST_KEY} DESC, c.id DESC LIMIT ${limit} - w.found) AS ids OFFSET 0) win
         WHERE w.found < ${limit} AND w.step < ${MONTH_WINDOWS}),
      walked AS (SELECT found, hi, ids FROM walk ORDER BY step DESC LIMIT 1),
      rest AS (SELECT walked.ids || ARRAY(
            SELECT c.id FROM challenges c WHERE ${matching()} AND challenge_list_month(${LIST_KEY}) <= walked.hi
             ORDER BY ${LIST_KEY} DESC, c.id DESC LIMIT GREATEST(${limit} - walked.found, 0)) AS ids FROM walked),
      candidates AS (SELECT u.id, u.position FROM rest CROSS JOIN LATERAL unnest(rest.ids) WITH ORDINALITY AS u(id, position))`;
}

/** The cursor of a list row: the ordering, the row's sort_key and its id. */
export function listCursor(ordering: string, sortKey: string, id: string): string {
  return encodeCursor([ordering, sortKey, id]);
}

/** Facet counts in one statement: the matching set once (CTE), grouped per facet. */
export function buildFacetsQuery(
  viewer: Viewer,
  filter: ChallengeFilterInput | undefined,
): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const { conditions, search } = filterConditions(filter, viewer, p);
  const where = [
    visibleSql(viewer, p, 'c'),
    ...conditions,
    ...(search ? [search.condition()] : []),
  ];
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
