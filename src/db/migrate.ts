import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectionStatements } from "../disclosure/projection.sql.js";
import { type AppDb, type Database } from "./database.js";
import { onLockedConnection } from "./migration-lock.js";
import { rowsOf } from "./rows.js";

/** The drizzle/ folder of the package, found from here whether running from src/ (tsx) or dist/src/ (tsc). */
function findMigrationsFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "drizzle", "meta", "_journal.json"))) return join(dir, "drizzle");
  }
  throw new Error("drizzle/ migrations folder not found above " + import.meta.url);
}

const migrationsFolder = findMigrationsFolder();

export interface MigrateOptions {
  /** Called once when another process is migrating the database, before waiting for it to end. */
  onWait?: () => void;
}

/** What drizzle's dialect asks of a session to migrate: these, and a transaction. */
type MigratingSession = { execute(query: unknown): Promise<unknown>; all(query: unknown): Promise<unknown[]> };
type Migrating = { dialect: { migrate(migrations: unknown, session: unknown, config: { migrationsFolder: string }): Promise<void> }; session: MigratingSession };

/**
 * Applies drizzle-kit's migrations, then rebuilds the disclosure projection from code when it is not
 * the one in the database already: a rebuild drops the views that a running server reads, so a second
 * run of the same build (`npm run keys` beside a server) must leave them alone.
 *
 * On PostgreSQL all of it under one lock (migration-lock.ts): instances started together on an empty
 * database raced in drizzle's migrator, which takes none, and the second crashed on the first's
 * tables; now it waits, then finds the work done. Two transactions, not one: a migration's new enum
 * value must be committed before the projection's views may name it. On PGlite the data directory's
 * lock already keeps every other process out (data-dir-lock.ts).
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    await database.db.transaction(rebuildProjection);
    return;
  }
  await onLockedConnection(database, options.onWait, async (db, transaction) => {
    // drizzle's `migrate()` would open its transaction with postgres.js's `begin`, which a reserved
    // connection lacks: its dialect is given a session whose transaction is ours, on this connection.
    const migrating = db as unknown as Migrating;
    const session = { execute: (query: unknown) => migrating.session.execute(query), all: (query: unknown) => migrating.session.all(query), transaction };
    await migrating.dialect.migrate(readMigrationFiles({ migrationsFolder }), session, { migrationsFolder });
    await transaction(rebuildProjection);
  });
}

/** The projection's views, rebuilt unless the ones in the database are this build's. */
async function rebuildProjection(tx: AppDb): Promise<void> {
  const statements = projectionStatements();
  const version = await projectionVersion(statements, tx);
  if ((await builtProjection(tx)) === version) return;
  for (const statement of statements) await tx.execute(sql.raw(statement));
  await tx.execute(sql.raw(`COMMENT ON SCHEMA disclosure IS '${version}'`));
}

async function builtProjection(db: AppDb): Promise<string | null> {
  const [built] = await rowsOf<{ version: string | null }>(db, sql`SELECT obj_description(oid, 'pg_namespace') AS version FROM pg_namespace WHERE nspname = 'disclosure'`);
  return built?.version ?? null;
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

/**
 * Whether the database is at this build's schema: every migration applied (as drizzle counts them,
 * by the newest one's time) and the projection this build's. A start that does not migrate refuses
 * to serve otherwise.
 */
export async function isMigrated(database: Database): Promise<boolean> {
  const [table] = await rowsOf<{ present: boolean }>(database.db, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!table?.present) return false;
  const [last] = await rowsOf<{ at: string | null }>(database.db, sql`SELECT max(created_at)::text AS at FROM drizzle.__drizzle_migrations`);
  const newest = Math.max(...readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis));
  if (Number(last?.at ?? 0) < newest) return false;
  return (await builtProjection(database.db)) === (await projectionVersion(projectionStatements(), database.db));
}
