import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { databaseUrlFor } from "./database-url.js";

/**
 * Environment for running one of the project's commands against an empty database of its own:
 * a PGlite directory in a temporary folder, or a new database on the PostgreSQL server of DATABASE_URL.
 */
export async function freshDatabaseEnv(name: string): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), `${name}-`));
    return { env: { PGLITE_DIR: join(dir, "data") }, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 5 }) };
  }
  const database = `${name.replaceAll("-", "_")}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${database}`);
  await admin.unsafe(`CREATE DATABASE ${database}`);
  return {
    env: { DATABASE_URL: databaseUrlFor(url, database) },
    cleanup: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
}
