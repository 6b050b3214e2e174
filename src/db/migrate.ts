import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectionStatements } from "../disclosure/projection.sql.js";
import { type AppDb, type Database } from "./database.js";
import { rowsOf } from "./rows.js";

/** The drizzle/ folder of the package, found from here whether running from src/ (tsx) or dist/src/ (tsc). */
function findMigrationsFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "drizzle", "meta", "_journal.json"))) return join(dir, "drizzle");
  }
  throw new Error("drizzle/ migrations folder not found above " + import.meta.url);
}

const migrationsFolder = findMigrationsFolder();

/**
 * Applies drizzle-kit's migrations, then rebuilds the disclosure projection from code when it is not
 * the one in the database already: a rebuild drops the views that a running server reads, so a second
 * run of the same build (`npm run keys` beside a server) must leave them alone.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === "pglite") await migratePglite(database.db as never, { migrationsFolder });
  else await migratePostgres(database.db as never, { migrationsFolder });
  await database.db.transaction(async (tx) => {
    // One rebuild at a time when several replicas start together.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7130713)`);
    const statements = projectionStatements();
    const version = await projectionVersion(statements, tx);
    const [built] = await rowsOf<{ version: string | null }>(tx, sql`SELECT obj_description(oid, 'pg_namespace') AS version FROM pg_namespace WHERE nspname = 'disclosure'`);
    if (built?.version === version) return;
    for (const statement of statements) await tx.execute(sql.raw(statement));
    await tx.execute(sql.raw(`COMMENT ON SCHEMA disclosure IS '${version}'`));
  });
}

/**
 * What the projection is built from: its statements and the migrations under them (a migration may
 * drop a table with its views, and the statements would not have changed).
 */
async function projectionVersion(statements: readonly string[], tx: AppDb): Promise<string> {
  const [applied] = await rowsOf<{ migrations: string }>(tx, sql`SELECT count(*) || ':' || coalesce(max(created_at)::text, '') AS migrations FROM drizzle.__drizzle_migrations`);
  const hash = createHash("sha256").update(statements.join(";\n")).update(applied?.migrations ?? "").digest("hex");
  return `disclosure projection ${hash}`;
}

/** Whether every migration shipped with this build is applied to the database. */
export async function migrationsApplied(database: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const [row] = await database.query<{ applied: number }>("SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations");
  return (row?.applied ?? 0) >= journal.entries.length;
}
