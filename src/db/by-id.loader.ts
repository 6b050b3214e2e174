import DataLoader from "dataloader";
import { getTableColumns } from "drizzle-orm";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { type Reader } from "./reader.js";
import { builtStatement, idSlots, idValues, inIds, serialOf } from "./built-statements.js";

/** How a request schedules its batches (see ReadScheduler). */
export type LoaderOptions = { batchScheduleFn?: (dispatch: () => void) => void };

export type Row = Record<string, unknown> & { id: string };

/** Loads records by primary key in one statement per batch; a missing key loads as null. */
export function byIdLoader(read: Reader, table: PgTable, options?: LoaderOptions): DataLoader<string, Row | null> {
  const idColumn = getTableColumns(table).id as PgColumn;
  return new DataLoader(async (ids) => {
    const key = `byId:${serialOf(table)}:${idSlots(ids.length)}`;
    const rows = (await read((db) => builtStatement(db, key, (db) => db.select().from(table).where(inIds(idColumn, ids.length))).execute(idValues(ids)))) as Row[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, options);
}
