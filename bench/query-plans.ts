import { sql } from "drizzle-orm";
import { arrayLiteral } from "../src/db/array-literal.js";
import { type AppDb, type Database, type SentStatement } from "../src/db/database.js";

/** Above this many rows, reading a whole table for one request is a missing index, not a plan choice. */
export const LARGE_TABLE_ROWS = 10_000;

export interface SequentialScan {
  table: string;
  rows: number;
  statement: string;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Schema?: string;
  Plans?: PlanNode[];
}

function* nodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* nodes(child);
}

function* scans(plan: PlanNode): Generator<string> {
  for (const node of nodes(plan)) if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) yield `${node.Schema ?? "public"}.${node["Relation Name"]}`;
}

/** A parameter as an SQL literal, for `EXECUTE` of a prepared statement. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  if (value instanceof Date) return quote(value.toISOString());
  if (Array.isArray(value)) return quote(arrayLiteral(value));
  return quote(String(value));
}

/**
 * The plan the server runs. On PostgreSQL the public pool keeps generic plans (see
 * `publicSession`), so the statement is prepared and explained with the same setting; PGlite plans
 * each execution with its values, as EXPLAIN with parameters does.
 */
async function planOf(database: Database, statement: SentStatement): Promise<PlanNode> {
  const parse = (raw: unknown) => ((typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[])[0]!.Plan;
  // An open-data file's cursor: sent unnamed in its transaction, so planned with its values, as a cursor.
  if (database.kind === "pglite" || /^\s*declare\b/i.test(statement.text)) {
    const [row] = await database.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params);
    return parse(row!["QUERY PLAN"]);
  }
  // A rate budget's statement runs as the tables' owner (no other role has a grant on shared_state).
  const session = statement.text.includes("shared_state.") ? <T>(work: (db: AppDb) => Promise<T>) => database.db.transaction((tx) => work(tx as unknown as AppDb)) : database.asWriter;
  return session(async (db) => {
    await db.execute(sql.raw("SET LOCAL plan_cache_mode = force_generic_plan"));
    await db.execute(sql.raw(`PREPARE plan_check AS ${statement.text}`));
    try {
      const explained = await db.execute(sql.raw(`EXPLAIN (FORMAT JSON) EXECUTE plan_check${statement.params.length ? `(${statement.params.map(literal).join(", ")})` : ""}`));
      const rows = (Array.isArray(explained) ? explained : (explained as { rows: unknown[] }).rows) as { "QUERY PLAN": unknown }[];
      return parse(rows[0]!["QUERY PLAN"]);
    } finally {
      await db.execute(sql.raw("DEALLOCATE plan_check"));
    }
  });
}

/** Statements that read (and have a plan to explain). */
const READS = /^\s*(select|with|declare)\b/i;

/** A table's or an index's rows by the planner's statistics (ANALYZE first). */
async function relationRows(database: Database, name: string): Promise<number> {
  const [size] = await database.query<{ rows: number }>("SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = $1::regclass", [name]);
  return Number(size?.rows ?? 0);
}

/**
 * Explains each statement as it was sent (text and parameters) and returns every sequential scan
 * of a table holding more than `largerThan` rows (`LARGE_TABLE_ROWS` by default; by the planner's
 * statistics, so ANALYZE first). The plan is the same for every role: the projection is views, not
 * row security.
 */
export async function sequentialScans(database: Database, statements: SentStatement[], largerThan = LARGE_TABLE_ROWS): Promise<SequentialScan[]> {
  const found: SequentialScan[] = [];
  const sizes = new Map<string, number>();
  for (const statement of statements) {
    if (!READS.test(statement.text)) continue;
    // A rate budget's statement (shared_state): a row per holder and window, found by its primary
    // key; the planner may well scan the table while it is small. Not a table of the record.
    if (statement.text.includes("shared_state.")) continue;
    for (const table of scans(await planOf(database, statement))) {
      if (!sizes.has(table)) sizes.set(table, await relationRows(database, table));
      const rows = sizes.get(table)!;
      if (rows > largerThan) found.push({ table, rows, statement: statement.text });
    }
  }
  return found;
}

/**
 * Every sort of the statements' plans that puts a large table's rows in the order of `keys` (column
 * names) all at once, rather than as an index gives them (an incremental sort of a few rows at a time
 * is not one): a file sorted whole sends nothing until it has read every row.
 */
export async function wholeSorts(database: Database, statements: SentStatement[], keys: string[]): Promise<SequentialScan[]> {
  const found: SequentialScan[] = [];
  for (const statement of statements) {
    if (!READS.test(statement.text)) continue;
    for (const node of nodes(await planOf(database, statement))) {
      const sortKey = (node as { "Sort Key"?: string[] })["Sort Key"]?.map((key) => key.replace(/^.*\./, "").replaceAll('"', ""));
      if (node["Node Type"] !== "Sort" || sortKey?.join() !== keys.join()) continue;
      const tables = [...new Set([...nodes(node)].flatMap((n) => (n["Relation Name"] ? [`${n.Schema ?? "public"}.${n["Relation Name"]}`] : [])))];
      for (const table of tables) {
        const rows = await relationRows(database, table);
        if (rows > LARGE_TABLE_ROWS) found.push({ table, rows, statement: statement.text });
      }
    }
  }
  return found;
}

/**
 * Every walk of a large table's whole index (an index scan with no condition to seek on): what a whole
 * file does to read its rows in order, and what a file of a few decisions' rows must not.
 */
export async function wholeIndexWalks(database: Database, statements: SentStatement[]): Promise<SequentialScan[]> {
  const found: SequentialScan[] = [];
  for (const statement of statements) {
    if (!READS.test(statement.text)) continue;
    for (const node of nodes(await planOf(database, statement))) {
      if (!/^Index (Only )?Scan$/.test(node["Node Type"]) || node["Index Cond"] || !node["Relation Name"] || !node["Index Name"]) continue;
      // The index's own entries: a partial index (the withdrawn decisions') holds few of its table's rows.
      const rows = await relationRows(database, `${node.Schema ?? "public"}.${node["Index Name"]}`);
      if (rows > LARGE_TABLE_ROWS) found.push({ table: `${node.Schema ?? "public"}.${node["Relation Name"]} (${node["Index Name"]})`, rows, statement: statement.text });
    }
  }
  return found;
}

/** The indexes the statements' plans (as the server runs them) read, each once. */
export async function indexesRead(database: Database, statements: SentStatement[]): Promise<string[]> {
  const names = new Set<string>();
  for (const statement of statements) for (const node of nodes(await planOf(database, statement))) if (node["Index Name"]) names.add(node["Index Name"]);
  return [...names];
}
