import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectionStatements } from "../disclosure/projection.sql.js";
import { type Database } from "./database.js";

/** The drizzle/ folder of the package, found from here whether running from src/ (tsx) or dist/src/ (tsc). */
function findMigrationsFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "drizzle", "meta", "_journal.json"))) return join(dir, "drizzle");
  }
  throw new Error("drizzle/ migrations folder not found above " + import.meta.url);
}

const migrationsFolder = findMigrationsFolder();

/** Applies drizzle-kit's migrations, then rebuilds the disclosure projection from code. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === "pglite") await migratePglite(database.db as never, { migrationsFolder });
  else await migratePostgres(database.db as never, { migrationsFolder });
  await database.db.transaction(async (tx) => {
    // One rebuild at a time when several replicas start together.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7130713)`);
    for (const statement of projectionStatements()) await tx.execute(sql.raw(statement));
  });
}

/** Whether every migration shipped with this build is applied to the database. */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const [row] = await database.query<{ applied: number }>("SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations");
  return (row?.applied ?? 0) >= journal.entries.length;
}
