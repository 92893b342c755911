import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorReason } from '../error-catalogue.js';
import {
  DocumentNode,
  GraphQLError,
  Kind,
  type ASTNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import type { AppConfig } from '../../config/app-config.js';
import { ErrorCode } from '../errors.js';
import { MAX_LIST_LENGTH } from '../validation.js';

export interface DocumentLimits {
  /** Field selections in one selection set, counting the fields of its inline fragments (they merge into it). */
  maxSelections: number;
  /** Field selections in the whole document. */
  maxFields: number;
  /** Whether the message states the limit (not in production, like graphql-armor's exposeLimits). */
  exposeLimits: boolean;
}

interface Excess {
  message: string;
  node: ASTNode;
}

/** The fields of a selection set, its inline fragments' flattened in (named fragments are sets of their own). */
function selectionsIn(set: SelectionSetNode): number {
  let n = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD || selection.kind === Kind.FRAGMENT_SPREAD) n += 1;
    else n += selectionsIn(selection.selectionSet);
  }
  return n;
}

/** The first limit a document exceeds, in one linear walk of it; null when within them. */
export function documentExcess(
  document: DocumentNode,
  limits: Omit<DocumentLimits, 'exposeLimits'>,
): Excess | null {
  let fields = 0;
  const stack: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind === Kind.OPERATION_DEFINITION ||
      definition.kind === Kind.FRAGMENT_DEFINITION
    )
      stack.push(definition.selectionSet);
  }
  while (stack.length) {
    const set = stack.pop()!;
    if (selectionsIn(set) > limits.maxSelections)
      return {
        message: `more than ${limits.maxSelections} field selections in one selection set`,
        node: set,
      };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        fields += 1;
        if (fields > limits.maxFields)
          return {
            message: `more than ${limits.maxFields} field selections in the document`,
            node: selection,
          };
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet)
        stack.push(selection.selectionSet);
    }
  }
  return null;
}

/** An empty document: what the rest of the validation is handed when a document is refused here. */
const NOTHING: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };

/**
 * A validation rule that refuses oversized documents before any other rule works through them:
 * more than `maxSelections` field selections in one selection set, or more than `maxFields` in the document.
 *
 * graphql-js's OverlappingFieldsCanBeMerged compares the fields of a selection set pairwise (and their
 * sub-selections), so 497 repeated `me { id }` took 113–488 ms to refuse. This rule counts the selections
 * in one linear walk when the validation enters the document (before any rule enters a selection set), and
 * when a limit is exceeded it reports GRAPHQL_VALIDATION_FAILED and returns an empty document in place of
 * the document: graphql-js's visitor then goes on with that replacement, so no other rule visits the
 * oversized selections (the request's own document is not changed: the visitor edits a copy).
 */
export function documentLimitsRule(limits: DocumentLimits): ValidationRule {
  return (context) => ({
    Document: {
      enter(document) {
        const excess = documentExcess(document, limits);
        if (!excess) return undefined;
        context.reportError(
          new GraphQLError(
            limits.exposeLimits
              ? `Query validation error: ${excess.message}.`
              : 'Query validation error.',
            { nodes: [excess.node] },
          ),
        );
        return NOTHING;
      },
    },
  });
}

/** The rule with the service's settings (GRAPHQL_MAX_SELECTIONS, GRAPHQL_MAX_FIELDS). */
export function documentLimits(config: AppConfig): ValidationRule {
  return documentLimitsRule({
    maxSelections: config.graphql.maxSelections,
    maxFields: config.graphql.maxFields,
    exposeLimits: !config.isProduction,
  });
}

/** The path of the first list longer than `max` in a request's variables (`$f.statuses`), or null. */
export function oversizedVariableList(
  value: unknown,
  path: string,
  max: number,
  depth = 0,
): string | null {
  if (Array.isArray(value)) {
    if (value.length > max) return path;
  } else if (!value || typeof value !== 'object') {
    return null;
  }
  if (depth >= 10) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = oversizedVariableList(item, path ? `${path}.${key}` : `$${key}`, max, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a request whose variables hold a list longer than MAX_LIST_LENGTH (1,000) before graphql-js
 * coerces them: coercing 80,000 enum values took about 300 ms, before any argument validation could refuse
 * them. BAD_USER_INPUT, HTTP 400, naming the variable path. (Every list argument also has its own, smaller
 * cap, checked with the other argument rules; a list written in the document itself is bounded by the token limit.)
 */
export function variableLimitsPlugin(max = MAX_LIST_LENGTH): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const field = oversizedVariableList(request.variables, '', max);
          if (!field) return;
          const fields = [{ field, message: `must contain no more than ${max} elements` }];
          throw new GraphQLError(`${field}: ${fields[0].message}`, {
            extensions: {
              code: ErrorCode.BAD_USER_INPUT,
              reason: 'INVALID_INPUT' satisfies ErrorReason,
              fields,
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}
