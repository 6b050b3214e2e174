import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openPglite } from "../../src/db/pglite.js";
import { databaseUrlFor } from "./database-url.js";

/**
 * Environment for running one of the project's commands against an empty database of its own:
 * a PGlite directory in a temporary folder, or a new database on the PostgreSQL server of DATABASE_URL.
 * `prepared`: holding the migrated schema and the sample data already, for a test about something
 * else than the first start (which costs a sample load).
 */
export async function freshDatabaseEnv(name: string, { prepared = false } = {}): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), `${name}-`));
    if (prepared) await (await openPglite({ dataDir: join(dir, "data"), loadDataDir: new Blob([await readFile(inject("pgliteDump"))]) })).close();
    return { env: { PGLITE_DIR: join(dir, "data") }, cleanup: () => rm(dir, { recursive: true, force: true, maxRetries: 5 }) };
  }
  const database = `${name.replaceAll("-", "_")}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${database}`);
  await admin.unsafe(prepared ? `CREATE DATABASE ${database} TEMPLATE ${inject("postgresTemplate")}` : `CREATE DATABASE ${database}`);
  return {
    env: { DATABASE_URL: databaseUrlFor(url, database) },
    cleanup: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
}
