import "reflect-metadata";
import { readFile } from "node:fs/promises";
import { getNamedType, type GraphQLField, type GraphQLInputType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, isRequiredArgument, isRequiredInputField } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessDocFile, operationRolesMarkdown, ROLES_END, ROLES_START } from "../src/access/operation-roles.markdown.js";
import { rolesOf, viewerRoles, type RootOperation } from "../src/access/operation-roles.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { buildAppSchema } from "../src/graphql/schema.js";
import { TestApi, type Role } from "./support/api.js";

const NOBODY = "00000000-0000-0000-0000-000000000000";
const AUTH_CODES = ["FORBIDDEN", "UNAUTHENTICATED"];

/** The object type a bare `id` (or `…Id`) of an operation names: `decisionUpdate.id` → Decision, `decidedByBodyId` → PublicBody. */
function idTypeOf(argument: string, field: string): string {
  if (argument === "id") return upperFirst(field.replace(/(Create|Update|AdvanceStage|Withdraw|Release|Moderate|Answer|Revoke|Submit)$/, ""));
  if (argument.endsWith("BodyId")) return "PublicBody";
  if (argument === "recordId") return "Decision";
  return upperFirst(argument.replace(/Id$/, ""));
}
const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * A value of the argument's type that the server coerces without complaint (so nothing is refused
 * before the role is checked) but that no service accepts: nobody's ids, empty texts, out-of-range
 * numbers where the scalar lets them through. Leaves only what is required.
 */
function valueOf(type: GraphQLInputType, name: string, field: string, role: Role): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, name, field, role);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter(isRequiredInputField).map((f) => [f.name, valueOf(f.type, f.name, field, role)]));
  }
  switch (type.name) {
    case "ID":
      // Which record kinds a role may withdraw is the service's second check: give each its own kind.
      if (field === "recordWithdraw") return toGlobalId(role === "LEGAL_REVIEWER" ? "LegalityReview" : "Consultation", NOBODY);
      return toGlobalId(idTypeOf(name, field), NOBODY);
    case "String":
      return "";
    case "Int":
      return -1;
    case "PositiveInt":
      return 1;
    case "Float":
    case "NonNegativeInt":
    case "NonNegativeFloat":
      return 0;
    case "Boolean":
      return false;
    case "LocalDate":
      return "2026-01-01";
    case "DateTimeISO":
      return "2026-01-01T00:00:00.000Z";
    default:
      throw new Error(`teach test/operation-roles.test.ts a value of ${type.name} (${field}.${name})`);
  }
}

/** One call of a root field with every required argument, selecting as little as its type allows. */
function callOf(operation: RootOperation, field: GraphQLField<unknown, unknown>, role: Role) {
  const required = field.args.filter(isRequiredArgument);
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const returned = getNamedType(field.type);
  const selection = isLeafType(returned) ? "" : isObjectType(returned) && returned.getFields().userErrors ? " { __typename userErrors { code field } }" : " { __typename }";
  const args = required.length ? `(${required.map((arg) => `${arg.name}: $${arg.name}`).join(", ")})` : "";
  const query = `${operation === "Query" ? "query" : "mutation"}${declarations ? `(${declarations})` : ""} { ${field.name}${args}${selection} }`;
  return { query, variables: Object.fromEntries(required.map((arg) => [arg.name, valueOf(arg.type, arg.name, field.name, role)])) };
}

describe("who may call what: every root field of the schema, as every role, as src/access/operation-roles.ts declares", () => {
  let api: TestApi;
  const fields: [RootOperation, GraphQLField<unknown, unknown>][] = [];
  beforeAll(async () => {
    api = await TestApi.start();
    const schema = await buildAppSchema();
    for (const operation of ["Query", "Mutation"] as const) {
      const type = operation === "Query" ? schema.getQueryType()! : schema.getMutationType()!;
      for (const field of Object.values(type.getFields())) fields.push([operation, field]);
    }
  });
  afterAll(() => api.stop());

  it("declares every query and mutation of the built schema", () => {
    const undeclared = fields.filter(([operation, field]) => !rolesOf(operation, field.name)).map(([, field]) => field.name);
    expect(undeclared).toEqual([]);
    expect(fields.length).toBeGreaterThan(40);
  });

  it("refuses each field to every role it does not list, with FORBIDDEN (UNAUTHENTICATED without a key), before anything is read or written", async () => {
    const before = await api.fingerprint();
    let refusals = 0;
    for (const [operation, field] of fields) {
      for (const role of viewerRoles.filter((r) => !rolesOf(operation, field.name)!.includes(r))) {
        const { query, variables } = callOf(operation, field, role);
        const response = await api.as(role, query, variables);
        expect(response.errors?.map((e) => e.extensions?.code), `${role} ${field.name}: ${response.raw}`).toEqual([role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN"]);
        expect(response.data?.[field.name] ?? null, `${role} ${field.name}`).toBeNull();
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(100);
    expect(await api.fingerprint()).toEqual(before);
  });

  it("lets each field through for every role it lists: a query answers, a mutation gets as far as checking its input", async () => {
    for (const [operation, field] of fields) {
      for (const role of rolesOf(operation, field.name)!) {
        const { query, variables } = callOf(operation, field, role);
        const response = await api.as(role, query, variables);
        const codes = (response.errors ?? []).map((e) => e.extensions?.code);
        expect(codes.filter((code) => AUTH_CODES.includes(code!)), `${role} ${field.name}: ${response.raw}`).toEqual([]);
        // Nothing else goes wrong either: a query answers; a mutation refuses its input as a user error or a bad argument.
        if (operation === "Query") expect(response.errors, `${role} ${field.name}: ${response.raw}`).toBeUndefined();
        else expect(codes.length > 0 ? codes.every((code) => code === "BAD_USER_INPUT") : response.data?.[field.name]?.userErrors?.length > 0, `${role} ${field.name}: ${response.raw}`).toBe(true);
      }
    }
  });

  it("is written in the table of docs/access.md exactly as declared (run `npm run docs:roles` after a change)", async () => {
    const document = await readFile(accessDocFile, "utf8");
    expect(document.slice(document.indexOf(ROLES_START), document.indexOf(ROLES_END) + ROLES_END.length)).toBe(operationRolesMarkdown());
  });
});
