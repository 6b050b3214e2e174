import { and, getTableColumns, gt, gte, sql, type SQL } from "drizzle-orm";
import { type PgColumn } from "drizzle-orm/pg-core";
import { type Database, type DisclosedRead } from "../db/database.js";
export { type DisclosedRead } from "../db/database.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { rowIdOf, toGlobalId } from "../graphql/global-id.js";
import { isCalendarDay } from "../graphql/cursor.js";
import { typeNameOfRecord } from "../store/node-types.js";
import { type Dataset, type DatasetColumn, datasetNameOf } from "./datasets.js";
import { literalLimit } from "../db/literals.js";
import { rowsOf } from "../db/rows.js";
import { inRegionSubtree, regionSize } from "../regions/region-subtree.js";
import { feedTime } from "../changes/change-feed.js";
import { csvRecord, ndjsonRecord, UTF8_BOM } from "./formats.js";

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
 * `largeRegionPath` is the filter region's path where its part of the tree is large.
 */
function condition(dataset: Dataset, filter: ExportFilter, largeRegionPath: string | undefined): SQL | undefined {
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
  // A few decisions' rows are found through them: as a join, each page worked out every row of the
  // file before keeping the town's (a town's 13,025 comments at 100k: 6.8 s that way, 0.46 s this).
  // Many decisions' rows are found walking the file in id order, each row's decision looked up.
  const fewDecisions = filter.decisionId !== undefined || (filter.regionId !== undefined && largeRegionPath === undefined);
  // The decisions file is filtered on its own rows (a self-join would read the table whole).
  const byDecision = !decisionConditions || !dataset.byDecision
    ? undefined
    : dataset.byDecision === "self" && dataset.view === d
      ? decisionConditions
      : fewDecisions
        ? sql`${decisionColumn} = ANY (ARRAY(SELECT ${d.id} FROM ${d} WHERE ${decisionConditions}))`
        : sql`${decisionColumn} IN (SELECT ${d.id} FROM ${d} WHERE ${decisionConditions})`;
  return and(byDecision, filter.updatedSince ? gte(columns.updatedAt!, filter.updatedSince) : undefined);
}

/**
 * A column as the files hold it, worked out by PostgreSQL where it is cheaper there: times in ISO
 * 8601 UTC (the timestamps are kept to the millisecond, as JavaScript writes them), lists of enum
 * values joined with ";" (in both formats alike, so that CSV and NDJSON hold the same values).
 * Building a Date per time and parsing arrays was a third of the export's CPU.
 */
function fileColumn(column: DatasetColumn): SQL {
  const value =
    column.type === "datetime"
      ? sql`to_char(${column.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      : column.type === "enum-list"
        ? sql`array_to_string(${column.column}, ';')`
        : sql`${column.column}`;
  return sql`${value} AS ${sql.identifier(column.name)}`;
}

/** A value as the files hold it: ids as global ids, numbers as numbers, withheld or absent as null. */
function fileValue(column: DatasetColumn, row: Record<string, unknown>): string | number | boolean | null {
  const value = row[column.name];
  if (value === null || value === undefined) return null;
  if (column.type === "id") {
    const typeName = column.idOf === "subject" ? typeNameOfRecord(row.subjectType as string) : column.idOf!;
    return toGlobalId(typeName, value as string);
  }
  // A notice names the dataset of its record as the files do (risk-findings), not by its table.
  if (column.name === "subjectType" || column.name === "withheldRecordType") return datasetNameOf(value as string);
  // The driver hands numerics and 64-bit integers over as text ("1000.00"); the graph says 1000.
  if (column.type === "number" || column.type === "integer") return Number(value);
  return value as string | boolean;
}

/** Below every id: the first page's key. */
const BEFORE_EVERY_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Rows after `after` in the order of the dataset's key: its id, or (decisionId, rule). The first
 * column's bound alone is what an index seeks on; the whole key then skips the rows of that value seen.
 */
function afterKey(key: PgColumn[], after: string[]): SQL {
  if (key.length === 1) return gt(key[0]!, after[0]);
  return sql`${key[0]!} >= ${after[0]} AND (${sql.join(key, sql`, `)}) > (${sql.join(after.map((value) => sql`${value}`), sql`, `)})`;
}

export type FileRow = (string | number | boolean | null)[];


/**
 * The dataset's rows, a page at a time (keyset on id), so memory stays flat however large the file:
 * each page is one statement on the disclosure projection, read as the disclosure role. Pages, not
 * rows, are handed on: the response is then written in a few large chunks, not one per row.
 */
export async function* exportPages(database: Database, dataset: Dataset, filter: ExportFilter, read: DisclosedRead = (work) => database.readDisclosed(work)): AsyncGenerator<FileRow[]> {
  const columns = getTableColumns(dataset.view) as Record<string, PgColumn>;
  const selection = sql.join([...dataset.columns.map(fileColumn), ...(columns.subjectType ? [sql`${columns.subjectType} AS "subjectType"`] : [])], sql`, `);
  const size = filter.regionId !== undefined ? await regionSize(read, disclosed.regions, filter.regionId) : undefined;
  const where = condition(dataset, filter, size?.large ? size.path : undefined);
  // Every page, the first included, is the same statement (only the key differs): one plan, the
  // keyset's, which reads the id index; an unbounded first page would be planned apart, as a join.
  // Run as SQL, not through drizzle's select: its rows are mapped column by column, object by object.
  const key = dataset.key.map((name) => columns[name]!);
  const page = (after: string[]): Promise<Record<string, unknown>[]> =>
    read((db) => rowsOf(db, sql`SELECT ${selection} FROM ${dataset.view} WHERE ${and(where, afterKey(key, after))} ORDER BY ${sql.join(key, sql`, `)} LIMIT ${literalLimit(EXPORT_PAGE_SIZE)}`));
  // The next page is read while this one is written out: two pages in memory at most.
  let next: Promise<Record<string, unknown>[]> | null = page(dataset.key.map((_, i) => (i === 0 ? BEFORE_EVERY_ID : "")));
  try {
    while (next) {
      const rows: Record<string, unknown>[] = await next;
      next = rows.length < EXPORT_PAGE_SIZE ? null : page(dataset.key.map((name) => rows.at(-1)![name] as string));
      yield rows.map((row) => dataset.columns.map((column) => fileValue(column, row)));
    }
  } finally {
    // A client that leaves early leaves a page in flight: its outcome no longer matters.
    next?.catch(() => undefined);
  }
}

export type FileFormat = "csv" | "excel.csv" | "ndjson";

/** A file's text, a page at a time: the header (CSV), then each page's records. */
export async function* fileChunks(dataset: Dataset, format: FileFormat, pages: AsyncIterable<FileRow[]>): AsyncGenerator<string> {
  const csv = format !== "ndjson";
  const names = dataset.columns.map((c) => c.name);
  const lists = dataset.columns.map((c) => c.type === "enum-list");
  if (csv) yield (format === "excel.csv" ? UTF8_BOM : "") + csvRecord(names);
  for await (const page of pages) yield page.map((values) => (csv ? csvRecord(values) : ndjsonRecord(names, values, lists))).join("");
}
