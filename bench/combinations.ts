// `npm run bench:combinations` (DATABASE_URL required; load it first with `npm run seed:scale`): times,
// one request at a time, a list's first and next page for every filter the benchmark's data makes
// telling (none, the whole city, a town, a village, a deciding body, a year, decisions not open for
// comment, a search) in every order, both ways, and the files filtered by region and year. The
// benchmark (`npm run bench`) measures a few operations under load; this finds the combination whose
// plan walks or sorts far more than it returns. In-process (no HTTP client), as the anonymous public;
// each figure is the median of BENCH_REPEAT (5) requests after one not counted. Prints tables.
import "../src/operations/production-mode.js";
import "reflect-metadata";
import { loadConfig } from "../src/config.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";
import { decisionOrderFields } from "../src/decisions/decision-order.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { buildServer } from "../src/server.js";
import { largestRegion } from "./operations.js";

const config = loadConfig();
if (!config.databaseUrl) throw new Error("npm run bench:combinations needs DATABASE_URL (a PostgreSQL database loaded with npm run seed:scale)");
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

const database = await openDatabase(config);
await migrate(database);
const app = await buildServer({ database, limits: config.limits, rateLimits: { windowSeconds: 60, anonymous: 1e15, researcher: 1e15, staff: 1e15, pages: 1e15 } });

const one = async <T>(sql: string) => (await database.query<{ id: T }>(sql))[0]?.id;
const city = await largestRegion(database);
const town = await one<string>("SELECT id FROM disclosure.regions WHERE level = 'TOWN' ORDER BY code DESC LIMIT 1");
const village = await one<string>("SELECT id FROM disclosure.regions WHERE level = 'VILLAGE' ORDER BY code DESC LIMIT 1");
const body = await one<string>("SELECT deciding_body_id AS id FROM disclosure.decisions ORDER BY id LIMIT 1");
const year = await one<number>("SELECT max(catalog_year) - 2 AS id FROM disclosure.decisions");
if (!city || !town || !village || !body || !year) throw new Error("No generated data to time: load it with npm run seed:scale first.");
const region = (id: string) => toGlobalId("Region", id);

const filters: Record<string, string> = {
  none: "{}",
  "the city": `{ regionId: "${region(city)}" }`,
  "a town": `{ regionId: "${region(town)}" }`,
  "a village": `{ regionId: "${region(village)}" }`,
  "a deciding body": `{ decidingBodyId: "${toGlobalId("PublicBody", body)}" }`,
  "a year": `{ catalogYear: ${year} }`,
  "not open for comment": `{ openForComment: false }`,
  "a search": `{ search: "农贸市场改造" }`,
};

/** Milliseconds a request takes, the median of REPEAT after one not counted; and its response. */
async function timed(method: "GET" | "POST", url: string, payload?: object): Promise<{ ms: number; body: string }> {
  let response = await app.inject({ method, url, payload });
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    response = await app.inject({ method, url, payload });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10, body: response.body };
}

async function listPage(filter: string, order: string, after?: string) {
  const query = `query($after: String) { decisions(first: 20, after: $after, filter: ${filter}, orderBy: ${order}) { nodes { id title stage } pageInfo { endCursor } } }`;
  const { ms, body } = await timed("POST", "/graphql", { query, variables: { after } });
  const parsed = JSON.parse(body) as { data?: { decisions: { pageInfo: { endCursor: string | null } } }; errors?: unknown[] };
  if (parsed.errors) throw new Error(`${filter} ${order}: ${JSON.stringify(parsed.errors)}`);
  return { ms, endCursor: parsed.data!.decisions.pageInfo.endCursor ?? undefined };
}

const lists: Record<string, string | number>[] = [];
for (const [name, filter] of Object.entries(filters)) {
  for (const field of decisionOrderFields) {
    for (const direction of ["ASC", "DESC"]) {
      const order = `{ field: ${field}, direction: ${direction} }`;
      const first = await listPage(filter, order);
      const next = first.endCursor ? await listPage(filter, order, first.endCursor) : undefined;
      lists.push({ filter: name, order: `${field} ${direction}`, firstPageMs: first.ms, nextPageMs: next?.ms ?? "-" });
    }
  }
}
console.table(lists);

const files: Record<string, string | number>[] = [];
const fileFilters: Record<string, string> = {
  "the city": `regionId=${region(city)}`,
  "a town": `regionId=${region(town)}`,
  "a village": `regionId=${region(village)}`,
  "a year": `catalogYear=${year}`,
  "a town and a year": `regionId=${region(town)}&catalogYear=${year}`,
};
for (const [name, query] of Object.entries(fileFilters)) {
  for (const file of ["decisions", "comments"]) {
    const started = performance.now();
    const response = await app.inject({ method: "GET", url: `/open-data/${file}.csv?${query}` });
    const seconds = (performance.now() - started) / 1000;
    const rows = response.body.split("\n").length - 2;
    if (response.statusCode !== 200) throw new Error(`${file} of ${name}: HTTP ${response.statusCode}`);
    files.push({ file: `${file}.csv`, filter: name, rows, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds) });
  }
}
console.table(files);

await app.close();
await database.close();
