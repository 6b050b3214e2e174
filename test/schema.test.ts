import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import { schemaFile } from "../src/graphql/emit-schema.js";
import { customScalars, SCALAR_SPECIFICATIONS } from "../src/graphql/scalars.js";
import { buildAppSchema, printAppSchema } from "../src/graphql/schema.js";

function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("the schema as a contract", () => {
  it("is committed in schema/schema.graphql exactly as the code builds it (run `npm run schema:emit` after a change)", async () => {
    expect(await readFile(schemaFile, "utf8")).toBe(await printAppSchema());
  });

  it("describes every type, field, argument and enum value", async () => {
    expect(undocumented(await buildAppSchema())).toEqual([]);
  });

  it("says for every custom scalar what specifies it (@specifiedBy), and docs/graphql.md maps each to JSON and TypeScript", async () => {
    const scalars = customScalars(await buildAppSchema());
    expect(scalars.map((scalar) => scalar.name).sort()).toEqual(Object.keys(SCALAR_SPECIFICATIONS).sort());
    const printed = await readFile(schemaFile, "utf8");
    const docs = await readFile("docs/graphql.md", "utf8");
    for (const scalar of scalars) {
      const { specifiedByURL, json, typescript } = SCALAR_SPECIFICATIONS[scalar.name]!;
      expect(scalar.specifiedByURL, scalar.name).toBe(specifiedByURL);
      expect(specifiedByURL, scalar.name).toMatch(/^https:\/\//);
      expect(printed, scalar.name).toContain(`scalar ${scalar.name} @specifiedBy(url: "${specifiedByURL}")`);
      const row = docs.split("\n").find((line) => line.startsWith(`| \`${scalar.name}\` |`));
      expect(row, `docs/graphql.md: no row for ${scalar.name}`).toBeDefined();
      for (const part of [`(${specifiedByURL})`, `| ${json} |`, `| ${typescript} |`]) expect(row, scalar.name).toContain(part);
    }
  });
});

describe("the migrations as a contract", () => {
  it("match the table definitions: drizzle-kit has nothing left to generate", async () => {
    // drizzle-kit takes `--out` relative to the project, so the copy lives here (git-ignored).
    const out = await mkdtemp(".drizzle-check-");
    try {
      await cp("drizzle", out, { recursive: true });
      const before = await readdir(out);
      const run = spawnSync(process.execPath, ["node_modules/drizzle-kit/bin.cjs", "generate", "--dialect", "postgresql", "--schema", "./src/db/tables.ts", "--out", out], {
        encoding: "utf8",
      });
      expect(run.stdout + run.stderr).toMatch(/No schema changes/);
      expect(await readdir(out)).toEqual(before);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
