import { asc } from "drizzle-orm";
import { boolean, date, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyChunks, copyField, copyText } from "../src/db/copy-text.js";
import { type Database } from "../src/db/database.js";
import { decisionCategory } from "../src/decisions/decision.table.js";
import { openTestDatabase } from "./support/test-database.js";

/** A table of every kind of column the loads copy: text, lists, an enum, times, JSON, numbers, truth. */
const probe = pgTable("copy_probe", {
  id: integer("id").primaryKey(),
  text: text("text"),
  list: text("list").array(),
  category: decisionCategory("category"),
  at: timestamp("at", { withTimezone: true, precision: 3, mode: "date" }),
  on: date("on", { mode: "string" }),
  document: jsonb("document"),
  amount: numeric("amount", { precision: 16, scale: 2, mode: "number" }),
  flag: boolean("flag"),
});

const odd = ["tab\there", "line\nbreak", "carriage\r\nreturn", "back\\slash", "\\N", "\\.", "ends with \\", "重大行政決策：公眾參與", "", "quote \" and 'apostrophe'", "{braces},comma"];
const rows = [
  ...odd.map((value, i) => ({ id: i + 1, text: value, list: [value], category: "PUBLIC_POLICY" as const, at: new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 123)), on: "2024-02-29", document: { value }, amount: 1234.56, flag: i % 2 === 0 })),
  { id: 100, text: null, list: null, category: null, at: null, on: null, document: null, amount: null, flag: null },
  { id: 101, text: "", list: [], category: "OTHER_MAJOR_MATTER" as const, at: new Date(0), on: "1970-01-01", document: { nested: [1, null, "\t"], 中: "文" }, amount: 0, flag: false },
  { id: 102, text: "NULL", list: ["", null, "NULL", "a,b", "{x}", 'quo"te', "back\\slash", "tab\t", "中文"] as string[], category: "DEVELOPMENT_PLAN" as const, at: new Date(Date.UTC(2019, 11, 31, 16)), on: "2019-12-31", document: "a JSON string", amount: -99999999999999.99, flag: true },
];

describe("COPY's text format (seed:scale's bulk load)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.query(
      `CREATE TABLE copy_probe (id integer PRIMARY KEY, text text, list text[], category decision_category, "at" timestamp(3) with time zone, "on" date, document jsonb, amount numeric(16, 2), flag boolean)`,
    );
  });
  afterAll(() => database.close());

  it("brings back exactly what was sent: tabs, newlines, backslashes, a text reading \\N, Chinese, an empty string apart from NULL, lists, enums, times, JSON", async () => {
    const text = copyText(probe, rows[0]!);
    // Lines small enough to be sent a few to a chunk: the pieces must join back into whole rows.
    await database.bulkLoad((load) => load.copy(text, copyChunks(rows.map(text.line), 200)));
    const stored = await database.db.select().from(probe).orderBy(asc(probe.id));
    expect(stored.map(({ list: _, ...row }) => row)).toEqual(rows.map(({ list: _, ...row }) => row));
    // The lists as the server holds them: postgres.js reads a NULL element back as the text "NULL".
    const lists = await database.query<{ list: string | null }>("SELECT array_to_json(list)::text AS list FROM copy_probe ORDER BY id");
    expect(lists.map(({ list }) => (list === null ? null : JSON.parse(list)))).toEqual(rows.map(({ list }) => list));
    const [nulls] = await database.query<{ empty: number; missing: number }>("SELECT count(*) FILTER (WHERE text = '')::int AS empty, count(*) FILTER (WHERE text IS NULL)::int AS missing FROM copy_probe");
    expect(nulls).toEqual({ empty: 2, missing: 1 });
  });

  it("escapes only what COPY reads as structure", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField("")).toBe("");
    expect(copyField("\\N")).toBe("\\\\N");
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField("重大行政決策")).toBe("重大行政決策");
  });

  it("writes nothing of a load that fails, and leaves the database usable", async () => {
    const text = copyText(probe, rows[0]!);
    const load = database.bulkLoad(async (load) => {
      await load.copy(text, [text.line({ ...rows[0]!, id: 200 })]);
      await load.copy(text, [text.line({ ...rows[0]!, id: 201 }), "202\tnot enough fields\n"]);
    });
    await expect(load).rejects.toThrow(/missing data for column/);
    const [left] = await database.query<{ count: number }>("SELECT count(*)::int AS count FROM copy_probe WHERE id >= 200");
    expect(left!.count).toBe(0);
  });
});
