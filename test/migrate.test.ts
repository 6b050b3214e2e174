import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database } from "../src/db/database.js";
import postgres from "postgres";
import { isMigrated, migrate } from "../src/db/migrate.js";
import { MIGRATION_LOCK } from "../src/db/migration-lock.js";
import { openPostgres } from "../src/db/postgres.js";
import { databaseUrlFor } from "./support/database-url.js";
import { freshDatabaseEnv } from "./support/fresh-database.js";
import { runProjectCommand } from "./support/project-command.js";
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

if (process.env.DATABASE_URL) {
  describe("migrating an empty PostgreSQL database from several processes at once", () => {
    let url: string;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await freshDatabaseEnv("mig-together");
      url = fresh.env.DATABASE_URL!;
      cleanup = fresh.cleanup;
    });
    afterAll(() => cleanup());

    it("waits, saying so, while another session holds the migration lock, then migrates", async () => {
      const holder = postgres(url, { max: 1, onnotice: () => {} });
      const database = openPostgres(url, { max: 2 });
      try {
        await holder`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
        let said!: () => void;
        const waiting = new Promise<void>((resolve) => (said = resolve));
        let done = false;
        const migrating = migrate(database, { onWait: said }).then(() => (done = true));
        await waiting;
        // Still waiting: nothing of the schema was written under the other's lock.
        expect(done).toBe(false);
        expect(await isMigrated(database)).toBe(false);
        await holder`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`;
        await migrating;
        expect(await isMigrated(database)).toBe(true);
      } finally {
        await database.close();
        await holder.end();
      }
    });

    // Each process starts tsx and migrates: the timeout guards against a hang, it is no speed target.
    it("two `npm run migrate` started together both succeed, and the schema is whole, each migration applied once", async () => {
      await cleanup();
      const fresh = await freshDatabaseEnv("mig-together");
      cleanup = fresh.cleanup;
      const runs = [runProjectCommand("src/db/migrate.cli.ts", [], fresh.env), runProjectCommand("src/db/migrate.cli.ts", [], fresh.env)];
      for (const run of runs) {
        expect(await run.exited, run.output()).toBe(0);
        expect(run.output()).toMatch(/^Migrated: /m);
      }
      const database = openPostgres(fresh.env.DATABASE_URL!, { max: 1 });
      try {
        expect(await isMigrated(database)).toBe(true);
        const [twice] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT created_at FROM drizzle.__drizzle_migrations GROUP BY created_at HAVING count(*) > 1) t");
        expect(twice!.n).toBe(0);
        // The projection was built: the public role reads its views.
        expect(await database.readDisclosed((db) => db.execute(sql`SELECT count(*) FROM disclosure.decisions`))).toBeTruthy();
      } finally {
        await database.close();
      }
    }, 600_000);
  });
}
