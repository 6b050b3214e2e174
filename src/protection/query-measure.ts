import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLField,
  type GraphQLSchema,
  type GraphQLType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLCompositeType,
  type ValueNode,
  valueFromASTUntyped,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from "graphql";

/** A field of a type, the introspection fields included (introspection is cost-limited like the rest). */
function fieldDefinition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return "getFields" in parent ? parent.getFields()[name] : undefined;
}

/** What a query asks of the server, measured on its document before it runs. */
export interface QueryMeasure {
  /** Deepest field nesting, fragments expanded. */
  depth: number;
  /** Aliased fields, fragments expanded (a fragment spread twice counts twice). */
  aliases: number;
  /** Directives used, fragments expanded. */
  directives: number;
  /**
   * Objects the query may return at most: each object-typed field counts once for every item of the
   * lists around it; a connection's items are its `first`/`last` (or the default page size), a list
   * of ids its length, any other list `assumedListSize`.
   */
  cost: number;
}

export interface MeasureOptions {
  defaultPageSize: number;
  assumedListSize: number;
}

type Variables = Record<string, unknown> | undefined;

/** A Relay connection (it has `pageInfo`), whatever its name. */
const isConnection = (type: GraphQLType): boolean => {
  const named = getNamedType(type);
  return isObjectType(named) && "pageInfo" in named.getFields();
};

const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

function argumentValue(field: FieldNode, name: string, variables: Variables): unknown {
  const argument = field.arguments?.find((a) => a.name.value === name);
  return argument ? valueFromASTUntyped(argument.value as ValueNode, variables) : undefined;
}

/** How many items a list field may hold, as far as its arguments say. */
function itemsOf(field: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Variables, options: MeasureOptions): number {
  if (isConnection(definition.type) || definition.args.some((a) => a.name === "first")) {
    // Absent, a page is the field's own default where the schema gives one, else the default page size.
    const declared = definition.args.find((a) => a.name === "first")?.defaultValue;
    const size = argumentValue(field, "first", variables) ?? argumentValue(field, "last", variables) ?? declared;
    return typeof size === "number" && Number.isFinite(size) && size >= 0 ? size : options.defaultPageSize;
  }
  if (!isList(definition.type)) return 1;
  const ids = argumentValue(field, "ids", variables);
  return Array.isArray(ids) ? ids.length : options.assumedListSize;
}

/**
 * Measures one operation. Each fragment is measured once per parent type (memoised), so a document
 * whose fragments spread each other many times over is measured in time linear in its size, while
 * its measure grows as the expanded query would.
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Variables, options: MeasureOptions): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, QueryMeasure>();

  const measureSet = (set: SelectionSetNode, parent: GraphQLCompositeType, within: Set<string>): QueryMeasure => {
    const total: QueryMeasure = { depth: 0, aliases: 0, directives: 0, cost: 0 };
    const add = (part: QueryMeasure, times = 1, deeper = 0) => {
      total.depth = Math.max(total.depth, part.depth + deeper);
      total.aliases += part.aliases * times;
      total.directives += part.directives * times;
      total.cost += part.cost * times;
    };
    for (const selection of set.selections) {
      const directives = selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const definition = fieldDefinition(schema, parent, selection.name.value);
        // A field may declare a fixed cost of its own (`@Extensions({ cost })`): a lookup by a secret, say, that must not come cheap.
        const weight = definition?.extensions?.cost;
        const own: QueryMeasure = { depth: 1, aliases: selection.alias ? 1 : 0, directives, cost: typeof weight === "number" ? weight : 0 };
        add(own);
        if (!definition || !selection.selectionSet) continue;
        const child = getNamedType(definition.type);
        if (!isCompositeType(child)) continue;
        // The items of a connection are counted on its edges and nodes, not on the connection itself.
        const connectionPart = isConnection(parent) && (selection.name.value === "nodes" || selection.name.value === "edges");
        const items = connectionPart ? 1 : itemsOf(selection, definition, variables, options);
        const inner = measureSet(selection.selectionSet, child, within);
        // A connection is one object holding its items; any other list holds its items; an object is one.
        const cost = isConnection(definition.type) ? 1 + items * inner.cost : items * (1 + inner.cost);
        add({ depth: inner.depth, aliases: inner.aliases, directives: inner.directives, cost }, 1, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        add({ depth: 0, aliases: 0, directives, cost: 0 });
        if (type) add(measureSet(selection.selectionSet, type, within));
      } else {
        add({ depth: 0, aliases: 0, directives, cost: 0 });
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A cycle is refused by validation before this runs; an undefined fragment too.
        if (!fragment || within.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined;
        if (!type) continue;
        const key = `${name}:${parent.name}`;
        let measured = memo.get(key);
        if (!measured) {
          measured = measureSet(fragment.selectionSet, type, new Set([...within, name]));
          memo.set(key, measured);
        }
        add(measured);
      }
    }
    return total;
  };

  // A variable the client leaves out takes its declared default: measured as it will run.
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? []).filter((v) => v.defaultValue).map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!, {})]),
  );
  variables = { ...defaults, ...variables };
  const root = operation.operation === "mutation" ? schema.getMutationType() : operation.operation === "subscription" ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, aliases: 0, directives: 0, cost: 0 };
  const measured = measureSet(operation.selectionSet, root, new Set());
  return { ...measured, directives: measured.directives + (operation.directives?.length ?? 0) };
}
