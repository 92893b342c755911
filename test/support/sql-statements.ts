import type { GraphqlClient } from './graphql-client.js';

export interface StatementSample {
  pageSize: number;
  /** Items the request returned (it must fill the page, or the comparison proves nothing). */
  items: number;
  statements: number;
}

/**
 * The N+1 guard: a list operation must run the same number of SQL statements whatever its page
 * size (one query per relation per page, through DataLoaders, never one per row). Throws when the
 * count grows with the page size, naming the counts.
 */
export function assertConstantStatements(
  samples: readonly StatementSample[],
  operation = 'the list request',
): void {
  const sorted = [...samples].sort((a, b) => a.pageSize - b.pageSize);
  for (const sample of sorted) {
    if (sample.items < sample.pageSize) {
      throw new Error(
        `${operation} returned ${sample.items} items for a page of ${sample.pageSize}: arrange at least ${sample.pageSize} rows so the page is full`,
      );
    }
  }
  const smallest = sorted[0];
  for (const sample of sorted.slice(1)) {
    if (sample.statements > smallest.statements) {
      const counts = sorted
        .map((s) => `${s.statements} statements for ${s.pageSize} items`)
        .join(', ');
      throw new Error(`${operation} runs more SQL as the page grows (N+1): ${counts}`);
    }
  }
}

/** The nodes of the first connection (an object with `edges`) in a GraphQL response's data. */
export function firstConnectionSize(data: unknown): number | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const edges = (data as { edges?: unknown }).edges;
  if (Array.isArray(edges)) return edges.length;
  for (const value of Object.values(data)) {
    const found = firstConnectionSize(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Runs a list request at two page sizes (after one warm-up request) with statement counting on
 * (BENCH_SQL_COUNT, as in every test app) and fails when the larger page runs more SQL than the
 * smaller one. `variablesFor(n)` builds the variables for a page of n; `itemsOf` counts the items
 * returned (default: the edges of the first connection in the data).
 *
 *   await expectConstantStatements(t.gql.as(admin.token), USERS, (first) => ({ first }));
 */
export async function expectConstantStatements(
  client: GraphqlClient,
  query: string,
  variablesFor: (pageSize: number) => Record<string, unknown>,
  options: { pageSizes?: [number, number]; itemsOf?: (data: unknown) => number | undefined } = {},
): Promise<StatementSample[]> {
  const pageSizes = options.pageSizes ?? [2, 20];
  const itemsOf = options.itemsOf ?? firstConnectionSize;
  const operation = /\{\s*(\w+)/.exec(query.replace(/^[^{]*/, ''))?.[1] ?? 'the list request';
  // The first request of a test app may warm caches (prepared metadata); it is not measured.
  await client.send(query, variablesFor(pageSizes[0]));
  const samples: StatementSample[] = [];
  for (const pageSize of pageSizes) {
    const res = await client.send(query, variablesFor(pageSize));
    if (res.errors?.length || !res.data)
      throw new Error(`${operation} failed: ${JSON.stringify(res.errors ?? res.text)}`);
    if (res.sqlStatements === undefined)
      throw new Error('no x-sql-statements header: start the app with BENCH_SQL_COUNT=true');
    const items = itemsOf(res.data);
    if (items === undefined)
      throw new Error(`cannot count the items ${operation} returned: pass itemsOf`);
    samples.push({ pageSize, items, statements: res.sqlStatements });
  }
  assertConstantStatements(samples, operation);
  return samples;
}
