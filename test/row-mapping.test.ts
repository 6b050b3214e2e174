import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtStatement } from "../src/db/built-statements.js";
import { type Database } from "../src/db/database.js";
import * as tables from "../src/db/tables.js";
import { openTestDatabase } from "./support/test-database.js";

const byJson = (rows: unknown[]) => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe("rows of built statements", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

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
