// The server as `npm run bench` runs it: a process of its own, so that the load generator does not
// share its event loop, configured as `npm start` configures it (pool, limits) but with rate limits
// no benchmark reaches. Answers the parent's questions over IPC: statements sent, memory in use.
import "../src/operations/production-mode.js";
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { type SentStatement } from "../src/db/database.js";
import { openDatabase } from "../src/db/open.js";
import { buildServer } from "../src/server.js";

const config = loadConfig();
const database = await openDatabase(config);
const app = await buildServer({ database, limits: config.limits, rateLimits: { windowSeconds: 60, anonymous: 1e15, researcher: 1e15, staff: 1e15 } });
const address = await app.listen({ port: 0, host: "127.0.0.1" });

export type BenchServerMessage = { address: string } | { statements: number; rssMb: number; cpuMs: number; liveHeapMb?: number } | { sent: SentStatement[] };

/** The server process's CPU time so far (user and system): per request, a steadier figure than requests per second on a shared machine. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

process.on("message", (message: string) => {
  if (message === "reset") database.statements.reset();
  if (message === "measure" || message === "reset") process.send!({ statements: database.statements.count, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), cpuMs: cpuMs() } satisfies BenchServerMessage);
  // What is still alive after a full collection: memory that a long download would keep growing.
  if (message === "live") {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ statements: database.statements.count, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), cpuMs: cpuMs(), liveHeapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) } satisfies BenchServerMessage);
  }
  if (message === "sent") process.send!({ sent: database.statements.sent } satisfies BenchServerMessage);
  if (message === "stop") void app.close().then(() => database.close()).then(() => process.exit(0));
});
process.send!({ address } satisfies BenchServerMessage);
