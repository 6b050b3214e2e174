import { type Config } from "../config.js";
import { type Database } from "./database.js";
import { openPglite } from "./pglite.js";
import { openPostgres } from "./postgres.js";

export async function openDatabase(config: Pick<Config, "databaseUrl" | "pgliteDir">): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dataDir: config.pgliteDir });
}
