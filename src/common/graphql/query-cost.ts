import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorReason } from '../error-catalogue.js';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../pagination/connection.js';

/**
 * The cost of a query, computed with the operation's variables: the same document costs the same whether
 * `first` is written as a literal, passed as a variable or left to its default.
 *
 * The model, one rule per kind of field:
 * - every field costs 1; `__typename` costs 0 (it runs no resolver, and Apollo Client adds it to every
 *   selection set: a document costs the same with and without it); introspection (`__schema`, `__type`)
 *   costs 0 (off in production);
 * - a field with a `first` argument (a connection, or the ranking) costs 1 + page size × the cost of its
 *   selection. The page size is `first` as the operation gives it (literal or variable), or the page
 *   size the service uses when it is omitted (DEFAULT_PAGE_SIZE, 20), capped at MAX_COSTED_PAGE (an
 *   argument over a list's own maximum is refused as BAD_USER_INPUT, not priced). The page size counts
 *   once: the lists inside the page (`edges`, the ranking's `proposals`) are that page and add no factor
 *   of their own (`pageInfo` and `totalCount` are priced per item too: a small overestimate that keeps one rule);
 * - any other list of objects (a challenge's technical fields, a proposal's criteria, the review
 *   assignments) costs 1 + LIST_FACTOR × the cost of its selection: such lists are short and bounded by
 *   what the service accepts, and the factor stands for their usual length.
 *
 * The budget (GRAPHQL_MAX_COST) is set so that every documented selection at the documented largest page
 * passes (test/api-contract-limits.e2e-spec.ts walks them), while lists nested in lists at their largest
 * pages are refused.
 */
export const LIST_FACTOR = 10;
/** The largest page any list allows (proposalRanking: 200); a larger `first` is refused by the argument's own rule. */
export const MAX_COSTED_PAGE = 200;

/** The page size a `first` argument stands for: the given value, or the default when omitted. */
function pageSize(first: unknown): number {
  const n = typeof first === 'number' && Number.isFinite(first) ? first : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(n), 1), MAX_COSTED_PAGE);
}

/** pageTypes per schema: computed once, not per request (it walks every field of the schema). */
const pageTypesOf = new WeakMap<GraphQLSchema, Set<string>>();

/** The named types that a field with a `first` argument returns: their lists are the page. */
function pageTypes(schema: GraphQLSchema): Set<string> {
  const known = pageTypesOf.get(schema);
  if (known) return known;
  const names = new Set<string>();
  pageTypesOf.set(schema, names);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => a.name === 'first')) names.add(getNamedType(field.type).name);
    }
  }
  return names;
}

/** The estimator of the model above, for one schema. */
export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const pages = pageTypes(schema);
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__typename' || field.name === '__schema' || field.name === '__type')
      return 0;
    if (field.args.some((a) => a.name === 'first'))
      return 1 + pageSize(args.first) * childComplexity;
    const isList = isListType(getNullableType(field.type));
    if (isList && !pages.has(type.name)) return 1 + LIST_FACTOR * childComplexity;
    return 1 + childComplexity;
  };
}

/** The cost of one operation of a document with its variables; null when the variables do not fit it. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [costEstimator(schema)],
      // The document limits (GRAPHQL_MAX_FIELDS) bound the nodes long before this.
      maxQueryNodes: 100_000,
    });
  } catch {
    // Variables that do not coerce: execution refuses them with its own error (BAD_USER_INPUT), before any
    // resolver runs, so nothing is priced.
    return null;
  }
}

/** The refusal of an operation over the budget: HTTP 400, QUERY_TOO_COMPLEX, with its cost and the budget. */
export function queryTooComplex(cost: number, budget: number): GraphQLError {
  return new GraphQLError(
    `The query is too complex: its cost is ${cost}, the budget is ${budget}. Ask for smaller pages or fewer nested lists.`,
    {
      extensions: {
        code: ErrorCode.QUERY_TOO_COMPLEX,
        reason: 'COST_OVER_BUDGET' satisfies ErrorReason,
        cost,
        budget,
        http: { status: 400 },
      },
    },
  );
}

/**
 * Refuses, after validation and before anything executes, an operation whose cost (with its variables)
 * is over `budget` (GRAPHQL_MAX_COST).
 */
export function queryCostPlugin(budget: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, request }) {
          if (!operation) return;
          const cost = queryCost(schema, document, request.variables, operationName);
          if (cost !== null && cost > budget) throw queryTooComplex(cost, budget);
        },
      };
    },
  };
}
