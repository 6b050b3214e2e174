import { is, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { PostgresJsSession } from "drizzle-orm/postgres-js";
import { type AppDb } from "./database.js";

/**
 * A statement's rows as the driver returns them, unmapped by drizzle: postgres.js answers with the
 * rows themselves, PGlite with `{ rows }`. Times and days stay text with either (drizzle's parsers).
 */
export async function rowsOf<T = Record<string, unknown>>(db: AppDb, statement: SQLWrapper): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as { rows: T[] } | T[];
  return Array.isArray(result) ? result : result.rows;
}

const dialect = new PgDialect();

/**
 * The one column of a statement's rows, each value as the bytes the server sent where the driver
 * can hand them over (postgres.js's raw rows), as text otherwise (PGlite, in the process). A file's
 * lines then go out as they came in: decoding every line to a string and encoding it again took
 * 40 % of the server's CPU for the decisions file. Recorded like every statement drizzle sends.
 */
export async function columnBytesOf(db: AppDb, statement: SQL): Promise<(Uint8Array | string)[]> {
  const session = db._.session;
  if (!is(session, PostgresJsSession)) return (await rowsOf<Record<string, string>>(db, statement)).map((row) => Object.values(row)[0]!);
  const { sql: text, params } = dialect.sqlToQuery(statement);
  session.logger.logQuery(text, params);
  const rows = await session.client.unsafe(text, params as never[]).raw();
  return rows.map((row) => row[0] as Uint8Array);
}
