import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { openPostgres } from "../src/db/postgres.js";
import { databaseUrlFor } from "./support/database-url.js";
import { openTestDatabase } from "./support/test-database.js";

/** The view's identity: a rebuild of the projection makes a new one. */
const viewOid = async (database: Database) => (await database.query<{ oid: number }>("SELECT 'disclosure.decisions'::regclass::oid::int AS oid"))[0]!.oid;

describe("migrating a database that is already current", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("leaves the disclosure projection a running server reads as it is", async () => {
    const before = await viewOid(database);
    await migrate(database);
    expect(await viewOid(database)).toBe(before);
  });

  it("rebuilds the projection when the one in the database is not this build's", async () => {
    await database.query("COMMENT ON SCHEMA disclosure IS 'disclosure projection of an older build'");
    const before = await viewOid(database);
    await migrate(database);
    expect(await viewOid(database)).not.toBe(before);
    const [comment] = await database.query<{ version: string }>("SELECT obj_description('disclosure'::regnamespace, 'pg_namespace') AS version");
    expect(comment!.version).toMatch(/^disclosure projection [0-9a-f]{64}$/);
  });

  if (process.env.DATABASE_URL) {
    it("runs to the end while another connection holds the projection's views in a long read", async () => {
      const name = (await database.query<{ name: string }>("SELECT current_database() AS name"))[0]!.name;
      const reader = openPostgres(databaseUrlFor(process.env.DATABASE_URL!, name), { max: 1 });
      try {
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let reading!: () => void;
        const started = new Promise<void>((resolve) => (reading = resolve));
        const read = reader.readDisclosedSnapshot(async (db) => {
          await db.execute(sql`SELECT count(*) FROM disclosure.decisions`);
          reading();
          await held;
        });
        await started;
        // A rebuild would wait for the reader to finish: the lock timeout turns that wait into a failure.
        await database.query("ALTER DATABASE " + name + " SET lock_timeout = '5s'");
        const second = openPostgres(databaseUrlFor(process.env.DATABASE_URL!, name), { max: 1 });
        try {
          await migrate(second);
        } finally {
          await second.close();
          await database.query("ALTER DATABASE " + name + " RESET lock_timeout");
        }
        release();
        await read;
      } finally {
        await reader.close();
      }
    });
  }
});
