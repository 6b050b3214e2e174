import { type GraphQLSchema, isScalarType, specifiedScalarTypes } from "graphql";

/**
 * What each custom scalar of the schema is, for code generators and clients: the specification its
 * values follow (`@specifiedBy(url:)` in the schema), how it travels in JSON, and the TypeScript type
 * to map it to. docs/graphql.md shows the same table; a test checks both cover every custom scalar.
 */
export const SCALAR_SPECIFICATIONS: Record<string, { specifiedByURL: string; json: string; typescript: string }> = {
  DateTimeISO: {
    // RFC 3339 §5.6 `date-time`, always in UTC with milliseconds: 2024-05-01T08:30:00.000Z.
    specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
    json: "string, RFC 3339 `date-time` in UTC (`2024-05-01T08:30:00.000Z`)",
    typescript: "string (parse with `new Date(…)`)",
  },
  LocalDate: {
    // RFC 3339 §5.6 `full-date`, years 0001–9999; a calendar day in China, with no time zone.
    specifiedByURL: "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
    json: "string, RFC 3339 `full-date` (`2024-05-01`), years 0001–9999",
    typescript: "string",
  },
  NonNegativeInt: {
    specifiedByURL: "https://the-guild.dev/graphql/scalars/docs/scalars/non-negative-int",
    json: "number, an integer ≥ 0 within GraphQL's 32-bit `Int`",
    typescript: "number",
  },
  PositiveInt: {
    specifiedByURL: "https://the-guild.dev/graphql/scalars/docs/scalars/positive-int",
    json: "number, an integer > 0 within GraphQL's 32-bit `Int`",
    typescript: "number",
  },
  NonNegativeFloat: {
    specifiedByURL: "https://the-guild.dev/graphql/scalars/docs/scalars/non-negative-float",
    json: "number ≥ 0 (a double)",
    typescript: "number",
  },
};

const BUILT_IN = new Set(specifiedScalarTypes.map((type) => type.name));

/** The schema's scalars other than GraphQL's own. */
export function customScalars(schema: GraphQLSchema) {
  return Object.values(schema.getTypeMap()).filter((type) => isScalarType(type) && !BUILT_IN.has(type.name)).filter(isScalarType);
}

/**
 * Gives every custom scalar its `specifiedByURL`, so that the printed schema and introspection carry
 * `@specifiedBy(url:)`. A scalar missing from SCALAR_SPECIFICATIONS stops the build: add it there.
 */
export function specifyScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const scalar of customScalars(schema)) {
    const specification = SCALAR_SPECIFICATIONS[scalar.name];
    if (!specification) throw new Error(`The scalar ${scalar.name} has no entry in SCALAR_SPECIFICATIONS (src/graphql/scalars.ts).`);
    scalar.specifiedByURL = specification.specifiedByURL;
  }
  return schema;
}
