// `npm run seed`: loads the sample data into the database named by the environment, replacing the
// sample already there. Data that is not the sample is deleted only when asked: `npm run seed -- --replace`.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";
import { orExitOnStartupError } from "../src/operations/startup-error.js";
import { clearData, isEmpty, loadSampleData } from "./load.js";
import { isSample } from "./sample-mark.js";

const values = (() => {
  try {
    return parseArgs({ options: { replace: { type: "boolean", default: false } } }).values;
  } catch {
    console.error("usage: npm run seed [-- --replace]");
    process.exit(2);
  }
})();
const config = loadConfig();
const database = await orExitOnStartupError(() => openDatabase(config, "npm run seed"));
try {
  await migrate(database, { onWait: () => console.log("Waiting: another process is migrating this database.") });
  // Records without the sample's mark are a real instance's: one command must not delete them by mistake.
  if (!values.replace && !(await isEmpty(database)) && !(await isSample(database))) {
    console.error("The database holds records that are not the sample data: nothing was changed. To delete them and load the sample, run `npm run seed -- --replace`.");
    process.exitCode = 1;
  } else {
    await clearData(database);
    const { decisions } = await loadSampleData(database);
    console.log(`Loaded the sample data: ${decisions} decisions into ${config.databaseUrl ? "PostgreSQL" : `PGlite at ${config.pgliteDir}`}.`);
  }
} finally {
  await database.close();
}
