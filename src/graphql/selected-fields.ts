import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * The names of the fields the query selects directly below the current field, fragments included
 * (a field under a `@skip`/`@include` counts as selected: computing it needlessly is harmless).
 * Lets a resolver skip the work for parts nobody asked for.
 */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}
