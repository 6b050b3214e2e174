// `npm run bench` (DATABASE_URL required; load it first with `npm run seed:scale`): starts the server
// in a child process over that database and drives it with autocannon through the representative
// operations (bench/operations.ts); downloads the largest bulk file for rows per second and the
// server's memory; replays the list and decision pages' own SQL straight through postgres.js for the
// raw ceiling; and explains every statement the operations sent, reporting any sequential scan of a
// large table; and reports the server's CPU time per request. Prints a table and writes
// bench/results/bench-<time>.json (git-ignored). BENCH_SECONDS (10), BENCH_WARM_UP_SECONDS (3, not measured), BENCH_CONNECTIONS (20),
// BENCH_ONLY="list page,decision page" ("open-data files": bench/files.ts), BENCH_PROFILE=1 (a CPU profile of the server). BENCH_MODE: "saturation"
// (the closed loop above), "rate" (latency at BENCH_RATE requests per second offered, 300 by default:
// bench/latency.ts) or both (the default); BENCH_ONLY=cache measures the response cache alone (bench/cache.ts).
import autocannon from "autocannon";
import { fork } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import postgres from "postgres";
import { loadConfig } from "../src/config.js";
import { type SentStatement } from "../src/db/database.js";
import { openDatabase } from "../src/db/open.js";
import { defaultPostgresOptions, preparedStatement, publicSession, turnSharing } from "../src/db/postgres.js";
import { benchCache } from "./cache.js";
import { latencyAtRate } from "./latency.js";
import { type BenchOperation, benchmarkOperations } from "./operations.js";
import { fileRates } from "./files.js";
import { sequentialScans } from "./query-plans.js";
import { type BenchServerMessage } from "./server.js";

const config = loadConfig();
if (!config.databaseUrl) throw new Error("npm run bench needs DATABASE_URL (a PostgreSQL database loaded with npm run seed:scale)");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
const MODE = process.env.BENCH_MODE ?? "both";
const RATE = Number(process.env.BENCH_RATE ?? 300);

