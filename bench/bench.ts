// `npm run bench` (DATABASE_URL required; load it first with `npm run seed:scale`): starts the server
// over that database and drives it with autocannon through the representative operations, then runs
// the list and detail pages' SQL directly through postgres.js for the raw ceiling. Prints a table and
// writes bench/results/bench-<time>.json.
import "reflect-metadata";
import autocannon from "autocannon";
import { mkdir, writeFile } from "node:fs/promises";
import postgres from "postgres";
import { loadConfig } from "../src/config.js";
import { openPostgres } from "../src/db/postgres.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { buildServer } from "../src/server.js";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("npm run bench needs DATABASE_URL (a PostgreSQL database loaded with npm run seed:scale)");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const config = loadConfig();
const database = openPostgres(url, { max: 20 });
const app = await buildServer({ database, limits: config.limits, rateLimits: { windowSeconds: 60, anonymous: 1e15, researcher: 1e15, staff: 1e15 } });
const address = await app.listen({ port: 0, host: "127.0.0.1" });
const raw = postgres(url, { max: CONNECTIONS, onnotice: () => {}, connection: { role: "disclosure_reader" } });

const [sample] = await raw<{ id: string; region: string; year: number }[]>`SELECT d.id, d.region_id AS region, d.catalog_year AS year FROM disclosure.decisions d JOIN disclosure.consultations c ON c.decision_id = d.id ORDER BY d.id LIMIT 1`;
const [town] = await raw<{ id: string }[]>`SELECT id FROM disclosure.regions WHERE level = 'TOWN' ORDER BY code LIMIT 1`;
const decisionId = toGlobalId("Decision", sample!.id);

const LIST = `{ decisions(first: 20) { nodes { id title stage catalogYear region { name } decidingBody { name } undertakingBody { name } } } }`;
const DETAIL = `query($id: ID!) { decision(id: $id) { id title summary stage budgetYuan withheld { field ground }
  basis { nodes { title } } consultations { nodes { method opensOn closesOn comments(first: 20) { nodes { text reply adoptionResult } } } }
  expertReviews { nodes { conclusion } } riskAssessments { nodes { overallLevel findings { dimension level } } } legalityReviews { nodes { result } }
  deliberations { nodes { outcome } } publication { documentNumber fullText } implementationReports { nodes { kind } } postEvaluations { nodes { recommendation } } attachments { nodes { title } } } }`;

const operations: { name: string; method: "POST" | "GET"; path: string; body?: unknown }[] = [
  { name: "list page", method: "POST", path: "/graphql", body: { query: LIST } },
  { name: "decision page", method: "POST", path: "/graphql", body: { query: DETAIL, variables: { id: decisionId } } },
  { name: "search (Chinese)", method: "POST", path: "/graphql", body: { query: `{ decisions(first: 20, filter: { search: "農貿市場" }) { totalCount nodes { id title } } }` } },
  { name: "region subtree + year", method: "POST", path: "/graphql", body: { query: `query($r: ID!) { decisions(first: 20, filter: { regionId: $r, catalogYear: ${sample!.year} }) { totalCount nodes { id title } } }`, variables: { r: toGlobalId("Region", town!.id) } } },
  { name: "statistics", method: "POST", path: "/graphql", body: { query: `{ statistics(filter: { catalogYear: ${sample!.year} }) { decisions byCategory { key count } byStage { key count } } }` } },
  { name: "change-feed page", method: "POST", path: "/graphql", body: { query: `{ changes(first: 100) { nodes { kind recordId } } }` } },
  { name: "bulk CSV export", method: "GET", path: `/open-data/decisions.csv?catalogYear=${sample!.year}` },
];

const results: Record<string, unknown>[] = [];
for (const operation of operations) {
  database.statements.reset();
  const result = await autocannon({
    url: `${address}${operation.path}`,
    method: operation.method,
    connections: operation.name === "bulk CSV export" ? 2 : CONNECTIONS,
    duration: SECONDS,
    headers: { "content-type": "application/json" },
    body: operation.body ? JSON.stringify(operation.body) : undefined,
  });
  const requests = result.requests.total;
  results.push({
    operation: operation.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    statementsPerRequest: requests ? Math.round((database.statements.count / requests) * 10) / 10 : null,
  });
}

/** The same reads the list and detail pages need, straight through postgres.js: the ceiling. */
async function ceiling(name: string, read: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (Date.now() < until) {
      await read();
      done += 1;
    }
  }));
  console.error(`raw SQL ${name}: ${Math.round(done / SECONDS)} req/s`);
  return done / SECONDS;
}
const listCeiling = await ceiling("list", async () => {
  const page = await raw`SELECT id, title, stage, catalog_year, region_id, deciding_body_id, undertaking_body_id FROM disclosure.decisions ORDER BY catalog_year DESC, catalog_number DESC, id DESC LIMIT 21`;
  const ids = (key: string) => [...new Set(page.map((row) => row[key] as string))];
  await Promise.all([raw`SELECT id, name FROM disclosure.regions WHERE id = ANY(${ids("region_id")})`, raw`SELECT id, name FROM disclosure.public_bodies WHERE id = ANY(${[...ids("deciding_body_id"), ...ids("undertaking_body_id")]})`]);
});
const detailCeiling = await ceiling("detail", async () => {
  const id = sample!.id;
  await Promise.all([
    raw`SELECT * FROM disclosure.decisions WHERE id = ${id}`,
    raw`SELECT * FROM disclosure.withholding_notices WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.basis_items WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.consultations WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.comments WHERE decision_id = ${id} ORDER BY submitted_at LIMIT 21`,
    raw`SELECT * FROM disclosure.expert_reviews WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.risk_assessments WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.risk_findings WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.legality_reviews WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.deliberations WHERE decision_id = ${id}`,
    raw`SELECT * FROM disclosure.publications WHERE decision_id = ${id}`,
  ]);
});
const ratio = (name: string, ceilingRps: number) => {
  const row = results.find((r) => r.operation === name)!;
  row.rawSqlCeiling = Math.round(ceilingRps);
  row.shareOfCeiling = Math.round(((row.requestsPerSecond as number) / ceilingRps) * 100) / 100;
};
ratio("list page", listCeiling);
ratio("decision page", detailCeiling);

console.table(results);
await mkdir("bench/results", { recursive: true });
const file = `bench/results/bench-${new Date().toISOString().replaceAll(":", "-")}.json`;
await writeFile(file, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS, decisions: (await raw`SELECT count(*)::int AS n FROM disclosure.decisions`)[0]!.n, results }, null, 2));
console.log(`Wrote ${file}`);
await app.close();
await raw.end();
await database.close();
