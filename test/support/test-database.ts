import "reflect-metadata";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { inject } from "vitest";
import { type Database } from "../../src/db/database.js";
import { openPglite } from "../../src/db/pglite.js";
import { openPostgres } from "../../src/db/postgres.js";
import { databaseUrlFor } from "./database-url.js";

/**
 * A database of this test file's own, holding the migrated schema and the sample data:
 * PGlite by default, PostgreSQL when DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = await readFile(inject("pgliteDump"));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const name = `decisions_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
  const database = openPostgres(databaseUrlFor(url, name), { max: 4 });
  const opened: Database = {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
  urls.set(opened, databaseUrlFor(url, name));
  return opened;
}

/** PostgreSQL test databases by the Database that opened them, for another instance to connect to. */
const urls = new WeakMap<Database, string>();

/**
 * The same database as `database`, as another instance of the service reaches it: its own pool on
 * PostgreSQL; on PGlite, which one process holds, the same object. Closing it leaves the database
 * (and `database`) open.
 */
export function openSameDatabase(database: Database): Database {
  const url = urls.get(database);
  if (!url) return { ...database, close: async () => {} };
  return openPostgres(url, { max: 4 });
}
