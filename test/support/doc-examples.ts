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
    parts.push(
      `${field.name} { ${level < 1 ? pageSelection(named, level + 1) : scalarsOf(named)} }`,
    );
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
