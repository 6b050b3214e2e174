import { sql } from "drizzle-orm";
import { type AnyPgColumn, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";

// UUIDs, not sequences: a gap in a public sequence would betray that a withheld record exists.
export const idColumn = () => uuid("id").primaryKey().defaultRandom();

// Millisecond precision: a JavaScript Date holds it exactly, so keyset cursors round-trip.
export const timestampColumns = () => ({
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/**
 * Record keeping on every record of a decision's file: the version an update must be based on
 * (a stale one is a conflict, not an overwrite), and withdrawal instead of deletion.
 */
export const recordKeepingColumns = () => ({
  version: integer("version").notNull().default(1),
  withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, precision: 3, mode: "date" }),
  withdrawalReason: text("withdrawal_reason"),
});

/**
 * The few withdrawn records of a table that other records' visibility depends on (a withdrawn
 * decision hides its file, a withdrawn consultation its comments): the projection asks "is my parent
 * withdrawn?" for every row it reads, and this small index answers without reading the parents.
 */
export const withdrawnIndex = (table: string, t: { id: AnyPgColumn; withdrawnAt: AnyPgColumn }) => index(`${table}_withdrawn_idx`).on(t.id).where(sql`${t.withdrawnAt} IS NOT NULL`);
