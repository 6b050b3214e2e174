import { type DocumentNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * The names of the fields selected directly in a selection set, fragments (inline and named) looked
 * through, each named fragment once. A field under `@skip`/`@include` counts as selected: reading
 * more than needed is harmless where this is used.
 */
export function fieldNames(sets: readonly SelectionSetNode[], fragment: (name: string) => SelectionSetNode | undefined): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        visit(fragment(selection.name.value));
      }
    }
  };
  for (const set of sets) visit(set);
  return names;
}

/** The fields the query selects directly below the current field: lets a resolver skip parts nobody asked for. */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  return fieldNames(
    info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
    (name) => info.fragments[name]?.selectionSet,
  );
}

/** A document's named fragments' selection sets, by name. */
export function fragmentsOf(document: DocumentNode): (name: string) => SelectionSetNode | undefined {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  return (name) => fragments.get(name);
}
