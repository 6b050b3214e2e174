import "./operations/production-mode.js";
import "reflect-metadata";
import { loadSampleData, isEmpty } from "../seeds/load.js";
import { loadConfig } from "./config.js";
import { isMigrated, migrate } from "./db/migrate.js";
import { openDatabase } from "./db/open.js";
import { closeGracefully } from "./operations/shutdown.js";
import { stopTracing } from "./operations/tracing.js";
import { orExitOnStartupError, StartupError } from "./operations/startup-error.js";
import { buildServer } from "./server.js";

const config = loadConfig();
const database = await orExitOnStartupError(() => openDatabase(config, "the server"));
// Standard output holds JSON lines only; this one is written before the server's logger exists.
const startLine = (msg: string) => process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg }) + "\n");
// PGlite, the embedded default, is one process's: it migrates at start and needs nothing else. A
// server database is shared by instances and updated in releases: `npm run migrate` is the step
// that changes its schema, and an instance of a newer build refuses rather than serve an older one.
await orExitOnStartupError(async () => {
  if (config.migrateOnStart ?? database.kind === "pglite") await migrate(database, { onWait: () => startLine("Waiting: another process is migrating the database; starting when it is done.") });
  else if (!(await isMigrated(database))) throw new StartupError("The database is not at this build's schema: run `npm run migrate` with the same DATABASE_URL first (or set MIGRATE_ON_START=true).");
});
// The sample goes only into the embedded default's empty database: never into a server database, whose data is a deployment's (`npm run seed` loads it there on request).
const empty = await isEmpty(database);
const loadsSample = empty && database.kind === "pglite";
// The sample's files are written step by step as they were recorded: most of a first start, said before it.
if (loadsSample) startLine("Empty database: loading the sample data, step by step as it was recorded (a minute or so on a first start).");
const sample = loadsSample ? await loadSampleData(database) : null;
const lifecycle = { shuttingDown: false };
const server = await buildServer({ database, logger: { level: config.logLevel }, limits: config.limits, rateLimits: config.rateLimits, lifecycle, trustProxy: config.trustProxy, complianceRefreshMs: config.complianceRefreshSeconds * 1000, openDataSnapshotMs: config.openDataSnapshotHours * 3_600_000, exportsMax: config.exportsMax, metricsToken: config.metricsToken, responseCacheMb: config.responseCacheMb });
// Registered before the address is printed: whoever reads it may stop us at once. Readiness fails
// first; Fastify then stops accepting connections and waits for the requests in flight to finish.
const shutdown = async () => {
  server.log.info("shutting down: finishing the requests in flight");
  await closeGracefully(server, lifecycle);
  await database.close();
  // The spans of the last requests, still in the batch, are sent before the process ends.
  await stopTracing().catch((error: unknown) => server.log.error({ err: error }, "tracing: the last spans could not be sent"));
  process.exit(0);
};
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

// Standard output holds JSON lines only. These are written whatever LOG_LEVEL says: they are how
// a person, or a script, learns where the server is.
const announce = server.log.child({}, { level: "info" });
if (sample) announce.info(`Empty database: loaded the sample data (${sample.decisions} decisions).`);
else if (empty) announce.info("Empty database: serving no records (`npm run seed` loads the sample data).");
const address = await server.listen({ port: config.port, host: config.host });
announce.info(`Site for residents: ${address.replace("127.0.0.1", "localhost")}/`);
announce.info(`GraphQL endpoint: ${address.replace("127.0.0.1", "localhost")}/graphql  (database: ${config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.pgliteDir}`})`);

