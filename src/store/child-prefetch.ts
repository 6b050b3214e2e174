import { type FieldNode, getNamedType, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, isObjectType, Kind, type SelectionSetNode } from "graphql";
import { getArgumentValues } from "graphql/execution/values.js";
import { childLists, type ChildListName } from "./child-lists.js";

/** A child list a query asks of the object being resolved: its name and its page arguments. */
export interface SelectedChildList {
  list: ChildListName;
  first?: number | null;
  after?: string | null;
}

/**
 * The child lists of `parentKey` that the query selects on the object `info` resolves (through
 * fragments too), with their arguments as the field's resolver will receive them. Read before the
 * object itself, so that its lists leave in the same wave of statements as it does, rather than in
 * the next one: the object's row id is known from its global id.
 */
export function selectedChildLists(info: GraphQLResolveInfo, parentKey: string): SelectedChildList[] {
  const objectType = getNamedType(info.returnType);
  if (!isObjectType(objectType)) return [];
  const selected: SelectedChildList[] = [];
  for (const field of info.fieldNodes) if (field.selectionSet) collect(field.selectionSet, objectType, info, parentKey, selected);
  return selected;
}

function collect(selectionSet: SelectionSetNode, type: GraphQLObjectType, info: GraphQLResolveInfo, parentKey: string, into: SelectedChildList[]): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const list = childListOf(selection, parentKey);
      const definition = type.getFields()[selection.name.value];
      if (list && definition) {
        const args = argumentsOf(definition, selection, info);
        if (args) into.push({ list, ...args });
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === type.name) collect(selection.selectionSet, type, info, parentKey, into);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (fragment && fragment.typeCondition.name.value === type.name) collect(fragment.selectionSet, type, info, parentKey, into);
    }
  }
}

/** The field's arguments, or null where they cannot be worked out here: its resolver then says why, on the field. */
function argumentsOf(definition: GraphQLField<unknown, unknown>, field: FieldNode, info: GraphQLResolveInfo): { first?: number | null; after?: string | null } | null {
  try {
    return getArgumentValues(definition, field, info.variableValues);
  } catch {
    return null;
  }
}

function childListOf(field: FieldNode, parentKey: string): ChildListName | null {
  const name = field.name.value;
  return name in childLists && childLists[name as ChildListName].parentKey === parentKey ? (name as ChildListName) : null;
}
