import { type Database } from "../src/db/database.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { datasets } from "../src/open-data/datasets.js";
import { largestRegion } from "./operations.js";

/**
 * Every open-data file under every kind of filter a route accepts that changes the statement's
 * shape: none, a year, a town (a region found first) and the whole city (a large region, named by
 * its path). Files not filtered by decision (regions, bodies) are timed whole only.
 * BENCH_FILES="comments,decisions" limits the datasets; BENCH_FILE_FORMAT (csv) picks the format,
 * BENCH_FILE_ENCODING (gzip) the encoding asked for.
 */
export interface FileRate {
  file: string;
  filter: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Rows per second of the first download of this file and filter (the figure above is the second's). */
  firstRowsPerSecond?: number;
  /** The server's CPU per 1,000 rows: steadier than rows per second on a shared machine. */
  serverCpuMsPer1000Rows: number;
  /** The largest live heap (after a collection) sampled in the first and the second half of the rows; null when too quick to sample. */
  liveHeapFirstHalfMb: number | null;
  liveHeapSecondHalfMb: number | null;
}

/** As browsers and most HTTP libraries ask (the server then gzips); BENCH_FILE_ENCODING=identity as plain curl does. */
const ENCODING = process.env.BENCH_FILE_ENCODING ?? "gzip";

type Live = () => Promise<{ liveHeapMb: number }>;
type Cpu = () => Promise<{ cpuMs: number }>;

export async function fileFilters(database: Database): Promise<Record<string, string>> {
  const one = async <T>(sql: string) => (await database.query<{ id: T }>(sql))[0]?.id;
  const year = await one<number>("SELECT max(catalog_year) - 2 AS id FROM disclosure.decisions");
  const town = await one<string>("SELECT id FROM disclosure.regions WHERE level = 'TOWN' ORDER BY code DESC LIMIT 1");
  const city = await largestRegion(database);
  if (!year || !town || !city) throw new Error("No generated data to time the files on: load it with npm run seed:scale first.");
  return { whole: "", "a year": `catalogYear=${year}`, "a town": `regionId=${toGlobalId("Region", town)}`, "the city": `regionId=${toGlobalId("Region", city)}` };
}

/** One download: its rows (lines less the header), time, the server's CPU and its live heap in each half of the rows. */
async function download(url: string, csv: boolean, live: Live, cpu: Cpu): Promise<Omit<FileRate, "file" | "filter">> {
  const samples: { lines: number; mb: number }[] = [];
  let lines = 0;
  // One question to the server at a time (its answers are not labelled); a sample every 2 s, each a
  // full collection (tens of milliseconds of the server's CPU, counted in its CPU per row).
  let asking: Promise<unknown> = Promise.resolve();
  const sampler = setInterval(() => {
    const at = lines;
    asking = asking.then(() => live().then((m) => samples.push({ lines: at, mb: m.liveHeapMb })));
  }, 2000);
  const { cpuMs: cpuBefore } = await cpu();
  const started = performance.now();
  const response = await fetch(url, { headers: { "accept-encoding": ENCODING } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  // Lines counted with indexOf (native): the client shares the machine's two cores with the server.
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await asking;
  const { cpuMs } = await cpu();
  const rows = csv ? lines - 1 : lines;
  const peak = (half: 0 | 1) => {
    const mbs = samples.filter((s) => (s.lines < lines / 2 ? 0 : 1) === half).map((s) => s.mb);
    return mbs.length ? Math.max(...mbs) : null;
  };
  return {
    rows,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    serverCpuMsPer1000Rows: rows ? Math.round(((cpuMs - cpuBefore) / rows) * 1000 * 10) / 10 : 0,
    liveHeapFirstHalfMb: peak(0),
    liveHeapSecondHalfMb: peak(1),
  };
}

/** Rows per second of every file × filter, one download at a time from the server at `address`, the second of two timed. */
export async function fileRates(database: Database, address: string, live: Live, cpu: Cpu): Promise<FileRate[]> {
  const filters = await fileFilters(database);
  const only = process.env.BENCH_FILES?.split(",").map((name) => name.trim());
  const format = process.env.BENCH_FILE_FORMAT ?? "csv";
  const rates: FileRate[] = [];
  for (const dataset of datasets.filter((d) => !only || only.includes(d.name))) {
    for (const [filter, query] of Object.entries(filters)) {
      if (query && !dataset.byDecision) continue;
      const file = `${dataset.name}.${format}`;
      const url = `${address}/open-data/${file}${query ? `?${query}` : ""}`;
      // Timed as a running server serves a file: after one download of it, as the other operations are
      // timed after a warm-up. The first download's rate is kept beside it: it pays the file's first
      // plan on a new connection and the first run of its code.
      const first = await download(url, format !== "ndjson", live, cpu);
      const { rows, seconds, rowsPerSecond, ...rest } = await download(url, format !== "ndjson", live, cpu);
      rates.push({ file, filter, rows, seconds, rowsPerSecond, firstRowsPerSecond: first.rowsPerSecond, ...rest });
    }
  }
  return rates;
}
