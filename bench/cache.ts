// The public response cache under load (`npm run bench`, or BENCH_ONLY=cache): a server of its own
// with the cache on, whose answers say the epoch they claim. Measures hits (server CPU per request,
// requests per second, latency), conditional requests answered 304, and a mix in which a tenth of
// the requests are an editor's writes, each advancing the epoch, with every read checked against the
// epoch it claims: an answer older than the last write at or before that epoch is stale.
import autocannon from "autocannon";
import { fork } from "node:child_process";
import { createKey } from "../src/access/api-key.service.js";
import { type Database } from "../src/db/database.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { type BenchOperation, DECISION_PAGE } from "./operations.js";
import { type BenchServerMessage } from "./server.js";

interface Options {
  seconds: number;
  warmUpSeconds: number;
  connections: number;
}

/** A bench server process with the cache on; `ask` answers its IPC questions. */
async function startCachedServer() {
  const server = fork("bench/server.ts", { execArgv: ["--import", "tsx", "--expose-gc", "--max-semi-space-size=64"], env: { ...process.env, BENCH_RESPONSE_CACHE: "on" } });
  const ask = (message: string) => new Promise<BenchServerMessage>((resolve) => { server.once("message", resolve); server.send(message); });
  const { address } = (await new Promise<BenchServerMessage>((resolve) => server.once("message", resolve))) as { address: string };
  return { address, ask, stop: () => server.send("stop") };
}

type Cached = Awaited<ReturnType<typeof startCachedServer>>;

const cpuOf = async (server: Cached) => ((await server.ask("measure")) as { cpuMs: number }).cpuMs;

/** The same request over and over: after the first, every one is a hit (or a 304 with `headers`). */
async function repeated(server: Cached, operation: BenchOperation, options: Options, name: string, headers: Record<string, string> = {}) {
  const run = (duration: number) =>
    autocannon({ url: `${server.address}${operation.path}`, method: operation.method, connections: options.connections, duration, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(operation.body) });
  await run(options.warmUpSeconds);
  const before = await cpuOf(server);
  const result = await run(options.seconds);
  const cpu = (await cpuOf(server)) - before;
  return {
    operation: name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    statuses: `${result["2xx"]} 2xx, ${result["3xx"]} 3xx, ${result["4xx"] + result["5xx"]} refused`,
    serverCpuMsPerRequest: result.requests.total ? Math.round((cpu / result.requests.total) * 1000) / 1000 : null,
  };
}

interface Read {
  decision: number;
  claimed: number;
  title: string;
  hit: boolean;
}

/**
 * Readers and one editor on a few decisions' pages: a tenth of the requests are the editor's title
 * changes (one at a time, each with the epoch it made), the rest public reads of the same pages.
 */
async function mixed(server: Cached, database: Database, decisionIds: string[], options: Options) {
  const { secret } = await database.asWriter((db) => createKey(db, `bench editor ${Date.now()}`, "EDITOR"));
  const editor = { "content-type": "application/json", authorization: `Bearer ${secret}` };
  const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(`${server.address}/graphql`, { method: "POST", headers, body: JSON.stringify(body) });
  const ids = decisionIds.map((id) => toGlobalId("Decision", id));
  /** Per decision, the titles written in order, each with the epoch its write made. */
  const written: { epoch: number; title: string }[][] = ids.map(() => []);
  for (const [index, id] of ids.entries()) {
    const page = (await (await post({ query: DECISION_PAGE, variables: { id } })).json()) as { data: { decision: { title: string } } };
    written[index]!.push({ epoch: 0, title: page.data.decision.title });
  }
  let writing = Promise.resolve();
  let writes = 0;
  const write = (index: number) =>
    (writing = writing.then(async () => {
      const id = ids[index]!;
      const { data } = (await (await post({ query: "query($id: ID!) { decision(id: $id) { version } }", variables: { id } }, editor)).json()) as { data: { decision: { version: number } } };
      const title = `bench title ${index}-${++writes}`;
      const done = (await (await post({ query: "mutation($input: DecisionUpdateInput!) { decisionUpdate(input: $input) { userErrors { code } } }", variables: { input: { id, expectedVersion: data.decision.version, title } } }, editor)).json()) as {
        data: { decisionUpdate: { userErrors: unknown[] } };
      };
      if (done.data.decisionUpdate.userErrors.length) throw new Error(`bench write refused: ${JSON.stringify(done.data.decisionUpdate.userErrors)}`);
      // Only this loop writes, one write at a time: the epoch now is the one this write made.
      const [row] = await database.query<{ epoch: string }>("SELECT epoch::text AS epoch FROM shared_state.disclosure_epoch");
      written[index]!.push({ epoch: Number(row!.epoch), title });
    }));
  const reads: Read[] = [];
  let requests = 0;
  const until = performance.now() + options.seconds * 1000;
  const before = await cpuOf(server);
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < until) {
        const index = Math.floor(Math.random() * ids.length);
        requests += 1;
        if (Math.random() < 0.1) {
          await write(index);
          continue;
        }
        const response = await post({ query: DECISION_PAGE, variables: { id: ids[index] } });
        const body = (await response.json()) as { data: { decision: { title: string } } };
        reads.push({ decision: index, claimed: Number(response.headers.get("x-disclosure-epoch")), title: body.data.decision.title, hit: response.headers.get("x-response-cache") === "hit" });
      }
    }),
  );
  await writing;
  const cpu = (await cpuOf(server)) - before;
  // Stale: the answer's title is older than the last one written at or before the epoch it claims.
  const stale = reads.filter((read) => {
    const history = written[read.decision]!;
    const expected = history.filter((w) => w.epoch <= read.claimed).at(-1)!;
    return history.findIndex((w) => w.title === read.title) < history.indexOf(expected);
  });
  return {
    operation: `mix: ${ids.length} decision pages, 10 % writes`,
    requests,
    writes,
    reads: reads.length,
    hitRate: Math.round((reads.filter((read) => read.hit).length / reads.length) * 100) / 100,
    staleAnswers: stale.length,
    serverCpuMsPerRequest: Math.round((cpu / requests) * 1000) / 1000,
  };
}

export async function benchCache(database: Database, operations: BenchOperation[], options: Options): Promise<Record<string, unknown>[]> {
  const server = await startCachedServer();
  try {
    const rows: Record<string, unknown>[] = [];
    for (const name of ["list page", "decision page", "search (Chinese)"]) {
      const operation = operations.find((o) => o.name === name);
      if (!operation) continue;
      rows.push(await repeated(server, operation, options, `${name}, cached`));
      const first = await fetch(`${server.address}${operation.path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(operation.body) });
      await first.arrayBuffer();
      rows.push(await repeated(server, operation, options, `${name}, If-None-Match (304)`, { "if-none-match": first.headers.get("etag")! }));
    }
    const decisions = await database.query<{ id: string }>("SELECT id FROM disclosure.decisions WHERE title IS NOT NULL ORDER BY id LIMIT 20");
    rows.push(await mixed(server, database, decisions.map((d) => d.id), options));
    return rows;
  } finally {
    server.stop();
  }
}
