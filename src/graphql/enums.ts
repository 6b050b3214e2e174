import { registerEnumType } from "type-graphql";

type EnumObject<V extends string> = { [K in V]: K };

/**
 * Registers a database enum as a GraphQL enum of the same values, so the two cannot diverge.
 * Every value gets a description: the schema is the documentation readers use.
 */
export function graphqlEnum<V extends string>(
  values: readonly V[],
  name: string,
  description: string,
  valueDescriptions: { [K in V]: string },
  /** Values kept for old clients, with why and what replaces them. */
  deprecations: Partial<Record<V, string>> = {},
): EnumObject<V> {
  const object = Object.fromEntries(values.map((v) => [v, v])) as EnumObject<V>;
  registerEnumType(object, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((v) => [v, { description: valueDescriptions[v], ...(deprecations[v] ? { deprecationReason: deprecations[v] } : {}) }])) as never,
  });
  return object;
}
