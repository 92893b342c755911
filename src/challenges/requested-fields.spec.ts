import { describe, expect, it } from '@jest/globals';
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  Kind,
  OperationDefinitionNode,
  parse,
} from 'graphql';
import { requestedFields } from './requested-fields.js';

function infoOf(document: string): GraphQLResolveInfo {
  const doc = parse(document);
  const operation = doc.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments,
  } as unknown as GraphQLResolveInfo;
}

describe('requestedFields', () => {
  it('lists the node fields of a connection, through inline and named fragments', () => {
    const info =
      infoOf(`query { challenges { edges { node { id ... on Challenge { proposalCount } ...F } } pageInfo { hasNextPage } } }
      fragment F on Challenge { technicalFields { code } }`);
    expect([...requestedFields(info, ['edges', 'node'])].sort()).toEqual([
      'id',
      'proposalCount',
      'technicalFields',
    ]);
  });

  it('is empty when the path is not selected', () => {
    expect(
      requestedFields(infoOf(`query { challenges { pageInfo { hasNextPage } } }`), [
        'edges',
        'node',
      ]).size,
    ).toBe(0);
  });
});
