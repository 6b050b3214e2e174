import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtStatement } from "../src/db/built-statements.js";
import { columnBytesOf } from "../src/db/rows.js";
import { type Database } from "../src/db/database.js";
import * as tables from "../src/db/tables.js";
import { openTestDatabase } from "./support/test-database.js";

const byJson = (rows: unknown[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("rows of built statements", () => {
  const everyTable = (Object.values(tables) as unknown[]).filter((value): value is PgTable => is(value, PgTable));

  it("come back as drizzle maps them, for every column of every table (times as dates, numbers as numbers)", async () => {
    expect(everyTable.length).toBeGreaterThan(15);
    let compared = 0;
    for (const table of everyTable) {
      const select = () => database.db.select().from(table).limit(200);
      const mapped = await select();
      const built = await builtStatement(database.db, `row-mapping:${getTableName(table)}`, select).execute({});
      expect(byJson(built as unknown[]), getTableName(table)).toEqual(byJson(mapped));
      compared += mapped.length;
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("keep an expression's own conversion, and drizzle's mapping of a joined table as an object", async () => {
    const { decisions, regions } = tables;
    const expression = () => database.db.select({ id: decisions.id, year: sql<string>`${decisions.catalogYear}::text`.mapWith(Number), day: decisions.initiatedOn }).from(decisions).limit(50);
    const expressed = await builtStatement(database.db, "row-mapping:expression", expression).execute({});
    expect(expressed).toEqual(await expression());
    expect(typeof (expressed as { year: unknown }[])[0]!.year).toBe("number");

    const nested = () => database.db.select({ decision: { id: decisions.id }, region: regions }).from(decisions).leftJoin(regions, sql`false`).limit(5);
    const joined = (await builtStatement(database.db, "row-mapping:nested", nested).execute({})) as { region: unknown }[];
    expect(joined).toEqual(await nested());
    expect(joined.every((row) => row.region === null)).toBe(true);
  });
});

describe("a statement's one column as bytes (how a file's lines are read)", () => {
  it("comes as the bytes PostgreSQL sent on a server (text in the process, on PGlite), the same lines either way, and is counted", async () => {
    const lines = ["規政〔2025〕1號,\"a,\"\"b\"\"\"\r\n", "第二行：意見 😀\r\n", "\r\n"];
    const before = database.statements.sent.length;
    const values = await columnBytesOf(database.db, sql`SELECT t.line FROM (VALUES (1, ${lines[0]}), (2, ${lines[1]}), (3, ${lines[2]})) AS t(n, line) ORDER BY t.n`);
    expect(values.map((value) => (typeof value === "string" ? value : Buffer.from(value).toString("utf8")))).toEqual(lines);
    expect(values.every((value) => value instanceof Uint8Array)).toBe(database.kind === "postgres");
    expect(database.statements.sent.slice(before).filter((statement) => statement.text.includes("VALUES (1,"))).toHaveLength(1);
  });
});
