import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomSource } from "../seeds/generated.js";
import { buildAppSchema } from "../src/graphql/schema.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";
import { CANARY, loadCanaryFiles } from "./support/canary-file.js";

/**
 * Queries generated at random from the schema itself (fixed seed, so a failure can be replayed):
 * every field, argument and enum value the public could send, with ids of real, withheld and
 * nonexistent records. None may end in a 500 or an unexpected error, and none may show a canary.
 */
const QUERIES = 300;
const random = randomSource(20261129);

describe("random valid queries as the public", () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    schema = await buildAppSchema();
    const canaries = await loadCanaryFiles(api.database);
    const { decisions } = await api.data(`{ decisions(first: 20) { nodes { id region { id } decidingBody { id } consultations { nodes { id } } } } }`);
    for (const d of decisions.nodes) ids.push(d.id, d.region.id, d.decidingBody.id, ...d.consultations.nodes.map((c: { id: string }) => c.id));
    // The withheld decision and records of the canary files, and ids of nothing at all.
    const [part] = await api.database.query<{ id: string }>("SELECT id FROM risk_assessments WHERE decision_id = $1", [canaries.parts]);
    ids.push(toGlobalId("Decision", canaries.whole), toGlobalId("Decision", canaries.fields), toGlobalId("RiskAssessment", part!.id), toGlobalId("Decision", "00000000-0000-4000-8000-000000000000"), "not-an-id");
  });
  afterAll(() => api.stop());

  const scalarValue = (name: string): string => {
    switch (name) {
      case "Int":
        return String(random.pick([0, 1, 2, 5, 20, 100, 2024, 2031, -1]));
      case "Float":
      case "NonNegativeFloat":
        return String(random.pick([0, 1.5, 1000000]));
      case "NonNegativeInt":
        return String(random.pick([0, 1, 20]));
      case "Boolean":
        return random.pick(["true", "false"]);
      case "ID":
        return JSON.stringify(random.pick(ids));
      case "LocalDate":
        return JSON.stringify(random.pick(["2024-01-01", "2024-05-01", "2030-12-31"]));
      case "DateTimeISO":
        return JSON.stringify(random.pick(["2000-01-01T00:00:00.000Z", "2026-11-29T00:00:00.000Z"]));
      default:
        return JSON.stringify(random.pick(["村", "桐城", "'; --", "%", CANARY, "公開", "x"]));
    }
  };

  const inputValue = (type: GraphQLInputType, depth: number): string | null => {
    if (isNonNullType(type)) return inputValue(type.ofType, depth) ?? scalarValue("String");
    if (isListType(type)) {
      const item = inputValue(type.ofType, depth);
      return item === null ? null : `[${item}]`;
    }
    if (isEnumType(type)) return random.pick(type.getValues()).name;
    if (isScalarType(type)) return scalarValue(type.name);
    if (isInputObjectType(type)) {
      if (depth > 2) return null;
      const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || random.next() < 0.3);
      const parts = fields.map((f) => [f.name, inputValue(f.type, depth + 1)] as const).filter(([, v]) => v !== null);
      return `{ ${parts.map(([n, v]) => `${n}: ${v}`).join(", ")} }`;
    }
    return null;
  };

  const argumentsOf = (args: readonly GraphQLArgument[]): string => {
    const chosen = args.filter((a) => isNonNullType(a.type) || random.next() < 0.4);
    const parts = chosen.map((a) => [a.name, inputValue(a.type, 0)] as const).filter(([, v]) => v !== null);
    return parts.length ? `(${parts.map(([n, v]) => `${n}: ${v}`).join(", ")})` : "";
  };

  const selection = (type: GraphQLNamedType, depth: number): string => {
    if (isUnionType(type) || (isInterfaceType(type) && random.next() < 0.5)) {
      const possible = schema.getPossibleTypes(type as never);
      const concrete = random.pick([...possible]);
      return `{ __typename ... on ${concrete.name} ${selection(concrete, depth)} }`;
    }
    if (!isObjectType(type) && !isInterfaceType(type)) return "";
    const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
    const leaves = fields.filter((f) => !isObjectType(getNamedType(f.type)) && !isInterfaceType(getNamedType(f.type)) && !isUnionType(getNamedType(f.type)));
    const nested = fields.filter((f) => !leaves.includes(f));
    const picked = new Set<GraphQLField<unknown, unknown>>();
    for (let i = 0; i < 1 + random.int(0, 3); i++) if (leaves.length) picked.add(random.pick(leaves));
    if (depth < 4) for (let i = 0; i < random.int(0, 2); i++) if (nested.length) picked.add(random.pick(nested));
    const parts = [...picked].map((f) => {
      const inner = leaves.includes(f) ? "" : selection(getNamedType(f.type), depth + 1);
      return `${f.name}${argumentsOf(f.args)} ${inner}`;
    });
    return `{ ${parts.join(" ") || "__typename"} }`;
  };

  const randomQuery = (): string => {
    const root = schema.getQueryType()!;
    const fields = Object.values(root.getFields());
    const picked = [random.pick(fields), random.pick(fields)];
    return `{ ${picked.map((f, i) => `q${i}: ${f.name}${argumentsOf(f.args)} ${isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)) ? "" : selection(getNamedType(f.type), 1)}`).join(" ")} }`;
  };

  it(`answers ${QUERIES} random queries without a server error and without a withheld value`, async () => {
    const failures: string[] = [];
    const codes = new Map<string, number>();
    for (let i = 0; i < QUERIES; i++) {
      const query = randomQuery();
      const response = await api.anonymous(query);
      const errorCodes = (response.errors ?? []).map((e) => e.extensions?.code ?? "NONE");
      for (const code of errorCodes) codes.set(code, (codes.get(code) ?? 0) + 1);
      if (response.status >= 500 || errorCodes.includes("INTERNAL_SERVER_ERROR") || errorCodes.includes("NONE")) failures.push(`${response.status} ${response.raw.slice(0, 300)}\n  ${query}`);
      if (response.raw.includes(CANARY.toLowerCase()) || /!!CANARY/.test(response.raw)) failures.push(`canary in answer to ${query}`);
    }
    expect(failures).toEqual([]);
    // The generator reaches real answers, not only refusals.
    expect(codes.get("GRAPHQL_VALIDATION_FAILED") ?? 0).toBeLessThan(QUERIES / 2);
  });
});
