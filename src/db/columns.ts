import { integer, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
