import { type Config } from "../config.js";
import { StartupError } from "../operations/startup-error.js";
import { type Database } from "./database.js";
import { errorChain } from "./database-error.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";

/**
 * The database the configuration names. A PostgreSQL server is asked for one row first, so that a
 * database that does not exist, a refused login or a server that is not there is reported as one
 * line that says what to do (a StartupError), not as the stack trace of the first migration.
 * `holder` says what this process is, for the message another process gets while it holds a PGlite
 * directory.
 */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "pgliteDir"> & Partial<Pick<Config, "database" | "databaseReadUrls">>, holder = "another process"): Promise<Database> {
  if (!config.databaseUrl) return openPglite({ dataDir: config.pgliteDir, holder });
  // The replicas are not asked here: one that cannot be reached must not keep the service from starting.
  const database = openPostgres(config.databaseUrl, config.database, config.databaseReadUrls);
  try {
    await database.query("SELECT 1");
    return database;
  } catch (error) {
    await database.close().catch(() => undefined);
    const explained = connectionFailure(config.databaseUrl, error);
    throw explained ? new StartupError(explained) : error;
  }
}

/** What is wrong with DATABASE_URL and how to fix it, for the failures a person can fix; never the password. */
export function connectionFailure(url: string, error: unknown): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "DATABASE_URL is not a connection URL: write it as postgres://user@host:5432/database.";
  }
  const host = parsed.hostname || "localhost";
  const port = parsed.port || "5432";
  const user = decodeURIComponent(parsed.username) || "postgres";
  const name = decodeURIComponent(parsed.pathname.slice(1)) || user;
  const server = `the PostgreSQL server at ${host}:${port}`;
  for (const current of errorChain(error)) {
    switch (current.code) {
      case "3D000":
        return `DATABASE_URL names database "${name}", which does not exist on ${server}: create it (createdb -h ${host} -p ${port} -U ${user} ${name}) or name an existing one.`;
      case "28P01":
      case "28000":
        return `${server} refused to let "${user}" in to database "${name}" (DATABASE_URL): check the user and password in DATABASE_URL and the server's pg_hba.conf.`;
      case "ECONNREFUSED":
      case "ENOTFOUND":
      case "CONNECT_TIMEOUT":
        return `Cannot reach ${server} (DATABASE_URL): start it, or correct the host and port in DATABASE_URL; unset DATABASE_URL to use the embedded database.`;
    }
  }
  return null;
}
