import { sql, type SQL } from "drizzle-orm";

/**
 * A LIMIT written into the statement's text instead of sent as a parameter. The public pool keeps
 * generic plans (see `publicSession`), and a generic plan cannot see a parameter's value: it plans
 * for a tenth of the rows, which over the projection's views picks sorts and merge joins where a
 * page of a thousand wants index probes (an export page of comments: 16–20 ms → 3.5 ms). Page sizes
 * are bounded, so each query has a few texts, each prepared once per connection.
 */
export function literalLimit(rows: number): number {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`A LIMIT must be a whole number of rows, not ${rows}`);
  // Drizzle writes an SQL chunk given as the limit in place (its type only admits numbers).
  return sql.raw(String(rows)) as unknown as number;
}

/**
 * A day written into the statement (the server's "today", never a client's value): with a
 * parameter, a generic plan guesses that a third of the consultations close on or after it and
 * walks every decision in page order probing for one (345 ms at 100k decisions, 0.2 ms with the
 * day in the text). A new text each day is one more prepared statement per connection.
 */
export function literalDay(day: string): SQL {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a day: ${day}`);
  return sql.raw(`'${day}'::date`);
}

/**
 * The pattern of the paths under `path` (a region's, read from the database, never a client's
 * value), written into the statement so that a generic plan sees how much of the tree it covers.
 */
export function literalPathPrefix(path: string): SQL {
  const pattern = `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql.raw(`'${pattern.replaceAll("'", "''")}'`);
}
