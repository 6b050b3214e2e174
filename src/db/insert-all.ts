import { getTableColumns, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { arrayLiteral } from "./array-literal.js";
import { type AppDb } from "./database.js";

/**
 * Inserts rows with one parameter per column, each an array of that column's values, unnested by
 * PostgreSQL: the statement is small to build, parse and plan however many rows it carries (a
 * multi-row VALUES list of 60,000 parameters took most of a bulk load's time to build and to plan).
 * The columns are those of the first row; a column left out takes its default. List-valued columns
 * travel as array literals and are cast back, since unnest would flatten them.
 */
export async function insertAll(db: AppDb, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in rows[0]!);
  const types = columns.map(([, column]) => column.getSQLType());
  const names = columns.map(([, column]) => `"${column.name}"`);
  // Each column's values as one array literal (drivers disagree on array parameters; text does not).
  const literals = columns.map(([key]) => arrayLiteral(rows.map((row) => row[key])));
  const isList = (i: number) => types[i]!.endsWith("]");
  const unnested = literals.map((literal, i) => sql`${literal}::${sql.raw(isList(i) ? "text" : types[i]!)}[]`);
  const selected = columns.map(([, column], i) => (isList(i) ? `u."${column.name}"::${types[i]}` : `u."${column.name}"`));
  await db.execute(sql`INSERT INTO ${sql.raw(`"${getTableConfig(table).name}" (${names.join(", ")})`)} SELECT ${sql.raw(selected.join(", "))} FROM unnest(${sql.join(unnested, sql.raw(", "))}) AS u(${sql.raw(names.join(", "))})`);
  return rows.length;
}
