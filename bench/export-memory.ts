// `DATABASE_URL=… npm run bench:export -- [rows]`: fills the database with generated published
// comments (default 1,000,000), starts the server in a child process, downloads comments.csv and
// reports rows per second and the server's peak resident memory (read from /proc while streaming).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadSampleData, isEmpty } from "../seeds/load.js";
import { loadConfig } from "../src/config.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";

const rows = Number(process.argv[2] ?? 1_000_000);
const config = loadConfig();
if (!config.databaseUrl) throw new Error("Set DATABASE_URL to a PostgreSQL database for this benchmark.");

const database = await openDatabase(config);
await migrate(database);
if (await isEmpty(database)) await loadSampleData(database);
const [{ n } = { n: 0 }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE text LIKE 'bench:%'");
if (n < rows) {
  const started = Date.now();
  await database.query(
    `INSERT INTO comments (consultation_id, decision_id, stakeholder_category, text, moderation_state, adoption_result, reply)
     SELECT c.id, c.decision_id, 'INDIVIDUAL', 'bench: 第' || g || '條意見，建議在施工期間加強交通疏導並公開進度。', 'PUBLISHED', 'ADOPTED', '已採納，將在施工方案中落實。'
     FROM (SELECT id, decision_id FROM consultations WHERE decision_id NOT IN (SELECT record_id FROM withholdings WHERE field IS NULL) ORDER BY id LIMIT 1) c,
          generate_series(${n + 1}, ${rows}) g`,
  );
  await database.query("ANALYZE comments");
  console.log(`generated ${rows - n} comments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
await database.close();

const port = 4590 + Math.floor(Math.random() * 100);
const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { ...process.env, PORT: String(port), LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "inherit"] });
await new Promise<void>((resolve) => server.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("GraphQL endpoint") && resolve()));
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))![1]) / 1024;
const before = rss();
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);

const started = Date.now();
const response = await fetch(`http://127.0.0.1:${port}/open-data/comments.csv`);
let bytes = 0;
let lines = 0;
for await (const chunk of response.body!) {
  bytes += chunk.length;
  for (const byte of chunk) if (byte === 10) lines += 1;
}
const seconds = (Date.now() - started) / 1000;
clearInterval(sampler);
server.kill("SIGTERM");
console.log(
  JSON.stringify({ rows: lines - 1, megabytes: +(bytes / 1e6).toFixed(1), seconds: +seconds.toFixed(1), rowsPerSecond: Math.round((lines - 1) / seconds), serverRssBeforeMb: Math.round(before), serverRssPeakMb: Math.round(peak) }),
);
