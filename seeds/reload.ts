// `npm run seed`: empties the database named by the environment and loads the sample data again.
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";
import { orExitOnStartupError } from "../src/operations/startup-error.js";
import { clearData, loadSampleData } from "./load.js";

const config = loadConfig();
const database = await orExitOnStartupError(() => openDatabase(config, "npm run seed"));
try {
  await migrate(database);
  await clearData(database);
  const { decisions } = await loadSampleData(database);
  console.log(`Loaded the sample data: ${decisions} decisions into ${config.databaseUrl ? "PostgreSQL" : `PGlite at ${config.pgliteDir}`}.`);
} finally {
  await database.close();
}
