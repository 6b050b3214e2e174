import { sql } from "drizzle-orm";

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
