import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  SelectionSetNode,
} from 'graphql';

/**
 * The field names requested at `path` below the current field (e.g. ['edges', 'node'] of a connection),
 * through inline and named fragments. Used to select only the columns (and sub-queries) a list needs.
 */
export function requestedFields(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const fragments = info.fragments;
  const collect = (set: SelectionSetNode | undefined, out: FieldNode[], name: string): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field' && selection.name.value === name) out.push(selection);
      else if (selection.kind === 'InlineFragment') collect(selection.selectionSet, out, name);
      else if (selection.kind === 'FragmentSpread')
        collect(
          (fragments[selection.name.value] as FragmentDefinitionNode | undefined)?.selectionSet,
          out,
          name,
        );
    }
  };
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const step of path) {
    const next: FieldNode[] = [];
    for (const node of nodes) collect(node.selectionSet, next, step);
    nodes = next;
  }
  const names = new Set<string>();
  const gather = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') gather(selection.selectionSet);
      else if (selection.kind === 'FragmentSpread')
        gather(
          (fragments[selection.name.value] as FragmentDefinitionNode | undefined)?.selectionSet,
        );
    }
  };
  for (const node of nodes) gather(node.selectionSet);
  return names;
}
