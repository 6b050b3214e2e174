import { type Database, type SentStatement } from "../src/db/database.js";

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
  Schema?: string;
  Plans?: PlanNode[];
}

function* scans(node: PlanNode): Generator<string> {
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) yield `${node.Schema ?? "public"}.${node["Relation Name"]}`;
  for (const child of node.Plans ?? []) yield* scans(child);
}

/**
 * Explains each statement as it was sent (text and parameters) and returns every sequential scan
 * of a table holding more than `LARGE_TABLE_ROWS` rows (by the planner's statistics, so ANALYZE
 * first). The plan is the same for every role: the projection is views, not row security.
 */
export async function sequentialScans(database: Database, statements: SentStatement[]): Promise<SequentialScan[]> {
  const found: SequentialScan[] = [];
  const sizes = new Map<string, number>();
  for (const statement of statements) {
    if (!/^\s*(select|with)\b/i.test(statement.text)) continue;
    const [row] = await database.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params);
    const raw = row!["QUERY PLAN"];
    const [plan] = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    for (const table of scans(plan!.Plan)) {
      if (!sizes.has(table)) {
        const [size] = await database.query<{ rows: number }>("SELECT greatest(reltuples, 0)::float8 AS rows FROM pg_class WHERE oid = $1::regclass", [table]);
        sizes.set(table, Number(size?.rows ?? 0));
      }
      const rows = sizes.get(table)!;
      if (rows > LARGE_TABLE_ROWS) found.push({ table, rows, statement: statement.text });
    }
  }
  return found;
}
