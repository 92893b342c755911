import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A UUID no row has: what the examples' placeholders (`"…"`, `"<id>"`, `"..."`) become. */
export const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

export interface DocExample {
  /** Where it is documented: `docs/proposals.md #3.1` (block 3, operation 1). */
  source: string;
  query: string;
  /** Values for the operation's variables (the examples' `$content`). */
  variables?: Record<string, unknown>;
}

/** A proposal's content as the examples' `$content` stands for it. */
const CONTENT = {
  title: 'Title',
  summary: 'Summary',
  technicalApproach: 'Approach',
  ipArrangement: 'Shared',
  durationMonths: 12,
  quotedPriceFen: '100000',
  declarations: { noConflictOfInterest: true, original: true },
};

/** Every operation of every ```graphql block of the file, placeholders replaced so that it parses. */
export function docExamples(file: string): DocExample[] {
  const text = readFileSync(join(process.cwd(), file), 'utf8');
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const examples: DocExample[] = [];
  blocks.forEach((block, b) => {
    const source = block
      .replace(/"(?:…|\.\.\.|<[a-z]+>)"/g, `"${DUMMY_ID}"`)
      // `content: { … }` (a draft's content, elided): the same content as the `$content` examples.
      .replace(/content: \{ … \}/g, 'content: $content');
    const parsed = parse(source);
    parsed.definitions.forEach((definition, d) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return;
      let operation: OperationDefinitionNode = definition;
      const usesContent = /\$content\b/.test(print(operation));
      if (usesContent && !operation.variableDefinitions?.length) {
        // The elided draft content becomes the operation's `$content` variable.
        operation = parse(
          print(operation).replace(
            /^(mutation|query)\s*(\w*)\s*\{/,
            '$1 $2($content: ProposalContentInput!) {',
          ),
        ).definitions[0] as OperationDefinitionNode;
      }
      examples.push({
        source: `${file} #${b + 1}.${d + 1}`,
        query: print(operation),
        ...(usesContent ? { variables: { content: CONTENT } } : {}),
      });
    });
  });
  return examples;
}

/** The document as Apollo Client sends it: `__typename` in every selection set below the operation's. */
export function withTypename(query: string): string {
  const document: DocumentNode = parse(query);
  const added = visit(document, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      const isRoot = (parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION;
      const has = node.selections.some(
        (s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias,
      );
      if (isRoot || has) return undefined;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
  return print(added);
}

/** Scalars (and enums) of a type that need no argument, as a selection. */
function scalarsOf(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name)
    .join(' ');
}

/** The selection of a page type: its scalars, its lists' and objects' scalars, and an edge's node's scalars. */
function pageSelection(type: GraphQLObjectType, level = 0): string {
  const parts = [scalarsOf(type)];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || field.args.some((a) => isNonNullType(a.type))) continue;
    // A type without scalars of its own (a recommendation: an SME and its match) still gets a selection.
    const inner = level < 1 ? pageSelection(named, level + 1) : scalarsOf(named);
    parts.push(`${field.name} { ${inner || '__typename'} }`);
  }
  return parts.filter(Boolean).join(' ');
}

/**
 * For every root list that pages with `first`: one page at `maxFirst(field)` with every scalar field of its
 * node (and of the page, its edges, its page info), required arguments given a dummy id.
 */
export function maxPageQueries(
  schema: GraphQLSchema,
  maxFirst: (field: string) => number,
): { field: string; query: string }[] {
  const query = schema.getQueryType()!;
  return Object.values(query.getFields())
    .filter((f) => f.args.some((a) => a.name === 'first'))
    .map((f) => {
      const required = f.args
        .filter((a) => isNonNullType(a.type))
        .map((a) => `${a.name}: "${DUMMY_ID}"`);
      const args = [`first: ${maxFirst(f.name)}`, ...required].join(', ');
      const type = getNamedType(f.type) as GraphQLObjectType;
      return { field: f.name, query: `query { ${f.name}(${args}) { ${pageSelection(type)} } }` };
    });
}

/** An operation of a Markdown file's ```graphql blocks with the variables its comments show. */
export interface QuotedOperation {
  name: string;
  operation: OperationDefinitionNode;
  /** The JSON objects of the comments above it, in order (its variables; more than one: further calls). */
  variables: unknown[];
}

/** The JSON objects (`{ "…": … }`) in a text, in order. */
function jsonObjects(text: string): unknown[] {
  const found: unknown[] = [];
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i)) {
    let depth = 0;
    let inString = false;
    let end = -1;
    for (let j = i; j < text.length && end < 0; j += 1) {
      const c = text[j];
      if (inString) {
        if (c === '\\') j += 1;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{') depth += 1;
      else if (c === '}' && --depth === 0) end = j;
    }
    if (end < 0) throw new Error(`unbalanced JSON in: ${text.slice(i, i + 80)}`);
    found.push(JSON.parse(text.slice(i, end + 1)));
    i = end + 1;
  }
  return found;
}

/**
 * Every operation of the file's ```graphql blocks, as written (no placeholder replaced), with the variables
 * shown in the comments above it: the JSON objects of a comment go to the operations that follow it, one each,
 * and any left over to the last of them (its further calls, e.g. the next page).
 */
export function quotedOperations(file: string): QuotedOperation[] {
  const text = readFileSync(join(process.cwd(), file), 'utf8');
  const quoted: QuotedOperation[] = [];
  for (const [, block] of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const operations = parse(block).definitions as OperationDefinitionNode[];
    let group: QuotedOperation[] = [];
    let pending: unknown[] = [];
    const settle = () => {
      group.forEach((q, i) =>
        q.variables.push(...(i < group.length - 1 ? pending.slice(i, i + 1) : pending.slice(i))),
      );
      group = [];
    };
    let previousEnd = 0;
    for (const operation of operations) {
      const comments = block
        .slice(previousEnd, operation.loc!.start)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith('#'))
        .map((line) => line.slice(1))
        .join(' ');
      const objects = jsonObjects(comments);
      if (objects.length) {
        settle();
        pending = objects;
      }
      const entry = { name: operation.name?.value ?? '', operation, variables: [] };
      group.push(entry);
      quoted.push(entry);
      previousEnd = operation.loc!.end;
    }
    settle();
  }
  return quoted;
}

/** The variables with every `"<placeholder>"` string replaced from `values` (an unknown placeholder throws). */
export function fillPlaceholders<T>(variables: T, values: Record<string, unknown>): T {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string' && /^<.+>$/.test(value)) {
      const key = value.slice(1, -1);
      if (!(key in values)) throw new Error(`no value for the placeholder ${value}`);
      return values[key];
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return fill(variables) as T;
}
