import { type SQLWrapper } from "drizzle-orm";
import { type AppDb } from "./database.js";

/**
 * A statement's rows as the driver returns them, unmapped by drizzle: postgres.js answers with the
 * rows themselves, PGlite with `{ rows }`. Times and days stay text with either (drizzle's parsers).
 */
export async function rowsOf<T = Record<string, unknown>>(db: AppDb, statement: SQLWrapper): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] } | T[];
  return Array.isArray(result) ? result : result.rows;
}
