// `npm run seed:scale -- --decisions 100000 [--seed 713] [--comments 10]`: empties the database named by
// the environment and writes the benchmark's data set (see scale-data.ts), reporting rows per second,
// then the decisions' compliance reports.
import "reflect-metadata";
import { parseArgs } from "node:util";
import { ComplianceIndex } from "../../src/compliance/compliance-index.js";
import { chinaDate } from "../../src/compliance/working-days.js";
import { loadConfig } from "../../src/config.js";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/open.js";
import { clearData } from "../load.js";
import { loadScaleData } from "./scale-data.js";
import { withKeysAndGramIndexesSetAside } from "./set-aside.js";

const { values } = parseArgs({ options: { decisions: { type: "string", default: "100000" }, seed: { type: "string", default: "713" }, comments: { type: "string", default: "10" } } });
const count = (name: string, raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return value;
};
const decisions = count("decisions", values.decisions);

const config = loadConfig();
const database = await openDatabase(config);
let started = Date.now();
/** A progress bar on a terminal; a line every 10% elsewhere (CI logs). */
const progress = (done: number, rows: number) => {
  const seconds = (Date.now() - started) / 1000;
  const line = `${"#".repeat(Math.round((done / decisions) * 30)).padEnd(30, "-")} ${done.toLocaleString("en")}/${decisions.toLocaleString("en")} decisions, ${rows.toLocaleString("en")} rows, ${Math.round(rows / seconds).toLocaleString("en")} rows/s`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
  else if (done === decisions || Math.floor((done / decisions) * 10) !== Math.floor(((done - 250) / decisions) * 10)) process.stderr.write(`${line}\n`);
};
try {
  await migrate(database);
  await clearData(database);
  console.log(`Migrated and emptied the database in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // The rows' figure counts from here: with a database already loaded, the migration works out its
  // old public search documents again before they are emptied.
  started = Date.now();
  const options = { decisions, seed: count("seed", values.seed), commentsPerDecision: count("comments", values.comments), progress };
  const { rows } = await withKeysAndGramIndexesSetAside(database, () => loadScaleData(database, options));
  const seconds = (Date.now() - started) / 1000;
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.log(`Wrote ${rows.toLocaleString("en")} rows (${decisions.toLocaleString("en")} decisions) in ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString("en")} rows/s.`);
  // The planner's statistics follow the data, and the visibility map is set (index-only scans skip
  // the heap): a server with autovacuum off, as here, would otherwise never vacuum the loaded tables.
  const vacuuming = Date.now();
  await database.query("VACUUM (ANALYZE)");
  console.log(`Vacuumed and analysed the database in ${((Date.now() - vacuuming) / 1000).toFixed(1)} s.`);
  // Every decision's compliance reports, as the server keeps them: without them the first compliance
  // query (or the server's background refresh) computes them all while the benchmark measures.
  const assessing = Date.now();
  await new ComplianceIndex(database).refresh(chinaDate(new Date()));
  await database.query("VACUUM (ANALYZE) compliance_assessments, compliance_results");
  console.log(`Assessed every decision's compliance (public and staff reports) in ${((Date.now() - assessing) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}
