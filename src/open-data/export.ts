import { and, getTableColumns, gt, gte, sql, type SQL } from "drizzle-orm";
import { type PgColumn } from "drizzle-orm/pg-core";
import { type DisclosedRead } from "../db/database.js";
export { type DisclosedRead } from "../db/database.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { rowIdOf } from "../graphql/global-id.js";
import { isCalendarDay } from "../graphql/cursor.js";
import { type Dataset } from "./datasets.js";
import { literalLimit } from "../db/literals.js";
import { columnBytesOf, rowsOf } from "../db/rows.js";
import { inRegionSubtree, regionSize } from "../regions/region-subtree.js";
import { feedTime } from "../changes/change-feed.js";
import { csvRecord, UTF8_BOM } from "./formats.js";
import { fileLine, type FileFormat } from "./file-lines.js";
export { type FileFormat } from "./file-lines.js";

export const EXPORT_PAGE_SIZE = 2500;

export interface ExportFilter {
  decisionId?: string;
  catalogYear?: number;
  regionId?: string;
  updatedSince?: Date;
  /** The rows' decision had public activity at or after this time (its lastActivityAt). */
  lastActivitySince?: Date;
}

/** A bad query string: answered with 400 and the reason. */
export class OpenDataInputError extends Error {}

export function exportFilter(dataset: Dataset, query: Record<string, string | undefined>): ExportFilter {
  const filter: ExportFilter = {};
  const unknown = Object.keys(query).filter((key) => !["decisionId", "catalogYear", "regionId", "updatedSince", "lastActivitySince"].includes(key));
  if (unknown.length) throw new OpenDataInputError(`Unknown parameter ${unknown.join(", ")}; the filters are decisionId, catalogYear, regionId, updatedSince and lastActivitySince.`);
  if ((query.catalogYear !== undefined || query.regionId !== undefined || query.decisionId !== undefined || query.lastActivitySince !== undefined) && !dataset.byDecision) {
    throw new OpenDataInputError(`${dataset.name} is not filtered by decisionId, catalogYear, regionId or lastActivitySince (only by updatedSince).`);
  }
  if (query.decisionId !== undefined) {
    try {
      filter.decisionId = rowIdOf(query.decisionId, "Decision", "decisionId");
    } catch {
      throw new OpenDataInputError("decisionId must be the global id of a Decision.");
    }
  }
  if (query.catalogYear !== undefined) {
    if (!/^\d{4}$/.test(query.catalogYear) || query.catalogYear === "0000") throw new OpenDataInputError("catalogYear must be a four-digit year.");
    filter.catalogYear = Number(query.catalogYear);
  }
  if (query.regionId !== undefined) {
    try {
      filter.regionId = rowIdOf(query.regionId, "Region", "regionId");
    } catch {
      throw new OpenDataInputError("regionId must be the global id of a Region (as in the graph and the regions file).");
    }
  }
  if (query.updatedSince !== undefined) {
    if (!dataset.updatedSince) throw new OpenDataInputError(`${dataset.name} is not filtered by updatedSince: its rows are the report as of the day the file is made.`);
    const since = new Date(query.updatedSince);
    if (Number.isNaN(since.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(query.updatedSince) || !isCalendarDay(query.updatedSince.slice(0, 10))) {
      throw new OpenDataInputError("updatedSince must be an ISO 8601 date or time, e.g. 2026-01-01T00:00:00Z.");
    }
    filter.updatedSince = since;
  }
  if (query.lastActivitySince !== undefined) {
    try {
      filter.lastActivitySince = feedTime(query.lastActivitySince, "lastActivitySince");
    } catch {
      throw new OpenDataInputError("lastActivitySince must be an ISO 8601 date and time with its offset, e.g. 2026-01-01T00:00:00Z.");
    }
  }
  return filter;
}

/**
 * The rows' decision must match the filters: the record itself for decisions, its decision otherwise.
 * `largeRegionPath` is the filter region's path where its part of the tree is large. `whole` says
 * the statement reads the whole file at once (a cursor) rather than a page of it.
 */
function condition(dataset: Dataset, filter: ExportFilter, largeRegionPath: string | undefined, whole: boolean): SQL | undefined {
  const columns = getTableColumns(dataset.view) as Record<string, PgColumn>;
  const d = disclosed.decisions;
  const decisionConditions = and(
    filter.decisionId !== undefined ? sql`${d.id} = ${filter.decisionId}` : undefined,
    filter.catalogYear !== undefined ? sql`${d.catalogYear} = ${filter.catalogYear}` : undefined,
    filter.regionId !== undefined
      ? inRegionSubtree(d.regionId, disclosed.regions, largeRegionPath !== undefined ? { largePath: largeRegionPath } : { id: sql`${filter.regionId}` })
      : undefined,
    filter.lastActivitySince !== undefined ? gte(d.lastActivityAt, filter.lastActivitySince) : undefined,
  );
  const decisionColumn = columns[dataset.byDecision === "self" ? "id" : "decisionId"]!;
  // The rows of the filter's decisions are found through them, by the index on their decision, in
  // the file's order (a decision's rows together). As a join or an IN, the projection's view was
  // worked out for every row of the file before its decision was looked at: a year's comments at
  // 100k, 8.8 s of PostgreSQL that way, 3.9 s this; a town's, 6.8 s → 0.46 s. Keyset pages of many
  // decisions' rows (PGlite's) walk the file instead, each row's decision looked up: a page through
  // the decisions would find all of them again for each 2,500 rows.
  const smallRegion = filter.regionId !== undefined && largeRegionPath === undefined;
  const throughDecisions = whole || filter.decisionId !== undefined || smallRegion;
  // The decisions file is filtered on its own rows (a self-join would read the table whole), but for
  // a town or a village: its decisions found first, then read by their key. Filtered on its rows, a
  // cursor (planned to start fast) walked every decision in the file's order to keep a town's
  // (100k: 300 ms for 1,695 rows).
  const onItsOwnRows = dataset.byDecision === "self" && dataset.view === d && !smallRegion;
  const byDecision = !decisionConditions || !dataset.byDecision
    ? undefined
    : onItsOwnRows
      ? decisionConditions
      : throughDecisions
        ? sql`${decisionColumn} = ANY (ARRAY(SELECT ${d.id} FROM ${d} WHERE ${decisionConditions}))`
        : sql`${decisionColumn} IN (SELECT ${d.id} FROM ${d} WHERE ${decisionConditions})`;
  return and(byDecision, filter.updatedSince ? gte(columns.updatedAt!, filter.updatedSince) : undefined);
}

/** Below every value of a key's column (a uuid, or a rule's name): the first page's key. */
const beforeEvery = (column: PgColumn): string => (column.columnType === "PgUUID" ? "00000000-0000-0000-0000-000000000000" : "");

/**
 * Rows after `after` in the order of the dataset's key: its id, or (decisionId, id or rule). The first
 * column's bound alone is what an index seeks on; the whole key then skips the rows of that value seen.
 */
function afterKey(key: PgColumn[], after: string[]): SQL {
  if (key.length === 1) return gt(key[0]!, after[0]);
  return sql`${key[0]!} >= ${after[0]} AND (${sql.join(key, sql`, `)}) > (${sql.join(after.map((value) => sql`${value}`), sql`, `)})`;
}

/** A page of a file: its rows' lines, each ended (bytes as PostgreSQL sent them, or text), and how many rows. */
export interface FilePage {
  lines: Uint8Array | string;
  rows: number;
}

/**
 * How a file is read: "transaction", all of it by one statement through a cursor, in the transaction
 * that `read` runs in (one plan, one sort at most, for the whole file); "pages", a page at a time by
 * keyset on the key, each page a read of its own (PGlite's pages, see Database.consistentReads).
 */
export type FileReading = "transaction" | "pages";

let cursors = 0;

/**
 * The dataset's rows as the file holds them, a page at a time, so memory stays flat however large
 * the file: read from the disclosure projection, as the disclosure role. Pages, not rows, are handed
 * on: the response is then written in a few large chunks, not one per row. The next page is read
 * while this one is written out: two pages in memory at most.
 */
export async function* exportPages(dataset: Dataset, filter: ExportFilter, format: FileFormat, read: DisclosedRead, reading: FileReading): AsyncGenerator<FilePage> {
  const columns = getTableColumns(dataset.view) as Record<string, PgColumn>;
  const size = filter.regionId !== undefined ? await regionSize(read, disclosed.regions, filter.regionId) : undefined;
  // A region over the whole tree holds every decision (each has a region): its file is the whole file,
  // read as the whole file is, in its key's order, rather than through every decision's id (the city's
  // risk findings at 100,000 decisions: 39,000 rows a second, the whole file's 85,000).
  const scope = size?.large && size.wholeTree ? { ...filter, regionId: undefined } : filter;
  const where = condition(dataset, scope, size?.large ? size.path : undefined, reading === "transaction");
  const key = dataset.key.map((name) => columns[name]!);
  const line = fileLine(dataset, format);
  // Run as SQL, not through drizzle's select: its rows are mapped column by column, object by object.
  yield* reading === "transaction" ? cursorPages(read, sql`SELECT ${line} AS line FROM ${dataset.view} WHERE ${where ?? sql`true`} ORDER BY ${sql.join(key, sql`, `)}`) : keysetPages(read, dataset, line, where, key);
}

/** The statement's rows through a cursor, fetched a page at a time. */
async function* cursorPages(read: DisclosedRead, statement: SQL): AsyncGenerator<FilePage> {
  const cursor = sql.identifier(`open_data_file_${(cursors = (cursors + 1) % 1_000_000)}`);
  await read((db) => db.execute(sql`DECLARE ${cursor} NO SCROLL CURSOR FOR ${statement}`));
  const fetch = () => read((db) => columnBytesOf(db, sql`FETCH FORWARD ${literalLimit(EXPORT_PAGE_SIZE)} FROM ${cursor}`));
  let done = false;
  let next: Promise<(Uint8Array | string)[]> | null = fetch();
  try {
    while (next) {
      const lines: (Uint8Array | string)[] = await next;
      next = lines.length < EXPORT_PAGE_SIZE ? null : fetch();
      if (lines.length) yield { lines: joined(lines), rows: lines.length };
    }
    done = true;
  } finally {
    // A client that leaves early leaves a page in flight: its outcome no longer matters. The
    // transaction ends the cursor anyway; one that goes on (the snapshot's) reads other files.
    next?.catch(() => undefined);
    if (done) await read((db) => db.execute(sql`CLOSE ${cursor}`));
  }
}

/** Keyset pages: every page, the first included, is the same statement (only the key differs). */
async function* keysetPages(read: DisclosedRead, dataset: Dataset, line: SQL, where: SQL | undefined, key: PgColumn[]): AsyncGenerator<FilePage> {
  // One plan, the keyset's, which reads the key's index; an unbounded first page would be planned apart, as a join.
  const keys = sql.join(key.map((column, i) => sql`${column} AS ${sql.identifier(`key${i}`)}`), sql`, `);
  const page = (after: string[]): Promise<Record<string, string>[]> =>
    read((db) => rowsOf(db, sql`SELECT ${line} AS line, ${keys} FROM ${dataset.view} WHERE ${and(where, afterKey(key, after))} ORDER BY ${sql.join(key, sql`, `)} LIMIT ${literalLimit(EXPORT_PAGE_SIZE)}`));
  let next: Promise<Record<string, string>[]> | null = page(key.map(beforeEvery));
  try {
    while (next) {
      const rows: Record<string, string>[] = await next;
      next = rows.length < EXPORT_PAGE_SIZE ? null : page(key.map((_, i) => rows.at(-1)![`key${i}`]!));
      if (rows.length) yield { lines: joined(rows.map((row) => row.line!)), rows: rows.length };
    }
  } finally {
    next?.catch(() => undefined);
  }
}

/** A page's lines as one chunk: bytes put together as bytes, text as text (a driver gives one or the other). */
function joined(lines: (Uint8Array | string)[]): Uint8Array | string {
  return typeof lines[0] === "string" ? lines.join("") : Buffer.concat(lines as Uint8Array[]);
}

/** A file's chunks, a page at a time: the header (CSV), then each page's records (bytes or text, as read). */
export async function* fileChunks(dataset: Dataset, format: FileFormat, pages: AsyncIterable<FilePage>): AsyncGenerator<Uint8Array | string> {
  if (format !== "ndjson") yield (format === "excel.csv" ? UTF8_BOM : "") + csvRecord(dataset.columns.map((c) => c.name));
  for await (const page of pages) yield page.lines;
}
