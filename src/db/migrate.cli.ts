// `npm run migrate`: brings the database named by the environment to this build's schema — the
// release step before instances of a new build start on a server database (README, Deployment).
import { loadConfig } from "../config.js";
import { orExitOnStartupError } from "../operations/startup-error.js";
import { migrate } from "./migrate.js";
import { openDatabase } from "./open.js";

const config = loadConfig();
const database = await orExitOnStartupError(() => openDatabase(config, "npm run migrate"));
try {
  await migrate(database, { onWait: () => console.log("Waiting: another process is migrating this database; this one goes on when it is done.") });
  console.log(`Migrated: ${config.databaseUrl ? "the PostgreSQL database" : `PGlite at ${config.pgliteDir}`} is at this build's schema.`);
} finally {
  await database.close();
}