const database = await openDatabase(config);
// Node flags as `npm start` sets them (package.json): the young generation at 64 MB a semi-space.
const server = fork("bench/server.ts", { execArgv: ["--import", "tsx", "--expose-gc", "--max-semi-space-size=64", ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=bench/results/profiles"] : [])] });
// A crash of this process must not leave the server running.
process.on("exit", () => server.kill());
const ask = (message: string) => new Promise<BenchServerMessage>((resolve) => { server.once("message", resolve); server.send(message); });
const { address } = (await new Promise<BenchServerMessage>((resolve) => server.once("message", resolve))) as { address: string };
const measure = async () => (await ask("measure")) as { statements: number; rssMb: number; cpuMs: number };

async function send(operation: BenchOperation): Promise<Response> {
  return fetch(`${address}${operation.path}`, { method: operation.method, headers: { "content-type": "application/json" }, body: operation.body ? JSON.stringify(operation.body) : undefined });
}

/** Waits until the server has finished what the last load left queued (its statement count stands still). */
async function settle(): Promise<void> {
  for (let last = -1, now = (await measure()).statements; now !== last; last = now, now = (await measure()).statements) await new Promise((r) => setTimeout(r, 300));
}

/** One request on its own: the statements it sent, as sent (for the plans and the ceiling). */
async function statementsOf(operation: BenchOperation): Promise<SentStatement[]> {
  await settle();
  await ask("reset");
  const response = await send(operation);
  if (!response.ok) throw new Error(`${operation.name}: HTTP ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  return ((await ask("sent")) as { sent: SentStatement[] }).sent;
}

async function load(operation: BenchOperation): Promise<Record<string, unknown>> {
  const run = (duration: number) =>
    autocannon({ url: `${address}${operation.path}`, method: operation.method, connections: CONNECTIONS, duration, headers: { "content-type": "application/json" }, body: operation.body ? JSON.stringify(operation.body) : undefined });
  // A warm-up first (compiled code, prepared statements on every connection, caches), not measured.
  await run(WARM_UP_SECONDS);
  await settle();
  const { cpuMs: cpuBefore } = (await ask("reset")) as { cpuMs: number };
  const result = await run(SECONDS);
  const { statements, cpuMs } = await measure();
  return {
    operation: operation.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    statementsPerRequest: result.requests.total ? Math.round((statements / result.requests.total) * 10) / 10 : null,
    // The server's own CPU per request: what the API adds, less shaken by the machine's other work than requests per second.
    serverCpuMsPerRequest: result.requests.total ? Math.round(((cpuMs - cpuBefore) / result.requests.total) * 100) / 100 : null,
  };
}

/** Latency at RATE requests per second offered, and the server's CPU per request at that load. */
async function atRate(operation: BenchOperation): Promise<Record<string, unknown>> {
  await latencyAtRate(address, operation, { rate: RATE, seconds: WARM_UP_SECONDS });
  await settle();
  const { cpuMs: before } = (await ask("reset")) as { cpuMs: number };
  const result = await latencyAtRate(address, operation, { rate: RATE, seconds: SECONDS });
  const { cpuMs } = await measure();
  return { ...result, serverCpuMsPerRequest: Math.round(((cpuMs - before) / (RATE * SECONDS)) * 100) / 100 };
}

/** The whole comments file (the largest), one client, with the server's memory sampled throughout. */
async function bulkExport(): Promise<Record<string, unknown>> {
  const live = async () => ((await ask("live")) as { liveHeapMb: number; rssMb: number });
  const before = await live();
  // Memory is flat when what is alive after a collection stays the same from the first half of the
  // file to the second (the resident size alone also shows how lazily the collector returns memory).
  const peaks = { rss: [before.rssMb, before.rssMb], live: [before.liveHeapMb, before.liveHeapMb] };
  const [{ n } = { n: 0 }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM disclosure.comments");
  let lines = 0;
  const sampler = setInterval(() => {
    const half = lines < n / 2 ? 0 : 1;
    void live().then((m) => {
      peaks.rss[half] = Math.max(peaks.rss[half]!, m.rssMb);
      peaks.live[half] = Math.max(peaks.live[half]!, m.liveHeapMb);
    });
  }, 1000);
  const started = performance.now();
  const response = await fetch(`${address}/open-data/comments.csv`);
  // Lines counted with indexOf (native), not byte by byte in JavaScript: the client shares the machine's two cores with the server.
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return {
    operation: "bulk export (comments.csv, whole)",
    rows: lines - 1,
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round((lines - 1) / seconds),
    liveHeapBeforeMb: before.liveHeapMb,
    liveHeapPeakFirstHalfMb: peaks.live[0],
    liveHeapPeakSecondHalfMb: peaks.live[1],
    rssPeakFirstHalfMb: peaks.rss[0],
    rssPeakSecondHalfMb: peaks.rss[1],
  };
}

/**
 * The raw ceiling: the statements the API sent for one request, replayed through postgres.js as the
 * public role with the server's session settings and prepared like the server's, in the same waves
 * (statements sent together run together), on as many connections as the server's pool. Three ways,
 * and the best counts: each wave spread over idle connections (postgres.js's own pool); each wave
 * down one connection, a connection per two clients; and, as the server sends them, the waves
 * started in one turn of the event loop down one connection (the server's own `turnSharing`).
 */
async function ceiling(statements: SentStatement[]): Promise<{ spread: number; pipelined: number; shared: number }> {
  const waves: SentStatement[][] = [];
  for (const statement of statements) (statement.wave === waves.length - 1 ? waves.at(-1)! : (waves[statement.wave] = [])).push(statement);
  const options = { onnotice: () => {}, connection: publicSession(defaultPostgresOptions.statementTimeoutMs) };
  const inFlight = new Map<postgres.Sql, number>();
  /** `pick` chooses the client of each wave of each of the CONNECTIONS clients. */
  const replay = async (pick: (loop: number) => postgres.Sql) => {
    let done = 0;
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONNECTIONS }, async (_, loop) => {
      while (performance.now() < until) {
        for (const wave of waves.filter(Boolean)) {
          const client = pick(loop);
          inFlight.set(client, (inFlight.get(client) ?? 0) + wave.length);
          await Promise.all(wave.map((s) => client.unsafe(s.text, s.params as never[], preparedStatement)));
          inFlight.set(client, inFlight.get(client)! - wave.length);
        }
        done += 1;
      }
    }));
    return done / SECONDS;
  };
  const pool = postgres(config.databaseUrl!, { ...options, max: defaultPostgresOptions.max });
  const spread = await replay(() => pool);
  await pool.end();
  const connections = Array.from({ length: defaultPostgresOptions.max }, () => postgres(config.databaseUrl!, { ...options, max: 1 }));
  for (const connection of connections) inFlight.set(connection, 0);
  const pipelined = await replay((loop) => connections[loop % connections.length]!);
  const shared = await replay(turnSharing(() => connections, (connection) => inFlight.get(connection)!));
  await Promise.all(connections.map((connection) => connection.end()));
  return { spread, pipelined, shared };
}

const operations = (await benchmarkOperations(database)).filter((o) => !only || only.includes(o.name));
const results: Record<string, unknown>[] = [];
const atRates: Record<string, unknown>[] = [];
const plans: { operation: string; scans: Awaited<ReturnType<typeof sequentialScans>> }[] = [];
for (const operation of operations) {
  const sent = await statementsOf(operation);
  plans.push({ operation: operation.name, scans: await sequentialScans(database, sent) });
  if (operation.method === "GET") continue;
  if (MODE !== "saturation") atRates.push(await atRate(operation));
  if (MODE === "rate") continue;
  const row = await load(operation);
  if (operation.name === "list page" || operation.name === "decision page") {
    // The rate budget's statements (shared_state) are the server's bookkeeping, not the page's SQL, and the public role may not run them.
    const { spread, pipelined, shared } = await ceiling(sent.filter((s) => !s.text.includes("shared_state.")));
    const rawPerSecond = Math.max(spread, pipelined, shared);
    Object.assign(row, {
      rawSqlCeiling: Math.round(rawPerSecond),
      ceilingSpread: Math.round(spread),
      ceilingPipelined: Math.round(pipelined),
      ceilingShared: Math.round(shared),
      shareOfCeiling: Math.round(((row.requestsPerSecond as number) / rawPerSecond) * 100) / 100,
    });
  }
  results.push(row);
}
const exported = !only || only.includes("bulk CSV export") ? await bulkExport() : undefined;
// Every open-data file by every kind of filter (bench/files.ts).
const files = !only || only.includes("open-data files") ? await fileRates(database, address, async () => (await ask("live")) as { liveHeapMb: number }, measure) : undefined;
// BENCH_ONLY=cache: the response cache alone (bench/cache.ts), on a server of its own with the cache on.
const cache = !only || only.includes("cache") ? await benchCache(database, await benchmarkOperations(database), { seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS, connections: CONNECTIONS }) : undefined;

if (results.length) console.table(results);
if (atRates.length) console.table(atRates);
if (exported) console.table([exported]);
if (files) console.table(files);
if (cache) console.table(cache);
const seqScans = plans.flatMap((p) => p.scans.map((s) => ({ operation: p.operation, ...s })));
console.log(seqScans.length ? `Sequential scans of large tables:\n${seqScans.map((s) => `  ${s.operation}: ${s.table} (${s.rows} rows) in ${s.statement.slice(0, 160)}`).join("\n")}` : "No sequential scan of a table over 10,000 rows in any operation's plan.");
await mkdir("bench/results", { recursive: true });
const file = `bench/results/bench-${new Date().toISOString().replaceAll(":", "-")}.json`;
const [{ n } = { n: 0 }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM decisions");
await writeFile(file, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS, decisions: n, results, atRate: atRates, export: exported, files, cache, sequentialScans: seqScans }, null, 2));
console.log(`Wrote ${file}`);
server.send("stop");
await database.close();
