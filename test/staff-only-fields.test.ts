import "reflect-metadata";
import { getTableColumns } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { type PgColumn } from "drizzle-orm/pg-core";
import { type GraphQLSchema, isNonNullType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confidentialOf, recordDisclosures, type RecordDisclosure } from "../src/disclosure/record-types.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { buildAppSchema } from "../src/graphql/schema.js";
import { STAFF_ONLY } from "../src/graphql/staff-only.js";
import { TestApi, type Role } from "./support/api.js";

/** The staff-only fields of the schema: every confidential column of a record that its GraphQL type exposes. */
function staffOnlyFields(schema: GraphQLSchema) {
  return recordDisclosures.flatMap((record) => {
    const type = schema.getType(record.typeName);
    if (!isObjectType(type)) throw new Error(`${record.typeName} is not an object type of the schema`);
    return confidentialOf(record)
      .filter((key) => type.getFields()[key])
      .map((key) => ({ record, key, field: type.getFields()[key]! }));
  });
}

const tableOf = (record: RecordDisclosure) => getTableConfig(record.table).name;
const columnOf = (record: RecordDisclosure, key: string) => (getTableColumns(record.table)[key] as PgColumn).name;

describe("staff-only fields: in the one schema, described as staff only, null for the public", () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    api = await TestApi.start();
    schema = await buildAppSchema();
  });
  afterAll(() => api.stop());

  it("describes every confidential column the schema exposes as staff only and null for the public, and makes it nullable", () => {
    const fields = staffOnlyFields(schema);
    expect(fields.map((f) => `${f.record.typeName}.${f.key}`)).toEqual(expect.arrayContaining(["Comment.commenterName", "Comment.commenterContact", "Comment.rejectionReason", "Decision.version", "Decision.withdrawnAt", "Decision.withdrawalReason"]));
    for (const { record, key, field } of fields) {
      expect(field.description, `${record.typeName}.${key}`).toMatch(new RegExp(`^${STAFF_ONLY.replace(/[()]/g, "\\$&")}`));
      expect(isNonNullType(field.type), `${record.typeName}.${key}`).toBe(false);
    }
  });

  it("calls no other field staff only (the descriptions and the confidential lists agree)", () => {
    const declared = new Set(staffOnlyFields(schema).map((f) => `${f.record.typeName}.${f.key}`));
    const described = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).filter((field) => field.description?.startsWith("Staff only")).map((field) => `${type.name}.${field.name}`));
    expect(described.filter((name) => !declared.has(name))).toEqual([]);
  });

  it("reads each as null for the public and researchers, and as the stored value for staff", async () => {
    for (const record of recordDisclosures) {
      const fields = staffOnlyFields(schema).filter((f) => f.record === record);
      const [row] = await api.database.query<{ id: string }>(`SELECT id FROM disclosure.${tableOf(record)} ORDER BY id LIMIT 1`);
      expect(row, `a public ${record.typeName}`).toBeDefined();
      // Every confidential column gets a value, except the withdrawal time, which would take the record out of the public record.
      const settable = fields.filter((f) => f.key !== "withdrawnAt" && f.key !== "version");
      if (settable.length) await api.database.query(`UPDATE public.${tableOf(record)} SET ${settable.map((f) => `${columnOf(record, f.key)} = 'staff-only canary'`).join(", ")} WHERE id = $1`, [row!.id]);
      const query = `query($id: ID!) { node(id: $id) { ... on ${record.typeName} { ${fields.map((f) => f.key).join(" ")} } } }`;
      const read = async (role: Role) => (await api.dataAs(role, query, { id: toGlobalId(record.typeName, row!.id) })).node as Record<string, unknown>;
      for (const role of ["ANONYMOUS", "RESEARCHER"] as const) {
        const node = await read(role);
        for (const { key } of fields) expect(node[key], `${role} ${record.typeName}.${key}`).toBeNull();
      }
      const staff = await read("EDITOR");
      for (const { key } of fields) if (key !== "withdrawnAt") expect(staff[key], `EDITOR ${record.typeName}.${key}`).not.toBeNull();
    }
  });
});
