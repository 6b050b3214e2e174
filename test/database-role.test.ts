import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "../src/db/database.js";
import { openTestDatabase } from "./support/test-database.js";

describe("the public read path runs as a role that cannot read the base tables", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("reads the disclosure projection as disclosure_reader", async () => {
    const rows = await database.readDisclosed((db) => db.execute(sql`SELECT current_user AS role, (SELECT count(*) FROM disclosure.decisions) AS n`));
    const result = rows as unknown as { rows?: unknown[] } & unknown[];
    const [row] = (result.rows ?? result) as { role: string; n: number | string }[];
    expect(row!.role).toBe("disclosure_reader");
    expect(Number(row!.n)).toBeGreaterThan(100);
  });

  for (const table of ["decisions", "comments", "withholdings", "search_documents"]) {
    it(`is refused the base table ${table}`, async () => {
      const error = await database.readDisclosed((db) => db.execute(sql.raw(`SELECT * FROM public.${table} LIMIT 1`))).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      // drizzle wraps the driver's error; the database's own words are in the cause.
      expect(String((error as Error & { cause?: Error }).cause?.message)).toMatch(/permission denied/);
    });
  }

  it("leaves the privileged connection as it was after a public read (the role is not left on the session)", async () => {
    await database.readDisclosed((db) => db.execute(sql`SELECT 1`));
    const [row] = await database.query<{ role: string }>("SELECT current_user AS role");
    expect(row!.role).not.toBe("disclosure_reader");
  });
});
